"""The library of workshops: the home screen, its table model and filter, new workshops,
and looking after the library file (backups, restore, recovery)."""
