"""The seven steps of the alignment workshop and how complete each one is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from workshop.i18n import _
from workshop.model import RaciRole, Team, VersionStatus, Workshop


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


def _of(done: int, total: int) -> Completion:
    if done <= 0:
        return Completion.EMPTY
    return Completion.COMPLETE if done >= total else Completion.STARTED


def _room(w: Workshop) -> Completion:
    teams = {p.team for p in w.participants if p.name.strip()}
    checks = [
        bool(w.title.strip()),
        bool(w.client.strip()),
        w.date is not None,
        bool(w.facilitator.strip()),
        Team.SALES in teams,
        Team.MARKETING in teams,
    ]
    # The title alone does not start a workshop: count the rest.
    return _of(sum(checks[1:]), len(checks) - 1)


def _goal(w: Workshop) -> Completion:
    g = w.goal
    checks = [
        bool(g.statement.strip()),
        bool(g.metric.strip()),
        g.target is not None,
        g.deadline is not None,
        any(o.supports_goal and o.statement.strip() for o in w.objectives),
    ]
    return _of(sum(checks), len(checks))


def _language(w: Workshop) -> Completion:
    defined = [d for d in w.definitions if d.entry_criteria.strip()]
    checks = [
        len(defined) >= 1,
        bool(defined) and len(defined) == len(w.definitions),
        bool(w.ideal_customer_profile.strip()) or bool(w.personas),
    ]
    return _of(sum(checks), len(checks))


def _responsibilities(w: Workshop) -> Completion:
    if not w.activities:
        return Completion.EMPTY

    def settled(roles: dict[str, frozenset[RaciRole]]) -> bool:
        held = [r for party_roles in roles.values() for r in party_roles]
        return held.count(RaciRole.ACCOUNTABLE) == 1 and RaciRole.RESPONSIBLE in held

    done = sum(settled(a.roles) for a in w.activities)
    if done == 0:
        return Completion.STARTED
    return _of(done, len(w.activities))


def _accountability(w: Workshop) -> Completion:
    by = {c.committed_by for c in w.commitments if c.what.strip()}
    checks = [
        Team.MARKETING in by,
        Team.SALES in by,
        bool(w.kpis),
        any(s.what.strip() for s in w.escalation),
    ]
    return _of(sum(checks), len(checks))


def _transparency(w: Workshop) -> Completion:
    directions = {(s.from_team, s.to_team) for s in w.sharing if s.what.strip()}
    checks = [
        (Team.SALES, Team.MARKETING) in directions,
        (Team.MARKETING, Team.SALES) in directions,
        bool(w.meetings),
    ]
    return _of(sum(checks), len(checks))


def _agreement(w: Workshop) -> Completion:
    if not w.versions:
        return Completion.EMPTY
    latest = w.versions[-1]
    return Completion.COMPLETE if latest.status is VersionStatus.SIGNED else Completion.STARTED


_RULES: dict[Step, Callable[[Workshop], Completion]] = {
    Step.ROOM: _room,
    Step.GOAL: _goal,
    Step.LANGUAGE: _language,
    Step.RESPONSIBILITIES: _responsibilities,
    Step.ACCOUNTABILITY: _accountability,
    Step.TRANSPARENCY: _transparency,
    Step.AGREEMENT: _agreement,
}


def completion(workshop: Workshop, step: Step) -> Completion:
    """How far the room has got with ``step`` in ``workshop``."""
    return _RULES[step](workshop)
