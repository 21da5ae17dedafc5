"""One undoable command per user edit; each stores old and new values and calls the document."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from ui.common.i18n import tr
from ui.editing.document import WorkshopDocument
from workshop.model import RaciRole

_MERGE_FIELD = 1


class SetField(QUndoCommand):
    """Change one field of the workshop. Typing in the same editor merges into one step."""

    def __init__(
        self, doc: WorkshopDocument, path: str, value: Any, label: str, session: int = 0
    ) -> None:
        super().__init__(tr("Edit {what}").format(what=label))
        self.doc, self.path, self.new = doc, path, value
        self.old = doc.value(path)
        self.session = session

    def redo(self) -> None:
        self.doc.set_value(self.path, self.new)

    def undo(self) -> None:
        self.doc.set_value(self.path, self.old)

    def id(self) -> int:
        return _MERGE_FIELD if self.session else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetField):
            return False
        if other.path != self.path or other.session != self.session:
            return False
        self.new = other.new
        return True


class SetItemField(QUndoCommand):
    """Change one field of one item in a collection (a participant's name, say)."""

    def __init__(
        self,
        doc: WorkshopDocument,
        collection: str,
        item_id: str,
        name: str,
        value: Any,
        label: str,
    ) -> None:
        super().__init__(tr("Edit {what}").format(what=label))
        self.doc, self.collection, self.item_id, self.name = doc, collection, item_id, name
        self.new = value
        self.old = getattr(doc.item(collection, item_id), name)

    def redo(self) -> None:
        self.doc.set_item_value(self.collection, self.item_id, self.name, self.new)

    def undo(self) -> None:
        self.doc.set_item_value(self.collection, self.item_id, self.name, self.old)


class AddItem(QUndoCommand):
    def __init__(
        self, doc: WorkshopDocument, collection: str, item: Any, index: int, label: str
    ) -> None:
        super().__init__(tr("Add {what}").format(what=label))
        self.doc, self.collection, self.item, self.index = doc, collection, item, index

    def redo(self) -> None:
        self.doc.insert_item(self.collection, self.index, self.item)

    def undo(self) -> None:
        self.doc.remove_item(self.collection, self.item.id)


class RemoveItem(QUndoCommand):
    def __init__(self, doc: WorkshopDocument, collection: str, item_id: str, label: str) -> None:
        super().__init__(tr("Remove {what}").format(what=label))
        self.doc, self.collection, self.item_id = doc, collection, item_id
        self.index = doc.index_of(collection, item_id)
        self.item = doc.item(collection, item_id)

    def redo(self) -> None:
        self.index, self.item = self.doc.remove_item(self.collection, self.item_id)

    def undo(self) -> None:
        self.doc.insert_item(self.collection, self.index, self.item)


class MoveItem(QUndoCommand):
    def __init__(
        self, doc: WorkshopDocument, collection: str, item_id: str, to: int, label: str
    ) -> None:
        super().__init__(tr("Move {what}").format(what=label))
        self.doc, self.collection, self.item_id, self.to = doc, collection, item_id, to
        self.origin = doc.index_of(collection, item_id)

    def redo(self) -> None:
        self.doc.move_item(self.collection, self.item_id, self.to)

    def undo(self) -> None:
        self.doc.move_item(self.collection, self.item_id, self.origin)


class SetRoles(QUndoCommand):
    """Change the RACI roles one party holds in one activity."""

    def __init__(
        self,
        doc: WorkshopDocument,
        activity_id: str,
        party_id: str,
        roles: frozenset[RaciRole],
        label: str,
    ) -> None:
        super().__init__(tr("Edit {what}").format(what=label))
        self.doc, self.activity_id, self.party_id = doc, activity_id, party_id
        self.new = frozenset(roles)
        self.old = doc.item("activities", activity_id).roles.get(party_id, frozenset())

    def redo(self) -> None:
        self.doc.set_roles(self.activity_id, self.party_id, self.new)

    def undo(self) -> None:
        self.doc.set_roles(self.activity_id, self.party_id, self.old)


class RemoveParty(QUndoCommand):
    """Remove a RACI party and its roles in every activity; undo brings both back."""

    def __init__(self, doc: WorkshopDocument, party_id: str, label: str) -> None:
        super().__init__(tr("Remove {what}").format(what=label))
        self.doc, self.party_id = doc, party_id
        self.index = doc.index_of("parties", party_id)
        self.party = doc.item("parties", party_id)
        self.held: list[tuple[str, frozenset[RaciRole]]] = []

    def redo(self) -> None:
        activities = self.doc.items("activities")
        self.held = [(a.id, a.roles[self.party_id]) for a in activities if self.party_id in a.roles]
        for activity_id, _roles in self.held:
            self.doc.set_roles(activity_id, self.party_id, frozenset())
        self.index, self.party = self.doc.remove_item("parties", self.party_id)

    def undo(self) -> None:
        self.doc.insert_item("parties", self.index, self.party)
        for activity_id, roles in self.held:
            self.doc.set_roles(activity_id, self.party_id, roles)
