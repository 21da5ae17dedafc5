"""Step 4 — Accountability: commitments each team makes, shared KPIs and the escalation path."""

from __future__ import annotations

from workshop.i18n import _
from workshop.model import Commitment, EscalationStep, Kpi, Team, Workshop
from workshop.step.common import TEAM_NAMES, item_path, named, number, one_line
from workshop.step.spec import (
    AgendaDefault,
    Gap,
    Guidance,
    Line,
    MoveTarget,
    Presenter,
    Step,
    StepSpec,
)


def _started(w: Workshop) -> bool:
    return bool(w.commitments or w.kpis or w.escalation)


def _gaps(w: Workshop) -> list[Gap]:
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
        name = named(c.what, _("A commitment"))
        if not c.measured_by.strip():
            gaps.append(
                Gap(
                    Step.ACCOUNTABILITY,
                    _("{name} does not say how it is measured.").format(name=name),
                    item_path("commitments", c.id, "measured_by"),
                )
            )
        if c.target is None:
            gaps.append(
                Gap(
                    Step.ACCOUNTABILITY,
                    _("{name} has no target number.").format(name=name),
                    item_path("commitments", c.id, "target"),
                )
            )
    for k in w.kpis:
        name = named(k.name, _("A KPI"))
        if not k.owner.strip():
            gaps.append(
                Gap(
                    Step.ACCOUNTABILITY,
                    _("KPI {name} has no owner.").format(name=name),
                    item_path("kpis", k.id, "owner"),
                )
            )
        if k.target is None:
            gaps.append(
                Gap(
                    Step.ACCOUNTABILITY,
                    _("KPI {name} has no target.").format(name=name),
                    item_path("kpis", k.id, "target"),
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


def _summary(w: Workshop) -> list[Line]:
    lines: list[Line] = []
    for c in w.commitments:
        if not c.what:
            continue
        target = " ".join(t for t in (number(c.target), c.unit, c.period) if t and t != "—")
        lines.append(
            (TEAM_NAMES[c.committed_by].capitalize(), f"{c.what} — {target}" if target else c.what)
        )
    if w.kpis:
        lines.append((_("Shared KPIs"), ", ".join(k.name for k in w.kpis)))
    for n, s in enumerate(w.escalation, start=1):
        lines.append(
            (_("Escalation {n}").format(n=n), " — ".join(t for t in (s.what, s.who, s.within) if t))
        )
    return lines


SPEC = StepSpec(
    step=Step.ACCOUNTABILITY,
    title=_("Accountability"),
    purpose=_(
        "Write the service-level commitments each team makes to the other, the KPIs that "
        "track them, and what happens when a commitment is missed."
    ),
    started=_started,
    gaps=_gaps,
    summary=_summary,
    guidance=Guidance(
        purpose=_(
            "Promises between teams only count when they are specific, measured and followed up. "
            "This step turns the goal into service levels each side commits to, shared KPIs with "
            "owners, and an escalation path for when a promise is missed."
        ),
        questions=(
            _("How many MQLs a month will marketing deliver, and what quality bar must they meet?"),
            _(
                "Within how many hours will sales first contact a new MQL, and how many attempts "
                "come before it is closed?"
            ),
            _(
                "When sales rejects a lead, how does it go back to marketing, and which reasons "
                "can the rep pick from?"
            ),
            _(
                "Which KPIs do both teams watch together, where does the data come from, and who "
                "owns each one?"
            ),
            _("How often do we review these numbers, and in which meeting?"),
            _("What happens the first time a commitment is missed, and who steps in if it recurs?"),
        ),
        example=_(
            "Marketing delivers 80 MQLs a month, at least 70 % of them inside the ideal customer "
            "profile. Sales calls every MQL within 4 business hours, makes 6 attempts over 10 "
            "days, and returns any rejected lead in the CRM with one of five reasons. Missed two "
            "months running: the CMO and VP Sales meet within a week."
        ),
    ),
    agenda=AgendaDefault(_("Accountability: commitments, KPIs and escalation"), 40),
    presenter=Presenter(),
    parking=(
        MoveTarget(
            Step.ACCOUNTABILITY, "commitments", _("commitment"), lambda t: Commitment(what=t)
        ),
        MoveTarget(Step.ACCOUNTABILITY, "kpis", _("KPI"), lambda t: Kpi(name=one_line(t))),
        MoveTarget(
            Step.ACCOUNTABILITY,
            "escalation",
            _("escalation step"),
            lambda t: EscalationStep(what=t),
        ),
    ),
)
