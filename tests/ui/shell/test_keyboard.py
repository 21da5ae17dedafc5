"""Keyboard paths a desktop user expects, and fixes that keep work from being lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton
from pytestqt.qtbot import QtBot

from storage.engine import resolve_url
from storage.library import open_library
from tests.ui.typing_helpers import type_text
from ui.common.widgets import OptionalDateEdit
from ui.room.page import NAME, RoomPage
from ui.shell.main_window import MainWindow
from workshop.editing import new_workshop
from workshop.model import Participant
from workshop.steps import Step


def seed(path: Path, *titles: str) -> list[str]:
    repo = open_library(resolve_url(str(path)))
    ids = []
    for title in titles:
        w = new_workshop(title)
        w.participants = [Participant(name="Ana")]
        repo.add(w)
        ids.append(w.id)
    repo.close()
    return ids


def opened(
    make_window: Callable[..., MainWindow], path: Path, title: str
) -> tuple[MainWindow, str]:
    """A window showing a one-person workshop called ``title``."""
    (workshop_id,) = seed(path, title)
    window = make_window()
    window.open_workshop(workshop_id)
    return window, workshop_id


def room(window: MainWindow) -> RoomPage:
    assert window.view is not None
    page = window.view.page(Step.ROOM)
    assert isinstance(page, RoomPage)
    return page


def test_search_down_enter_and_escape(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    alpha, _beta = seed(library_path, "Alpha kick-off", "Beta review")
    window = make_window()
    window.act.find.trigger()
    assert QApplication.focusWidget() is window.home.search
    type_text(window.home.search, "alpha")
    assert window.home.count.text() == "1 of 2 workshops match"
    qtbot.keyClick(window.home.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.home.table
    assert window.home.current_id() == alpha
    window.home.search.setFocus()
    qtbot.keyClick(window.home.search, Qt.Key.Key_Escape)
    assert window.home.search.text() == ""
    type_text(window.home.search, "zzz")
    assert window.home.count.text() == "0 of 2 workshops match"
    window.home.search.clear()
    type_text(window.home.search, "beta")
    qtbot.keyClick(window.home.search, Qt.Key.Key_Return)
    assert window.view is not None and window.view.doc.workshop.title == "Beta review"


def test_opening_puts_the_keyboard_somewhere_useful(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, _wid = opened(make_window, library_path, "Focus")
    assert window.view is not None
    assert QApplication.focusWidget() is window.view.steps
    # Add participant works from the step list: no need to click into the page first.
    qtbot.keyClick(
        window.view.steps,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(window.view.doc.workshop.participants) == 2


def test_escape_on_a_new_empty_participant_takes_it_back(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, wid = opened(make_window, library_path, "Escape")
    page = room(window)
    button = next(b for b in page.findChildren(QToolButton) if b.defaultAction() is page.add_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.people.rowCount() == 2
    editor = next(e for e in page.table.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.people.rowCount() == 1)
    assert [p.name for p in window.library.repository.get(wid).participants] == ["Ana"]  # type: ignore[union-attr]


def test_f2_edits_the_current_cell_inside_a_workshop(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, _wid = opened(make_window, library_path, "F2")
    page = room(window)
    page.table.setCurrentIndex(page.people.index(0, NAME))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editors = [e for e in page.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1 and editors[0].text() == "Ana"
    assert not page.title_edit.hasFocus()


def test_undo_history_survives_leaving_the_workshop(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, wid = opened(make_window, library_path, "History")
    page = room(window)
    page.client_edit.setFocus()
    type_text(page.client_edit, "Nordwind")
    window.act.home.trigger()
    window.open_workshop(wid)
    assert window.act.undo.isEnabled()
    window.act.undo.trigger()
    assert room(window).client_edit.text() == ""
    assert window.library is not None and window.library.repository.get(wid).client == ""


def test_the_date_field_is_kind_to_the_keyboard(qtbot: QtBot) -> None:
    field = OptionalDateEdit()
    qtbot.addWidget(field)
    changes: list[object] = []
    field.date_changed.connect(changes.append)
    field.show()
    field.setFocus()
    assert field.value() is None and field.text() == "Not set"
    qtbot.keyClick(field, Qt.Key.Key_Up)  # starts from today, not 2 Jan 1900
    assert field.value() == date.today()
    field.set_value(None)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.value() is None
    field.setDate(QDate(2026, 12, 1))
    assert changes[-1] == date(2026, 12, 1)
    field.lineEdit().selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)  # erasing the whole field clears the date
    assert field.value() is None and changes[-1] is None


def test_tab_leaves_the_date_field_in_one_press(qtbot: QtBot) -> None:
    from ui.library.new_workshop_dialog import NewWorkshopDialog

    dialog = NewWorkshopDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.date.setFocus()
    qtbot.keyClick(dialog.date, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.location


def test_each_library_remembers_its_own_last_workshop(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    (a_id,) = seed(first, "In library A")
    (b_id,) = seed(second, "In library B")
    window = make_window(first)
    window.open_workshop(a_id)
    window.close()
    window = make_window(second)
    window.open_workshop(b_id)
    window.close()
    again = make_window(first)
    assert again.view is not None and again.view.doc.workshop.id == a_id


def test_help_lists_every_step_and_the_shortcuts(qtbot: QtBot) -> None:
    from ui.shell.help import SHORTCUTS, help_html

    text = help_html()
    assert "Room &amp; agenda" in text and "Agreement &amp; signatures" in text
    for keys, _ in SHORTCUTS:
        assert keys.split(" ")[0] in text


def test_ctrl_g_hides_and_shows_guidance_and_gaps(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, _ = opened(make_window, library_path, "Side panel")
    page = room(window)
    assert page.side.isVisible()
    qtbot.keyClick(window.view.steps, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # type: ignore[union-attr]
    assert not page.side.isVisible()
    window.close()
    again = make_window()  # the choice is remembered
    assert not room(again).side.isVisible()
