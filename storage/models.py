"""SQLAlchemy 2 typed models for the whole workshop aggregate.

Column names equal the domain dataclass field names (nested goal and funnel fields are
prefixed ``goal_`` / ``funnel_``), so conversion in :mod:`storage.convert` stays explicit
and short. Every schema change is an Alembic migration in ``storage/migrations``.
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.types import DecimalText, EnumText, JsonText, UtcDateTime
from workshop import measures
from workshop.model import (
    ActionStatus,
    RaciRole,
    SharingKind,
    SignatureKind,
    Team,
    VersionStatus,
    WorkshopStatus,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Id = String(32)


class MeasureJson(JsonText):
    """A :mod:`workshop.measures` measure as its JSON text (:func:`measures.to_dict`)."""

    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return super().process_bind_param(
            None if value is None else measures.to_dict(value), dialect
        )

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        """The measure; None for text that is no longer one (damaged, or from a newer
        Accord), so the workshop still opens and the measure can be chosen again."""
        data = super().process_result_value(value, dialect)
        if data is None:
            return None
        try:
            return measures.from_dict(data)
        except measures.MeasureError:
            return None


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class WorkshopRow(Base):
    __tablename__ = "workshops"

    id: Mapped[str] = mapped_column(Id, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    client: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[dt.date | None] = mapped_column(Date)
    location: Mapped[str] = mapped_column(Text, default="")
    facilitator: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[WorkshopStatus] = mapped_column(EnumText(WorkshopStatus))
    notes: Mapped[str] = mapped_column(Text, default="")
    start_time: Mapped[str] = mapped_column(String(5), default="09:00")
    goal_statement: Mapped[str] = mapped_column(Text, default="")
    goal_metric: Mapped[str] = mapped_column(Text, default="")
    goal_baseline: Mapped[Decimal | None] = mapped_column(DecimalText)
    goal_target: Mapped[Decimal | None] = mapped_column(DecimalText)
    goal_unit: Mapped[str] = mapped_column(Text, default="")
    goal_deadline: Mapped[dt.date | None] = mapped_column(Date)
    funnel_revenue_target: Mapped[Decimal | None] = mapped_column(DecimalText)
    funnel_average_deal: Mapped[Decimal | None] = mapped_column(DecimalText)
    funnel_marketing_share: Mapped[Decimal | None] = mapped_column(DecimalText)
    funnel_mql_to_sql: Mapped[Decimal | None] = mapped_column(DecimalText)
    funnel_sql_to_won: Mapped[Decimal | None] = mapped_column(DecimalText)
    funnel_months: Mapped[int | None] = mapped_column(Integer)
    ideal_customer_profile: Mapped[str] = mapped_column(Text, default="")
    announcement: Mapped[str] = mapped_column(Text, default="")
    announcement_date: Mapped[dt.date | None] = mapped_column(Date)
    effective_date: Mapped[dt.date | None] = mapped_column(Date)
    term_months: Mapped[int | None] = mapped_column(Integer)
    review_date: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class _Child:
    """Columns every child of a workshop has: its id, owner and position."""

    id: Mapped[str] = mapped_column(Id, primary_key=True)
    workshop_id: Mapped[str] = mapped_column(
        Id, ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class ParticipantRow(_Child, Base):
    __tablename__ = "participants"
    name: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    team: Mapped[Team] = mapped_column(EnumText(Team))
    email: Mapped[str] = mapped_column(Text, default="")


class AgendaItemRow(_Child, Base):
    __tablename__ = "agenda_items"
    title: Mapped[str] = mapped_column(Text, default="")
    step: Mapped[str | None] = mapped_column(String(32))
    planned_minutes: Mapped[int] = mapped_column(Integer, default=15)
    actual_minutes: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")


class ObjectiveRow(_Child, Base):
    __tablename__ = "objectives"
    team: Mapped[Team] = mapped_column(EnumText(Team))
    statement: Mapped[str] = mapped_column(Text, default="")
    metric: Mapped[str] = mapped_column(Text, default="")
    baseline: Mapped[Decimal | None] = mapped_column(DecimalText)
    target: Mapped[Decimal | None] = mapped_column(DecimalText)
    unit: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    supports_goal: Mapped[bool] = mapped_column(Boolean, default=True)


class DefinitionRow(_Child, Base):
    __tablename__ = "definitions"
    stage: Mapped[str] = mapped_column(Text, default="")
    entry_criteria: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(Text, default="")
    handoff: Mapped[str] = mapped_column(Text, default="")


class PersonaRow(_Child, Base):
    __tablename__ = "personas"
    name: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="")
    pains: Mapped[str] = mapped_column(Text, default="")
    goals: Mapped[str] = mapped_column(Text, default="")


class PartyRow(_Child, Base):
    __tablename__ = "parties"
    name: Mapped[str] = mapped_column(Text, default="")


class ActivityRow(_Child, Base):
    __tablename__ = "activities"
    name: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    overlap: Mapped[str] = mapped_column(Text, default="")


class RaciRoleRow(Base):
    __tablename__ = "raci_roles"
    activity_id: Mapped[str] = mapped_column(
        Id, ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True
    )
    party_id: Mapped[str] = mapped_column(
        Id, ForeignKey("parties.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[RaciRole] = mapped_column(EnumText(RaciRole), primary_key=True)


class CommitmentRow(_Child, Base):
    __tablename__ = "commitments"
    committed_by: Mapped[Team] = mapped_column(EnumText(Team))
    what: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[Decimal | None] = mapped_column(DecimalText)
    unit: Mapped[str] = mapped_column(Text, default="")
    period: Mapped[str] = mapped_column(Text, default="")
    measured_by: Mapped[str] = mapped_column(Text, default="")
    data_source: Mapped[str] = mapped_column(Text, default="")
    follows_funnel: Mapped[bool] = mapped_column(Boolean, default=False)
    measure: Mapped[measures.Measure | None] = mapped_column(MeasureJson)


class EscalationStepRow(_Child, Base):
    __tablename__ = "escalation_steps"
    what: Mapped[str] = mapped_column(Text, default="")
    who: Mapped[str] = mapped_column(Text, default="")
    within: Mapped[str] = mapped_column(Text, default="")


class KpiRow(_Child, Base):
    __tablename__ = "kpis"
    name: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[Decimal | None] = mapped_column(DecimalText)
    unit: Mapped[str] = mapped_column(Text, default="")
    data_source: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(Text, default="")
    cadence: Mapped[str] = mapped_column(Text, default="")
    measure: Mapped[measures.Measure | None] = mapped_column(MeasureJson)


class SharingItemRow(_Child, Base):
    __tablename__ = "sharing_items"
    from_team: Mapped[Team] = mapped_column(EnumText(Team))
    to_team: Mapped[Team] = mapped_column(EnumText(Team))
    what: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str] = mapped_column(Text, default="")
    frequency: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[SharingKind] = mapped_column(EnumText(SharingKind))


class MeetingRow(_Child, Base):
    __tablename__ = "meetings"
    title: Mapped[str] = mapped_column(Text, default="")
    attendees: Mapped[str] = mapped_column(Text, default="")
    cadence: Mapped[str] = mapped_column(Text, default="")
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    first_date: Mapped[date | None] = mapped_column(Date)
    agenda: Mapped[str] = mapped_column(Text, default="")


class ShadowingItemRow(_Child, Base):
    __tablename__ = "shadowing_items"
    who: Mapped[str] = mapped_column(Text, default="")
    whose_work: Mapped[str] = mapped_column(Text, default="")
    when: Mapped[str] = mapped_column(Text, default="")


class AllyRow(_Child, Base):
    __tablename__ = "allies"
    name: Mapped[str] = mapped_column(Text, default="")
    team: Mapped[Team] = mapped_column(EnumText(Team))
    role: Mapped[str] = mapped_column(Text, default="")


class ActionItemRow(_Child, Base):
    __tablename__ = "action_items"
    what: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[str | None] = mapped_column(
        Id, ForeignKey("participants.id", ondelete="SET NULL")
    )
    due: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ActionStatus] = mapped_column(EnumText(ActionStatus))
    step: Mapped[str | None] = mapped_column(String(32))


class ParkingLotItemRow(_Child, Base):
    __tablename__ = "parking_lot_items"
    text: Mapped[str] = mapped_column(Text, default="")
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    step: Mapped[str | None] = mapped_column(String(32))


class VoteRow(_Child, Base):
    __tablename__ = "votes"
    subject: Mapped[str] = mapped_column(Text, default="")
    dots_per_participant: Mapped[int] = mapped_column(Integer, default=3)
    options: Mapped[Any] = mapped_column(JsonText)
    tallies: Mapped[Any] = mapped_column(JsonText)
    revealed: Mapped[bool] = mapped_column(Boolean, default=False)


class AgreementVersionRow(_Child, Base):
    __tablename__ = "agreement_versions"
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[VersionStatus] = mapped_column(EnumText(VersionStatus))
    snapshot: Mapped[str] = mapped_column(Text, default="")
    digest: Mapped[str] = mapped_column(String(64), default="")
    contains_open_points: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class WorkshopSignatoryRow(_Child, Base):
    """Who will sign the workshop's next agreement version (each version keeps a copy)."""

    __tablename__ = "workshop_signatories"
    name: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    team: Mapped[Team] = mapped_column(EnumText(Team))


