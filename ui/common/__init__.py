"""The toolkit every room of the interface uses: translation (``tr``), the theme, icons,
literal text, the few questions Accord asks, settings, off-thread tasks, object lifetime
and small shared widgets. It imports nothing else from ``ui``."""
