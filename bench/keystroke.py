"""``keystroke``: from a key pressed in a field to the edit being in the library file.

Every keystroke in a bound field is an undoable edit committed before the next key is read,
so a crash or a kill loses at most the key being handled. The subject sends key events to
the Room page's client field of the real main window (offscreen, synchronous task runner)
on a library holding the demo workshop, and checks the file afterwards. The baseline is
the same key events into an unbound ``QLineEdit``: what Qt alone costs per key.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.report import BenchError, Result
from bench.stats import percentile

NAME = "keystroke"
ABSOLUTE_BUDGET_MS = 20.0  # p99 from key press to commit: what README promises


def run(quick: bool) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QLineEdit

    from storage.engine import resolve_url
    from storage.library import open_library
    from ui.common.settings import Settings
    from ui.common.tasks import SyncRunner
    from ui.shell.app import make_application
    from ui.shell.main_window import MainWindow
    from workshop.demo import build_demo_workshop
    from workshop.steps import Step

    keys = 100 if quick else 1000
    app = QApplication.instance() or make_application()

    def press(widget: QLineEdit, char: str) -> int:
        start = time.perf_counter_ns()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
        return time.perf_counter_ns() - start

    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        library = Path(tmp) / "library.sqlite3"
        repo = open_library(resolve_url(str(library)))
        demo = build_demo_workshop(date.today())
        repo.add(demo)
        repo.close()
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(database=str(library), runner=SyncRunner(), settings=settings)
        window.show()  # shown, so every page refresh a keystroke causes is paid for
        window.start()
        window.open_workshop(demo.id, Step.ROOM)
        if window.view is None:
            raise BenchError("the demo workshop did not open")
        field = window.view.page(Step.ROOM).client_edit  # type: ignore[attr-defined]
        plain = QLineEdit()
        field.clear()
        subject_ns: list[int] = []
        baseline_ns: list[int] = []
        typed = ""
        for i in range(keys):
            char = "abcdefghij"[i % 10]
            baseline_ns.append(press(plain, char))
            subject_ns.append(press(field, char))
            typed += char
            if len(typed) >= 60:  # a long client name, then start over
                field.selectAll()
                typed = ""
        app.processEvents()
        db = sqlite3.connect(library)
        try:
            stored = db.execute("SELECT client FROM workshops").fetchone()[0]
        finally:
            db.close()
        window.close()
        window.deleteLater()
        plain.deleteLater()
        if not stored.endswith(typed[-10:]):
            raise BenchError(f"the library holds {stored[-20:]!r}, not what was typed")

    def ms(samples: list[int], p: float) -> float:
        return percentile(samples, p) / 1e6

    p99 = ms(subject_ns, 99)
    return [
        Result(f"{NAME}-p50", ms(subject_ns, 50), "ms", baseline=ms(baseline_ns, 50)),
        Result(f"{NAME}-p99", p99, "ms", baseline=ms(baseline_ns, 99)),
        Result(NAME, p99, "ms", absolute_budget=ABSOLUTE_BUDGET_MS),
    ]
