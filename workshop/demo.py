"""A fully populated sample workshop, for demos, screenshots and first-run exploration.

The sample client is *Harbourline Software GmbH*, a Hamburg-based SaaS vendor of field-service
scheduling software (about 180 employees, EUR 4.0M ARR in the segment the agreement covers).
Its sales and marketing teams meet for a half-day offsite run by an external facilitator.

Reverse funnel behind the marketing commitment (all figures are in this module's data)::

    shared goal          ARR from EUR 4,000,000 to EUR 4,800,000 within the 12-month term
    revenue_target       EUR 800,000 new ARR (the increase)
    marketing_share      0.6   -> EUR 480,000 must come from marketing-sourced deals
    average_deal         EUR 18,000 first-year ARR
    deals                ceil(800,000 x 0.6 / 18,000) = ceil(26.67) = 27
    sql_to_won           0.25  -> SQLs = ceil(27 / 0.25)  = 108
    mql_to_sql           0.25  -> MQLs = ceil(108 / 0.25) = 432
    months               12    -> MQLs per month = ceil(432 / 12) = 36

Marketing therefore commits to 36 MQLs a month; the SQL KPI is 108 / 12 = 9 a month and the
lead-to-customer conversion target is 27 / 432 = 6.25 %.

Everything here is deterministic given the ``today`` passed in; only the entity ids are fresh
random uuids. The agreement history (a signed version 1 and the amendment since) is added by
:mod:`workshop.demo_history`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from workshop.measures import ByHand, Conversion, Per, Span, Stage, StageCount, TimeBetween
from workshop.model import (
    ActionItem,
    ActionStatus,
    Activity,
    AgendaItem,
    Ally,
    Commitment,
    Definition,
    EscalationStep,
    FunnelAssumptions,
    Kpi,
    Meeting,
    Objective,
    ParkingLotItem,
    Participant,
    Party,
    Persona,
    RaciRole,
    ShadowingItem,
    SharedGoal,
    SharingItem,
    SharingKind,
    Signatory,
    Team,
    Vote,
    Workshop,
    WorkshopStatus,
)

COMPANY = "Harbourline Software GmbH"
DOMAIN = "harbourline.example"

# Reverse-funnel figures (see the module docstring for the arithmetic).
ARR_BASELINE = Decimal("4000000")
ARR_TARGET = Decimal("4800000")
REVENUE_TARGET = ARR_TARGET - ARR_BASELINE  # 800,000
AVERAGE_DEAL = Decimal("18000")
MARKETING_SHARE = Decimal("0.6")
MQL_TO_SQL = Decimal("0.25")
SQL_TO_WON = Decimal("0.25")
FUNNEL_MONTHS = 12
DEALS_NEEDED = 27
SQLS_NEEDED = 108
MQLS_NEEDED = 432
MQLS_PER_MONTH = 36

TUESDAY = 1
WEDNESDAY = 2
THURSDAY = 3

_R = RaciRole.RESPONSIBLE
_A = RaciRole.ACCOUNTABLE
_C = RaciRole.CONSULTED
_I = RaciRole.INFORMED


def _next_weekday(start: dt.date, weekday: int) -> dt.date:
    """The first date on or after ``start`` that falls on ``weekday`` (Monday = 0)."""
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def _first_of_month_after(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` months after the month of ``day``."""
    index = day.year * 12 + (day.month - 1) + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _participants() -> list[Participant]:
    def person(name: str, title: str, team: Team, mailbox: str) -> Participant:
        return Participant(name=name, title=title, team=team, email=f"{mailbox}@{DOMAIN}")

    return [
        person("Zoë Müller", "Chief Revenue Officer", Team.LEADERSHIP, "zoe.mueller"),
        person("Tobias Brandt", "Head of Sales", Team.SALES, "tobias.brandt"),
        person("Aisha Okafor", "Senior Account Executive", Team.SALES, "aisha.okafor"),
        person("Mateusz Kowalczyk", "Account Executive, DACH", Team.SALES, "mateusz.kowalczyk"),
        person("Priya Raman", "Sales Development Team Lead", Team.SALES, "priya.raman"),
        person("José Álvarez", "Head of Marketing", Team.MARKETING, "jose.alvarez"),
        person("Sofia Lindqvist", "Demand Generation Manager", Team.MARKETING, "sofia.lindqvist"),
        person("Kenji Watanabe", "Marketing Operations Manager", Team.MARKETING, "kenji.watanabe"),
        person("Chloé Dubois", "Product Marketing Manager", Team.MARKETING, "chloe.dubois"),
        person("Emre Yıldız", "Head of Customer Success", Team.OTHER, "emre.yildiz"),
    ]


