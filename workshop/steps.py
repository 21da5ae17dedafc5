"""The seven steps of the alignment workshop and how complete each one is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from workshop.i18n import _
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


@dataclass(frozen=True)
class StepInfo:
    step: Step
    title: str
    purpose: str


STEP_INFO: dict[Step, StepInfo] = {
    Step.ROOM: StepInfo(
        Step.ROOM,
        _("Room & agenda"),
        _(
            "Who is in the room, where and when you meet, and how the session is time-boxed. "
            "Both teams need a voice here: invite the people who lead and do the work."
        ),
    ),
    Step.GOAL: StepInfo(
        Step.GOAL,
        _("Shared goal"),
        _(
            "Agree one measurable business goal both teams own, then the objectives each team "
            "sets under it. The reverse funnel turns the goal into the lead volume marketing "
            "commits to."
        ),
    ),
    Step.LANGUAGE: StepInfo(
        Step.LANGUAGE,
        _("Common language"),
        _(
            "Define each lifecycle stage in words both teams accept — what qualifies a lead, who "
            "decides, how it is handed over — and describe the customer you both serve."
        ),
    ),
    Step.RESPONSIBILITIES: StepInfo(
        Step.RESPONSIBILITIES,
        _("Shared responsibilities"),
        _(
            "List the activities where sales and marketing overlap and decide who is "
            "Responsible, Accountable, Consulted and Informed for each."
        ),
    ),
    Step.ACCOUNTABILITY: StepInfo(
        Step.ACCOUNTABILITY,
        _("Accountability"),
        _(
            "Write the service-level commitments each team makes to the other, the KPIs that "
            "track them, and what happens when a commitment is missed."
        ),
    ),
    Step.TRANSPARENCY: StepInfo(
        Step.TRANSPARENCY,
        _("Transparency"),
        _(
            "Decide what each side shares, how often, and in which meetings — so progress and "
            "problems are visible before the next review."
        ),
    ),
    Step.AGREEMENT: StepInfo(
        Step.AGREEMENT,
        _("Agreement & signatures"),
        _(
            "Compose the performance agreement from the steps before, check what is still "
            "open, and have the sales and marketing leads sign it."
        ),
    ),
}

STEPS: tuple[Step, ...] = tuple(Step)


def _room(w: Workshop) -> bool:
    return bool(
        w.client.strip() or w.date or w.location.strip() or w.facilitator.strip() or w.participants
    )


def _goal(w: Workshop) -> bool:
    g, f = w.goal, w.funnel
    funnel = (f.revenue_target, f.average_deal, f.marketing_share, f.mql_to_sql, f.sql_to_won)
    return bool(
        g.statement.strip()
        or g.metric.strip()
        or g.target is not None
        or g.deadline
        or w.objectives
        or any(v is not None for v in funnel)
    )


def _language(w: Workshop) -> bool:
    return bool(w.definitions or w.ideal_customer_profile.strip() or w.personas)


def _responsibilities(w: Workshop) -> bool:
    return bool(w.activities)


def _accountability(w: Workshop) -> bool:
    return bool(w.commitments or w.kpis or w.escalation)


def _transparency(w: Workshop) -> bool:
    return bool(w.sharing or w.meetings or w.shadowing or w.allies or w.announcement.strip())


def _agreement(w: Workshop) -> bool:
    terms = (w.effective_date, w.term_months, w.review_date)
    return bool(w.versions or w.signatories or any(t is not None for t in terms))


_STARTED: dict[Step, Callable[[Workshop], bool]] = {
    Step.ROOM: _room,
    Step.GOAL: _goal,
    Step.LANGUAGE: _language,
    Step.RESPONSIBILITIES: _responsibilities,
    Step.ACCOUNTABILITY: _accountability,
    Step.TRANSPARENCY: _transparency,
    Step.AGREEMENT: _agreement,
}


def started(workshop: Workshop, step: Step) -> bool:
    """Whether the room has put anything into ``step`` (defaults count: they are there to edit)."""
    return _STARTED[step](workshop)
