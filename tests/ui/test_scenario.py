"""A person's first session: create a workshop, add people, undo, quit, come back."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from tests.ui.typing_helpers import type_text
from ui.library.new_workshop_dialog import NewWorkshopDialog
from ui.room.page import RoomPage
from ui.shell.main_window import MainWindow
from workshop.steps import Step


def create_through_dialog(qtbot: QtBot, window: MainWindow, title: str, client: str) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewWorkshopDialog)
        type_text(dialog.title, title)
        type_text(dialog.client, client)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    window.act.new.trigger()
    with qtbot.waitActive(window):  # what the window manager does when a dialog closes
        window.activateWindow()


def add_participant(qtbot: QtBot, page: RoomPage, name: str) -> None:
    button = next(b for b in page.findChildren(QToolButton) if b.defaultAction() is page.add_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    editors = [e for e in page.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "adding a participant opens the name for typing"
    editor = editors[0]
    type_text(editor, name)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Qt commits and closes the editor on the next turn of the event loop.
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)


def participant_names(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return [r[0] for r in db.execute("SELECT name FROM participants ORDER BY position")]
    finally:
        db.close()


def test_create_add_two_undo_one_quit_and_reopen(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window = make_window()
    assert window.home.stack.currentWidget() is window.home.empty  # first-time empty state

    create_through_dialog(qtbot, window, "Offsite 🎯 <b>Q1</b>", "Nordwind AG")
    assert window.view is not None, "the new workshop opens at once"
    assert window.view.current_step is Step.ROOM
    page = window.view.page(Step.ROOM)
    assert isinstance(page, RoomPage)
    assert page.title_edit.text() == "Offsite 🎯 <b>Q1</b>"
    assert page.client_edit.text() == "Nordwind AG"

    add_participant(qtbot, page, "Zoë Müller")
    add_participant(qtbot, page, "Tobias Brandt")
    assert participant_names(library_path) == ["Zoë Müller", "Tobias Brandt"]  # autosaved
    assert page.people.rowCount() == 2

    # Ctrl+Z twice: the second name, then the second participant itself.
    assert window.act.undo.text().startswith("&Undo Edit participant name")
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.people.rowCount() == 1
    assert participant_names(library_path) == ["Zoë Müller"]
    assert window.act.redo.isEnabled()

    window.close()

    again = make_window()
    # The last open workshop and step come back.
    assert again.view is not None
    assert again.view.doc.workshop.title == "Offsite 🎯 <b>Q1</b>"
    assert [p.name for p in again.view.doc.workshop.participants] == ["Zoë Müller"]
    again.go_home()
    titles = [again.home.proxy.index(r, 0).data() for r in range(again.home.proxy.rowCount())]
    assert titles == ["Offsite 🎯 <b>Q1</b>"]


def test_empty_title_is_refused_inline_and_nothing_is_created(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window = make_window()
    seen: dict[str, str] = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewWorkshopDialog)
        qtbot.keyClicks(dialog.title, "   ")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        seen["error"] = dialog.title_error.text() if dialog.title_error.isVisible() else ""
        seen["open"] = str(dialog.isVisible())
        dialog.reject()

    QTimer.singleShot(0, fill)
    window.act.new.trigger()
    assert seen == {"error": "A workshop needs a title.", "open": "True"}
    assert window.view is None
    db = sqlite3.connect(library_path)
    assert db.execute("SELECT count(*) FROM workshops").fetchone() == (0,)
    db.close()


def test_the_empty_state_button_starts_a_workshop(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window()
    button = window.home.empty.button
    assert isinstance(button, QPushButton) and button.isVisible()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewWorkshopDialog)
        qtbot.keyClicks(dialog.title, "First one")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.view is not None and window.view.doc.workshop.title == "First one"
