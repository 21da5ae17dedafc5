"""Tables on the Accountability and Shared responsibilities pages show all their rows (up to
a screenful): the page scrolls as a whole rather than each table hiding rows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from ui.shell.main_window import MainWindow
from workshop.model import Workshop
from workshop.steps import Step


def all_rows_show(table: QTableView) -> bool:
    rows = table.model().rowCount()
    last = table.rowViewportPosition(rows - 1) + table.rowHeight(rows - 1)
    return last <= table.viewport().height() and not table.verticalScrollBar().isVisible()


@pytest.mark.parametrize(
    ("step", "editors"),
    [
        (Step.ACCOUNTABILITY, ("commitment_editor", "kpi_editor", "escalation_editor")),
        (Step.RESPONSIBILITIES, ("activity_editor",)),
    ],
)
def test_every_row_of_the_demo_shows_on_a_full_hd_screen(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    step: Step,
    editors: tuple[str, ...],
) -> None:
    window = make_window()
    window.resize(1920, 1080)
    window.open_workshop(demo_workshop.id, step)
    assert window.view is not None
    page = window.view.page(step)
    for name in editors:
        table = getattr(page, name).table
        assert table.model().rowCount() >= 3
        qtbot.waitUntil(lambda t=table: all_rows_show(t))
