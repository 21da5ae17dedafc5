"""Undo commands on a bare QUndoStack: each edit is undone in the domain and in the library."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

from PySide6.QtGui import QUndoStack

from storage.engine import make_engine
from storage.repository import Repository
from ui.commands import SetField, SetItemField
from ui.document import WorkshopDocument
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
