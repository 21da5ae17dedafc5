"""Explicit conversion between domain dataclasses and table rows."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from sqlalchemy import Table

from storage import models as m
from workshop import model as d

# Workshop attribute holding a child list -> (domain class, table).
COLLECTIONS: dict[str, tuple[type[Any], Table]] = {
    "participants": (d.Participant, m.ParticipantRow.__table__),  # type: ignore[dict-item]
    "agenda": (d.AgendaItem, m.AgendaItemRow.__table__),  # type: ignore[dict-item]
    "objectives": (d.Objective, m.ObjectiveRow.__table__),  # type: ignore[dict-item]
    "definitions": (d.Definition, m.DefinitionRow.__table__),  # type: ignore[dict-item]
    "personas": (d.Persona, m.PersonaRow.__table__),  # type: ignore[dict-item]
    "parties": (d.Party, m.PartyRow.__table__),  # type: ignore[dict-item]
    "activities": (d.Activity, m.ActivityRow.__table__),  # type: ignore[dict-item]
    "commitments": (d.Commitment, m.CommitmentRow.__table__),  # type: ignore[dict-item]
    "escalation": (d.EscalationStep, m.EscalationStepRow.__table__),  # type: ignore[dict-item]
    "kpis": (d.Kpi, m.KpiRow.__table__),  # type: ignore[dict-item]
    "sharing": (d.SharingItem, m.SharingItemRow.__table__),  # type: ignore[dict-item]
    "meetings": (d.Meeting, m.MeetingRow.__table__),  # type: ignore[dict-item]
    "shadowing": (d.ShadowingItem, m.ShadowingItemRow.__table__),  # type: ignore[dict-item]
    "allies": (d.Ally, m.AllyRow.__table__),  # type: ignore[dict-item]
    "action_items": (d.ActionItem, m.ActionItemRow.__table__),  # type: ignore[dict-item]
    "parking_lot": (d.ParkingLotItem, m.ParkingLotItemRow.__table__),  # type: ignore[dict-item]
    "votes": (d.Vote, m.VoteRow.__table__),  # type: ignore[dict-item]
    "signatories": (d.Signatory, m.WorkshopSignatoryRow.__table__),  # type: ignore[dict-item]
}

# Parents must be written before children that refer to them (parties before roles,
# participants before action items).
WRITE_ORDER = tuple(COLLECTIONS)

WORKSHOPS: Table = m.WorkshopRow.__table__  # type: ignore[assignment]
RACI: Table = m.RaciRoleRow.__table__  # type: ignore[assignment]
VERSIONS: Table = m.AgreementVersionRow.__table__  # type: ignore[assignment]
SIGNATORIES: Table = m.SignatoryRow.__table__  # type: ignore[assignment]
SIGNATURES: Table = m.SignatureRow.__table__  # type: ignore[assignment]

_NOT_COLUMNS = {"roles", "signature"}  # kept in tables of their own
_WORKSHOP_SCALARS = tuple(
    f.name
    for f in fields(d.Workshop)
    if f.name not in COLLECTIONS and f.name not in {"goal", "funnel", "versions"}
)
_GOAL = tuple(f.name for f in fields(d.SharedGoal))
_FUNNEL = tuple(f.name for f in fields(d.FunnelAssumptions))


def field_names(cls: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.name not in _NOT_COLUMNS)


def column_for(path: str) -> str:
    """The workshops column behind a domain path such as ``title`` or ``goal.target``."""
    return path.replace(".", "_")


def workshop_values(w: d.Workshop) -> dict[str, Any]:
    values = {name: getattr(w, name) for name in _WORKSHOP_SCALARS}
    values.update({f"goal_{n}": getattr(w.goal, n) for n in _GOAL})
    values.update({f"funnel_{n}": getattr(w.funnel, n) for n in _FUNNEL})
    return values


def workshop_from_row(row: Any) -> d.Workshop:
    mapping = row._mapping
    w = d.Workshop(**{name: mapping[name] for name in _WORKSHOP_SCALARS})
    w.goal = d.SharedGoal(**{n: mapping[f"goal_{n}"] for n in _GOAL})
    w.funnel = d.FunnelAssumptions(**{n: mapping[f"funnel_{n}"] for n in _FUNNEL})
    return w


def child_values(item: Any, workshop_id: str, position: int) -> dict[str, Any]:
    values = {name: getattr(item, name) for name in field_names(type(item))}
    values["workshop_id"] = workshop_id
    values["position"] = position
    return values


def child_from_row(cls: type[Any], row: Any) -> Any:
    mapping = row._mapping
    return cls(**{name: mapping[name] for name in field_names(cls)})
