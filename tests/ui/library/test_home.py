"""The home screen: list, search as you type, rename, duplicate, delete with undo."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from storage.engine import resolve_url
from storage.library import open_library
from tests.ui.typing_helpers import type_text
from ui.common import dialogs
from ui.shell.main_window import MainWindow
from workshop.editing import new_workshop
from workshop.model import Workshop


def seed(path: Path, *titles: str, clients: tuple[str, ...] = ()) -> list[str]:
    repo = open_library(resolve_url(str(path)))
    ids = []
    for i, title in enumerate(titles):
        w = new_workshop(title, client=clients[i] if i < len(clients) else "")
        repo.add(w)
        ids.append(w.id)
    repo.close()
    return ids


def shown_titles(window: MainWindow) -> list[str]:
    proxy = window.home.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_newest_first_and_search_as_you_type(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    seed(
        library_path,
        "Kick-off",
        "Offsite Hamburg",
        "Quarterly review",
        clients=("Nordwind AG", "Société Générale Café", "Nordwind AG"),
    )
    window = make_window()
    assert shown_titles(window) == ["Quarterly review", "Offsite Hamburg", "Kick-off"]
    assert window.home.count.text() == "3 workshops in your library"

    window.home.search.setFocus()
    type_text(window.home.search, "nordwind")
    assert shown_titles(window) == ["Quarterly review", "Kick-off"]
    assert window.home.count.text() == "2 of 3 workshops match"
    window.home.search.clear()
    type_text(window.home.search, "societe cafe")  # accents and case do not matter
    assert shown_titles(window) == ["Offsite Hamburg"]
    window.home.search.clear()
    type_text(window.home.search, "zzz")
    assert window.home.stack.currentWidget() is window.home.no_match
    window.home.search.clear()
    assert len(shown_titles(window)) == 3


def test_rename_in_place_and_undo(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    (wid,) = seed(library_path, "Old name")
    window = make_window()
    window.home.select(wid)
    window.home.table.setFocus()
    qtbot.keyClick(window.home.table, Qt.Key.Key_F2)
    editors = [e for e in window.home.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editors[0].selectAll()
    type_text(editors[0], "New name ✨")
    qtbot.keyClick(editors[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown_titles(window) == ["New name ✨"])
    assert window.library is not None
    assert window.library.repository.get(wid).title == "New name ✨"
    window.act.undo.trigger()
    assert shown_titles(window) == ["Old name"]
    assert window.library.repository.get(wid).title == "Old name"


def test_renaming_to_blank_is_refused(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (wid,) = seed(library_path, "Keep me")
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda _p, text, title="": told.append(text))
    window = make_window()
    assert window.library is not None
    index = window.home.proxy.index(0, 0)
    assert not window.home.proxy.setData(index, "   ")
    assert told == []  # no dialog for a typing slip: the status bar says it
    assert window.statusBar().currentMessage() == "A workshop needs a title."
    assert window.library.repository.get(wid).title == "Keep me"


def test_delete_asks_first_and_undo_brings_it_back(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keep, drop = seed(library_path, "Keep", "Drop")
    answers = iter([False, True])
    asked: list[str] = []

    def ask(_parent: object, _title: str, text: str, _ok: str, _detail: str = "") -> bool:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(dialogs, "ask", ask)
    window = make_window()
    window.home.select(drop)
    window.home.table.setFocus()
    qtbot.keyClick(window.home.table, Qt.Key.Key_Delete)  # answered "Cancel"
    assert shown_titles(window) == ["Drop", "Keep"]
    qtbot.keyClick(window.home.table, Qt.Key.Key_Delete)  # answered "Delete"
    assert asked == ["Delete “Drop”?", "Delete “Drop”?"]
    assert shown_titles(window) == ["Keep"]
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    qtbot.keyClick(window.home.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sorted(shown_titles(window)) == ["Drop", "Keep"]
    assert window.library is not None
    assert window.library.repository.get(drop).title == "Drop"
    del keep


def test_duplicate_copies_everything_but_the_identity(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_workshop: Workshop
) -> None:
    demo = demo_workshop
    window = make_window()
    window.home.select(demo.id)
    window.act.duplicate.trigger()
    assert shown_titles(window)[0] == f"{demo.title} (copy)"
    assert window.library is not None
    copy_id = window.home.current_id()
    assert copy_id and copy_id != demo.id
    copy = window.library.repository.get(copy_id)
    assert [p.name for p in copy.participants] == [p.name for p in demo.participants]
    assert {p.id for p in copy.participants}.isdisjoint({p.id for p in demo.participants})
    window.act.undo.trigger()
    assert shown_titles(window) == [demo.title]


def test_a_file_that_is_not_a_library_is_explained_and_left_alone(
    qtbot: QtBot, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    thesis = tmp_path / "thesis.sqlite3"
    thesis.write_bytes(b"Chapter 1\n" * 1000)
    before = hashlib.sha256(thesis.read_bytes()).hexdigest()
    window = make_window(thesis)
    assert window.home.stack.currentWidget() is window.home.error
    assert "is not an Accord library" in window.home.error.text.text()
    assert not window.act.new.isEnabled()
    assert hashlib.sha256(thesis.read_bytes()).hexdigest() == before
