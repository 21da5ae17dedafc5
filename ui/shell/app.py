"""Start the app: the window paints first, the library opens right after, off the GUI thread."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ui.common import theme
from ui.shell.main_window import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Accord")
    app.setOrganizationName("Accord")
    app.setApplicationDisplayName("Accord")
    QGuiApplication.setDesktopFileName("accord")
    return app


def style(app: QApplication) -> None:
    app.setStyleSheet(theme.stylesheet())


def run(database: str | None = None, quit_after_show: bool = False) -> int:
    app = make_application()
    style(app)
    window = MainWindow(database=database)
    if quit_after_show:
        # Exit once the first frame is painted, before the post-frame work (icons, library).
        window.decorate_after_paint = False
        window.painted.connect(lambda: QTimer.singleShot(0, app.quit))
    else:
        QTimer.singleShot(0, window.start)
        # Follow the system's light/dark switch while running.
        app.styleHints().colorSchemeChanged.connect(lambda _s: style(app))
    window.show()
    return app.exec()
