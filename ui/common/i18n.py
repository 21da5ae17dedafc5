"""Translation helper for the interface: every user-visible string goes through ``tr``."""

from PySide6.QtCore import QCoreApplication


def tr(text: str, context: str = "Accord") -> str:
    return QCoreApplication.translate(context, text)