def _agenda() -> list[AgendaItem]:
    # Planned minutes sum to 240 (09:00-13:00). The room is part-way through the session:
    # the items up to accountability have actual times, the rest are still to come.
    return [
        AgendaItem(
            title="Welcome, ground rules and why we are here",
            step="room",
            planned_minutes=15,
            actual_minutes=18,
            notes="Round of introductions; the CRO opens with last year's lead-handover data.",
        ),
        AgendaItem(
            title="One shared goal and the reverse funnel",
            step="goal",
            planned_minutes=35,
            actual_minutes=40,
            notes="Agree the ARR goal first, then work the funnel back to a monthly MQL number.",
        ),
        AgendaItem(
            title="Common language: lifecycle stages and ideal customer",
            step="language",
            planned_minutes=40,
            actual_minutes=45,
            notes="Sticky notes per stage; resolve the SAL vs. SQL confusion before moving on.",
        ),
        AgendaItem(
            title="Coffee break",
            step=None,
            planned_minutes=15,
            actual_minutes=15,
            notes="Coffee and pastries in the foyer.",
        ),
        AgendaItem(
            title="Shared responsibilities: RACI for overlap activities",
            step="responsibilities",
            planned_minutes=35,
            actual_minutes=30,
            notes="Dot vote first to pick the activity that hurts most, then fill the matrix.",
        ),
        AgendaItem(
            title="Accountability: SLAs, KPIs and escalation",
            step="accountability",
            planned_minutes=40,
            actual_minutes=None,
            notes="Follow-up time and rejected-lead loop are the contentious points.",
        ),
        AgendaItem(
            title="Transparency: what we share, meeting cadence, shadowing",
            step="transparency",
            planned_minutes=25,
            actual_minutes=None,
            notes="Pair each marketer with a sales 'ally' for shadowing days.",
        ),
        AgendaItem(
            title="Review and sign the performance agreement",
            step="agreement",
            planned_minutes=25,
            actual_minutes=None,
            notes="Head of Sales and Head of Marketing sign; the CRO co-signs as sponsor.",
        ),
        AgendaItem(
            title="Wrap-up: action items, parking lot, next steps",
            step=None,
            planned_minutes=10,
            actual_minutes=None,
            notes="Confirm owners and due dates; schedule the first monthly review.",
        ),
    ]


def _objectives(deadline: dt.date, midterm: dt.date) -> list[Objective]:
    return [
        Objective(
            team=Team.MARKETING,
            statement=f"Deliver {MQLS_PER_MONTH} MQLs a month that meet the agreed definition",
            metric="MQLs created per month",
            baseline=Decimal("24"),
            target=Decimal(MQLS_PER_MONTH),
            unit="MQLs / month",
            deadline=midterm,
        ),
        Objective(
            team=Team.MARKETING,
            statement="Lift website demo requests from ICP companies by 25 %",
            metric="Demo requests from ICP-fit companies per month",
            baseline=Decimal("40"),
            target=Decimal("50"),
            unit="requests / month",
            deadline=deadline,
        ),
        Objective(
            team=Team.SALES,
            statement="Follow up every MQL within 24 hours",
            metric="Share of MQLs with a first sales touch within 24 hours",
            baseline=Decimal("61"),
            target=Decimal("95"),
            unit="%",
            deadline=midterm,
        ),
        Objective(
            team=Team.SALES,
            statement="Raise the SQL-to-won rate from 21 % to 25 %",
            metric="Closed-won SQLs divided by all SQLs closed in the quarter",
            baseline=Decimal("21"),
            target=Decimal("25"),
            unit="%",
            deadline=deadline,
        ),
        Objective(
            team=Team.LEADERSHIP,
            statement="Shorten the average sales cycle from 96 to 80 days",
            metric="Median days from SQL to closed-won",
            baseline=Decimal("96"),
            target=Decimal("80"),
            unit="days",
            deadline=deadline,
        ),
    ]


