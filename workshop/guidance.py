"""What the facilitator says at each step: why it matters, what to ask, what a good answer is.

Each step's guidance is declared with the step, in its module under :mod:`workshop.step`."""

from __future__ import annotations

from workshop.step.spec import Guidance
from workshop.steps import SPECS, Step

__all__ = ["GUIDANCE", "Guidance", "guidance"]

GUIDANCE: dict[Step, Guidance] = {step: spec.guidance for step, spec in SPECS.items()}


def guidance(step: Step) -> Guidance:
    """The facilitator's guidance for ``step``."""
    return SPECS[step].guidance
