"""The workshops opened in this run: each keeps its document (with its queue of edits not
yet stored) and its undo history while the facilitator goes home and comes back; and what
the next run opens again (the window's place, the last workshop and step, per library)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoGroup, QUndoStack

from ui.common.settings import LAST_STEP, LAST_WORKSHOP, WINDOW_GEOMETRY, WINDOW_STATE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from storage.repository import Repository
    from ui.common.settings import Settings
    from ui.common.tasks import TaskRunner
    from ui.editing.document import WorkshopDocument
    from workshop.model import Workshop
    from workshop.steps import Step

UNDO_LIMIT = 500


class Sessions:
    def __init__(self, undo_group: QUndoGroup, runner: TaskRunner) -> None:
        self.undo_group = undo_group
        self.runner = runner
        self._open: dict[str, tuple[WorkshopDocument, QUndoStack]] = {}

    def get(self, workshop_id: str) -> tuple[WorkshopDocument, QUndoStack] | None:
        return self._open.get(workshop_id)

    def start(
        self,
        workshop: Workshop,
        repository: Repository,
        connect: Callable[[WorkshopDocument], None],
    ) -> tuple[WorkshopDocument, QUndoStack]:
        """A document and an undo history for ``workshop``, read just now; ``connect``
        wires the document's signals to the window."""
        from ui.editing.document import WorkshopDocument

        parent = self.undo_group.parent()
        doc = WorkshopDocument(workshop, repository, parent, self.runner)
        connect(doc)
        stack = QUndoStack(parent)
        stack.setUndoLimit(UNDO_LIMIT)
        session = self._open[workshop.id] = (doc, stack)
        return session

    def drop(self, workshop_id: str) -> None:
        """Forget one workshop's session (renamed, deleted or restored elsewhere)."""
        session = self._open.pop(workshop_id, None)
        if session is not None:
            doc, stack = session
            self.undo_group.removeStack(stack)
            stack.deleteLater()
            doc.deleteLater()

    def clear(self) -> None:
        """Forget them all (the library is closing); their stacks leave the undo group."""
        for _doc, stack in self._open.values():
            self.undo_group.removeStack(stack)
        self._open.clear()

    def documents(self) -> Iterator[WorkshopDocument]:
        return (doc for doc, _stack in self._open.values())


def restore_place(settings: Settings, window: QMainWindow) -> None:
    """Put the window where the last run left it, docks and all."""
    geometry = settings.get(WINDOW_GEOMETRY)
    if not geometry.isEmpty():
        window.restoreGeometry(geometry)
    state = settings.get(WINDOW_STATE)
    if not state.isEmpty():
        window.restoreState(state)


def remember(
    settings: Settings, window: QMainWindow, scope: str, where: tuple[str, str] | None
) -> None:
    """Keep the window's place and, for the library ``scope``, the workshop and step on
    screen (``where``; None at home) for the next run."""
    settings.set(WINDOW_GEOMETRY, window.saveGeometry())
    settings.set(WINDOW_STATE, window.saveState())
    if scope:
        settings.set(settings.scoped(LAST_WORKSHOP, scope), where[0] if where else "")
        if where is not None:
            settings.set(settings.scoped(LAST_STEP, scope), where[1])
    settings.sync()


def last_place(settings: Settings, scope: str) -> tuple[str, Step | None]:
    """The workshop ("" for none) and step the last run left the library ``scope`` on."""
    from workshop.steps import Step

    last = settings.get(settings.scoped(LAST_WORKSHOP, scope))
    step_value = settings.get(settings.scoped(LAST_STEP, scope))
    return last, Step(step_value) if step_value in {s.value for s in Step} else None
