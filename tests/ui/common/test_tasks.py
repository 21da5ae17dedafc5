"""Slow work runs off the GUI thread and comes back by signal."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ui.common.settings import Settings
from ui.common.tasks import TaskRunner
from ui.shell.main_window import MainWindow


def test_work_runs_in_another_thread_and_results_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    results: list[int] = []
    runner.submit(
        work, lambda r: (results.append(r), seen.update(done=threading.get_ident())), print
    )
    qtbot.waitUntil(lambda: results == [42])
    assert seen["worker"] != gui and seen["done"] == gui

    errors: list[BaseException] = []
    runner.submit(lambda: 1 / 0, print, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)


def test_the_window_opens_the_library_off_the_gui_thread(
    qtbot: QtBot, library_path: Path, settings_path: Path
) -> None:
    settings = Settings(QSettings(str(settings_path), QSettings.Format.IniFormat))
    window = MainWindow(database=str(library_path), settings=settings)  # the real runner
    qtbot.addWidget(window)
    window.show()
    assert window.home.stack.currentWidget() is window.home.loading
    with qtbot.waitSignal(window.library_ready, timeout=20_000):
        window.start()
    assert window.home.stack.currentWidget() is window.home.empty
    assert window.act.new.isEnabled()
    window.close()
