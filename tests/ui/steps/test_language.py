"""Common language: stages, the ideal customer and personas are saved at once and undoable."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from storage.engine import resolve_url
from storage.library import open_library
from tests.ui.typing_helpers import commit_cell, type_text
from ui.shell.main_window import MainWindow
from ui.steps.language import PERSONA_NAME, STAGE, LanguagePage
from workshop.editing import new_workshop
from workshop.model import Persona
from workshop.steps import Step

STAGES = "SELECT group_concat(stage, '|') FROM (SELECT stage FROM definitions ORDER BY position)"


def open_language(
    make_window: Callable[..., MainWindow], path: Path, personas: list[Persona] | None = None
) -> tuple[MainWindow, LanguagePage]:
    repo = open_library(resolve_url(str(path)))
    w = new_workshop("Language test", client="Acme")
    w.personas = personas or []
    repo.add(w)
    repo.close()
    window = make_window()
    window.open_workshop(w.id, Step.LANGUAGE)
    assert window.view is not None
    page = window.view.page(Step.LANGUAGE)
    assert isinstance(page, LanguagePage)
    assert page.isVisible()
    return window, page


def stored(path: Path, sql: str) -> object:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchone()[0]
    finally:
        db.close()


def cell_editor(page: LanguagePage) -> QLineEdit:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    assert editor.parent() is page.stages_table.viewport()
    return editor


def test_stages_are_added_renamed_moved_and_removed_by_keyboard_and_undone(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page = open_language(make_window, library_path)
    table, stages = page.stages_table, page.stages
    assert stored(library_path, STAGES) == "Lead|MQL|SAL|SQL|Opportunity|Customer"

    # Insert adds a stage after the current one and starts typing its name.
    table.setCurrentIndex(stages.index(1, STAGE))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    editor = cell_editor(page)
    type_text(editor, "Nurture ✓ Vorqualifiziert")
    commit_cell(qtbot, editor)
    after_add = "Lead|MQL|Nurture ✓ Vorqualifiziert|SAL|SQL|Opportunity|Customer"
    assert stored(library_path, STAGES) == after_add

    # F2 renames the first stage.
    table.setCurrentIndex(stages.index(0, STAGE))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = cell_editor(page)
    editor.selectAll()
    type_text(editor, "Raw lead")
    commit_cell(qtbot, editor)
    after_rename = after_add.replace("Lead|", "Raw lead|", 1)
    assert stored(library_path, STAGES) == after_rename

    # Alt+Up moves the new stage above MQL; the selection follows it.
    table.setCurrentIndex(stages.index(2, STAGE))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    after_move = "Raw lead|Nurture ✓ Vorqualifiziert|MQL|SAL|SQL|Opportunity|Customer"
    assert stored(library_path, STAGES) == after_move
    assert table.currentIndex().row() == 1

    # Ctrl+Delete removes it.
    qtbot.keyClick(table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert stored(library_path, STAGES) == "Raw lead|MQL|SAL|SQL|Opportunity|Customer"

    # Undo walks back through each step, and the library follows.
    window.act.undo.trigger()
    assert stored(library_path, STAGES) == after_move
    window.act.undo.trigger()
    assert stored(library_path, STAGES) == after_rename
    window.act.undo.trigger()
    assert stored(library_path, STAGES) == after_add
    assert stages.index(0, STAGE).data() == "Lead"
    window.act.undo.trigger()  # the typed name
    assert stored(library_path, STAGES) == "Lead|MQL||SAL|SQL|Opportunity|Customer"
    window.act.undo.trigger()  # the added row
    assert stored(library_path, STAGES) == "Lead|MQL|SAL|SQL|Opportunity|Customer"
    assert stages.rowCount() == 6


def test_ideal_customer_profile_takes_any_text(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page = open_language(make_window, library_path)
    profile = "Mittelstand <b>Maschinenbau</b> & 株式会社, שלום, مرحبا 🎉 — 50–2 000 staff"
    page.profile_edit.setFocus()
    type_text(page.profile_edit, profile)
    assert stored(library_path, "SELECT ideal_customer_profile FROM workshops") == profile
    window.act.undo.trigger()  # the typing is one undo step
    assert page.profile_edit.toPlainText() == ""
    assert stored(library_path, "SELECT ideal_customer_profile FROM workshops") == ""


def test_gaps_lead_to_the_profile_and_to_a_stage_cell(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page = open_language(make_window, library_path)
    page.stages_table.setFocus()
    page.go_to("ideal_customer_profile")
    assert QApplication.focusWidget() is page.profile_edit
    assert window.view is not None
    stage = window.view.doc.workshop.definitions[3]
    page.go_to(f"definitions/{stage.id}/decided_by")
    assert page.stages_table.currentIndex().row() == 3
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == stage.decided_by
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120)


def test_any_persona_name_round_trips_through_the_library(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    # One window for every example: @given inside the test shares the GUI fixtures.
    _window, page = open_language(make_window, library_path, [Persona(name="Olivia")])
    cell = page.personas.index(0, PERSONA_NAME)

    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(name=TEXT)
    def round_trip(name: str) -> None:
        assert page.personas.setData(cell, name)
        assert stored(library_path, "SELECT name FROM personas") == name
        assert cell.data(Qt.ItemDataRole.EditRole) == name

    round_trip()
