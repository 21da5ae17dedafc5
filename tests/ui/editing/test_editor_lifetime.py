"""A cell editor never outlives its context: closing after its row was removed or its
addition undone, it is discarded; closing because the workshop closes, what it holds is
stored first."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.typing_helpers import type_text
from ui.capture.dock import ACTIONS
from ui.editing.collection_editor import CollectionEditor
from ui.shell.main_window import MainWindow
from workshop.model import Workshop
from workshop.steps import Step


def names(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return [r[0] for r in db.execute("SELECT name FROM participants ORDER BY position")]
    finally:
        db.close()


def editing_people(window: MainWindow, row: int = 0) -> tuple[CollectionEditor, QLineEdit]:
    """Start editing a participant's name, as F2 on the cell does, and type into it."""
    assert window.view is not None
    window.view.show_step(Step.ROOM)
    editor = window.view.page(Step.ROOM).editors["participants"]
    index = editor.model.index(row, 0)
    editor.table.setFocus()
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    cell.selectAll()
    type_text(cell, "Half typed")
    return editor, cell


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_removing_the_row_being_edited_discards_the_editor(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    library_path: Path,
) -> None:
    window = make_window()
    window.open_workshop(demo_workshop.id, Step.ROOM)
    before = names(library_path)
    editor, _cell = editing_people(window)
    editor.remove_action.trigger()  # Ctrl+Delete while typing
    settle()
    assert names(library_path) == before[1:]
    assert "Half typed" not in names(library_path)
    assert editor.stack.undoText() == "Remove participant"
    editor.stack.undo()
    assert names(library_path) == before


def test_undoing_the_addition_of_the_row_being_edited_discards_the_editor(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    library_path: Path,
) -> None:
    window = make_window()
    window.open_workshop(demo_workshop.id, Step.ROOM)
    before = names(library_path)
    assert window.view is not None
    editor = window.view.page(Step.ROOM).editors["participants"]
    editor.table.setFocus()
    editor.add()
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    type_text(cell, "New person")
    window.view.undo_stack.undo()
    settle()
    assert names(library_path) == before
    assert editor.model.rowCount() == len(before)


def test_going_home_mid_edit_stores_what_was_typed(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    library_path: Path,
) -> None:
    window = make_window()
    window.open_workshop(demo_workshop.id, Step.ROOM)
    editing_people(window, row=1)
    window.go_home()
    settle()
    assert names(library_path)[1] == "Half typed"
    window.open_workshop(demo_workshop.id, Step.ROOM)
    assert window.view is not None
    assert window.view.doc.workshop.participants[1].name == "Half typed"


def test_removing_a_row_while_its_drop_down_or_number_is_open_commits_nothing(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    library_path: Path,
) -> None:
    """Editors of a column's own delegate (drop-down, number) are not released like the
    view's own: hiding them used to commit into the view that had let them go."""
    window = make_window()
    window.open_workshop(demo_workshop.id, Step.ROOM)
    assert window.view is not None
    editor = window.view.page(Step.ROOM).editors["participants"]
    team = next(i for i, c in enumerate(editor.model.columns) if c.field == "team")
    before = names(library_path)
    index = editor.model.index(0, team)
    editor.table.setFocus()
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    editor.remove_action.trigger()
    settle()
    assert names(library_path) == before[1:]


def test_removing_an_action_item_after_tabbing_into_its_owner_commits_nothing(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_workshop: Workshop
) -> None:
    window = make_window()
    window.open_workshop(demo_workshop.id, Step.ROOM)
    dock = window.capture.dock
    assert dock is not None
    window.capture.set_visible(True)
    dock.tabs.setCurrentIndex(ACTIONS)
    panel = dock.actions_panel
    before = len(panel.doc.workshop.action_items)
    index = panel.editor.model.index(0, 0)
    panel.editor.table.setFocus()
    panel.editor.table.setCurrentIndex(index)
    panel.editor.table.edit(index)
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    type_text(cell, " ")
    qtbot.keyClick(cell, Qt.Key.Key_Tab)  # on to the owner's drop-down
    settle()
    panel.editor.remove_action.trigger()
    settle()
    assert len(panel.doc.workshop.action_items) == before - 1
