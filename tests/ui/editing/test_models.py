"""The item models obey Qt's model contract (checked by qtmodeltester) under edits."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester

from storage.repository import Repository
from ui.editing.collection_model import CollectionModel, Column
from ui.editing.document import WorkshopDocument
from ui.library.filtering import LibraryFilter
from ui.library.model import LibraryModel
from workshop.demo import build_demo_workshop
from workshop.editing import TEAM_LABELS
from workshop.model import Participant, Team, WorkshopStatus, WorkshopSummary


def summary(i: int, title: str, client: str = "") -> WorkshopSummary:
    return WorkshopSummary(
        id=f"{i:032d}",
        title=title,
        client=client,
        date=date(2026, 1, 1 + i % 28),
        status=list(WorkshopStatus)[i % 3],
        updated_at=datetime(2026, 1, 1, tzinfo=UTC),
        participant_count=i % 7,
    )


def test_library_model_and_filter(qtmodeltester: ModelTester) -> None:
    model = LibraryModel()
    model.reset([summary(i, f"Workshop {i}", "Nordwind" if i % 2 else "Acme") for i in range(50)])
    qtmodeltester.check(model)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_query("nordwind")
    assert proxy.rowCount() == 25
    model.upsert(summary(99, "Fresh", "Nordwind"))
    assert proxy.rowCount() == 26
    model.remove(f"{99:032d}")
    qtmodeltester.check(proxy)


def test_collection_model_follows_undo_and_redo(
    qtmodeltester: ModelTester, repo: Repository
) -> None:
    workshop = build_demo_workshop(date(2026, 11, 23))
    repo.add(workshop)
    doc = WorkshopDocument(workshop, repo)
    stack = QUndoStack()
    teams = [(t, TEAM_LABELS[t]) for t in Team]
    model = CollectionModel(
        doc,
        stack,
        "participants",
        [Column("name", "Name", "name"), Column("team", "Team", "team", choices=teams)],
    )
    qtmodeltester.check(model)
    from ui.editing.commands import AddItem, MoveItem, RemoveItem

    n = model.rowCount()
    stack.push(AddItem(doc, "participants", Participant(name="New"), 3, "participant"))
    assert model.rowCount() == n + 1 and model.index(3, 0).data() == "New"
    stack.push(MoveItem(doc, "participants", doc.items("participants")[0].id, n, "participant"))
    stack.push(RemoveItem(doc, "participants", doc.items("participants")[1].id, "participant"))
    assert model.rowCount() == n
    assert model.setData(model.index(0, 1), Team.LEADERSHIP)
    assert model.index(0, 1).data() == "Leadership"
    while stack.canUndo():
        stack.undo()
    assert [p.name for p in repo.get(workshop.id).participants] == [
        p.name for p in build_demo_workshop(date(2026, 11, 23)).participants
    ]
    while stack.canRedo():
        stack.redo()
    assert model.rowCount() == n
    assert repo.get(workshop.id).participants[0].team is Team.LEADERSHIP
