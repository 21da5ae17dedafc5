"""Room & agenda: every edit is saved at once and can be undone."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from storage.engine import resolve_url
from storage.library import open_library
from tests.ui.typing_helpers import type_text
from ui.room.page import EMAIL, NAME, TEAM, RoomPage
from ui.shell.main_window import MainWindow
from workshop.editing import new_workshop
from workshop.model import Participant, Team
from workshop.steps import Step


def open_room(
    make_window: Callable[..., MainWindow], path: Path, people: list[Participant] | None = None
) -> tuple[MainWindow, RoomPage, str]:
    repo = open_library(resolve_url(str(path)))
    w = new_workshop("Room test", client="Acme")
    w.participants = people or []
    repo.add(w)
    repo.close()
    window = make_window()
    window.open_workshop(w.id)
    assert window.view is not None
    page = window.view.page(Step.ROOM)
    assert isinstance(page, RoomPage)
    return window, page, w.id


def stored(path: Path, sql: str) -> object:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchone()[0]
    finally:
        db.close()


def test_typing_is_saved_at_once_and_undone_as_one_step(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page, _ = open_room(make_window, library_path)
    page.location_edit.setFocus()
    type_text(page.location_edit, "Elbe Room, Hamburg")
    assert stored(library_path, "SELECT location FROM workshops") == "Elbe Room, Hamburg"
    assert window.view is not None and window.view.saved.text() == "All changes saved"
    page.client_edit.setFocus()  # leaving the field ends the undo step
    page.client_edit.end(False)
    type_text(page.client_edit, " GmbH")
    assert stored(library_path, "SELECT client FROM workshops") == "Acme GmbH"

    window.act.undo.trigger()
    assert page.client_edit.text() == "Acme"
    assert stored(library_path, "SELECT client FROM workshops") == "Acme"
    window.act.undo.trigger()
    assert page.location_edit.text() == ""
    assert stored(library_path, "SELECT location FROM workshops") == ""
    window.act.redo.trigger()
    assert page.location_edit.text() == "Elbe Room, Hamburg"


def test_hostile_text_reaches_the_library_literally(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page, _ = open_room(make_window, library_path)
    nasty = "<b>bold</b> a<b & '; DROP TABLE workshops; -- שלום مرحبا 🎉\n" + "x" * 100_000
    page.notes_edit.setFocus()
    page.notes_edit.insertPlainText(nasty)  # a 100 KB paste
    assert stored(library_path, "SELECT notes FROM workshops") == nasty
    page.title_edit.setFocus()
    page.title_edit.selectAll()
    type_text(page.title_edit, "<b>Title</b> ‏עברית")
    assert window.view is not None
    assert window.view.title.text() == "<b>Title</b> ‏עברית"  # shown as typed, not as markup
    assert window.view.title.textFormat() == Qt.TextFormat.PlainText
    assert window.windowTitle().startswith("<b>Title</b>")


def test_a_cleared_title_is_explained_and_the_old_one_kept(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    _, page, _ = open_room(make_window, library_path)
    page.title_edit.setFocus()
    page.title_edit.selectAll()
    qtbot.keyClick(page.title_edit, Qt.Key.Key_Backspace)
    assert page.title_error.isVisible()
    assert page.title_error.text() == "A workshop needs a title."
    height = page.title_edit.y()
    assert stored(library_path, "SELECT title FROM workshops") == "Room test"
    page.client_edit.setFocus()  # leaving shows the kept title again
    assert page.title_edit.text() == "Room test"
    assert page.title_error.text() == ""
    assert page.title_edit.y() == height  # the form did not jump


def test_date_can_be_set_and_cleared(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page, _ = open_room(make_window, library_path)
    page.date_edit.setDate(QDate(2026, 12, 1))
    assert stored(library_path, "SELECT date FROM workshops") == "2026-12-01"
    window.act.undo.trigger()
    assert page.date_edit.value() is None
    assert stored(library_path, "SELECT date FROM workshops") is None
    window.act.redo.trigger()
    assert page.date_edit.value() == date(2026, 12, 1)


def test_participants_edit_team_email_order_and_remove(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    people = [Participant(name="Ana", team=Team.SALES), Participant(name="Ben", team=Team.OTHER)]
    window, page, _ = open_room(make_window, library_path, people)
    assert "No one from marketing yet" in page.team_gap.text()

    # Team through the drop-down editor, as a person would pick it.
    page.table.setCurrentIndex(page.people.index(1, TEAM))
    page.table.edit(page.people.index(1, TEAM))
    combo = page.table.viewport().findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findText("Marketing"))
    combo.activated.emit(combo.currentIndex())
    assert stored(library_path, "SELECT team FROM participants WHERE name='Ben'") == "marketing"
    assert not page.team_gap.isVisible()
    assert page.team_summary.text() == "1 sales · 1 marketing"

    # An address that is not one is kept as typed (nothing lost) and flagged beside the table.
    cell = page.people.index(0, EMAIL)
    assert page.people.setData(cell, "not-an-email")
    assert stored(library_path, "SELECT email FROM participants WHERE name='Ana'") == (
        "not-an-email"
    )
    notes = page.people_editor.notes
    assert notes.isVisible()
    assert "“not-an-email” does not look like an e-mail address" in notes.text()
    assert "does not look like" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    assert page.people.setData(page.people.index(0, EMAIL), " ana@example.com ")
    assert not notes.isVisible()
    assert stored(library_path, "SELECT email FROM participants WHERE name='Ana'") == (
        "ana@example.com"
    )

    # Alt+Down moves the selected person; undo moves them back.
    page.table.setCurrentIndex(page.people.index(0, NAME))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [p.name for p in window.view.doc.workshop.participants] == ["Ben", "Ana"]  # type: ignore[union-attr]
    assert page.table.currentIndex().row() == 1  # the selection follows the person
    db_order = "SELECT group_concat(name) FROM (SELECT name FROM participants ORDER BY position)"
    assert stored(library_path, db_order) == "Ben,Ana"
    window.act.undo.trigger()
    assert stored(library_path, db_order) == "Ana,Ben"

    # Remove, then undo restores the same person at the same place.
    page.table.setCurrentIndex(page.people.index(0, NAME))
    page.remove_action.trigger()
    assert stored(library_path, db_order) == "Ben"
    window.act.undo.trigger()
    assert stored(library_path, db_order) == "Ana,Ben"
    assert stored(library_path, "SELECT email FROM participants WHERE name='Ana'") == (
        "ana@example.com"
    )


def test_geometry_workshop_and_step_are_restored(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, _, workshop_id = open_room(make_window, library_path)
    window.setGeometry(QRect(40, 50, 1010, 690))
    assert window.view is not None
    window.view.show_step(Step.ACCOUNTABILITY)
    window.close()
    again = make_window()
    assert again.view is not None
    assert again.view.doc.workshop.id == workshop_id
    assert again.view.current_step is Step.ACCOUNTABILITY
    assert (again.width(), again.height()) == (1010, 690)


def test_steps_show_their_completion_and_keyboard_moves_between_them(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    people = [Participant(name="Ana", team=Team.SALES)]
    window, page, _ = open_room(make_window, library_path, people)
    assert window.view is not None
    room_item = window.view.steps.item(0)
    assert "started" in room_item.toolTip()
    page.facilitator_edit.setFocus()
    type_text(page.facilitator_edit, "Dr. Ingrid Solberg")
    page.date_edit.setDate(QDate(2026, 12, 1))
    page.people.setData(page.people.index(0, TEAM), Team.MARKETING)
    window.view.doc.insert_item("participants", 1, Participant(name="Tom", team=Team.SALES))
    assert "complete" in room_item.toolTip()
    qtbot.keyClick(page.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.view.current_step is Step.GOAL
