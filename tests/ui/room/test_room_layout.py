"""The Room page on a laptop screen: every agenda column shows, the timer stays at hand."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from ui.room.page import RoomPage
from ui.shell.main_window import MainWindow
from workshop.model import Workshop
from workshop.steps import Step


def room_page(window: MainWindow, workshop: Workshop) -> RoomPage:
    window.open_workshop(workshop.id, Step.ROOM)
    assert window.view is not None
    page = window.view.page(Step.ROOM)
    assert isinstance(page, RoomPage)
    return page


def show_size(qtbot: QtBot, window: MainWindow, page: RoomPage, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    qtbot.waitUntil(lambda: page.agenda_row.width() < page.scroll_area.viewport().width())
    page.scroll_area.ensureWidgetVisible(page.agenda_row)


def columns_fit(page: RoomPage) -> bool:
    table = page.agenda.table
    header = table.horizontalHeader()
    right = max(
        header.sectionViewportPosition(c) + header.sectionSize(c) for c in range(header.count())
    )
    return right <= table.viewport().width() and not table.horizontalScrollBar().isVisible()


def test_on_a_laptop_screen_the_timer_goes_above_and_every_agenda_column_shows(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_workshop: Workshop
) -> None:
    window = make_window()
    page = room_page(window, demo_workshop)
    show_size(qtbot, window, page, 1366, 768)
    row, timer, table = page.agenda_row, page.timer_panel, page.agenda.table
    qtbot.waitUntil(lambda: not row.side_by_side)
    qtbot.waitUntil(lambda: columns_fit(page))
    for column in range(table.horizontalHeader().count()):
        assert table.horizontalHeader().sectionSize(column) > 0
    # The timer sits above the agenda, across the card: digits beside its buttons.
    assert timer.mapTo(row, QPoint(0, timer.height())).y() <= table.mapTo(row, QPoint(0, 0)).y()
    assert timer.wide and not row.line.isVisible()
    assert timer.start_button.mapTo(timer, QPoint(0, 0)).x() > timer.digits.geometry().right()
    # It still works with the mouse in this arrangement.
    qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)
    assert timer.start_button.text() == "Pause"

    # On a wide screen the timer is back beside the agenda, whose columns still all show.
    show_size(qtbot, window, page, 1920, 1080)
    qtbot.waitUntil(lambda: row.side_by_side)
    qtbot.waitUntil(lambda: columns_fit(page))
    assert not timer.wide and row.line.isVisible()
    assert timer.mapTo(row, QPoint(0, 0)).x() > table.mapTo(row, QPoint(table.width(), 0)).x()
