"""The workshop aggregate: everything a room captures, as plain dataclasses.

A :class:`Workshop` owns its children (participants, agenda items, objectives, ...).
Children carry their own ``id`` so that edits, undo and storage can address them;
their order in the owning list is their position.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from workshop.measures import Measure


def new_id() -> str:
    """A fresh, globally unique identifier for any entity."""
    return uuid.uuid4().hex


class Team(StrEnum):
    SALES = "sales"
    MARKETING = "marketing"
    LEADERSHIP = "leadership"
    OTHER = "other"


class WorkshopStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    SIGNED = "signed"


class RaciRole(StrEnum):
    RESPONSIBLE = "R"
    ACCOUNTABLE = "A"
    CONSULTED = "C"
    INFORMED = "I"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class VersionStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"


class SignatureKind(StrEnum):
    DRAWN = "drawn"
    TYPED = "typed"


@dataclass
class Participant:
    name: str = ""
    title: str = ""
    team: Team = Team.OTHER
    email: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class AgendaItem:
    title: str = ""
    step: str | None = None  # a Step value, or None for a free item such as a break
    planned_minutes: int = 15
    actual_minutes: int | None = None
    notes: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class SharedGoal:
    statement: str = ""
    metric: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    unit: str = ""
    deadline: date | None = None


@dataclass
class Objective:
    team: Team = Team.MARKETING
    statement: str = ""
    metric: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    unit: str = ""
    deadline: date | None = None
    supports_goal: bool = True
    id: str = field(default_factory=new_id)


@dataclass
class FunnelAssumptions:
    revenue_target: Decimal | None = None
    average_deal: Decimal | None = None
    marketing_share: Decimal | None = None  # fraction 0..1
    mql_to_sql: Decimal | None = None  # fraction 0..1
    sql_to_won: Decimal | None = None  # fraction 0..1
    months: int | None = None


@dataclass
class Definition:
    """A lifecycle stage both teams define in the same words."""

    stage: str = ""
    entry_criteria: str = ""
    decided_by: str = ""
    handoff: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Persona:
    name: str = ""
    role: str = ""
    pains: str = ""
    goals: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Party:
    """A column of the RACI matrix: sales, marketing, or any added party."""

    name: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Activity:
    name: str = ""
    description: str = ""
    overlap: str = ""
    # party id -> the roles that party holds ("A" and "R" together is common)
    roles: dict[str, frozenset[RaciRole]] = field(default_factory=dict)
    id: str = field(default_factory=new_id)


@dataclass
class Commitment:
    committed_by: Team = Team.MARKETING
    what: str = ""
    target: Decimal | None = None
    unit: str = ""
    period: str = ""
    measured_by: str = ""
    data_source: str = ""
    # The MQL volume commitment follows the reverse funnel until someone types a target.
    follows_funnel: bool = False
    measure: Measure | None = None
    id: str = field(default_factory=new_id)


@dataclass
class EscalationStep:
    """One rung of what happens when a commitment is missed."""

    what: str = ""
    who: str = ""
    within: str = ""  # e.g. "5 business days"
    id: str = field(default_factory=new_id)


@dataclass
class Kpi:
    name: str = ""
    target: Decimal | None = None
    unit: str = ""
    data_source: str = ""
    owner: str = ""
    cadence: str = ""
    measure: Measure | None = None
    id: str = field(default_factory=new_id)


class SharingKind(StrEnum):
    REPORT = "report"  # progress, lead lists, difficulties
    FEEDBACK = "feedback"  # pains, objections, lost-deal reasons; campaigns, messaging, assets


@dataclass
class SharingItem:
    """Something one side shares with the other, how and how often."""

    from_team: Team = Team.SALES
    to_team: Team = Team.MARKETING
    what: str = ""
    channel: str = ""
    frequency: str = ""
    kind: SharingKind = SharingKind.REPORT
    id: str = field(default_factory=new_id)


@dataclass
class Meeting:
    title: str = ""
    attendees: str = ""
    cadence: str = ""
    duration_minutes: int | None = None
    first_date: date | None = None
    agenda: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class ShadowingItem:
    """Walking a mile: who sits in on whose work, and when."""

    who: str = ""
    whose_work: str = ""
    when: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Ally:
    """Someone on a team who champions the agreement there."""

    name: str = ""
    team: Team = Team.SALES
    role: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class ActionItem:
    what: str = ""
    owner_id: str | None = None  # a participant id
    due: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    step: str | None = None
    id: str = field(default_factory=new_id)


@dataclass
class ParkingLotItem:
    text: str = ""
    resolved: bool = False
    step: str | None = None
    id: str = field(default_factory=new_id)


@dataclass
class Vote:
    subject: str = ""
    dots_per_participant: int = 3
    options: list[str] = field(default_factory=list)
    tallies: dict[str, int] = field(default_factory=dict)  # option -> dots
    revealed: bool = False
    id: str = field(default_factory=new_id)


@dataclass
class Signature:
    kind: SignatureKind = SignatureKind.DRAWN
    strokes: list[list[tuple[float, float]]] = field(default_factory=list)
    typed_name: str = ""
    signed_at: datetime | None = None


@dataclass
class Signatory:
    name: str = ""
    title: str = ""
    team: Team = Team.SALES
    signature: Signature | None = None
    id: str = field(default_factory=new_id)


@dataclass
class AgreementVersion:
    number: int = 1
    status: VersionStatus = VersionStatus.DRAFT
    snapshot: str = ""  # canonical JSON of the agreement as composed
    digest: str = ""
    contains_open_points: bool = False
    created_at: datetime | None = None
    signed_at: datetime | None = None
    signatories: list[Signatory] = field(default_factory=list)
    id: str = field(default_factory=new_id)


@dataclass
class Workshop:
    title: str = ""
    client: str = ""
    date: dt.date | None = None
    location: str = ""
    facilitator: str = ""
    status: WorkshopStatus = WorkshopStatus.PLANNED
    notes: str = ""
    start_time: str = "09:00"
    # Shared goal and the funnel that turns it into lead volumes.
    goal: SharedGoal = field(default_factory=SharedGoal)
    funnel: FunnelAssumptions = field(default_factory=FunnelAssumptions)
    # Common language.
    ideal_customer_profile: str = ""
    # Accountability and agreement terms.
    announcement: str = ""  # how the agreement is announced inside the company
    announcement_date: dt.date | None = None
    effective_date: dt.date | None = None
    term_months: int | None = None
    review_date: dt.date | None = None
    # Children.
    participants: list[Participant] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    personas: list[Persona] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    escalation: list[EscalationStep] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)
    sharing: list[SharingItem] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    shadowing: list[ShadowingItem] = field(default_factory=list)
    allies: list[Ally] = field(default_factory=list)
    action_items: list[ActionItem] = field(default_factory=list)
    parking_lot: list[ParkingLotItem] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    # Who will sign the next agreement version; each version keeps its own copy.
    signatories: list[Signatory] = field(default_factory=list)
    versions: list[AgreementVersion] = field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class WorkshopSummary:
    """One row of the library: what the home screen lists."""

    id: str
    title: str
    client: str
    date: date | None
    status: WorkshopStatus
    updated_at: datetime
    participant_count: int = 0
