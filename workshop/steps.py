"""The seven steps of the alignment workshop, declared once, in the order the room walks
through them.

Each step's module under :mod:`workshop.step` holds its :class:`StepSpec`; everything that
differs from step to step (gaps, summary, guidance, parking targets, the default agenda,
the presenter) reads it from :data:`SPECS`. Adding a step is its module and one line here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workshop.model import Workshop
from workshop.step import (
    accountability,
    agreement,
    goal,
    language,
    responsibilities,
    room,
    transparency,
)
from workshop.step.spec import Completion, Step, StepSpec

__all__ = ["SPECS", "STEPS", "STEP_INFO", "Completion", "Step", "StepInfo", "StepSpec"]


def _declared(specs: Iterable[StepSpec]) -> dict[Step, StepSpec]:
    found: dict[Step, StepSpec] = {}
    for spec in specs:
        if spec.step in found:
            raise ValueError(f"step {spec.step!r} is declared twice")
        found[spec.step] = spec
    return found


SPECS: dict[Step, StepSpec] = _declared(
    module.SPEC
    for module in (room, goal, language, responsibilities, accountability, transparency, agreement)
)


def spec(step: Step) -> StepSpec:
    """Everything declared about ``step``."""
    return SPECS[step]


def specs() -> list[StepSpec]:
    """Every step's spec, in the order the room walks through them."""
    return list(SPECS.values())


@dataclass(frozen=True)
class StepInfo:
    step: Step
    title: str
    purpose: str


STEPS: tuple[Step, ...] = tuple(SPECS)
STEP_INFO: dict[Step, StepInfo] = {s.step: StepInfo(s.step, s.title, s.purpose) for s in specs()}


def started(workshop: Workshop, step: Step) -> bool:
    """Whether the room has put anything into ``step`` (defaults count: they are there to edit)."""
    return SPECS[step].started(workshop)
