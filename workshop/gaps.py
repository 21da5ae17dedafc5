"""Gaps: what a step still lacks before the room can call it done.

Each gap says what is missing in one sentence and where (``target``): a workshop path such
as ``goal.metric``, or ``collection/item-id/field`` for one item, so the interface can take
the user straight to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workshop.funnel import unusual
from workshop.i18n import _
from workshop.model import RaciRole, SharingKind, Team, Workshop
from workshop.steps import Step


@dataclass(frozen=True)
class Gap:
    step: Step
    message: str
    target: str


def _item(collection: str, item_id: str, field: str) -> str:
    return f"{collection}/{item_id}/{field}"


def _named(text: str, fallback: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:60]}”" if text else fallback


def _room(w: Workshop) -> list[Gap]:
    gaps = []
    if not w.client.strip():
        gaps.append(Gap(Step.ROOM, _("Name the client or company the workshop is for."), "client"))
    if w.date is None:
        gaps.append(Gap(Step.ROOM, _("Set the date of the workshop."), "date"))
    if not w.facilitator.strip():
        gaps.append(Gap(Step.ROOM, _("Say who facilitates the session."), "facilitator"))
    teams = {p.team for p in w.participants if p.name.strip()}
    for team, label in ((Team.SALES, _("sales")), (Team.MARKETING, _("marketing"))):
        if team not in teams:
            gaps.append(
                Gap(
                    Step.ROOM,
                    _("No one from {team} is in the room yet.").format(team=label),
                    "participants",
                )
            )
    return gaps


def _goal(w: Workshop) -> list[Gap]:
    g, gaps = w.goal, []
    checks = (
        (g.statement.strip(), "goal.statement", _("State the shared goal in one sentence.")),
        (g.metric.strip(), "goal.metric", _("Say how the shared goal is measured (its metric).")),
        (g.target is not None, "goal.target", _("Give the shared goal a target number.")),
        (g.deadline is not None, "goal.deadline", _("Give the shared goal a deadline.")),
    )
    gaps = [Gap(Step.GOAL, message, target) for ok, target, message in checks if not ok]
    if not any(o.supports_goal for o in w.objectives):
        gaps.append(
            Gap(Step.GOAL, _("No team objective supports the shared goal yet."), "objectives")
        )
    for o in w.objectives:
        name = _named(o.statement, _("An objective"))
        if not o.supports_goal:
            gaps.append(
                Gap(
                    Step.GOAL,
                    _("{name} is not linked to the shared goal.").format(name=name),
                    _item("objectives", o.id, "supports_goal"),
                )
            )
        if not o.metric.strip() or o.target is None:
            gaps.append(
                Gap(
                    Step.GOAL,
                    _("{name} needs a metric and a target.").format(name=name),
                    _item("objectives", o.id, "metric" if not o.metric.strip() else "target"),
                )
            )
    gaps.extend(Gap(Step.GOAL, message, f"funnel.{field}") for field, message in unusual(w.funnel))
    return gaps


def _language(w: Workshop) -> list[Gap]:
    gaps = []
    if not w.definitions:
        gaps.append(Gap(Step.LANGUAGE, _("Define the lifecycle stages."), "definitions"))
    for d in w.definitions:
        name = _named(d.stage, _("A stage"))
        if not d.entry_criteria.strip():
            gaps.append(
                Gap(
                    Step.LANGUAGE,
                    _("{name} has no entry criteria.").format(name=name),
                    _item("definitions", d.id, "entry_criteria"),
                )
            )
        if not d.decided_by.strip():
            gaps.append(
                Gap(
                    Step.LANGUAGE,
                    _("Say who decides that a lead is {name}.").format(name=name),
                    _item("definitions", d.id, "decided_by"),
                )
            )
    if not w.ideal_customer_profile.strip() and not w.personas:
        gaps.append(
            Gap(
                Step.LANGUAGE,
                _("Describe the ideal customer or at least one persona."),
                "ideal_customer_profile",
            )
        )
    return gaps


def _responsibilities(w: Workshop) -> list[Gap]:
    gaps = []
    if not w.activities:
        gaps.append(
            Gap(
                Step.RESPONSIBILITIES,
                _("List the activities where the teams overlap."),
                "activities",
            )
        )
    for a in w.activities:
        name = _named(a.name, _("An activity"))
        held = [role for roles in a.roles.values() for role in roles]
        accountable = held.count(RaciRole.ACCOUNTABLE)
        target = _item("activities", a.id, "roles")
        if accountable == 0:
            message = _("{name} has no one Accountable.").format(name=name)
            gaps.append(Gap(Step.RESPONSIBILITIES, message, target))
        elif accountable > 1:
            message = _("{name} has {n} Accountables; exactly one is needed.").format(
                name=name, n=accountable
            )
            gaps.append(Gap(Step.RESPONSIBILITIES, message, target))
        if RaciRole.RESPONSIBLE not in held:
            message = _("{name} has no one Responsible.").format(name=name)
            gaps.append(Gap(Step.RESPONSIBILITIES, message, target))
    return gaps


def _accountability(w: Workshop) -> list[Gap]:
    gaps = []
    by = {c.committed_by for c in w.commitments if c.what.strip()}
    for team, label in ((Team.MARKETING, _("Marketing")), (Team.SALES, _("Sales"))):
        if team not in by:
            gaps.append(
                Gap(
                    Step.ACCOUNTABILITY,
                    _("{team} has made no commitment yet.").format(team=label),
                    "commitments",
                )
            )
    for c in w.commitments:
        name = _named(c.what, _("A commitment"))
        if not c.measured_by.strip():
            gaps.append(
                Gap(
                    Step.ACCOUNTABILITY,
                    _("{name} does not say how it is measured.").format(name=name),
                    _item("commitments", c.id, "measured_by"),
                )
            )
        if c.target is None:
            gaps.append(
                Gap(
                    Step.ACCOUNTABILITY,
                    _("{name} has no target number.").format(name=name),
                    _item("commitments", c.id, "target"),
                )
            )
    for k in w.kpis:
        name = _named(k.name, _("A KPI"))
        if not k.owner.strip():
            gaps.append(
                Gap(
                    Step.ACCOUNTABILITY,
                    _("KPI {name} has no owner.").format(name=name),
                    _item("kpis", k.id, "owner"),
                )
            )
        if k.target is None:
            gaps.append(
                Gap(
                    Step.ACCOUNTABILITY,
                    _("KPI {name} has no target.").format(name=name),
                    _item("kpis", k.id, "target"),
                )
            )
    if not any(s.what.strip() for s in w.escalation):
        gaps.append(
            Gap(
                Step.ACCOUNTABILITY,
                _("Agree what happens when a commitment is missed (the escalation path)."),
                "escalation",
            )
        )
    return gaps


def _transparency(w: Workshop) -> list[Gap]:
    gaps = []
    shared = {(s.from_team, s.to_team) for s in w.sharing if s.what.strip()}
    for a, b, text in (
        (Team.SALES, Team.MARKETING, _("Nothing flows from sales to marketing yet.")),
        (Team.MARKETING, Team.SALES, _("Nothing flows from marketing to sales yet.")),
    ):
        if (a, b) not in shared:
            gaps.append(Gap(Step.TRANSPARENCY, text, "sharing"))
    if not any(s.kind is SharingKind.FEEDBACK for s in w.sharing if s.what.strip()):
        gaps.append(
            Gap(
                Step.TRANSPARENCY,
                _("Add a feedback loop (pains, objections, lost deals; campaigns, messaging)."),
                "sharing",
            )
        )
    if not w.meetings:
        gaps.append(Gap(Step.TRANSPARENCY, _("Agree at least one recurring meeting."), "meetings"))
    for m in w.meetings:
        if not m.cadence.strip():
            gaps.append(
                Gap(
                    Step.TRANSPARENCY,
                    _("Say how often {name} meets.").format(name=_named(m.title, _("a meeting"))),
                    _item("meetings", m.id, "cadence"),
                )
            )
    if not w.announcement.strip():
        gaps.append(
            Gap(
                Step.TRANSPARENCY,
                _("Plan how the agreement is announced inside the company."),
                "announcement",
            )
        )
    return gaps


def _agreement(w: Workshop) -> list[Gap]:
    """What the agreement step itself lacks: terms and the people who sign."""
    found: list[Gap] = []
    if w.effective_date is None:
        found.append(
            Gap(Step.AGREEMENT, _("Give the agreement an effective date."), "effective_date")
        )
    if w.term_months is None and w.review_date is None:
        found.append(
            Gap(
                Step.AGREEMENT,
                _("Give the agreement a term or a review date."),
                "review_date",
            )
        )
    named = [s for s in w.signatories if s.name.strip()]
    if not named:
        found.append(Gap(Step.AGREEMENT, _("Add the people who sign."), "signatories"))
    teams = {s.team for s in named}
    for team, message in (
        (Team.SALES, _("Add a signatory from sales.")),
        (Team.MARKETING, _("Add a signatory from marketing.")),
    ):
        if named and team not in teams:
            found.append(Gap(Step.AGREEMENT, message, "signatories"))
    for s in w.signatories:
        if not s.name.strip():
            found.append(
                Gap(
                    Step.AGREEMENT,
                    _("A signatory has no name."),
                    f"signatories/{s.id}/name",
                )
            )
    return found


_RULES: dict[Step, Callable[[Workshop], list[Gap]]] = {
    Step.ROOM: _room,
    Step.GOAL: _goal,
    Step.LANGUAGE: _language,
    Step.RESPONSIBILITIES: _responsibilities,
    Step.ACCOUNTABILITY: _accountability,
    Step.TRANSPARENCY: _transparency,
    Step.AGREEMENT: _agreement,
}


def gaps(workshop: Workshop, step: Step) -> list[Gap]:
    """What ``step`` still lacks in ``workshop``, in the order the page shows its fields."""
    return _RULES[step](workshop)
