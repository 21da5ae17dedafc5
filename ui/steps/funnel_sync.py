"""A funnel input and the MQL commitment that follows it change together, as one undo step.

How the commitment follows the funnel is :mod:`workshop.mql_commitment`; here its answer
becomes undo commands, pushed with the funnel input as one step.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from ui.common.i18n import tr
from ui.editing.commands import AddItem, SetField, SetItemField
from ui.editing.document import WorkshopDocument
from workshop.model import FunnelAssumptions
from workshop.mql_commitment import follow_funnel, mqls_per_month, overridden

_MERGE_FUNNEL = 2

__all__ = ["FunnelEdit", "commitment_steps", "mqls_per_month", "overridden", "push_funnel_edit"]


class FunnelEdit(QUndoCommand):
    """One funnel input and the commitment changes it causes: undone and redone as a unit.

    A grouping command, as ``QUndoStack.beginMacro`` makes, that can also merge: typing in
    one funnel field until it loses focus is a single undo step, like every other field.
    """

    def __init__(self, label: str, steps: list[QUndoCommand], path: str, session: int) -> None:
        super().__init__(tr("Edit {what}").format(what=label))
        self.steps, self.path, self.session = steps, path, session

    def redo(self) -> None:
        for step in self.steps:
            step.redo()

    def undo(self) -> None:
        for step in reversed(self.steps):
            step.undo()

    def id(self) -> int:
        return _MERGE_FUNNEL if self.session else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FunnelEdit):
            return False
        if other.path != self.path or other.session != self.session:
            return False
        for step in other.steps:
            if not any(_absorb(mine, step) for mine in self.steps):
                self.steps.append(step)
        self.setObsolete(all(_no_change(step) for step in self.steps))
        return True


def _absorb(mine: QUndoCommand, later: QUndoCommand) -> bool:
    """Fold ``later`` into ``mine`` when both set the same value (keeping ``mine``'s old)."""
    if isinstance(mine, SetField) and isinstance(later, SetField) and mine.path == later.path:
        mine.new = later.new
        return True
    if (
        isinstance(mine, SetItemField)
        and isinstance(later, SetItemField)
        and _key(mine) == _key(later)
    ):
        mine.new = later.new
        return True
    return False


def _key(step: SetItemField) -> tuple[str, str, str]:
    return step.collection, step.item_id, step.name


def _no_change(step: QUndoCommand) -> bool:
    return isinstance(step, SetField | SetItemField) and step.old == step.new


def commitment_steps(doc: WorkshopDocument, funnel: FunnelAssumptions) -> list[QUndoCommand]:
    """What keeps the MQL commitment in step with ``funnel`` (nothing if it has no plan)."""
    change = follow_funnel(doc.items("commitments"), funnel)
    label = tr("MQL commitment")
    steps: list[QUndoCommand] = [
        SetItemField(doc, "commitments", item_id, "target", target, label)
        for item_id, target in change.targets
    ]
    if change.add is not None:
        at = len(doc.items("commitments"))
        steps.append(AddItem(doc, "commitments", change.add, at, label))
    return steps


def push_funnel_edit(
    doc: WorkshopDocument,
    stack: QUndoStack,
    path: str,
    value: Any,
    label: str = "",
    session: int = 0,
) -> None:
    """Store funnel input ``path`` (e.g. ``"funnel.months"``) and move the MQL commitment
    with it, in one undo step; typing in the same ``session`` merges into that step."""
    field = path.removeprefix("funnel.")
    after = replace(doc.workshop.funnel, **{field: value})
    steps: list[QUndoCommand] = [SetField(doc, path, value, label or field)]
    steps.extend(commitment_steps(doc, after))
    stack.push(FunnelEdit(label or field, steps, path, session))
