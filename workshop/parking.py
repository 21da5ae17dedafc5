"""The parking lot: where its items can go once the room comes back to them.

An item can be resolved, turned into an action item, or moved into a step's content. Each
step offers the lists an issue most often belongs to; moving creates an item there with the
parked text in its main field, and the parked item is resolved under that step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workshop.i18n import _
from workshop.model import (
    ActionItem,
    Activity,
    AgendaItem,
    Commitment,
    Definition,
    EscalationStep,
    Kpi,
    Meeting,
    Objective,
    ParkingLotItem,
    Persona,
    SharingItem,
)
from workshop.steps import Step

MOST_TEXT = 100_000


@dataclass(frozen=True)
class MoveTarget:
    step: Step
    collection: str  # the Workshop list the new item joins
    noun: str  # what the new item is called ("definition")
    make: Callable[[str], Any]  # parked text -> the new item


def _one_line(text: str) -> str:
    return " ".join(text.split())


MOVE_TARGETS: tuple[MoveTarget, ...] = (
    MoveTarget(Step.ROOM, "agenda", _("agenda item"), lambda t: AgendaItem(title=_one_line(t))),
    MoveTarget(Step.GOAL, "objectives", _("team objective"), lambda t: Objective(statement=t)),
    MoveTarget(
        Step.LANGUAGE, "definitions", _("definition"), lambda t: Definition(entry_criteria=t)
    ),
    MoveTarget(Step.LANGUAGE, "personas", _("persona"), lambda t: Persona(pains=t)),
    MoveTarget(
        Step.RESPONSIBILITIES, "activities", _("activity"), lambda t: Activity(name=_one_line(t))
    ),
    MoveTarget(Step.ACCOUNTABILITY, "commitments", _("commitment"), lambda t: Commitment(what=t)),
    MoveTarget(Step.ACCOUNTABILITY, "kpis", _("KPI"), lambda t: Kpi(name=_one_line(t))),
    MoveTarget(
        Step.ACCOUNTABILITY, "escalation", _("escalation step"), lambda t: EscalationStep(what=t)
    ),
    MoveTarget(Step.TRANSPARENCY, "sharing", _("shared item"), lambda t: SharingItem(what=t)),
    MoveTarget(Step.TRANSPARENCY, "meetings", _("meeting"), lambda t: Meeting(title=_one_line(t))),
)


def targets_for(step: Step) -> list[MoveTarget]:
    return [t for t in MOVE_TARGETS if t.step is step]


def park(text: str, step: Step | None) -> ParkingLotItem | None:
    """A parking-lot item for ``text`` captured during ``step`` (None for blank text)."""
    if not text.strip():
        return None
    return ParkingLotItem(text=text.strip()[:MOST_TEXT], step=step.value if step else None)


def as_action_item(item: ParkingLotItem) -> ActionItem:
    """An open action item carrying the parked text and its step."""
    return ActionItem(what=item.text, step=item.step)
