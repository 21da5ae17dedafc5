"""How far the room has got with each step: the navigator's marks."""

from __future__ import annotations

from workshop.gaps import gaps
from workshop.model import Workshop
from workshop.steps import Completion, Step, started
from workshop.versions import current_draft, last_signed


def completion(workshop: Workshop, step: Step) -> Completion:
    """Empty (nothing yet), started (something, with gaps) or complete (no gaps left)."""
    if not started(workshop, step):
        return Completion.EMPTY
    if step is Step.AGREEMENT:
        signed = last_signed(workshop) is not None and current_draft(workshop) is None
        return Completion.COMPLETE if signed else Completion.STARTED
    return Completion.STARTED if gaps(workshop, step) else Completion.COMPLETE
