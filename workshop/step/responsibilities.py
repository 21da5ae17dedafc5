"""Step 3 — Shared responsibilities: the activities both teams touch, each with a RACI."""

from __future__ import annotations

from workshop.i18n import _
from workshop.model import Activity, RaciRole, Workshop
from workshop.step.common import item_path, named, one_line
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
    return bool(w.activities)


def _gaps(w: Workshop) -> list[Gap]:
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
        name = named(a.name, _("An activity"))
        held = [role for roles in a.roles.values() for role in roles]
        accountable = held.count(RaciRole.ACCOUNTABLE)
        target = item_path("activities", a.id, "roles")
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


def _summary(w: Workshop) -> list[Line]:
    if not w.activities:
        return []
    names = {p.id: p.name for p in w.parties}
    lines: list[Line] = []
    for a in w.activities:
        accountable = [
            names.get(party, "?")
            for party, roles in a.roles.items()
            if RaciRole.ACCOUNTABLE in roles
        ]
        lines.append((a.name, _("accountable: {who}").format(who=", ".join(accountable) or "—")))
    return lines


SPEC = StepSpec(
    step=Step.RESPONSIBILITIES,
    title=_("Shared responsibilities"),
    purpose=_(
        "List the activities where sales and marketing overlap and decide who is "
        "Responsible, Accountable, Consulted and Informed for each."
    ),
    started=_started,
    gaps=_gaps,
    summary=_summary,
    guidance=Guidance(
        purpose=_(
            "Work that both teams touch tends to fall between chairs unless someone owns it by "
            "name. This step lists those shared activities and gives each a RACI, with exactly "
            "one Accountable and at least one Responsible."
        ),
        questions=(
            _(
                "Where do our two teams' jobs touch: events, lead scoring, sales content, "
                "follow-up, renewals?"
            ),
            _("For each activity, who does the work, and who answers for the result?"),
            _("Is there an activity where two people claim to be accountable, or nobody does?"),
            _("Whose input do we need before we act, and who only needs to hear about it after?"),
            _("Which activity causes the most friction today, and would a clear owner fix it?"),
        ),
        example=_(
            "Trade-show lead capture: Responsible – event marketing manager and attending account "
            "executives; Accountable – Head of Demand Generation; Consulted – SDR lead; "
            "Informed – VP Sales. Leads are in the CRM within 48 hours of the show closing."
        ),
    ),
    agenda=AgendaDefault(_("Shared responsibilities: who does what (RACI)"), 35),
    presenter=Presenter(),
    parking=(
        MoveTarget(
            Step.RESPONSIBILITIES, "activities", _("activity"), lambda t: Activity(name=one_line(t))
        ),
    ),
)
