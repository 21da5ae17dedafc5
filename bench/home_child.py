"""Run by ``library-scale`` in a child process: the app's window on a library, timed from
the moment the library starts opening (``MainWindow.start``, in the first turn of the event
loop, as ``ui.shell.app.run`` does) to the first paint of the home screen's table of workshops.

``python -m bench.home_child LIBRARY OUT``: writes the milliseconds to OUT; exit status 3
if the table never painted.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


class FirstPaint(QObject):
    """Calls ``then`` at the first paint of the widget it filters, once."""

    def __init__(self, then: Any) -> None:
        super().__init__()
        self.then = then

    def eventFilter(self, watched: Any, event: Any) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def main(library: str, out: Path) -> int:
    from ui.shell.app import make_application, style
    from ui.shell.main_window import MainWindow

    app = make_application()
    style(app)
    window = MainWindow(database=library)
    started: list[int] = []
    painted: list[int] = []

    def table_painted() -> None:
        painted.append(time.perf_counter_ns())
        rows = window.home.proxy.rowCount()
        out.write_text(f"{(painted[0] - started[0]) / 1e6} {rows}\n", encoding="utf-8")
        QApplication.quit()

    table_filter = FirstPaint(table_painted)

    def library_ready() -> None:
        window.home.table.viewport().installEventFilter(table_filter)

    def start() -> None:
        started.append(time.perf_counter_ns())
        window.start()

    window.library_ready.connect(library_ready)
    QTimer.singleShot(0, start)  # as ui.shell.app.run starts the app
    QTimer.singleShot(60_000, lambda: app.exit(3))
    window.show()
    code = app.exec()
    window.close()
    return code if not painted else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
