"""The agenda on the Room page: the standard half-day agenda, edits with undo, planned times
from the start time, and the planned total against the time available."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from storage.engine import resolve_url
from storage.library import open_library
from tests.ui.typing_helpers import commit_cell, type_text
from ui.common import theme
from ui.room.agenda_editor import AgendaPanel
from ui.room.agenda_model import ACTUAL, PLANNED, STEP, TIME, TITLE, VERSUS
from ui.room.page import RoomPage
from ui.shell.main_window import MainWindow
from workshop.editing import new_workshop
from workshop.model import AgendaItem
from workshop.steps import Step


def open_agenda(
    make_window: Callable[..., MainWindow], path: Path, agenda: list[AgendaItem] | None = None
) -> tuple[MainWindow, AgendaPanel]:
    repo = open_library(resolve_url(str(path)))
    w = new_workshop("Agenda test", client="Acme")
    w.agenda = agenda or []  # a workshop made before agendas existed
    repo.add(w)
    repo.close()
    window = make_window()
    window.open_workshop(w.id)
    assert window.view is not None
    page = window.view.page(Step.ROOM)
    assert isinstance(page, RoomPage)
    return window, page.agenda


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def agenda_rows(path: Path) -> list[tuple[object, ...]]:
    return rows(
        path,
        "SELECT title, step, planned_minutes, actual_minutes FROM agenda_items ORDER BY position",
    )


def start_time(path: Path) -> object:
    return rows(path, "SELECT start_time FROM workshops")[0][0]


def shown(panel: AgendaPanel, row: int, column: int) -> str:
    return str(panel.model.index(row, column).data())


def edit_cell(qtbot: QtBot, panel: AgendaPanel, row: int, column: int, text: str) -> None:
    """Click a cell, press F2, type over it and press Enter, as a person would."""
    index = panel.model.index(row, column)
    panel.table.scrollTo(index)
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.table.currentIndex() == index
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is panel.table.viewport()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    type_text(editor, text)
    commit_cell(qtbot, editor)


def test_a_workshop_without_an_agenda_gets_the_standard_one_in_one_undo_step(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, panel = open_agenda(make_window, library_path)
    assert panel.editor.empty_hint.isVisible()
    assert panel.standard_button.isVisible()
    assert panel.fit.text() == "Planned 0 min of 4 h: 4 h to spare."

    qtbot.mouseClick(panel.standard_button, Qt.MouseButton.LeftButton)
    stored = agenda_rows(library_path)
    assert len(stored) == 9
    assert stored[0] == ("Welcome, goals for today and ground rules", "room", 15, None)
    assert stored[3] == ("Break", None, 15, None)
    assert not panel.standard_button.isVisible()
    assert shown(panel, 0, TIME) == "▶ 09:00–09:15"  # the item the timer is set to
    assert shown(panel, 8, TIME) == "12:50–13:00"
    assert shown(panel, 3, STEP) == "— free item"
    assert panel.fit.text() == "Planned 4 h: exactly the time available."
    # The time column comes first on screen.
    assert panel.table.horizontalHeader().visualIndex(TIME) == 0

    window.act.undo.trigger()
    assert agenda_rows(library_path) == []
    assert panel.standard_button.isVisible()
    window.act.redo.trigger()
    assert len(agenda_rows(library_path)) == 9


def test_editing_minutes_moves_every_later_time_and_undo_takes_it_back(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, panel = open_agenda(make_window, library_path)
    panel.add_standard()
    edit_cell(qtbot, panel, 0, PLANNED, "1:30")  # typed as hours and minutes
    assert agenda_rows(library_path)[0][2] == 90
    assert shown(panel, 0, PLANNED) == "90"
    assert shown(panel, 1, TIME) == "10:30–11:05"
    assert panel.fit.text() == "Planned 5 h 15 min, 1 h 15 min more than the 4 h available."
    gap = theme.tone(theme.Tone.GAP)
    assert panel.fit.palette().color(QPalette.ColorRole.WindowText) == gap

    # Words that are not minutes are explained under the table; nothing is stored.
    edit_cell(qtbot, panel, 1, PLANNED, "ten")
    assert panel.editor.notes.isVisible()
    assert "“ten” is not a number of minutes" in panel.editor.notes.text()
    assert agenda_rows(library_path)[1][2] == 35

    window.act.undo.trigger()
    assert agenda_rows(library_path)[0][2] == 15
    assert shown(panel, 1, TIME) == "09:15–09:50"


def test_titles_steps_and_actual_minutes_are_edited_in_the_table(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, panel = open_agenda(
        make_window, library_path, [AgendaItem(title="Goal", step="goal", planned_minutes=30)]
    )
    nasty = "<b>Lunch</b> & a<b 🎉 שלום"
    edit_cell(qtbot, panel, 0, TITLE, nasty)
    assert agenda_rows(library_path)[0][0] == nasty
    assert shown(panel, 0, TITLE) == nasty

    # A free item through the drop-down.
    index = panel.model.index(0, STEP)
    panel.table.setCurrentIndex(index)
    panel.table.edit(index)
    combo = panel.table.viewport().findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findText("— free item (break, lunch…)"))
    combo.activated.emit(combo.currentIndex())
    assert agenda_rows(library_path)[0][1] is None
    assert shown(panel, 0, STEP) == "— free item"

    # Actual minutes typed after the fact; the comparison with the plan follows.
    qtbot.keyClick(combo, Qt.Key.Key_Escape)
    edit_cell(qtbot, panel, 0, ACTUAL, "35 min")
    assert agenda_rows(library_path)[0][3] == 35
    assert shown(panel, 0, VERSUS) == "+5 min"
    assert panel.review.text() == "1 of 1 items run: 35 min against 30 min planned (+5 min)."
    edit_cell(qtbot, panel, 0, ACTUAL, "")  # cleared: not run after all
    assert agenda_rows(library_path)[0][3] is None
    assert shown(panel, 0, VERSUS) == ""
    window.act.undo.trigger()
    assert agenda_rows(library_path)[0][3] == 35


def test_start_time_is_checked_and_times_cross_midnight(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, panel = open_agenda(
        make_window,
        library_path,
        [
            AgendaItem(title="Evening", planned_minutes=45),
            AgendaItem(title="Late", planned_minutes=60),
        ],
    )
    panel.start_edit.setFocus()
    panel.start_edit.selectAll()
    type_text(panel.start_edit, "23:30")
    assert start_time(library_path) == "23:30"
    assert shown(panel, 1, TIME) == "00:15 (+1)–01:15 (+1)"

    panel.start_edit.selectAll()
    type_text(panel.start_edit, "nine")
    assert panel.start_error.text() == (
        "“nine” is not a time of day; type it as hours and minutes, e.g. 09:00."
    )
    assert start_time(library_path) == "23:30"  # the last good time is kept
    panel.end_edit.setFocus()  # leaving shows the kept time again
    assert panel.start_edit.text() == "23:30"
    assert panel.start_error.text() == ""

    # The end of the session sets the time available, across midnight too.
    panel.end_edit.selectAll()
    type_text(panel.end_edit, "1:00")
    assert panel.fit.text() == "Planned 1 h 45 min, 15 min more than the 1 h 30 min available."
    qtbot.keyClick(panel.end_edit, Qt.Key.Key_Return)
    assert panel.end_edit.text() == "01:00"

    panel.start_edit.setFocus()
    panel.start_edit.selectAll()
    type_text(panel.start_edit, "9")  # an hour alone is read as 09:00
    assert start_time(library_path) == "09:00"
    window.act.undo.trigger()
    assert start_time(library_path) == "23:30"


def test_the_end_of_the_session_and_the_chime_are_remembered(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, panel = open_agenda(make_window, library_path)
    assert panel.end_edit.text() == "13:00"  # four hours after 09:00 until told otherwise
    panel.end_edit.setFocus()
    panel.end_edit.selectAll()
    type_text(panel.end_edit, "17:30")
    qtbot.keyClick(panel.end_edit, Qt.Key.Key_Return)
    assert panel.fit.text() == "Planned 0 min of 8 h 30 min: 8 h 30 min to spare."
    assert window.view is not None
    room = window.view.page(Step.ROOM)
    assert isinstance(room, RoomPage)
    qtbot.mouseClick(room.timer_panel.chime_box, Qt.MouseButton.LeftButton)  # chime on
    window.close()

    again = make_window()
    assert again.view is not None
    page = again.view.page(Step.ROOM)
    assert isinstance(page, RoomPage)
    assert page.agenda.end_edit.text() == "17:30"
    assert page.timer_panel.chime_box.isChecked() and page.clock.chime


def test_the_agenda_model_keeps_qt_model_rules(
    qtbot: QtBot,
    qtmodeltester: object,
    make_window: Callable[..., MainWindow],
    library_path: Path,
) -> None:
    window, panel = open_agenda(make_window, library_path)
    panel.add_standard()
    qtmodeltester.check(panel.model, force_py=True)  # type: ignore[attr-defined]
    window.act.undo.trigger()
    qtmodeltester.check(panel.model, force_py=True)  # type: ignore[attr-defined]
