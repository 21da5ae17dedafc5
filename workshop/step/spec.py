"""What declares a workshop step: its id, the :class:`StepSpec` every step fills in, and
the small values the step's rules produce (gaps, summary lines, guidance, parking targets).

Nothing here knows any particular step; each step's module under :mod:`workshop.step`
fills in one :class:`StepSpec`, and :mod:`workshop.steps` lists them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from workshop.model import Workshop


class Step(StrEnum):
    ROOM = "room"
    GOAL = "goal"
    LANGUAGE = "language"
    RESPONSIBILITIES = "responsibilities"
    ACCOUNTABILITY = "accountability"
    TRANSPARENCY = "transparency"
    AGREEMENT = "agreement"


class Completion(StrEnum):
    EMPTY = "empty"
    STARTED = "started"
    COMPLETE = "complete"


Line = tuple[str, str]
"""One labelled line of what a step has captured: (label, text)."""


@dataclass(frozen=True)
class Gap:
    """Something a step still lacks: one sentence, and where (``target``): a workshop path
    such as ``goal.metric``, or ``collection/item-id/field`` for one item."""

    step: Step
    message: str
    target: str


@dataclass(frozen=True)
class Guidance:
    purpose: str
    """Two sentences: why the step matters and what it produces."""
    questions: tuple[str, ...]
    """Three to six questions the facilitator puts to the room."""
    example: str
    """One short, concrete example of a good answer."""


@dataclass(frozen=True)
class MoveTarget:
    """A list of a step that a parked item can move into."""

    step: Step
    collection: str  # the Workshop list the new item joins
    noun: str  # what the new item is called ("definition")
    make: Callable[[str], Any]  # parked text -> the new item


@dataclass(frozen=True)
class AgendaDefault:
    """The step's item in the default agenda a new workshop is given."""

    title: str
    minutes: int
    notes: str = ""


class WallLines(StrEnum):
    """What the presenter view shows under the step's questions."""

    AGREED = "agreed"  # what the room has captured so far: the step's summary lines
    AGENDA = "agenda"  # the time-boxed agenda, the running item marked


@dataclass(frozen=True)
class Presenter:
    """What the projector shows for the step besides its title and questions."""

    lines: WallLines = WallLines.AGREED
    funnel: bool = False  # the live reverse-funnel numbers


@dataclass(frozen=True)
class StepSpec:
    """Everything the app needs to know about one step, declared in one place."""

    step: Step
    title: str
    purpose: str
    """What the step is for, in the words of the help and the page header."""
    started: Callable[[Workshop], bool]
    """Whether the room has put anything into the step (defaults count)."""
    gaps: Callable[[Workshop], list[Gap]]
    """What the step still lacks, in the order the page shows its fields."""
    summary: Callable[[Workshop], list[Line]]
    """What the step holds, as labelled lines (empty if nothing yet)."""
    guidance: Guidance
    agenda: AgendaDefault
    presenter: Presenter
    parking: tuple[MoveTarget, ...] = ()
    """The step's lists a parked item can move into (in the order they are offered)."""
