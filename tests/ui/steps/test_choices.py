"""Drop-downs in tables store the value the model holds (an enum member, an id), never
the text Qt hands back; and the pages that read those values keep working."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from storage.engine import resolve_url
from storage.library import open_library
from tests.ui.agreement.test_agreement import open_page, rows, texts
from ui.editing.collection_editor import CollectionEditor
from ui.shell.main_window import MainWindow
from workshop.demo import build_demo_workshop
from workshop.editing import new_workshop
from workshop.model import Participant, Team
from workshop.steps import STEPS, Step


def pick(editor: CollectionEditor, row: int, column: int, entry: int) -> None:
    """Open the cell's drop-down as a person would and choose ``entry``."""
    table = editor.table
    index = editor.model.index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    (combo,) = [c for c in table.viewport().findChildren(QComboBox) if c.isVisible()]
    combo.setCurrentIndex(entry)
    combo.activated.emit(entry)  # choosing an entry commits it
    table.itemDelegateForIndex(index).closeEditor.emit(combo)
    QApplication.processEvents()


def test_every_drop_down_in_every_table_stores_the_models_own_value(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    repo = open_library(resolve_url(str(library_path)))
    demo = build_demo_workshop(date(2026, 11, 23))
    repo.add(demo)
    repo.close()
    window = make_window()
    window.open_workshop(demo.id, Step.GOAL)
    assert window.view is not None
    picked = 0
    for step in STEPS:
        window.view.show_step(step)
        page = window.view.page(step)
        for collection, editor in page.editors.items():
            if not isinstance(editor, CollectionEditor) or not editor.model.rowCount():
                continue
            for col, column in enumerate(editor.model.columns):
                for entry, (value, _label) in enumerate(column.choices):
                    pick(editor, 0, col, entry)
                    stored = getattr(window.view.doc.items(collection)[0], column.field)
                    assert stored == value, (collection, column.field)
                    assert type(stored) is type(value), (collection, column.field, stored)
                    picked += 1
    assert picked > 10  # teams, agenda steps, statuses … were all tried
    # Every page still composes: the agreement page shows its sections' contents.
    window.view.show_step(Step.AGREEMENT)
    page = window.view.page(Step.AGREEMENT)
    assert len(texts(page.open_box)) > 1


def test_a_team_picked_for_a_signatory_keeps_the_agreement_page_whole(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    w = build_demo_workshop(date(2026, 11, 23))
    _window, page = open_page(make_window, library_path, w)
    editor = page.signatories_editor
    team = next(i for i, c in enumerate(editor.model.columns) if c.field == "team")
    entry = [value for value, _ in editor.model.columns[team].choices].index(Team.LEADERSHIP)
    pick(editor, 0, team, entry)
    assert page.doc.workshop.signatories[0].team is Team.LEADERSHIP
    assert rows(
        library_path, "SELECT team FROM workshop_signatories ORDER BY position LIMIT 1"
    ) == [("leadership",)]
    page.refresh()
    assert any("sales" in line.casefold() for line in texts(page.open_box))
    assert texts(page.signing_box)


def test_a_value_no_drop_down_offers_is_refused_with_a_sentence(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    w = build_demo_workshop(date(2026, 11, 23))
    _window, page = open_page(make_window, library_path, w)
    model = page.signatories_editor.model
    team = next(i for i, c in enumerate(model.columns) if c.field == "team")
    refused: list[str] = []
    model.invalid.connect(refused.append)
    assert model.setData(model.index(0, team), "marketing")  # the enum's own text is its value
    assert page.doc.workshop.signatories[0].team is Team.MARKETING
    assert not model.setData(model.index(0, team), "Finance")
    assert refused == ["“Finance” is not one of the choices for signatory team."]
    assert page.doc.workshop.signatories[0].team is Team.MARKETING


def test_add_the_leads_from_the_room_adds_them_as_one_undo_step(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    w = new_workshop("Leads", client="Acme")
    w.participants = [
        Participant(name="Ana Sales", title="Account executive", team=Team.SALES),
        Participant(name="Ben Boss", title="Head of Sales", team=Team.SALES),
        Participant(name="Cleo Brand", title="Head of Marketing", team=Team.MARKETING),
    ]
    _window, page = open_page(make_window, library_path, w)
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    signing = [(s.name, s.team) for s in page.doc.workshop.signatories]
    assert signing == [("Ben Boss", Team.SALES), ("Cleo Brand", Team.MARKETING)]
    assert rows(library_path, "SELECT name, team FROM workshop_signatories ORDER BY position") == [
        ("Ben Boss", "sales"),
        ("Cleo Brand", "marketing"),
    ]
    assert page.signatories_editor.model.rowCount() == 2
    assert page.stack.undoText() == "Add signatories from the room"
    page.stack.undo()
    assert page.doc.workshop.signatories == []
    assert rows(library_path, "SELECT name FROM workshop_signatories") == []
