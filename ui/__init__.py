"""Accord's desktop interface (PySide6)."""
