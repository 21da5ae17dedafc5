"""Gaps: what a step still lacks before the room can call it done.

Each gap says what is missing in one sentence and where (``target``): a workshop path such
as ``goal.metric``, or ``collection/item-id/field`` for one item, so the interface can take
the user straight to it. Each step's rule lives in its module under :mod:`workshop.step`.
"""

from __future__ import annotations

from workshop.model import Workshop
from workshop.step.spec import Gap
from workshop.steps import SPECS, Step

__all__ = ["Gap", "gaps"]


def gaps(workshop: Workshop, step: Step) -> list[Gap]:
    """What ``step`` still lacks in ``workshop``, in the order the page shows its fields."""
    return SPECS[step].gaps(workshop)
