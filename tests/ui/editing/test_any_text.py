"""Any text typed into any text field of any step reaches the library unchanged."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from ui.editing.collection_model import Kind
from ui.shell.main_window import MainWindow
from workshop.model import Workshop
from workshop.steps import STEPS

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80)
# Cleaned or numeric fields are validated where typed and covered by their own tests.
NOT_FREE_TEXT = {"title", "goal.baseline", "goal.target", "term_months"}


def newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")


def workshop_row(path: Path, column: str) -> object:
    db = sqlite3.connect(path)
    try:
        return db.execute(f"SELECT {column} FROM workshops").fetchone()[0]
    finally:
        db.close()


def cell(path: Path, table: str, column: str, item_id: str) -> object:
    db = sqlite3.connect(path)
    try:
        query = f'SELECT "{column}" FROM {table} WHERE id = ?'
        return db.execute(query, (item_id,)).fetchone()[0]
    finally:
        db.close()


def test_every_text_field_and_text_cell_round_trips_any_text(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    demo_workshop: Workshop,
) -> None:
    window = make_window()
    window.open_workshop(demo_workshop.id)
    assert window.view is not None
    pages = [window.view.page(step) for step in STEPS]
    from storage.convert import COLLECTIONS

    @settings(
        max_examples=12,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(text=TEXT)
    def round_trip(text: str) -> None:
        checked = 0
        for page in pages:
            for path, widget in page.fields.items():
                if path in NOT_FREE_TEXT or path.startswith("funnel."):
                    continue
                if not isinstance(widget, QLineEdit | QPlainTextEdit):
                    continue
                widget.setFocus()
                expected = text
                if isinstance(widget, QLineEdit):
                    if widget.validator() is not None:
                        continue
                    widget.selectAll()
                    widget.insert(text)  # the same path as typing or pasting
                else:
                    widget.selectAll()
                    widget.insertPlainText(text)
                    # A multi-line field keeps lines as lines: CR, CR LF and the paragraph
                    # separator all become "\n"; everything else is kept as typed.
                    expected = newlines(text)
                assert workshop_row(library_path, path.replace(".", "_")) == expected, path
                checked += 1
            for collection, editor in page.editors.items():
                model = editor.model
                if model.rowCount() == 0:
                    continue
                table = COLLECTIONS[collection][1].name
                item_id = model.item_at(0).id
                for n, column in enumerate(model.columns):
                    if column.reads is not Kind.TEXT or column.clean is not None:
                        continue
                    assert model.setData(model.index(0, n), text)
                    assert cell(library_path, table, column.field, item_id) == text
                    checked += 1
        assert checked > 30

    round_trip()
