"""Step 2 — Common language: the lifecycle stages both teams define alike, and the customer."""

from __future__ import annotations

from workshop.i18n import _
from workshop.model import Definition, Persona, Workshop
from workshop.step.common import item_path, named
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
    return bool(w.definitions or w.ideal_customer_profile.strip() or w.personas)


def _gaps(w: Workshop) -> list[Gap]:
    gaps = []
    if not w.definitions:
        gaps.append(Gap(Step.LANGUAGE, _("Define the lifecycle stages."), "definitions"))
    for d in w.definitions:
        name = named(d.stage, _("A stage"))
        if not d.entry_criteria.strip():
            gaps.append(
                Gap(
                    Step.LANGUAGE,
                    _("{name} has no entry criteria.").format(name=name),
                    item_path("definitions", d.id, "entry_criteria"),
                )
            )
        if not d.decided_by.strip():
            gaps.append(
                Gap(
                    Step.LANGUAGE,
                    _("Say who decides that a lead is {name}.").format(name=name),
                    item_path("definitions", d.id, "decided_by"),
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


def _summary(w: Workshop) -> list[Line]:
    lines: list[Line] = []
    if w.definitions:
        lines.append((_("Lifecycle stages"), " → ".join(d.stage for d in w.definitions)))
    if w.ideal_customer_profile:
        lines.append((_("Ideal customer"), w.ideal_customer_profile))
    if w.personas:
        lines.append((_("Personas"), ", ".join(p.name for p in w.personas)))
    return lines


SPEC = StepSpec(
    step=Step.LANGUAGE,
    title=_("Common language"),
    purpose=_(
        "Define each lifecycle stage in words both teams accept — what qualifies a lead, who "
        "decides, how it is handed over — and describe the customer you both serve."
    ),
    started=_started,
    gaps=_gaps,
    summary=_summary,
    guidance=Guidance(
        purpose=_(
            "Most hand-over fights start because a lead means one thing to marketing and another "
            "to sales. This step writes down each lifecycle stage with its entry criteria and who "
            "decides, plus a portrait of the customer both teams serve."
        ),
        questions=(
            _(
                "What has to be true before we call someone a marketing-qualified lead, and who "
                "makes that call?"
            ),
            _("When sales accepts a lead, what exactly is it agreeing to, and how quickly?"),
            _(
                "What turns an accepted lead into a sales-qualified lead: budget, authority, "
                "need, timing, or something else?"
            ),
            _("At which moment does an SQL become an opportunity in the CRM, and when a customer?"),
            _(
                "Which companies are our best customers today (industry, size, region), and what "
                "do they have in common?"
            ),
            _("Who are the people we actually talk to in those accounts, and what worries them?"),
        ),
        example=_(
            "MQL: a contact at a DACH manufacturer with 200–2,000 employees who has scored 60+ "
            "points, including a demo request or a pricing-page visit; marketing ops decides via "
            "the scoring model. SAL: an SDR has reviewed it within one business day and booked a "
            "discovery call; sales decides. Persona: Operations Director, owns plant uptime."
        ),
    ),
    agenda=AgendaDefault(_("Common language: lifecycle stages and the customer"), 40),
    presenter=Presenter(),
    parking=(
        MoveTarget(
            Step.LANGUAGE, "definitions", _("definition"), lambda t: Definition(entry_criteria=t)
        ),
        MoveTarget(Step.LANGUAGE, "personas", _("persona"), lambda t: Persona(pains=t)),
    ),
)
