"""What a step has captured so far, as short labelled lines (for read-only overviews).

Each step's summary lives in its module under :mod:`workshop.step`."""

from __future__ import annotations

from workshop.model import Workshop
from workshop.step.common import number
from workshop.step.spec import Line
from workshop.steps import SPECS, Step

__all__ = ["Line", "captured", "number"]


def captured(workshop: Workshop, step: Step) -> list[Line]:
    """Labelled lines saying what ``step`` holds in ``workshop`` (empty if nothing yet)."""
    return SPECS[step].summary(workshop)
