"""The frame around everything: the main window, its actions, menus and shortcuts, the
open workshop's step navigator, the save-problem bar, help and start-up. The only package
that knows every room; the rooms know the shell only through ``ui.shell.bridge``."""
