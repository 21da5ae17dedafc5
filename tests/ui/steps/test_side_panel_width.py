"""The guidance and gaps panel gives way on a laptop screen, so the step's tables keep room."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.shell.main_window import MainWindow
from ui.steps.page import SIDE_MIN_WIDTH, SIDE_WIDTH
from workshop.model import Workshop
from workshop.steps import Step


def test_side_panel_narrows_on_a_laptop_and_not_on_a_wide_screen(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_workshop: Workshop
) -> None:
    window = make_window()
    window.open_workshop(demo_workshop.id, Step.GOAL)
    assert window.view is not None
    page = window.view.page(Step.GOAL)
    window.resize(1600, 1000)
    QApplication.processEvents()
    assert page.side.width() == SIDE_WIDTH
    window.resize(1366, 768)
    QApplication.processEvents()
    assert SIDE_MIN_WIDTH <= page.side.width() < SIDE_WIDTH
    assert page.scroll_area.width() > 1366 - 226 - SIDE_WIDTH