def _definitions() -> list[Definition]:
    return [
        Definition(
            stage="Lead",
            entry_criteria=(
                "A person with a valid business email who has engaged with us at least once: "
                "form fill, event badge scan, webinar sign-up or content download."
            ),
            decided_by="Marketing (automatic on record creation in the CRM)",
            handoff="Stays with marketing for nurturing; no sales contact yet.",
        ),
        Definition(
            stage="MQL",
            entry_criteria=(
                "Lead score of 65 or more: ICP fit (field-service company, 50-2,000 employees, "
                "DACH/Nordics/Benelux) plus buying intent such as a demo request, pricing-page "
                "visits or two high-intent assets in 30 days."
            ),
            decided_by="Marketing, through the scoring model agreed with sales",
            handoff=(
                "Routed automatically to the SDR queue with score breakdown and activity "
                "history; the 24-hour follow-up clock starts."
            ),
        ),
        Definition(
            stage="SAL",
            entry_criteria=(
                "An SDR has reviewed the MQL and accepts it as worth working: right company, "
                "reachable contact, no open opportunity already."
            ),
            decided_by="Sales development (SDR team lead)",
            handoff=(
                "Accepted within 2 business days, or returned to marketing with a rejection "
                "reason from the agreed list within 5 business days."
            ),
        ),
        Definition(
            stage="SQL",
            entry_criteria=(
                "Discovery call held; confirmed pain, a budget range, a decision maker "
                "identified and a project horizon within 6 months."
            ),
            decided_by="Sales development, confirmed by the receiving account executive",
            handoff="SDR books the next meeting and hands the account to an account executive.",
        ),
        Definition(
            stage="Opportunity",
            entry_criteria=(
                "Account executive has run a tailored demo and agreed a mutual action plan "
                "with the buyer; deal value and close date entered in the CRM."
            ),
            decided_by="Account executive",
            handoff=(
                "Marketing is informed for deal-support content; customer success is consulted "
                "on onboarding scope above EUR 30,000 ARR."
            ),
        ),
        Definition(
            stage="Customer",
            entry_criteria="Contract signed and first invoice issued.",
            decided_by="Sales operations (on contract countersignature)",
            handoff=(
                "Kick-off with customer success within 5 business days; marketing adds the "
                "account to onboarding and advocacy programmes."
            ),
        ),
    ]


def _personas() -> list[Persona]:
    return [
        Persona(
            name="Operations Olivia",
            role="Head of Field Operations at a 300-person installation company",
            pains=(
                "Technicians double-booked or idle; dispatch still runs on spreadsheets and "
                "phone calls; first-time fix rate is below 70 %."
            ),
            goals=(
                "More jobs per technician per day, fewer repeat visits, and a live view of the "
                "schedule she can trust."
            ),
        ),
        Persona(
            name="Finance Frank",
            role="CFO of a regional facility-management group",
            pains=(
                "Cannot see cost per job; overtime and travel costs keep rising; earlier "
                "software projects ran over budget."
            ),
            goals=(
                "A payback under 12 months, predictable subscription cost and reporting that "
                "ties field work to margin."
            ),
        ),
        Persona(
            name="IT Ines",
            role="IT Manager responsible for business applications",
            pains=(
                "Too many disconnected tools; worries about data protection and a painful "
                "ERP integration."
            ),
            goals=(
                "A GDPR-compliant, EU-hosted platform with a standard ERP connector and "
                "single sign-on that her small team can run."
            ),
        ),
    ]


def _parties() -> tuple[Party, Party, Party, Party]:
    return (
        Party(name="Sales"),
        Party(name="Marketing"),
        Party(name="Leadership"),
        Party(name="Customer Success"),
    )


