"""Dot voting with the room: start, enter each participant's dots, reveal; stored and undoable."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from tests.ui.typing_helpers import type_text
from ui.capture.dock import VOTES, CaptureDock
from ui.capture.vote_dialog import VoteDialog
from ui.shell.main_window import MainWindow
from workshop.model import Workshop

HOSTILE = "<b>Bold</b> & a<b, 🙂"


def stored_votes(path: Path) -> list[tuple[str, dict[str, int], int]]:
    db = sqlite3.connect(path)
    try:
        found = db.execute(
            "SELECT subject, tallies, revealed FROM votes ORDER BY position"
        ).fetchall()
    finally:
        db.close()
    return [(s, json.loads(t), r) for s, t, r in found]


def open_votes(qtbot: QtBot, make_window: Callable[..., MainWindow], w: Workshop) -> CaptureDock:
    window = make_window()
    window.open_workshop(w.id)
    dock = window.capture.dock
    assert dock is not None
    window.act.capture_panel.trigger()
    bar = dock.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(VOTES).center())
    assert dock.votes.isVisible()
    return dock


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def button(dialog: VoteDialog, text: str) -> QPushButton:
    page = dialog.pages.currentWidget()
    return next(b for b in page.findChildren(QPushButton) if b.text() == text)


def set_spin(qtbot: QtBot, spin: QSpinBox, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    assert spin.value() == value


def ballot(qtbot: QtBot, dialog: VoteDialog, dots: dict[str, int]) -> None:
    for option, spin in dialog.spins.items():
        set_spin(qtbot, spin, dots.get(option, 0))
    click(qtbot, dialog.record_button)


def test_a_vote_from_the_activities_is_entered_per_participant_and_revealed_with_ties(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    library_path: Path,
) -> None:
    dock = open_votes(qtbot, make_window, demo_workshop)
    click(qtbot, dock.votes.new_button)
    dialog = dock.votes.dialog
    assert isinstance(dialog, VoteDialog) and dialog.isVisible()
    # Options from a list the workshop already has.
    dialog.source.setFocus()
    while dialog.source.currentText() != "Overlap activities":
        qtbot.keyClick(dialog.source, Qt.Key.Key_Down)
    options = [a.name for a in demo_workshop.activities]
    assert dialog.options.toPlainText().splitlines() == options
    dialog.subject.clear()
    type_text(dialog.subject, HOSTILE)
    dialog.options.setPlainText("\n".join(options[:3]))
    set_spin(qtbot, dialog.dots, 2)
    click(qtbot, dialog.start_button)
    assert stored_votes(library_path)[-1] == (HOSTILE, dict.fromkeys(options[:3], 0), 0)

    a, b, c = options[:3]
    ballot(qtbot, dialog, {a: 2})
    ballot(qtbot, dialog, {b: 1, c: 1})
    ballot(qtbot, dialog, {b: 1, c: 1})
    # Too many dots: one sentence, nothing recorded.
    ballot(qtbot, dialog, {a: 2, b: 1})
    assert dialog.ballot_error.isVisible()
    assert dialog.ballot_error.text() == (
        "That is 3 dots; each participant has 2. Take some away and record again."
    )
    assert dialog.left.text() == "1 dot too many."
    tallies = {a: 2, b: 2, c: 2}
    assert stored_votes(library_path)[-1][1] == tallies
    # The totals stay hidden while voting.
    texts = " ".join(label.text() for label in dialog.ballot_page.findChildren(QLabel))
    assert "6 dots placed so far" in texts and "2 dot" not in texts.replace("has 2 dots", "")
    assert dialog.participant.itemText(0).startswith("✓ ")
    assert dialog.participant.currentIndex() == 3  # the next one who has not voted

    ballot(qtbot, dialog, {a: 1})
    click(qtbot, dialog.reveal_button)
    assert stored_votes(library_path)[-1] == (HOSTILE, {a: 3, b: 2, c: 2}, 1)
    assert dialog.result_rows == [("1.", a, 3), ("2. =", b, 2), ("2. =", c, 2)]
    assert dialog.outcome.text() == f"“{a}” came first."
    click(qtbot, button(dialog, "Close"))
    assert not dialog.isVisible()
    last = dock.votes.list.item(dock.votes.list.count() - 1)
    assert last.text().splitlines() == [HOSTILE, f"“{a}” came first."]

    # Each recorded ballot and the reveal are undo steps.
    stack = dock.view.undo_stack
    stack.undo()
    assert stored_votes(library_path)[-1] == (HOSTILE, {a: 3, b: 2, c: 2}, 0)
    stack.undo()
    assert stored_votes(library_path)[-1] == (HOSTILE, tallies, 0)


def test_the_room_can_enter_counted_totals_and_reopen_a_revealed_vote(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    library_path: Path,
) -> None:
    dock = open_votes(qtbot, make_window, demo_workshop)
    assert dock.votes.list.count() == 1  # the demo's vote, already revealed
    dock.votes.list.setCurrentRow(0)
    click(qtbot, dock.votes.open_button)
    dialog = dock.votes.dialog
    assert isinstance(dialog, VoteDialog)
    assert dialog.result_rows[0] == ("1.", "Follow-up of MQLs", 11)
    click(qtbot, button(dialog, "Enter More Dots"))
    assert stored_votes(library_path)[0][2] == 0
    dialog.totals_mode.setFocus()
    qtbot.keyClick(dialog.totals_mode, Qt.Key.Key_Space)
    assert dialog.record_button.text() == "Save Totals"
    spins = list(dialog.spins.values())
    assert [s.value() for s in spins] == [11, 9, 6, 4]
    set_spin(qtbot, spins[3], 11)
    click(qtbot, dialog.record_button)
    click(qtbot, dialog.reveal_button)
    _subject, tallies, revealed = stored_votes(library_path)[0]
    assert tallies["Trade-show lead capture"] == 11 and revealed == 1
    assert dialog.outcome.text() == (
        "Tie for first place: “Follow-up of MQLs”, “Trade-show lead capture”."
    )


def test_a_vote_without_options_is_not_started(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    library_path: Path,
) -> None:
    dock = open_votes(qtbot, make_window, demo_workshop)
    click(qtbot, dock.votes.new_button)
    dialog = dock.votes.dialog
    type_text(dialog.subject, "Anything")
    type_text(dialog.options, "Only one")
    click(qtbot, dialog.start_button)
    assert dialog.setup_error.isVisible()
    assert (
        dialog.setup_error.text()
        == "A vote needs at least two different options: add one per line."
    )
    assert len(stored_votes(library_path)) == 1
    click(qtbot, button(dialog, "Cancel"))
