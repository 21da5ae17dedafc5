"""What the facilitator says at each step: why it matters, what to ask, what a good answer is."""

from __future__ import annotations

from dataclasses import dataclass

from workshop.i18n import _
from workshop.steps import Step


@dataclass(frozen=True)
class Guidance:
    purpose: str
    """Two sentences: why the step matters and what it produces."""
    questions: tuple[str, ...]
    """Three to six questions the facilitator puts to the room."""
    example: str
    """One short, concrete example of a good answer."""


GUIDANCE: dict[Step, Guidance] = {
    Step.ROOM: Guidance(
        purpose=_(
            "A workshop only holds if the people who own the pipeline on both sides take part "
            "and agree on how the day will run. This step produces the list of participants, "
            "a time-boxed agenda and a few ground rules everyone has heard out loud."
        ),
        questions=(
            _("Who leads sales and who leads marketing, and are both here for the whole session?"),
            _(
                "Who does the daily work on leads (SDRs, account executives, campaign or "
                "marketing ops), and who speaks for them today?"
            ),
            _("Do we need an executive sponsor here to settle disputes and back the result?"),
            _("How much time do we give each step, and who keeps the clock?"),
            _(
                "Which ground rules do we agree on: phones away, no blaming the past, side "
                "topics go to the parking lot?"
            ),
            _("What must be decided before we leave today, and what can wait for a follow-up?"),
        ),
        example=_(
            "Acme GmbH, 14 March, Munich office, 09:00–16:00. Sales: Jana Weber (VP Sales), two "
            "account executives, the SDR lead. Marketing: Tom Berger (CMO), demand-gen manager, "
            "marketing ops. Sponsor: the COO. Goal 45 min, language 60, RACI 60, SLAs 75, "
            "sharing 45, agreement 30. Rule: criticise the process, not the person."
        ),
    ),
    Step.GOAL: Guidance(
        purpose=_(
            "Two teams pull together only when they chase the same number, so this step fixes "
            "one measurable goal and the team objectives that feed it. Working the funnel "
            "backwards from the revenue target then gives the monthly MQL volume marketing will "
            "commit to."
        ),
        questions=(
            _(
                "If we could move just one business number this year, which would it be, where "
                "does it stand today, and by when must it change?"
            ),
            _("What share of that number do we expect from deals that marketing sourced?"),
            _("What is our average deal size, and how many SQLs end up as won deals?"),
            _("Out of every ten MQLs, how many does sales turn into SQLs today?"),
            _(
                "Which objective does each team set for itself, and how does each one move the "
                "shared goal?"
            ),
            _("Is there an objective on the wall that serves no goal, or a goal nobody works on?"),
        ),
        example=_(
            "Grow new ARR from 4.0 M to 4.8 M EUR by 31 Dec; marketing-sourced share 60 %. "
            "2.88 M EUR ÷ 40 k EUR average deal = 72 deals; at 25 % SQL→won that is 288 SQLs; "
            "at 30 % MQL→SQL, 960 MQLs, or 80 MQLs a month over 12 months."
        ),
    ),
    Step.LANGUAGE: Guidance(
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
    Step.RESPONSIBILITIES: Guidance(
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
    Step.ACCOUNTABILITY: Guidance(
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
    Step.TRANSPARENCY: Guidance(
        purpose=_(
            "Trust grows when each team can see what the other is doing and hears about problems "
            "early. This step settles what flows in each direction and how often, the meetings "
            "both teams attend, shadowing, allies, and how the agreement is announced."
        ),
        questions=(
            _("Which reports and lead lists does marketing send to sales, and how often?"),
            _(
                "What does sales pass back to marketing about pain points, objections and lost "
                "deals?"
            ),
            _("Which regular meetings will someone from the other team join, and how often?"),
            _("Who will spend half a day shadowing the other team in the next month?"),
            _("Who on each team will champion this agreement and speak up when it slips?"),
            _(
                "How and when do we announce the agreement to everyone else, and who reports on "
                "its progress?"
            ),
        ),
        example=_(
            "Every Monday marketing posts the MQL list and campaign calendar in the shared "
            "channel; every Friday sales sends the five objections heard most that week. One "
            "marketer joins the weekly pipeline call, an SDR joins the monthly campaign review, "
            "and each quarter every marketer spends half a day listening in on sales calls."
        ),
    ),
    Step.AGREEMENT: Guidance(
        purpose=_(
            "An agreement nobody signs is only a wish list, so this step turns the day's "
            "decisions into one document both leaders put their names to. It flags open points, "
            "records the signatures and keeps later changes as new, re-signed versions."
        ),
        questions=(
            _("Reading the draft aloud, does anything surprise anyone or differ from our notes?"),
            _("Which points are still open, and do they block signing or go to the first review?"),
            _("How long does this agreement run, and when do we sit down to review it?"),
            _(
                "Who signs for sales, who signs for marketing, and should an executive sponsor "
                "sign too?"
            ),
            _("If something needs to change later, who proposes the amendment and who approves?"),
        ),
        example=_(
            "Term 1 Jan – 31 Dec, first review 31 Mar. Signed by Jana Weber (VP Sales) and Tom "
            "Berger (CMO), with the COO as sponsor. Version 2 in June: follow-up time moves from "
            "4 to 8 business hours after the SDR team halves; both leads sign again."
        ),
    ),
}


def guidance(step: Step) -> Guidance:
    """The facilitator's guidance for ``step``."""
    return GUIDANCE[step]