def _activities(
    sales: Party, marketing: Party, leadership: Party, success: Party
) -> list[Activity]:
    def roles(
        s: RaciRole, m: RaciRole, lead: RaciRole, cs: RaciRole
    ) -> dict[str, frozenset[RaciRole]]:
        return {
            sales.id: frozenset({s}),
            marketing.id: frozenset({m}),
            leadership.id: frozenset({lead}),
            success.id: frozenset({cs}),
        }

    return [
        Activity(
            name="Trade-show lead capture",
            description=(
                "Staff the booth at the three field-service trade shows, scan badges, note "
                "the conversation and enter the leads in the CRM within 48 hours."
            ),
            overlap=(
                "Marketing books the show and the booth; account executives hold the "
                "conversations and know which visitors are serious."
            ),
            roles=roles(_R, _A, _I, _C),
        ),
        Activity(
            name="Lead scoring and MQL threshold",
            description=(
                "Maintain the scoring model that turns fit and intent signals into a score, "
                "and the threshold at which a lead becomes an MQL."
            ),
            overlap=(
                "Marketing builds the model, but only sales can tell whether high-scoring "
                "leads are really ready to talk."
            ),
            roles=roles(_C, _R, _A, _I),
        ),
        Activity(
            name="Content for sales conversations",
            description=(
                "Battlecards, case studies, ROI calculator and demo scripts for each persona "
                "and stage of the deal."
            ),
            overlap=(
                "Marketing writes and designs; sales supplies the objections and win stories "
                "and tests the material in live calls."
            ),
            roles=roles(_R, _A, _I, _C),
        ),
        Activity(
            name="Follow-up of MQLs",
            description=(
                "First touch within 24 hours, six attempts over 14 days across phone, email "
                "and LinkedIn, then accept, reject or recycle."
            ),
            overlap=(
                "Sales does the follow-up; marketing owns the nurture track for leads that "
                "are not ready and needs the outcome logged."
            ),
            roles=roles(_R, _C, _A, _I),
        ),
        Activity(
            name="Returning rejected leads",
            description=(
                "Every rejected SAL goes back to marketing with a reason from the agreed list "
                "and enters a nurture track."
            ),
            overlap="Sales gives the reason; marketing uses it to tune scoring and campaigns.",
            roles=roles(_R, _A, _I, _I),
        ),
        Activity(
            name="Post-sale retention and expansion",
            description=(
                "Onboarding, adoption campaigns, renewal and upsell of additional technician "
                "seats and modules."
            ),
            overlap=(
                "Customer success owns the relationship; marketing runs customer programmes "
                "and references; sales closes expansion deals."
            ),
            roles=roles(_R, _R, _I, _A),
        ),
        Activity(
            name="Win/loss reviews",
            description=(
                "Monthly review of won and lost deals above EUR 15,000 with buyer interviews "
                "for a sample of them."
            ),
            overlap=(
                "Sales owns the deals and the buyer contacts; marketing runs the interviews "
                "and turns findings into messaging."
            ),
            roles=roles(_A, _R, _I, _C),
        ),
    ]


def _commitments() -> list[Commitment]:
    crm = "CRM (Salesforce) lifecycle-stage report"
    return [
        Commitment(
            committed_by=Team.MARKETING,
            what="Deliver MQLs that meet the agreed MQL definition",
            target=Decimal(MQLS_PER_MONTH),
            follows_funnel=True,
            unit="MQLs",
            period="per month",
            measured_by="Leads reaching the MQL stage in the calendar month",
            measure=StageCount(Stage.MQL),
            data_source=crm,
        ),
        Commitment(
            committed_by=Team.MARKETING,
            what="Keep MQL quality: share of MQLs accepted by sales as SAL",
            target=Decimal("70"),
            unit="%",
            period="per quarter",
            measured_by="SALs divided by MQLs created in the quarter",
            measure=Conversion(Stage.MQL, Stage.SAL, Per.QUARTER),
            data_source=crm,
        ),
        Commitment(
            committed_by=Team.SALES,
            what="First follow-up of every MQL",
            target=Decimal("24"),
            unit="hours",
            period="per MQL",
            measured_by="Time from MQL timestamp to first logged call or email",
            measure=TimeBetween(Span.MQL_TO_FIRST_TOUCH, 24, Decimal("90")),
            data_source="CRM activity history",
        ),
        Commitment(
            committed_by=Team.SALES,
            what="Follow-up attempts on every MQL within 14 days before rejecting it",
            target=Decimal("6"),
            unit="attempts",
            period="within 14 days of MQL",
            measured_by="Logged calls, emails and LinkedIn messages per MQL",
            measure=ByHand(),
            data_source="CRM activity history",
        ),
        Commitment(
            committed_by=Team.SALES,
            what="Return every rejected lead to marketing with a reason from the agreed list",
            target=Decimal("5"),
            unit="business days",
            period="per rejected lead",
            measured_by="Time from MQL to rejection status with a reason code",
            measure=ByHand(),
            data_source="CRM lead-status history",
        ),
        Commitment(
            committed_by=Team.MARKETING,
            what="Deliver new or refreshed sales content requested in the pipeline review",
            target=Decimal("2"),
            unit="assets",
            period="per month",
            measured_by="Assets published to the sales enablement library",
            measure=ByHand(),
            data_source="Sales enablement library (Highspot) publish log",
        ),
        Commitment(
            committed_by=Team.SALES,
            what="Log win/loss reasons on every closed opportunity",
            target=Decimal("100"),
            unit="%",
            period="per month",
            measured_by="Closed opportunities with a win/loss reason filled in",
            measure=ByHand(),
            data_source="CRM opportunity report",
        ),
    ]


