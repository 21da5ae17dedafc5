"""GUI fixtures: a main window on a temporary library, with settings in a temporary file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ui.common.settings import Settings
from ui.common.tasks import SyncRunner
from ui.shell.app import make_application, style
from ui.shell.main_window import MainWindow
from workshop.model import Workshop


@pytest.fixture(scope="session", autouse=True)
def _styled_app() -> None:
    style(make_application())


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(
    qtbot: QtBot, library_path: Path, settings_path: Path
) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(database: Path | str | None = None, start: bool = True) -> MainWindow:
        settings = Settings(QSettings(str(settings_path), QSettings.Format.IniFormat))
        window = MainWindow(
            database=str(database or library_path), runner=SyncRunner(), settings=settings
        )
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):  # shortcuts reach only the active window
            window.activateWindow()
        if start:
            window.start()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.isVisible():
            window.close()


@pytest.fixture
def demo_workshop(library_path: Path) -> Workshop:
    """The realistic demo workshop, already in the test library."""
    from datetime import date

    from storage.engine import resolve_url
    from storage.library import open_library
    from workshop.demo import build_demo_workshop

    repo = open_library(resolve_url(str(library_path)))
    demo = build_demo_workshop(date(2026, 11, 23))
    repo.add(demo)
    repo.close()
    return demo
