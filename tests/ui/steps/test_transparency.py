"""Transparency: what flows between the teams, meetings and the announcement are saved at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from storage.engine import resolve_url
from storage.library import open_library
from tests.ui.typing_helpers import commit_cell, type_text
from ui.shell.main_window import MainWindow
from ui.steps.transparency import DURATION, TransparencyPage, clean_minutes
from workshop.editing import new_workshop
from workshop.errors import ValidationError
from workshop.gaps import gaps
from workshop.model import Meeting
from workshop.steps import Step

NO_FLOW = "Nothing flows from sales to marketing yet."


def open_transparency(
    make_window: Callable[..., MainWindow], path: Path, meetings: list[Meeting] | None = None
) -> tuple[MainWindow, TransparencyPage]:
    repo = open_library(resolve_url(str(path)))
    w = new_workshop("Transparency test", client="Acme")
    w.meetings = meetings or []
    repo.add(w)
    repo.close()
    window = make_window()
    window.open_workshop(w.id, Step.TRANSPARENCY)
    assert window.view is not None
    page = window.view.page(Step.TRANSPARENCY)
    assert isinstance(page, TransparencyPage)
    assert page.isVisible()
    return window, page


def stored(path: Path, sql: str) -> object:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchone()
    finally:
        db.close()


def gap_texts(page: TransparencyPage) -> list[str]:
    return [label.accessibleName() for label in page.gap_box.findChildren(QLabel)]


def focused_line_edit() -> QLineEdit:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    return editor


def test_a_feedback_loop_from_sales_closes_its_gaps(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page = open_transparency(make_window, library_path)
    assert NO_FLOW in gap_texts(page)
    assert page.sharing_editor.empty_hint.isVisible()

    page.sharing_table.setFocus()
    qtbot.keyClick(page.sharing_table, Qt.Key.Key_Insert)
    editor = focused_line_edit()
    type_text(editor, "Top five objections heard this week")
    commit_cell(qtbot, editor)
    row = stored(library_path, "SELECT what, from_team, to_team, kind FROM sharing_items")
    assert row == ("Top five objections heard this week", "sales", "marketing", "feedback")
    assert page.sharing.index(0, 3).data() == "Feedback loop"
    qtbot.waitUntil(lambda: NO_FLOW not in gap_texts(page))
    assert not any(text.startswith("Add a feedback loop") for text in gap_texts(page))
    assert "Nothing flows from marketing to sales yet." in gap_texts(page)

    window.act.undo.trigger()  # the typed text: an empty row shares nothing yet
    qtbot.waitUntil(lambda: NO_FLOW in gap_texts(page))


def test_meeting_length_takes_whole_minutes_and_explains_the_rest(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page = open_transparency(
        make_window, library_path, [Meeting(title="Pipeline review", cadence="weekly")]
    )
    table, cell = page.meetings_table, page.meetings.index(0, DURATION)
    notes = page.meetings_editor.notes

    for typed in ("abc", "45"):
        table.setCurrentIndex(cell)
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_F2)
        editor = focused_line_edit()
        editor.selectAll()
        type_text(editor, typed)
        commit_cell(qtbot, editor)
        if typed == "abc":
            assert notes.isVisible()
            assert "“abc” is not a meeting length" in notes.text()
            assert stored(library_path, "SELECT duration_minutes FROM meetings") == (None,)

    assert stored(library_path, "SELECT duration_minutes FROM meetings") == (45,)
    assert cell.data() == "45"
    assert not notes.isVisible()
    window.act.undo.trigger()
    assert stored(library_path, "SELECT duration_minutes FROM meetings") == (None,)


@pytest.mark.parametrize(
    ("typed", "minutes"), [("", None), (" 45 ", 45), ("90 min", 90), ("600", 600), ("1", 1)]
)
def test_clean_minutes_accepts(typed: str, minutes: int | None) -> None:
    assert clean_minutes(typed) == minutes


@pytest.mark.parametrize("typed", ["abc", "0", "601", "-5", "1.5", "45 hours", "9" * 40])
def test_clean_minutes_refuses(typed: str) -> None:
    with pytest.raises(ValidationError, match="whole number of minutes"):
        clean_minutes(typed)


def test_announcement_is_stored_and_reachable_from_its_gap(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page = open_transparency(make_window, library_path)
    assert "Plan how the agreement is announced inside the company." in gap_texts(page)
    page.sharing_table.setFocus()
    page.go_to("announcement")
    assert QApplication.focusWidget() is page.announcement_edit

    text = "CRO announces it at the all-hands; summary in #revenue — «Einigung» ✓"
    type_text(page.announcement_edit, text)
    assert stored(library_path, "SELECT announcement FROM workshops") == (text,)
    page.announcement_date.setDate(QDate(2027, 1, 11))
    assert stored(library_path, "SELECT announcement_date FROM workshops") == ("2027-01-11",)
    window.act.undo.trigger()
    assert page.announcement_date.value() is None
    window.act.undo.trigger()
    assert page.announcement_edit.toPlainText() == ""
    assert stored(library_path, "SELECT announcement FROM workshops") == ("",)


def test_every_gap_target_of_the_step_is_reachable(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    _window, page = open_transparency(make_window, library_path, [Meeting(title="Review")])
    for gap in gaps(page.doc.workshop, Step.TRANSPARENCY):
        collection = gap.target.split("/")[0]
        assert collection in page.editors or gap.target in page.fields, gap.target
    meeting = page.doc.workshop.meetings[0]
    page.go_to(f"meetings/{meeting.id}/cadence")
    assert page.meetings_table.currentIndex().column() == 1
    qtbot.keyClick(focused_line_edit(), Qt.Key.Key_Escape)
