"""An open workshop: the domain object, kept in step with the library on every edit.

Undo commands call these methods; the methods change the domain object, persist the
change at once (autosave) and tell the pages what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from storage.errors import StorageError
from storage.repository import Repository
from ui.common.i18n import tr
from ui.common.tasks import SyncRunner, TaskRunner
from workshop.errors import AccordError
from workshop.field_types import typed
from workshop.model import AgreementVersion, RaciRole, Signature, Workshop

RETRY_MS = 5000


class WorkshopDocument(QObject):
    field_changed = Signal(str)  # a workshop path such as "title" or "goal.target"
    children_changed = Signal(str)  # a collection name such as "participants"
    saved = Signal()
    save_failed = Signal(str)  # one sentence for the user
    versions_changed = Signal()  # a signature was given, a draft discarded

    def __init__(
        self,
        workshop: Workshop,
        repository: Repository,
        parent: Any = None,
        runner: TaskRunner | SyncRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.workshop = workshop
        self.repository = repository
        self.runner = runner or SyncRunner()
        self._pending: list[tuple[Any, tuple[Any, ...]]] = []  # changes not yet stored
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_MS)
        self._retry_timer.timeout.connect(self.retry)

    # -- reading ------------------------------------------------------------------------

    def value(self, path: str) -> Any:
        target: Any = self.workshop
        for part in path.split("."):
            target = getattr(target, part)
        return target

    def items(self, collection: str) -> list[Any]:
        items: list[Any] = getattr(self.workshop, collection)
        return items

    def index_of(self, collection: str, item_id: str) -> int:
        for i, item in enumerate(self.items(collection)):
            if item.id == item_id:
                return i
        raise KeyError(item_id)

    def has_item(self, collection: str, item_id: str) -> bool:
        return any(item.id == item_id for item in self.items(collection))

    def item(self, collection: str, item_id: str) -> Any:
        return self.items(collection)[self.index_of(collection, item_id)]

    # -- changing (each one autosaved) ------------------------------------------------------

    def set_value(self, path: str, value: Any) -> None:
        *parents, name = path.split(".")
        target: Any = self.workshop
        for part in parents:
            target = getattr(target, part)
        value = typed(type(target), name, value)
        setattr(target, name, value)
        self._persist(self.repository.update_workshop, self.workshop.id, {path: value})
        self.field_changed.emit(path)

    def insert_item(self, collection: str, index: int, item: Any) -> None:
        self.items(collection).insert(index, item)
        self._persist(self.repository.add_child, self.workshop.id, collection, item, index)
        self.children_changed.emit(collection)

    def remove_item(self, collection: str, item_id: str) -> tuple[int, Any]:
        index = self.index_of(collection, item_id)
        item = self.items(collection).pop(index)
        self._persist(self.repository.remove_child, self.workshop.id, collection, item_id)
        self.children_changed.emit(collection)
        return index, item

    def set_item_value(self, collection: str, item_id: str, name: str, value: Any) -> None:
        items = self.items(collection)
        index = self.index_of(collection, item_id)
        value = typed(type(items[index]), name, value)
        items[index] = replace(items[index], **{name: value})
        self._persist(
            self.repository.update_child, self.workshop.id, collection, item_id, {name: value}
        )
        self.children_changed.emit(collection)

    def move_item(self, collection: str, item_id: str, to: int) -> None:
        items = self.items(collection)
        item = items.pop(self.index_of(collection, item_id))
        items.insert(to, item)
        self._persist(self.repository.reorder, self.workshop.id, collection, [i.id for i in items])
        self.children_changed.emit(collection)

    def set_roles(self, activity_id: str, party_id: str, roles: frozenset[RaciRole]) -> None:
        """The RACI roles ``party_id`` holds in an activity (none: the party drops out)."""
        items = self.items("activities")
        index = self.index_of("activities", activity_id)
        held = dict(items[index].roles)
        if roles:
            held[party_id] = frozenset(roles)
        else:
            held.pop(party_id, None)
        items[index] = replace(items[index], roles=held)
        self._persist(
            self.repository.set_roles, self.workshop.id, activity_id, party_id, frozenset(roles)
        )
        self.children_changed.emit("activities")

    def _persist(self, method: Any, *args: Any) -> None:
        """Store one change. If the library refuses (locked, read-only, disk full), the change
        stays in the open workshop and waits, in order, to be stored on the next retry."""
        self._pending.append((method, args))
        self.retry()

    @property
    def unsaved(self) -> int:
        return len(self._pending)

    def retry(self) -> None:
        while self._pending:
            method, args = self._pending[0]
            try:
                method(*args)
            except StorageError as exc:
                self.save_failed.emit(exc.message)
                self._retry_timer.start()
                return
            self._pending.pop(0)
        self._retry_timer.stop()
        self.saved.emit()

    # -- signing (not undoable: a signature is given, never taken back) ----------------------

    def sign(
        self,
        draft: AgreementVersion,
        signatory: int,
        signature: Signature,
        done: Callable[[AgreementVersion], None],
        failed: Callable[[str], None],
    ) -> None:
        """Record a signature off the GUI thread; ``done`` gets the version as stored."""
        if self._pending:
            failed(
                tr(
                    "Some changes are not saved in the library yet, so the text to sign is "
                    "not settled; signing can start once they are saved."
                )
            )
            return
        workshop_id = self.workshop.id

        def work() -> tuple[AgreementVersion, Workshop]:
            version = self.repository.sign(workshop_id, draft, signatory, signature)
            return version, self.repository.get(workshop_id)

        def finish(result: tuple[AgreementVersion, Workshop]) -> None:
            version, stored = result
            self._take_versions(stored)
            done(version)

        self.runner.submit(work, finish, lambda exc: failed(_sentence(exc)))

    def discard_draft(self, done: Callable[[], None], failed: Callable[[str], None]) -> None:
        """Forget the signatures collected on a draft whose text has changed since."""
        workshop_id = self.workshop.id

        def work() -> Workshop:
            self.repository.discard_draft(workshop_id)
            return self.repository.get(workshop_id)

        def finish(stored: Workshop) -> None:
            self._take_versions(stored)
            done()

        self.runner.submit(work, finish, lambda exc: failed(_sentence(exc)))

    def _take_versions(self, stored: Workshop) -> None:
        self.workshop.versions = stored.versions
        if self.workshop.status != stored.status:
            self.workshop.status = stored.status
            self.field_changed.emit("status")
        self.versions_changed.emit()


def _sentence(exc: BaseException) -> str:
    if isinstance(exc, AccordError):
        return exc.message
    raise exc
