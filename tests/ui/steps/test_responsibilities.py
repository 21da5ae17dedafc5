"""Shared responsibilities: the RACI matrix is edited from the keyboard, flags its gaps,
follows the activities and parties, and every change is saved at once and can be undone."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from storage.engine import resolve_url
from storage.library import open_library
from tests.ui.shell.test_accessibility import unnamed_focusable
from tests.ui.typing_helpers import type_text
from ui.shell.main_window import MainWindow
from ui.steps.responsibilities import ResponsibilitiesPage
from workshop.demo import build_demo_workshop
from workshop.editing import new_workshop
from workshop.model import RaciRole, Workshop
from workshop.steps import Step


def open_page(
    make_window: Callable[..., MainWindow], path: Path, workshop: Workshop | None = None
) -> tuple[MainWindow, ResponsibilitiesPage, Workshop]:
    w = workshop or new_workshop("RACI test", client="Acme")
    repo = open_library(resolve_url(str(path)))
    repo.add(w)
    repo.close()
    window = make_window()
    window.open_workshop(w.id, Step.RESPONSIBILITIES)
    assert window.view is not None
    page = window.view.page(Step.RESPONSIBILITIES)
    assert isinstance(page, ResponsibilitiesPage)
    return window, page, w


def rows(path: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def gap_texts(page: ResponsibilitiesPage) -> list[str]:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # lines replaced
    return [label.accessibleName() for label in page.gap_box.findChildren(QLabel)]


def cell_editor(table: QTableView) -> QLineEdit:
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def type_and_commit(qtbot: QtBot, table: QTableView, text: str) -> None:
    field = cell_editor(table)
    type_text(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    # Qt commits and closes the editor on the next turn of the event loop.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def type_in_cell(qtbot: QtBot, page: ResponsibilitiesPage, row: int, column: int, key: Any) -> None:
    page.matrix.setCurrentIndex(page.raci.index(row, column))
    page.matrix.setFocus()
    qtbot.keyClick(page.matrix, key)


def test_two_accountables_are_a_gap_until_undone(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page, w = open_page(make_window, library_path)
    first = w.activities[0]
    sql = "SELECT party_id, role FROM raci_roles WHERE activity_id = ? ORDER BY party_id"
    assert page.raci.rowCount() == len(w.activities) and page.raci.columnCount() == 2
    type_in_cell(qtbot, page, 0, 0, Qt.Key.Key_A)
    type_in_cell(qtbot, page, 0, 1, Qt.Key.Key_A)

    two = "“Trade-show lead capture” has 2 Accountables; exactly one is needed."
    assert two in gap_texts(page)
    assert page.raci.index(0, 0).data() == "A" and page.raci.index(0, 1).data() == "A"
    assert sorted(rows(library_path, sql, first.id)) == sorted(
        [(w.parties[0].id, "A"), (w.parties[1].id, "A")]
    )
    header = page.raci.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "2 Accountables" in header
    assert page.raci.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None

    window.act.undo.trigger()
    assert two not in gap_texts(page)
    assert "“Trade-show lead capture” has no one Responsible." in gap_texts(page)
    assert rows(library_path, sql, first.id) == [(w.parties[0].id, "A")]
    assert page.raci.index(0, 1).data() == ""
    window.act.undo.trigger()
    assert rows(library_path, sql, first.id) == []
    assert "“Trade-show lead capture” has no one Accountable." in gap_texts(page)
    window.act.redo.trigger()
    assert rows(library_path, sql, first.id) == [(w.parties[0].id, "A")]


def test_letters_toggle_and_delete_clears_a_cell(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page, w = open_page(make_window, library_path)
    for key in (Qt.Key.Key_A, Qt.Key.Key_I, Qt.Key.Key_R):
        type_in_cell(qtbot, page, 1, 1, key)
    assert page.raci.index(1, 1).data() == "R/A/I"  # always in R, A, C, I order
    type_in_cell(qtbot, page, 1, 1, Qt.Key.Key_I)  # a second I takes it off again
    assert page.raci.index(1, 1).data() == "R/A"
    held = page.doc.item("activities", w.activities[1].id).roles[w.parties[1].id]
    assert held == frozenset({RaciRole.RESPONSIBLE, RaciRole.ACCOUNTABLE})
    assert not any("Lead scoring" in text for text in gap_texts(page))

    type_in_cell(qtbot, page, 1, 1, Qt.Key.Key_Delete)
    assert page.raci.index(1, 1).data() == ""
    assert rows(library_path, "SELECT count(*) FROM raci_roles") == [(0,)]
    assert w.parties[1].id not in page.doc.item("activities", w.activities[1].id).roles
    window.act.undo.trigger()
    assert page.raci.index(1, 1).data() == "R/A"

    # The menu a double-click opens does the same.
    menu = page.matrix.role_menu(page.raci.index(2, 0))
    consulted = next(a for a in menu.actions() if "Consulted" in a.text())
    assert not consulted.isChecked()
    consulted.trigger()
    assert page.raci.index(2, 0).data() == "C"
    assert rows(library_path, "SELECT role FROM raci_roles WHERE role='C'") == [("C",)]


def test_matrix_follows_activities_and_parties(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path, qtmodeltester: Any
) -> None:
    window, page, w = open_page(make_window, library_path)
    qtmodeltester.check(page.raci)
    type_in_cell(qtbot, page, 0, 0, Qt.Key.Key_R)

    # A new activity, typed in the activities table, becomes a row of the matrix.
    editor = page.activity_editor
    editor.table.setCurrentIndex(editor.model.index(0, 0))
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Insert)
    type_and_commit(qtbot, editor.table, "Joint webinar")
    assert page.raci.rowCount() == len(w.activities) + 1
    assert page.raci.headerData(1, Qt.Orientation.Vertical) == "Joint webinar"
    assert page.raci.index(0, 0).data() == "R"

    # A move keeps the row's roles with it.
    editor.table.setCurrentIndex(editor.model.index(0, 0))
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert page.raci.headerData(1, Qt.Orientation.Vertical) == "Trade-show lead capture"
    assert page.raci.index(1, 0).data() == "R"

    # A party added and named becomes a column; renaming it renames the column.
    parties = page.party_editor
    parties.table.setCurrentIndex(parties.model.index(1, 0))
    parties.table.setFocus()
    parties.add()
    type_and_commit(qtbot, parties.table, "Customer success")
    assert page.raci.columnCount() == 3
    assert page.raci.headerData(2, Qt.Orientation.Horizontal) == "Customer success"
    assert parties.model.setData(parties.model.index(2, 0), "Leadership")
    assert page.raci.headerData(2, Qt.Orientation.Horizontal) == "Leadership"
    type_in_cell(qtbot, page, 1, 2, Qt.Key.Key_A)

    # Removing the activity and the party, then taking it all back.
    editor.table.setCurrentIndex(editor.model.index(0, 0))
    editor.table.setFocus()
    editor.remove_action.trigger()  # the webinar
    assert page.raci.rowCount() == len(w.activities)
    assert page.raci.index(0, 0).data() == "R" and page.raci.index(0, 2).data() == "A"
    parties.table.setCurrentIndex(parties.model.index(2, 0))
    parties.remove_action.trigger()
    assert page.raci.columnCount() == 2
    while window.act.undo.isEnabled():
        window.act.undo.trigger()
    assert page.raci.columnCount() == 2 and page.raci.rowCount() == len(w.activities)
    assert page.raci.index(0, 0).data() == ""
    while window.act.redo.isEnabled():
        window.act.redo.trigger()
    assert page.raci.columnCount() == 2 and page.raci.rowCount() == len(w.activities)
    assert rows(library_path, "SELECT count(*) FROM raci_roles") == [(1,)]


def test_removing_a_party_takes_its_roles_and_undo_restores_them(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path, qtmodeltester: Any
) -> None:
    demo = build_demo_workshop(date(2026, 11, 23))
    window, page, w = open_page(make_window, library_path, demo)
    qtmodeltester.check(page.raci)
    leadership = next(p for p in w.parties if p.name == "Leadership")
    column = [p.id for p in w.parties].index(leadership.id)
    before = [page.raci.index(r, column).data() for r in range(page.raci.rowCount())]
    count = "SELECT count(*) FROM raci_roles WHERE party_id = ?"
    assert rows(library_path, count, leadership.id) == [(len(w.activities),)]

    parties = page.party_editor
    parties.table.setCurrentIndex(parties.model.index(column, 0))
    parties.table.setFocus()
    qtbot.keyClick(parties.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert page.raci.columnCount() == len(w.parties) - 1
    assert rows(library_path, count, leadership.id) == [(0,)]
    assert rows(library_path, "SELECT count(*) FROM parties") == [(len(w.parties) - 1,)]
    assert all(leadership.id not in a.roles for a in page.doc.workshop.activities)
    # Leadership held the one A of two activities: they are now gaps.
    assert "“Lead scoring and MQL threshold” has no one Accountable." in gap_texts(page)

    window.act.undo.trigger()
    assert page.raci.columnCount() == len(w.parties)
    assert page.raci.headerData(column, Qt.Orientation.Horizontal) == "Leadership"
    assert [page.raci.index(r, column).data() for r in range(page.raci.rowCount())] == before
    assert rows(library_path, count, leadership.id) == [(len(w.activities),)]
    assert not any("Accountable" in text for text in gap_texts(page))
    window.act.redo.trigger()
    assert rows(library_path, count, leadership.id) == [(0,)]


def test_a_roles_gap_takes_the_keyboard_to_the_activity_row(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    _, page, w = open_page(make_window, library_path)
    target = f"activities/{w.activities[3].id}/roles"
    page.refresh_gaps()
    links = [label for label in page.gap_box.findChildren(QLabel) if target in label.text()]
    assert links
    links[0].linkActivated.emit(target)
    assert page.matrix.hasFocus()
    assert page.matrix.currentIndex().row() == 3
    qtbot.keyClick(page.matrix, Qt.Key.Key_R)
    assert page.raci.index(3, 0).data() == "R"
    page.go_to("activities")  # other targets still reach the activities table
    assert page.activity_editor.table.hasFocus()


def test_every_control_on_the_page_is_named(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page, _ = open_page(make_window, library_path, build_demo_workshop(date(2026, 11, 23)))
    assert page.isVisible()
    assert unnamed_focusable(window) == []
