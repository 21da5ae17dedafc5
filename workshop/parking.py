"""The parking lot: where its items can go once the room comes back to them.

An item can be resolved, turned into an action item, or moved into a step's content. Each
step offers the lists an issue most often belongs to; moving creates an item there with the
parked text in its main field, and the parked item is resolved under that step.
"""

from __future__ import annotations

from workshop.model import ActionItem, ParkingLotItem
from workshop.step.spec import MoveTarget
from workshop.steps import SPECS, Step

__all__ = ["MOST_TEXT", "MOVE_TARGETS", "MoveTarget", "as_action_item", "park", "targets_for"]

MOST_TEXT = 100_000

# Every step's targets, in the order of the steps (each step declares its own).
MOVE_TARGETS: tuple[MoveTarget, ...] = tuple(t for spec in SPECS.values() for t in spec.parking)


def targets_for(step: Step) -> list[MoveTarget]:
    """The lists of ``step`` a parked item can move into."""
    return list(SPECS[step].parking)


def park(text: str, step: Step | None) -> ParkingLotItem | None:
    """A parking-lot item for ``text`` captured during ``step`` (None for blank text)."""
    if not text.strip():
        return None
    return ParkingLotItem(text=text.strip()[:MOST_TEXT], step=step.value if step else None)


def as_action_item(item: ParkingLotItem) -> ActionItem:
    """An open action item carrying the parked text and its step."""
    return ActionItem(what=item.text, step=item.step)
