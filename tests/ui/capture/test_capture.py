"""The capture panel: parking lot, action items, from any step, every change undoable."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QToolButton
from pytestqt.qtbot import QtBot

from tests.ui.typing_helpers import commit_cell, type_text
from ui.capture.action_items import DUE, OWNER
from ui.capture.dock import ACTIONS, PARKING, CaptureDock
from ui.shell.main_window import MainWindow
from workshop.model import Workshop
from workshop.steps import Step

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
HOSTILE = "a<b & <img src=/etc/passwd> “quoted”, 🙂 שלום"


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def opened(
    make_window: Callable[..., MainWindow], workshop: Workshop
) -> tuple[MainWindow, CaptureDock]:
    window = make_window()
    window.open_workshop(workshop.id)
    dock = window.capture.dock
    assert window.view is not None and dock is not None
    return window, dock


def press(qtbot: QtBot, key: Qt.Key) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, CTRL_SHIFT)


def select_row(qtbot: QtBot, table: object, row: int) -> None:
    view = table  # a QTableView
    rect = view.visualRect(view.model().index(row, 0))  # type: ignore[attr-defined]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]


@pytest.mark.parametrize("step", [Step.GOAL, Step.TRANSPARENCY, Step.AGREEMENT])
def test_an_issue_is_parked_from_any_step_with_one_shortcut(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    library_path: Path,
    step: Step,
) -> None:
    window, dock = opened(make_window, demo_workshop)
    assert window.view is not None
    assert not dock.isVisible()
    window.view.show_step(step)
    window.view.steps.setFocus()
    press(qtbot, Qt.Key.Key_P)
    assert dock.isVisible() and dock.tabs.currentIndex() == PARKING
    assert QApplication.focusWidget() is dock.parking.capture
    type_text(dock.parking.capture, HOSTILE)
    qtbot.keyClick(dock.parking.capture, Qt.Key.Key_Return)
    assert dock.parking.capture.text() == ""
    stored = rows(library_path, "SELECT text, step, resolved FROM parking_lot_items")
    assert (HOSTILE, step.value, 0) in stored
    model = dock.parking.model
    assert model.index(model.rowCount() - 1, 0).data() == HOSTILE
    assert dock.tabs.tabText(PARKING) == "Parking Lot (3)"
    window.act.undo.trigger()
    assert (HOSTILE, step.value, 0) not in rows(
        library_path, "SELECT text, step, resolved FROM parking_lot_items"
    )


def test_resolving_and_making_an_action_item_are_each_one_undo_step(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    library_path: Path,
) -> None:
    window, dock = opened(make_window, demo_workshop)
    window.act.capture_panel.trigger()
    panel = dock.parking
    issue = demo_workshop.parking_lot[1]  # open: "SDR compensation…"
    select_row(qtbot, panel.table, 1)
    resolve = next(
        b for b in panel.findChildren(QToolButton) if b.defaultAction() is panel.resolve_action
    )
    assert resolve.text() == "Resolve"
    qtbot.mouseClick(resolve, Qt.MouseButton.LeftButton)
    assert rows(library_path, f"SELECT resolved FROM parking_lot_items WHERE id='{issue.id}'") == [
        (1,)
    ]
    assert resolve.text() == "Reopen"
    qtbot.mouseClick(resolve, Qt.MouseButton.LeftButton)
    assert rows(library_path, f"SELECT resolved FROM parking_lot_items WHERE id='{issue.id}'") == [
        (0,)
    ]

    make = next(
        b for b in panel.findChildren(QToolButton) if b.defaultAction() is panel.to_action_action
    )
    before = len(demo_workshop.action_items)
    qtbot.mouseClick(make, Qt.MouseButton.LeftButton)
    actions = rows(
        library_path, "SELECT what, step, status, owner_id FROM action_items ORDER BY position"
    )
    assert len(actions) == before + 1
    assert actions[-1] == (issue.text, "accountability", "open", None)
    assert rows(library_path, f"SELECT resolved FROM parking_lot_items WHERE id='{issue.id}'") == [
        (1,)
    ]
    # The new action item is shown, its owner ready to pick.
    assert dock.tabs.currentIndex() == ACTIONS
    assert window.view is not None
    window.view.undo_stack.undo()
    assert len(rows(library_path, "SELECT id FROM action_items")) == before
    assert rows(library_path, f"SELECT resolved FROM parking_lot_items WHERE id='{issue.id}'") == [
        (0,)
    ]


def test_a_parked_issue_moves_into_a_step_as_a_definition(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    library_path: Path,
) -> None:
    window, dock = opened(make_window, demo_workshop)
    window.act.capture_panel.trigger()
    panel = dock.parking
    issue = demo_workshop.parking_lot[2]
    select_row(qtbot, panel.table, 2)
    assert panel.move_button.isEnabled()
    labels = [a.text() for a in panel.move_menu.actions()]
    assert "Common language: definition" in labels and "Accountability: KPI" in labels
    target = next(a for a in panel.move_menu.actions() if a.text() == "Common language: definition")
    count = len(demo_workshop.definitions)
    target.trigger()
    assert window.view is not None and window.view.current_step is Step.LANGUAGE
    stored = rows(library_path, "SELECT entry_criteria FROM definitions ORDER BY position")
    assert len(stored) == count + 1 and stored[-1] == (issue.text,)
    assert rows(
        library_path, f"SELECT resolved, step FROM parking_lot_items WHERE id='{issue.id}'"
    ) == [(1, "language")]
    page = window.view.page(Step.LANGUAGE)
    editor = page.editors["definitions"]
    assert editor.model.rowCount() == count + 1
    assert editor.table.currentIndex().row() == count  # the new definition is selected
    QApplication.focusWidget().clearFocus()  # close the editor the move opened
    window.view.undo_stack.undo()
    assert len(rows(library_path, "SELECT id FROM definitions")) == count
    assert rows(
        library_path, f"SELECT resolved, step FROM parking_lot_items WHERE id='{issue.id}'"
    ) == [(0, "responsibilities")]


def test_a_new_action_item_from_the_room_page_keeps_participants_on_their_own_key(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    library_path: Path,
) -> None:
    window, dock = opened(make_window, demo_workshop)
    assert window.view is not None and window.view.current_step is Step.ROOM
    people = len(demo_workshop.participants)
    window.view.steps.setFocus()
    press(qtbot, Qt.Key.Key_A)
    assert dock.isVisible() and dock.tabs.currentIndex() == ACTIONS
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(editor, HOSTILE)
    commit_cell(qtbot, editor)
    stored = rows(library_path, "SELECT what, step FROM action_items ORDER BY position")
    assert (HOSTILE, "room") in stored
    assert len(window.view.doc.workshop.participants) == people  # Ctrl+Shift+A: no new person
    with qtbot.waitActive(window):  # offscreen Qt drops activation when a cell editor closes
        window.activateWindow()
    qtbot.keyClick(window.view.steps, Qt.Key.Key_N, CTRL_SHIFT)
    assert len(window.view.doc.workshop.participants) == people + 1


def test_the_owner_is_picked_from_the_participants(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    library_path: Path,
) -> None:
    window, dock = opened(make_window, demo_workshop)
    window.act.new_action_item.trigger()
    panel = dock.actions_panel
    row = panel.model.rowCount() - 1
    QApplication.focusWidget().clearFocus()
    index = panel.model.index(row, OWNER)
    assert index.data() == "Nobody yet"
    panel.table.setCurrentIndex(index)
    panel.table.edit(index)
    combo = next(c for c in panel.table.viewport().findChildren(QComboBox) if c.isVisible())
    person = demo_workshop.participants[2]
    assert combo.itemText(0) == "Nobody yet" and combo.itemText(3) == person.name
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    commit_cell(qtbot, combo)
    assert panel.model.index(row, OWNER).data() == person.name
    assert rows(library_path, "SELECT owner_id FROM action_items ORDER BY position")[-1] == (
        person.id,
    )


def test_overdue_action_items_are_marked_and_counted(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_workshop: Workshop
) -> None:
    window, dock = opened(make_window, demo_workshop)
    window.act.capture_panel.trigger()
    bar = dock.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(ACTIONS).center())
    panel = dock.actions_panel
    assert panel.isVisible()
    panel.model.today = lambda: date(2027, 6, 1)  # type: ignore[method-assign]
    panel._changed("action_items")
    assert panel.overdue_label.isVisible()
    assert panel.overdue_label.text() == "3 action item(s) overdue."
    first = panel.model.index(0, DUE)
    assert "Overdue" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert first.data(Qt.ItemDataRole.DecorationRole) is not None
    done = panel.model.index(3, DUE)  # done items are never overdue
    assert done.data(Qt.ItemDataRole.ToolTipRole) is None
    panel.model.today = lambda: date(2026, 11, 1)  # type: ignore[method-assign]
    panel._changed("action_items")
    assert not panel.overdue_label.isVisible()


def test_the_capture_panel_toggles_and_stays_hidden_or_shown_between_workshops(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_workshop: Workshop
) -> None:
    window, dock = opened(make_window, demo_workshop)
    assert window.view is not None
    window.view.steps.setFocus()
    press(qtbot, Qt.Key.Key_L)
    assert dock.isVisible() and window.act.capture_panel.isChecked()
    window.go_home()
    assert window.capture.dock is None and not window.act.capture_panel.isEnabled()
    window.open_workshop(demo_workshop.id)
    assert window.capture.dock is not None and window.capture.dock.isVisible()
    window.view.steps.setFocus()
    press(qtbot, Qt.Key.Key_L)
    assert not window.capture.dock.isVisible() and not window.act.capture_panel.isChecked()


def test_take_home_outputs_are_written_from_the_file_menu(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window, _dock = opened(make_window, demo_workshop)
    file_menu = window.menuBar().actions()[0].menu()
    outputs = next(a.menu() for a in file_menu.actions() if a.text() == "&Take-home Outputs")
    entries = [a.text() for a in outputs.actions()]
    assert entries == [
        "Workshop &Summary (PDF)…",
        "&Action Items (CSV)…",
        "Review &Calendar (iCalendar)…",
    ]
    # The meeting cadence below cannot repeat in a calendar: the note says so.
    assert window.view is not None
    window.view.doc.workshop.meetings[0].cadence = "twice a week"
    chosen = iter([str(tmp_path / "summary"), str(tmp_path / "actions.csv"), str(tmp_path / "cal")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(chosen), ""))
    for action in outputs.actions():
        action.trigger()
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "actions.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (tmp_path / "cal.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    box = window.outputs.notes_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "“twice a week” is not a cadence a calendar can repeat" in box.text()
    box.close()
    assert window.statusBar().currentMessage() == f"Calendar saved to {tmp_path / 'cal.ics'}."


def test_a_folder_that_cannot_be_written_is_one_sentence(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.common import dialogs

    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda _parent, text, title="": told.append(text))
    window, _dock = opened(make_window, demo_workshop)
    window.outputs.actions_csv(str(tmp_path / "missing" / "a.csv"))
    assert len(told) == 1 and told[0].startswith("The folder ") and told[0].endswith(".")
    assert not (tmp_path / "missing").exists()


def test_every_control_of_the_panel_and_the_vote_dialog_is_named(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_workshop: Workshop
) -> None:
    from tests.ui.shell.test_accessibility import unnamed_focusable
    from ui.capture.dock import VOTES

    window, dock = opened(make_window, demo_workshop)
    window.act.capture_panel.trigger()
    for tab in range(dock.tabs.count()):
        dock.tabs.setCurrentIndex(tab)
        assert unnamed_focusable(dock) == [], tab
    dock.tabs.setCurrentIndex(VOTES)
    dock.votes.new_vote()
    dialog = dock.votes.dialog
    assert unnamed_focusable(dialog) == []
    dialog.subject.setText("Which first?")
    dialog.options.setPlainText("One\nTwo")
    dialog.start()
    assert unnamed_focusable(dialog) == []
    dialog.spins["One"].setValue(1)
    dialog.record()
    dialog.reveal()
    assert unnamed_focusable(dialog) == []
    dialog.close()
