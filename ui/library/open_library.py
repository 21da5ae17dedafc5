"""The open library: the repository and the table model the home screen shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from storage.errors import StorageError
from storage.repository import Repository
from ui.common.i18n import tr
from ui.library.model import LibraryModel
from workshop.editing import clean_title, duplicate_workshop
from workshop.errors import ValidationError
from workshop.model import Workshop, WorkshopSummary


class Library(QObject):
    """Library-level edits (create, rename, duplicate, delete), each undoable."""

    failed = Signal(str)  # the library could not be written: one sentence
    invalid = Signal(str)  # an entry was refused: one sentence
    changed = Signal(str)  # a workshop was renamed, deleted or restored here
    restored = Signal(str)  # a workshop came back (undo of a delete)

    def __init__(
        self,
        repository: Repository,
        summaries: list[WorkshopSummary] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.repository = repository
        self.model = LibraryModel(self)
        self.model.rename_handler = self.rename
        self.undo_stack = QUndoStack(self)
        self.model.reset(repository.summaries() if summaries is None else summaries)

    def refresh(self) -> None:
        self.model.reset(self.repository.summaries())

    def refresh_one(self, workshop_id: str) -> None:
        found = self.repository.summaries([workshop_id])
        if found:
            self.model.upsert(found[0])
        else:
            self.model.remove(workshop_id)

    def _guard(self, action: Any, *args: Any) -> bool:
        try:
            action(*args)
        except (StorageError, ValidationError) as exc:
            self.failed.emit(exc.message)
            return False
        return True

    # -- user intents -----------------------------------------------------------------------

    def create(self, workshop: Workshop) -> bool:
        before = self.undo_stack.count()
        self.undo_stack.push(_Create(self, workshop, tr("Create “{t}”").format(t=workshop.title)))
        return self.undo_stack.count() > before

    def rename(self, workshop_id: str, title: str) -> bool:
        try:
            clean = clean_title(title)
        except ValidationError as exc:
            self.invalid.emit(exc.message)
            return False
        try:
            old = self.repository.summary(workshop_id).title
        except StorageError as exc:
            self.failed.emit(exc.message)
            return False
        if clean == old:
            return True
        self.undo_stack.push(_Rename(self, workshop_id, old, clean))
        return True

    def duplicate(self, workshop_id: str) -> str | None:
        try:
            copy = duplicate_workshop(self.repository.get(workshop_id))
        except StorageError as exc:
            self.failed.emit(exc.message)
            return None
        return copy.id if self.create(copy) else None

    def delete(self, workshop_id: str, title: str) -> None:
        self.undo_stack.push(_Delete(self, workshop_id, title))

    # -- primitives the commands call ----------------------------------------------------

    def _add(self, workshop: Workshop) -> bool:
        ok = self._guard(self.repository.add, workshop)
        if ok:
            self.refresh_one(workshop.id)
        return ok

    def _set_deleted(self, workshop_id: str, deleted: bool) -> bool:
        action = self.repository.delete if deleted else self.repository.restore
        ok = self._guard(action, workshop_id)
        if ok:
            self.refresh_one(workshop_id)
            self.changed.emit(workshop_id)
            if not deleted:
                self.restored.emit(workshop_id)
        return ok

    def _set_title(self, workshop_id: str, title: str) -> bool:
        ok = self._guard(self.repository.update_workshop, workshop_id, {"title": title})
        if ok:
            self.refresh_one(workshop_id)
            self.changed.emit(workshop_id)
        return ok


class _Create(QUndoCommand):
    def __init__(self, library: Library, workshop: Workshop, text: str) -> None:
        super().__init__(text)
        self.library, self.workshop, self.stored = library, workshop, False

    def redo(self) -> None:
        if self.stored:
            self.library._set_deleted(self.workshop.id, False)
        else:
            self.stored = self.library._add(self.workshop)
            if not self.stored:
                self.setObsolete(True)

    def undo(self) -> None:
        self.library._set_deleted(self.workshop.id, True)


class _Rename(QUndoCommand):
    def __init__(self, library: Library, workshop_id: str, old: str, new: str) -> None:
        super().__init__(tr("Rename “{old}”").format(old=old))
        self.library, self.workshop_id, self.old, self.new = library, workshop_id, old, new

    def redo(self) -> None:
        self.library._set_title(self.workshop_id, self.new)

    def undo(self) -> None:
        self.library._set_title(self.workshop_id, self.old)


class _Delete(QUndoCommand):
    def __init__(self, library: Library, workshop_id: str, title: str) -> None:
        super().__init__(tr("Delete “{title}”").format(title=title))
        self.library, self.workshop_id = library, workshop_id

    def redo(self) -> None:
        self.library._set_deleted(self.workshop_id, True)

    def undo(self) -> None:
        self.library._set_deleted(self.workshop_id, False)
