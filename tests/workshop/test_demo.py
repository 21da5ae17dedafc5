"""The demo workshop is complete, consistent with the method's rules, and deterministic."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from decimal import Decimal
from typing import Any

import pytest

from workshop.demo import build_demo_workshop
from workshop.model import RaciRole, Team, Workshop, WorkshopStatus

TODAY = dt.date(2025, 3, 14)

TEXT_FIELDS = ("title", "client", "location", "facilitator", "notes", "start_time")
TEXT_FIELDS += ("ideal_customer_profile", "announcement")

CHILD_LISTS = (
    "participants",
    "agenda",
    "objectives",
    "definitions",
    "personas",
    "parties",
    "activities",
    "commitments",
    "kpis",
    "sharing",
    "meetings",
    "action_items",
    "parking_lot",
    "votes",
)


@pytest.fixture
def demo() -> Workshop:
    return build_demo_workshop(TODAY)


@pytest.mark.parametrize("name", TEXT_FIELDS)
def test_top_level_text_fields_are_filled(demo: Workshop, name: str) -> None:
    value = getattr(demo, name)
    assert isinstance(value, str)
    assert value.strip()


@pytest.mark.parametrize("name", CHILD_LISTS)
def test_child_lists_are_filled(demo: Workshop, name: str) -> None:
    assert getattr(demo, name)


def test_versions_are_left_to_signing(demo: Workshop) -> None:
    assert demo.versions == []


def test_status_and_agreement_terms(demo: Workshop) -> None:
    assert demo.status is WorkshopStatus.IN_PROGRESS
    assert demo.term_months == 12
    assert demo.date is not None
    assert demo.effective_date is not None
    assert demo.review_date is not None
    assert demo.date <= demo.effective_date < demo.review_date


@pytest.mark.parametrize("offset", range(0, 14))
def test_date_is_a_few_days_after_today(offset: int) -> None:
    today = TODAY + dt.timedelta(days=offset)
    workshop = build_demo_workshop(today)
    assert workshop.date is not None
    assert today < workshop.date <= today + dt.timedelta(days=14)


def test_goal_is_fully_specified(demo: Workshop) -> None:
    goal = demo.goal
    assert goal.statement and goal.metric and goal.unit
    assert goal.baseline is not None and goal.target is not None
    assert goal.target > goal.baseline
    assert goal.deadline is not None and demo.date is not None
    assert goal.deadline > demo.date


def test_objectives_support_the_goal_from_both_teams(demo: Workshop) -> None:
    assert 4 <= len(demo.objectives) <= 6
    assert all(o.supports_goal for o in demo.objectives)
    teams = {o.team for o in demo.objectives}
    assert {Team.SALES, Team.MARKETING} <= teams
    for objective in demo.objectives:
        assert objective.statement and objective.metric and objective.unit
        assert objective.baseline is not None and objective.target is not None
        assert objective.deadline is not None


def test_funnel_revenue_target_is_the_goal_increase(demo: Workshop) -> None:
    assert demo.goal.target is not None and demo.goal.baseline is not None
    assert demo.funnel.revenue_target == demo.goal.target - demo.goal.baseline


def test_reverse_funnel_matches_marketing_mql_commitment(demo: Workshop) -> None:
    f = demo.funnel
    assert f.revenue_target is not None and f.average_deal is not None
    assert f.marketing_share is not None and f.mql_to_sql is not None
    assert f.sql_to_won is not None and f.months
    for rate in (f.marketing_share, f.mql_to_sql, f.sql_to_won):
        assert isinstance(rate, Decimal)
        assert 0 < rate <= 1

    deals = math.ceil(f.revenue_target * f.marketing_share / f.average_deal)
    sqls = math.ceil(deals / f.sql_to_won)
    mqls = math.ceil(sqls / f.mql_to_sql)
    per_month = math.ceil(Decimal(mqls) / f.months)
    assert (deals, sqls, mqls, per_month) == (27, 108, 432, 36)

    mql_commitments = [
        c for c in demo.commitments if c.committed_by is Team.MARKETING and c.unit == "MQLs"
    ]
    assert len(mql_commitments) == 1
    assert mql_commitments[0].target == per_month


def test_commitments_are_measurable(demo: Workshop) -> None:
    committers = {c.committed_by for c in demo.commitments}
    assert {Team.SALES, Team.MARKETING} <= committers
    for c in demo.commitments:
        assert isinstance(c.target, Decimal)
        assert c.what and c.unit and c.period and c.measured_by and c.data_source


def test_sales_follow_up_commitment(demo: Workshop) -> None:
    targets = {(c.committed_by, c.unit): c.target for c in demo.commitments}
    assert targets[(Team.SALES, "hours")] == 24
    assert targets[(Team.SALES, "attempts")] == 6
    assert targets[(Team.SALES, "business days")] == 5


def test_raci_has_one_accountable_and_a_responsible(demo: Workshop) -> None:
    party_ids = {p.id for p in demo.parties}
    assert {p.name for p in demo.parties} == {
        "Sales",
        "Marketing",
        "Leadership",
        "Customer Success",
    }
    assert 6 <= len(demo.activities) <= 7
    for activity in demo.activities:
        roles = [r for held in activity.roles.values() for r in held]
        assert roles.count(RaciRole.ACCOUNTABLE) == 1, activity.name
        assert roles.count(RaciRole.RESPONSIBLE) >= 1, activity.name
        assert set(activity.roles) <= party_ids, activity.name
        assert activity.description and activity.overlap


def test_participants_cover_both_teams(demo: Workshop) -> None:
    teams = [p.team for p in demo.participants]
    assert 8 <= len(demo.participants) <= 10
    assert teams.count(Team.SALES) >= 3
    assert teams.count(Team.MARKETING) >= 3
    assert any(not p.name.isascii() for p in demo.participants)
    domains = {p.email.rsplit("@", 1)[1] for p in demo.participants}
    assert len(domains) == 1
    assert all(p.name and p.title and p.email for p in demo.participants)
    assert len({p.id for p in demo.participants}) == len(demo.participants)


def test_action_item_owners_are_participants(demo: Workshop) -> None:
    participant_ids = {p.id for p in demo.participants}
    assert len(demo.action_items) == 4
    for item in demo.action_items:
        assert item.owner_id in participant_ids
        assert item.what and item.due is not None


def test_agenda_is_a_half_day(demo: Workshop) -> None:
    assert 8 <= len(demo.agenda) <= 10
    total = sum(item.planned_minutes for item in demo.agenda)
    assert 200 <= total <= 280
    steps = {item.step for item in demo.agenda}
    known = {
        "room",
        "goal",
        "language",
        "responsibilities",
        "accountability",
        "transparency",
        "agreement",
        None,
    }
    assert steps <= known
    assert known - {None} <= steps
    assert None in steps


def test_definitions_cover_the_lifecycle(demo: Workshop) -> None:
    stages = [d.stage for d in demo.definitions]
    assert stages == ["Lead", "MQL", "SAL", "SQL", "Opportunity", "Customer"]
    for d in demo.definitions:
        assert d.entry_criteria and d.decided_by and d.handoff


def test_personas_are_complete(demo: Workshop) -> None:
    assert len(demo.personas) == 3
    for persona in demo.personas:
        assert persona.name and persona.role and persona.pains and persona.goals


def test_standard_kpis_are_present(demo: Workshop) -> None:
    names = " | ".join(k.name for k in demo.kpis).lower()
    for word in ("mql", "sql", "conversion", "cycle", "acquisition", "lifetime", "roi"):
        assert word in names
    assert len(demo.kpis) == 7
    for kpi in demo.kpis:
        assert kpi.target is not None
        assert kpi.unit and kpi.data_source and kpi.owner and kpi.cadence


def test_sharing_goes_both_ways(demo: Workshop) -> None:
    directions = {(s.from_team, s.to_team) for s in demo.sharing}
    assert (Team.SALES, Team.MARKETING) in directions
    assert (Team.MARKETING, Team.SALES) in directions
    assert all(s.what and s.frequency for s in demo.sharing)


def test_meetings(demo: Workshop) -> None:
    assert len(demo.meetings) == 3
    assert demo.effective_date is not None
    for meeting in demo.meetings:
        assert meeting.title and meeting.attendees and meeting.cadence
        assert meeting.duration_minutes
        assert meeting.first_date is not None
        assert meeting.first_date >= demo.effective_date


def test_parking_lot_has_one_resolved_item(demo: Workshop) -> None:
    assert len(demo.parking_lot) == 3
    assert sum(item.resolved for item in demo.parking_lot) == 1


def test_vote_tallies_add_up(demo: Workshop) -> None:
    (vote,) = demo.votes
    assert vote.subject
    assert set(vote.tallies) == set(vote.options)
    assert sum(vote.tallies.values()) == vote.dots_per_participant * len(demo.participants)


def _without_ids(value: Any) -> Any:
    """A plain structure of the value with every ``id`` field and id-keyed dict dropped."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _without_ids(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in ("id", "owner_id", "roles")
        }
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items()}
    return value


def test_same_date_gives_same_content() -> None:
    first = build_demo_workshop(TODAY)
    second = build_demo_workshop(TODAY)
    assert _without_ids(first) == _without_ids(second)
    assert [p.name for p in first.participants] == [p.name for p in second.participants]
    assert [a.title for a in first.agenda] == [a.title for a in second.agenda]

    def roles_by_name(w: Workshop) -> list[dict[str, frozenset[RaciRole]]]:
        names = {p.id: p.name for p in w.parties}
        return [{names[k]: r for k, r in a.roles.items()} for a in w.activities]

    def owners_by_name(w: Workshop) -> list[str]:
        names = {p.id: p.name for p in w.participants}
        return [names[a.owner_id] for a in w.action_items if a.owner_id]

    assert roles_by_name(first) == roles_by_name(second)
    assert owners_by_name(first) == owners_by_name(second)


def test_builds_are_independent() -> None:
    first = build_demo_workshop(TODAY)
    second = build_demo_workshop(TODAY)
    first.participants.clear()
    first.goal.statement = "changed"
    assert second.participants
    assert second.goal.statement != "changed"