def _kpis() -> list[Kpi]:
    return [
        Kpi(
            name="Marketing-qualified leads (MQLs)",
            measure=StageCount(Stage.MQL),
            target=Decimal(MQLS_PER_MONTH),
            unit="per month",
            data_source="CRM lifecycle-stage report",
            owner="Sofia Lindqvist (Marketing)",
            cadence="weekly",
        ),
        Kpi(
            name="Sales-qualified leads (SQLs)",
            measure=StageCount(Stage.SQL),
            target=Decimal(SQLS_NEEDED // FUNNEL_MONTHS),
            unit="per month",
            data_source="CRM lifecycle-stage report",
            owner="Priya Raman (Sales)",
            cadence="weekly",
        ),
        Kpi(
            name="Lead-to-customer conversion rate",
            measure=Conversion(Stage.MQL, Stage.WON),
            target=Decimal("6.25"),
            unit="%",
            data_source="CRM funnel report (MQL cohort to closed-won)",
            owner="Kenji Watanabe (Marketing Ops)",
            cadence="monthly",
        ),
        Kpi(
            name="Sales-cycle length",
            measure=TimeBetween(Span.SQL_TO_WON),
            target=Decimal("80"),
            unit="days",
            data_source="CRM opportunity report (SQL date to close date)",
            owner="Tobias Brandt (Sales)",
            cadence="monthly",
        ),
        Kpi(
            name="Customer acquisition cost (CAC)",
            measure=ByHand(),
            target=Decimal("9500"),
            unit="EUR per new customer",
            data_source="Finance: sales and marketing spend vs. new customers (DATEV export)",
            owner="Zoë Müller (Leadership)",
            cadence="quarterly",
        ),
        Kpi(
            name="Customer lifetime value (CLV)",
            measure=ByHand(),
            target=Decimal("72000"),
            unit="EUR",
            data_source="Billing system and churn report",
            owner="Emre Yıldız (Customer Success)",
            cadence="quarterly",
        ),
        Kpi(
            name="Marketing ROI",
            measure=ByHand(),
            target=Decimal("3.5"),
            unit="x (marketing-sourced new ARR / marketing spend)",
            data_source="CRM campaign attribution and finance spend report",
            owner="José Álvarez (Marketing)",
            cadence="quarterly",
        ),
    ]


def _sharing() -> list[SharingItem]:
    return [
        SharingItem(
            from_team=Team.MARKETING,
            to_team=Team.SALES,
            what="New MQLs with score breakdown and recent activity",
            channel="CRM digest e-mail",
            kind=SharingKind.REPORT,
            frequency="daily (automatic CRM digest)",
        ),
        SharingItem(
            from_team=Team.MARKETING,
            to_team=Team.SALES,
            what="Campaign calendar, messaging changes and new assets",
            channel="alignment review",
            kind=SharingKind.FEEDBACK,
            frequency="monthly, in the alignment review",
        ),
        SharingItem(
            from_team=Team.MARKETING,
            to_team=Team.SALES,
            what="Progress against the MQL commitment and lead-source mix",
            channel="revenue dashboard",
            kind=SharingKind.REPORT,
            frequency="weekly",
        ),
        SharingItem(
            from_team=Team.SALES,
            to_team=Team.MARKETING,
            what="Customer pain points, objections and competitor mentions from calls",
            channel="pipeline review",
            kind=SharingKind.FEEDBACK,
            frequency="weekly, in the pipeline review",
        ),
        SharingItem(
            from_team=Team.SALES,
            to_team=Team.MARKETING,
            what="Rejected leads with reasons and difficulties reaching leads",
            channel="CRM rejection reason field",
            kind=SharingKind.REPORT,
            frequency="within 5 business days of each rejection",
        ),
        SharingItem(
            from_team=Team.SALES,
            to_team=Team.MARKETING,
            what="Win/loss notes and buyer contacts for interviews",
            channel="shared win/loss folder",
            kind=SharingKind.FEEDBACK,
            frequency="monthly",
        ),
        SharingItem(
            from_team=Team.OTHER,
            to_team=Team.MARKETING,
            what="Customer success stories, churn reasons and reference candidates",
            channel="QBR deck",
            kind=SharingKind.FEEDBACK,
            frequency="quarterly",
        ),
    ]


def _meetings(effective: dt.date) -> list[Meeting]:
    return [
        Meeting(
            title="Weekly pipeline review",
            attendees=(
                "Head of Sales, SDR team lead, account executives, demand generation manager"
            ),
            cadence="weekly (Tuesday)",
            agenda="New MQLs and follow-up status; rejected leads and reasons; deals at risk",
            duration_minutes=30,
            first_date=_next_weekday(effective, TUESDAY),
        ),
        Meeting(
            title="Monthly alignment review",
            attendees=(
                "Heads of Sales and Marketing, marketing operations, SDR team lead, "
                "one rotating account executive"
            ),
            cadence="monthly (first Thursday)",
            agenda=(
                "Commitments vs actuals (MQLs, follow-up within 24 h, conversion by stage); "
                "campaign plan; feedback from calls"
            ),
            duration_minutes=60,
            first_date=_next_weekday(_first_of_month_after(effective, 1), THURSDAY),
        ),
        Meeting(
            title="Quarterly business review",
            attendees=(
                "CRO, Heads of Sales, Marketing and Customer Success; open to all team members"
            ),
            cadence="quarterly",
            agenda=(
                "KPIs for the quarter; what to change in the agreement; next quarter's "
                "campaigns and targets"
            ),
            duration_minutes=120,
            first_date=_next_weekday(_first_of_month_after(effective, 3), WEDNESDAY),
        ),
    ]


def _action_items(people: dict[str, Participant], workshop_day: dt.date) -> list[ActionItem]:
    def due(days: int) -> dt.date:
        return workshop_day + dt.timedelta(days=days)

    return [
        ActionItem(
            what="Configure the agreed MQL threshold (score 65) and rejection reasons in the CRM",
            owner_id=people["kenji"].id,
            due=due(14),
            status=ActionStatus.OPEN,
            step="language",
        ),
        ActionItem(
            what="Build the SLA dashboard: MQL volume, follow-up time, attempts, rejections",
            owner_id=people["priya"].id,
            due=due(21),
            status=ActionStatus.OPEN,
            step="accountability",
        ),
        ActionItem(
            what="Schedule shadowing days: every marketer joins two sales calls this quarter",
            owner_id=people["tobias"].id,
            due=due(30),
            status=ActionStatus.OPEN,
            step="transparency",
        ),
        ActionItem(
            what="Send the pre-read with last year's funnel data to all participants",
            owner_id=people["jose"].id,
            due=workshop_day - dt.timedelta(days=1),
            status=ActionStatus.DONE,
            step="room",
        ),
    ]


def build_demo_workshop(today: dt.date) -> Workshop:
    """A realistic, fully populated sample workshop dated a few days after ``today``."""
    workshop_day = _next_weekday(today + dt.timedelta(days=3), TUESDAY)
    effective = _first_of_month_after(workshop_day, 1)
    deadline = _first_of_month_after(workshop_day, 1 + 12) - dt.timedelta(days=1)
    midterm = _first_of_month_after(workshop_day, 1 + 6) - dt.timedelta(days=1)

    participants = _participants()
    people = {p.email.partition(".")[0]: p for p in participants}  # keyed by first name
    sales, marketing, leadership, success = _parties()

    return Workshop(
        title="Sales & Marketing Alignment Offsite",
        client=COMPANY,
        date=workshop_day,
        location="Hotel Atlantic, Elbe Room, Hamburg",
        facilitator="Dr. Ingrid Solberg (Solberg Revenue Advisory)",
        status=WorkshopStatus.IN_PROGRESS,
        notes=(
            "Half-day offsite, phones away. Pre-read: last year's funnel report and the "
            "lead-handover survey (only 61 % of MQLs got a first touch within 24 hours). The CRO "
            "sponsors the session; the signed agreement goes to the all-hands the week after."
        ),
        start_time="09:00",
        goal=SharedGoal(
            statement=(
                "Grow annual recurring revenue from EUR 4.0M to EUR 4.8M by the end of the "
                "12-month agreement term, with sales and marketing owning the number together."
            ),
            metric="Annual recurring revenue (ARR) at period end",
            baseline=ARR_BASELINE,
            target=ARR_TARGET,
            unit="EUR",
            deadline=deadline,
        ),
        funnel=FunnelAssumptions(
            revenue_target=REVENUE_TARGET,
            average_deal=AVERAGE_DEAL,
            marketing_share=MARKETING_SHARE,
            mql_to_sql=MQL_TO_SQL,
            sql_to_won=SQL_TO_WON,
            months=FUNNEL_MONTHS,
        ),
        ideal_customer_profile=(
            "Field-service companies in DACH, the Nordics and Benelux with 50 to 2,000 "
            "employees and at least 20 mobile technicians (installation, maintenance, facility "
            "management, building services). They schedule work by spreadsheet or an ageing "
            "on-premise tool, feel the cost of idle or double-booked technicians, run an ERP "
            "we integrate with (SAP Business One, Microsoft Dynamics, DATEV), and want an "
            "EU-hosted SaaS they can roll out in under eight weeks. Buying group: head of "
            "operations (champion), CFO (economic buyer) and IT manager (technical gate)."
        ),
        escalation=[
            EscalationStep(
                what="Raise the missed commitment in the weekly pipeline review, with the data",
                who="Whoever notices it",
                within="the next weekly review",
            ),
            EscalationStep(
                what="Agree a recovery plan if it is missed two weeks running",
                who="Head of Sales and Head of Marketing",
                within="5 business days",
            ),
            EscalationStep(
                what="Decide, and record the decision as an amendment proposal",
                who="CRO (Zoë Müller)",
                within="the next monthly alignment review",
            ),
        ],
        announcement=(
            "The CRO presents the signed agreement at the all-hands the week after the "
            "workshop; the MQL and follow-up figures go on the shared revenue dashboard, and "
            "the monthly alignment review summary is posted in #revenue-team."
        ),
        announcement_date=workshop_day + dt.timedelta(days=8),
        shadowing=[
            ShadowingItem(
                who="Each account executive",
                whose_work="a demand generation campaign review",
                when="once a quarter",
            ),
            ShadowingItem(
                who="Each marketing manager",
                whose_work="two discovery calls with an account executive",
                when="once a quarter",
            ),
            ShadowingItem(
                who="The SDR team lead",
                whose_work="the weekly lead-scoring calibration",
                when="monthly",
            ),
        ],
        allies=[
            Ally(name="Aisha Okafor", team=Team.SALES, role="Senior Account Executive"),
            Ally(name="Sofia Lindqvist", team=Team.MARKETING, role="Demand Generation Manager"),
        ],
        signatories=[
            Signatory(name="Tobias Brandt", title="Head of Sales", team=Team.SALES),
            Signatory(name="José Álvarez", title="Head of Marketing", team=Team.MARKETING),
            Signatory(
                name="Zoë Müller",
                title="Chief Revenue Officer (executive sponsor)",
                team=Team.LEADERSHIP,
            ),
        ],
        effective_date=effective,
        term_months=12,
        review_date=_first_of_month_after(workshop_day, 1 + 6),
        participants=participants,
        agenda=_agenda(),
        objectives=_objectives(deadline, midterm),
        definitions=_definitions(),
        personas=_personas(),
        parties=[sales, marketing, leadership, success],
        activities=_activities(sales, marketing, leadership, success),
        commitments=_commitments(),
        kpis=_kpis(),
        sharing=_sharing(),
        meetings=_meetings(effective),
        action_items=_action_items(people, workshop_day),
        parking_lot=[
            ParkingLotItem(
                text="Do partner-sourced leads count towards marketing's MQL commitment?",
                resolved=True,
                step="goal",
            ),
            ParkingLotItem(
                text="SDR compensation: pay on SALs or on SQLs?",
                resolved=False,
                step="accountability",
            ),
            ParkingLotItem(
                text="Who owns the pricing page and the free-trial experience?",
                resolved=False,
                step="responsibilities",
            ),
        ],
        votes=[
            Vote(
                subject="Which overlap activity do we fix first?",
                dots_per_participant=3,
                options=[
                    "Follow-up of MQLs",
                    "Lead scoring and MQL threshold",
                    "Content for sales conversations",
                    "Trade-show lead capture",
                ],
                tallies={
                    "Follow-up of MQLs": 11,
                    "Lead scoring and MQL threshold": 9,
                    "Content for sales conversations": 6,
                    "Trade-show lead capture": 4,
                },
                revealed=True,
            )
        ],
        versions=[],
    )
