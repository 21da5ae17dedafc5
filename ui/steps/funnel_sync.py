"""A funnel input and the MQL commitment that follows it change together, as one undo step.

Marketing's MQL volume commitment follows the reverse funnel's MQLs per month until someone
types a target for it by hand (the Accountability step then sets ``follows_funnel`` off).
Storing a funnel input therefore also moves every following commitment's target, or adds
the commitment when there is none yet and none was taken over by hand.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from ui.common.i18n import tr
from ui.editing.commands import AddItem, SetField, SetItemField
from ui.editing.document import WorkshopDocument
from workshop.funnel import FunnelInputError, plan
from workshop.model import Commitment, FunnelAssumptions, Team

_MERGE_FUNNEL = 2
_MQL_UNITS = {"mql", "mqls"}


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


def mqls_per_month(funnel: FunnelAssumptions) -> int | None:
    """The funnel's MQLs per month, or ``None`` while an input is missing or out of range."""
    try:
        return plan(funnel).mqls_per_month
    except FunnelInputError:
        return None


def overridden(commitment: Commitment) -> bool:
    """A marketing MQL commitment whose target someone typed by hand (it no longer follows)."""
    return (
        commitment.committed_by is Team.MARKETING
        and not commitment.follows_funnel
        and commitment.unit.strip().lower() in _MQL_UNITS
    )


def new_mql_commitment(target: Decimal) -> Commitment:
    return Commitment(
        committed_by=Team.MARKETING,
        what=tr("Deliver MQLs that meet the agreed MQL definition"),
        target=target,
        unit=tr("MQLs"),
        period=tr("per month"),
        measured_by=tr("MQLs created in the CRM per calendar month"),
        data_source=tr("CRM"),
        follows_funnel=True,
    )


def commitment_steps(doc: WorkshopDocument, funnel: FunnelAssumptions) -> list[QUndoCommand]:
    """What keeps the MQL commitment in step with ``funnel`` (nothing if it has no plan)."""
    per_month = mqls_per_month(funnel)
    if per_month is None:
        return []
    target = Decimal(per_month)
    commitments: list[Commitment] = doc.items("commitments")
    label = tr("MQL commitment")
    following = [c for c in commitments if c.follows_funnel]
    steps: list[QUndoCommand] = [
        SetItemField(doc, "commitments", c.id, "target", target, label)
        for c in following
        if c.target != target
    ]
    if not following and not any(overridden(c) for c in commitments):
        steps.append(
            AddItem(doc, "commitments", new_mql_commitment(target), len(commitments), label)
        )
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
