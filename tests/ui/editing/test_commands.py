"""Undo commands on a bare QUndoStack: each edit is undone in the domain and in the library."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from storage.engine import make_engine, resolve_url
from storage.library import open_library
from storage.repository import Repository
from ui.editing.commands import SetField, SetItemField
from ui.editing.document import WorkshopDocument
from ui.shell.main_window import MainWindow
from workshop.editing import new_workshop
from workshop.model import Participant


def test_typing_in_one_session_is_one_undo_step(repo: Repository) -> None:
    w = new_workshop("Commands")
    repo.add(w)
    doc = WorkshopDocument(w, repo)
    stack = QUndoStack()
    for text in ("A", "Ac", "Acm", "Acme"):
        stack.push(SetField(doc, "client", text, "client", session=7))
    stack.push(SetField(doc, "client", "Acme AG", "client", session=8))
    assert stack.count() == 2
    assert repo.get(w.id).client == "Acme AG"
    stack.undo()
    assert repo.get(w.id).client == "Acme" == doc.workshop.client
    stack.undo()
    assert repo.get(w.id).client == "" == doc.workshop.client


def test_nested_fields_and_item_fields(repo: Repository) -> None:
    w = new_workshop("Nested")
    w.participants = [Participant(name="Ana")]
    repo.add(w)
    doc = WorkshopDocument(w, repo)
    stack = QUndoStack()
    stack.push(SetField(doc, "goal.target", Decimal("4.80"), "goal target"))
    stack.push(SetItemField(doc, "participants", w.participants[0].id, "name", "Ana B.", "name"))
    loaded = repo.get(w.id)
    assert loaded.goal.target == Decimal("4.80") and loaded.participants[0].name == "Ana B."
    stack.undo()
    stack.undo()
    loaded = repo.get(w.id)
    assert loaded.goal.target is None and loaded.participants[0].name == "Ana"


def test_a_failed_save_keeps_the_edit_and_says_why(repo: Repository, library_path: Path) -> None:
    w = new_workshop("Failing")
    repo.add(w)
    doc = WorkshopDocument(w, repo)
    messages: list[str] = []
    doc.save_failed.connect(messages.append)
    # Another program holds the library locked while the user types.
    repo.engine.dispose()
    repo.engine = make_engine(repo.engine.url, busy_timeout_ms=50)
    blocker = sqlite3.connect(library_path, isolation_level=None)
    blocker.execute("PRAGMA locking_mode = EXCLUSIVE")
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        doc.set_value("client", "Still here")
        assert doc.unsaved == 1
        doc.set_value("location", "Hamburg")  # queues behind the first, in order
        assert doc.unsaved == 2
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert doc.workshop.client == "Still here"  # the edit is not lost from the open workshop
    assert messages and "in use by another program" in messages[0]
    # Once the library is free again, the retry stores both, in order.
    saved: list[bool] = []
    doc.saved.connect(lambda: saved.append(True))
    doc.retry()
    assert doc.unsaved == 0 and saved == [True]
    stored = repo.get(w.id)
    assert (stored.client, stored.location) == ("Still here", "Hamburg")


def test_quitting_with_changes_the_library_refused_asks_first(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.common import dialogs

    w = new_workshop("Quit")
    repo = open_library(resolve_url(str(library_path)))
    repo.add(w)
    repo.close()
    window = make_window()
    window.open_workshop(w.id)
    assert window.view is not None and window.library is not None
    monkeypatch.setattr(dialogs, "tell", lambda *_a, **_k: None)
    answers: list[bool] = [False]
    monkeypatch.setattr(dialogs, "ask", lambda *_a, **_k: answers.pop(0))
    window.library.repository.engine.dispose()
    window.library.repository.engine = make_engine(
        window.library.repository.engine.url, busy_timeout_ms=50
    )
    blocker = sqlite3.connect(library_path, isolation_level=None)
    blocker.execute("PRAGMA locking_mode = EXCLUSIVE")
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        window.view.doc.set_value("client", "Unsaved")
        window.close()
        assert window.isVisible()  # the user chose to stay: nothing lost
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    window.close()  # now it saves on the way out
    assert not window.isVisible()
    check = open_library(resolve_url(str(library_path)))
    assert check.get(w.id).client == "Unsaved"
    check.close()
