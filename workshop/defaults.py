"""Starting points a new workshop is given, for the room to edit rather than write from
scratch: a half-day agenda, lifecycle stages, typical overlap activities, and the standard
shared KPIs."""

from __future__ import annotations

from workshop.i18n import _
from workshop.model import Activity, AgendaItem, Definition, Kpi
from workshop.steps import SPECS


def lifecycle_stages() -> list[Definition]:
    return [
        Definition(
            stage=_("Lead"),
            entry_criteria=_("A contact we can reach who matches our market (any source)."),
            decided_by=_("Marketing"),
            handoff=_("Stays with marketing for nurturing and scoring."),
        ),
        Definition(
            stage=_("MQL"),
            entry_criteria=_(
                "Fits the ideal customer profile and has shown enough interest to reach the "
                "agreed lead score."
            ),
            decided_by=_("Marketing (lead score in the CRM)"),
            handoff=_("Routed to sales in the CRM with its history and score."),
        ),
        Definition(
            stage=_("SAL"),
            entry_criteria=_("Sales has reviewed the MQL and agrees to work it."),
            decided_by=_("Sales development"),
            handoff=_("Sales owns follow-up; a rejected lead goes back with a reason."),
        ),
        Definition(
            stage=_("SQL"),
            entry_criteria=_("A conversation confirmed need, budget or timing worth pursuing."),
            decided_by=_("Sales"),
            handoff=_("An account executive takes it on."),
        ),
        Definition(
            stage=_("Opportunity"),
            entry_criteria=_("A qualified deal with an amount and expected close date."),
            decided_by=_("Account executive"),
            handoff=_("Tracked in the pipeline until won or lost."),
        ),
        Definition(
            stage=_("Customer"),
            entry_criteria=_("Contract signed."),
            decided_by=_("Sales"),
            handoff=_("Handed to customer success for onboarding, retention and growth."),
        ),
    ]


def overlap_activities() -> list[Activity]:
    """Typical activities both teams touch; who does what is left for the room to decide."""
    return [
        Activity(
            name=_("Trade-show lead capture"),
            description=_("Collect, qualify and enter leads met at events."),
            overlap=_("Marketing runs the event; sales talks to the visitors."),
        ),
        Activity(
            name=_("Lead scoring"),
            description=_("Decide which signals make a lead ready for sales."),
            overlap=_("Marketing builds the model; sales knows which leads close."),
        ),
        Activity(
            name=_("Content for sales conversations"),
            description=_("Case studies, battle cards, decks and proposals."),
            overlap=_("Marketing produces; sales knows what buyers ask."),
        ),
        Activity(
            name=_("Follow-up of new leads"),
            description=_("First contact and the attempts that follow."),
            overlap=_("Marketing hands over; sales reaches out and reports back."),
        ),
        Activity(
            name=_("Post-sale retention"),
            description=_("Onboarding, renewals, upsell and references."),
            overlap=_("Customer success leads; marketing and sales feed and use it."),
        ),
    ]


def standard_kpis() -> list[Kpi]:
    return [
        Kpi(name=_("Marketing-qualified leads (MQLs)"), unit=_("per month"), cadence=_("monthly")),
        Kpi(name=_("Sales-qualified leads (SQLs)"), unit=_("per month"), cadence=_("monthly")),
        Kpi(name=_("Lead-to-customer conversion rate"), unit="%", cadence=_("quarterly")),
        Kpi(name=_("Sales-cycle length"), unit=_("days"), cadence=_("quarterly")),
        Kpi(name=_("Customer acquisition cost (CAC)"), cadence=_("quarterly")),
        Kpi(name=_("Customer lifetime value (CLV)"), cadence=_("yearly")),
        Kpi(name=_("Marketing ROI"), unit="%", cadence=_("quarterly")),
    ]


def half_day_agenda() -> list[AgendaItem]:
    """A four-hour session: each step's item (as the step declares it), a break half-way
    and a wrap-up (240 minutes)."""
    steps = [
        AgendaItem(
            title=spec.agenda.title,
            step=spec.step.value,
            planned_minutes=spec.agenda.minutes,
            notes=spec.agenda.notes,
        )
        for spec in SPECS.values()
    ]
    half = len(steps) // 2
    return [
        *steps[:half],
        AgendaItem(title=_("Break"), planned_minutes=15),
        *steps[half:],
        AgendaItem(
            title=_("Wrap-up: action items, parking lot, next steps"),
            planned_minutes=10,
            notes=_("Owners and due dates for every action; date of the first review."),
        ),
    ]