class SignatoryRow(Base):
    __tablename__ = "signatories"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    version_id: Mapped[str] = mapped_column(
        Id, ForeignKey("agreement_versions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(Text, default="")
    team: Mapped[Team] = mapped_column(EnumText(Team))


class SignatureRow(Base):
    __tablename__ = "signatures"
    signatory_id: Mapped[str] = mapped_column(
        Id, ForeignKey("signatories.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[SignatureKind] = mapped_column(EnumText(SignatureKind))
    strokes: Mapped[Any] = mapped_column(JsonText)
    typed_name: Mapped[str] = mapped_column(Text, default="")
    signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class CrmRecordRow(Base):
    """One record of a CRM export, kept per workshop by its CRM id (outside the workshop
    aggregate: an export can hold 200,000). Stage moments are UTC; the won amount is in
    ten-thousandths of the currency unit, so that SQL sums are exact."""

    __tablename__ = "crm_records"
    __table_args__ = tuple(
        Index(f"ix_crm_records_workshop_id_{stage}", "workshop_id", stage)
        for stage in ("mql_at", "sql_at", "won_at")
    )
    workshop_id: Mapped[str] = mapped_column(
        Id, ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True
    )
    crm_id: Mapped[str] = mapped_column(Text, primary_key=True)
    mql_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sal_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sql_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    won_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    first_touch_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    amount_e4: Mapped[int | None] = mapped_column(BigInteger)
    owner: Mapped[str] = mapped_column(Text, default="", server_default="")
    source: Mapped[str] = mapped_column(Text, default="", server_default="")
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ScorecardValueRow(Base):
    """A figure typed by hand for one commitment or KPI in one period (``YYYY-MM``)."""

    __tablename__ = "scorecard_values"
    workshop_id: Mapped[str] = mapped_column(
        Id, ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[str] = mapped_column(Id, primary_key=True)
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    value: Mapped[Decimal | None] = mapped_column(DecimalText)
