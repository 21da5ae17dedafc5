"""Each gap rule, and the navigator marks that follow from them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from workshop.demo import build_demo_workshop
from workshop.editing import new_workshop
from workshop.gaps import gaps
from workshop.model import (
    Commitment,
    EscalationStep,
    Kpi,
    Meeting,
    Objective,
    RaciRole,
    SharingItem,
    SharingKind,
    Team,
)
from workshop.progress import completion
from workshop.steps import STEPS, Completion, Step

DEMO = date(2026, 11, 23)


def messages(w, step: Step) -> list[str]:  # type: ignore[no-untyped-def]
    return [g.message for g in gaps(w, step)]


def test_the_demo_has_no_gaps_anywhere() -> None:
    w = build_demo_workshop(DEMO)
    assert {s: gaps(w, s) for s in STEPS} == {s: [] for s in STEPS}


def test_a_team_with_no_participant_is_a_gap() -> None:
    w = build_demo_workshop(DEMO)
    w.participants = [p for p in w.participants if p.team is not Team.MARKETING]
    assert messages(w, Step.ROOM) == ["No one from marketing is in the room yet."]
    assert completion(w, Step.ROOM) is Completion.STARTED


def test_goal_without_metric_target_or_deadline() -> None:
    w = build_demo_workshop(DEMO)
    w.goal = replace(w.goal, metric="", target=None, deadline=None)
    found = gaps(w, Step.GOAL)
    assert [g.target for g in found] == ["goal.metric", "goal.target", "goal.deadline"]


def test_an_objective_linked_to_nothing_points_at_its_link() -> None:
    w = build_demo_workshop(DEMO)
    loose = Objective(team=Team.SALES, statement="More demos", metric="demos", target=Decimal(9))
    loose.supports_goal = False
    w.objectives.append(loose)
    (gap,) = gaps(w, Step.GOAL)
    assert gap.message == "“More demos” is not linked to the shared goal."
    assert gap.target == f"objectives/{loose.id}/supports_goal"


def test_funnel_rates_far_outside_typical_ranges() -> None:
    w = build_demo_workshop(DEMO)
    w.funnel.sql_to_won = Decimal("0.9")
    (gap,) = gaps(w, Step.GOAL)
    assert gap.target == "funnel.sql_to_won" and "typical" in gap.message


def test_activity_with_zero_or_two_accountables_and_no_responsible() -> None:
    w = build_demo_workshop(DEMO)
    activity = w.activities[0]
    parties = [p.id for p in w.parties]
    activity.roles = {
        parties[0]: frozenset({RaciRole.ACCOUNTABLE}),
        parties[1]: frozenset({RaciRole.ACCOUNTABLE}),
    }
    assert messages(w, Step.RESPONSIBILITIES) == [
        "“Trade-show lead capture” has 2 Accountables; exactly one is needed.",
        "“Trade-show lead capture” has no one Responsible.",
    ]
    activity.roles = {parties[0]: frozenset({RaciRole.RESPONSIBLE})}
    assert messages(w, Step.RESPONSIBILITIES) == [
        "“Trade-show lead capture” has no one Accountable."
    ]
    activity.roles = {parties[0]: frozenset({RaciRole.ACCOUNTABLE, RaciRole.RESPONSIBLE})}
    assert gaps(w, Step.RESPONSIBILITIES) == []


def test_kpi_without_owner_or_target_and_commitment_without_measure() -> None:
    w = build_demo_workshop(DEMO)
    w.kpis.append(Kpi(name="NPS"))
    w.commitments.append(
        Commitment(committed_by=Team.SALES, what="Call back within a day", target=Decimal(1))
    )
    assert messages(w, Step.ACCOUNTABILITY) == [
        "“Call back within a day” does not say how it is measured.",
        "KPI “NPS” has no owner.",
        "KPI “NPS” has no target.",
    ]


def test_accountability_needs_both_teams_and_an_escalation_path() -> None:
    w = build_demo_workshop(DEMO)
    w.commitments = [c for c in w.commitments if c.committed_by is not Team.SALES]
    w.escalation = [EscalationStep()]
    assert messages(w, Step.ACCOUNTABILITY) == [
        "Sales has made no commitment yet.",
        "Agree what happens when a commitment is missed (the escalation path).",
    ]


def test_transparency_needs_both_directions_feedback_meetings_and_an_announcement() -> None:
    w = build_demo_workshop(DEMO)
    w.sharing = [SharingItem(from_team=Team.MARKETING, to_team=Team.SALES, what="Lead list")]
    w.meetings = [Meeting(title="Sync")]
    w.announcement = ""
    assert messages(w, Step.TRANSPARENCY) == [
        "Nothing flows from sales to marketing yet.",
        "Add a feedback loop (pains, objections, lost deals; campaigns, messaging).",
        "Say how often “Sync” meets.",
        "Plan how the agreement is announced inside the company.",
    ]
    w.sharing.append(
        SharingItem(Team.SALES, Team.MARKETING, "Lost-deal reasons", kind=SharingKind.FEEDBACK)
    )
    assert "Nothing flows from sales to marketing yet." not in messages(w, Step.TRANSPARENCY)


def test_a_new_workshop_starts_from_editable_defaults() -> None:
    w = new_workshop("Fresh")
    assert [d.stage for d in w.definitions] == [
        "Lead",
        "MQL",
        "SAL",
        "SQL",
        "Opportunity",
        "Customer",
    ]
    assert len(w.kpis) == 7 and len(w.activities) == 5
    marks = {s: completion(w, s) for s in STEPS}
    assert marks[Step.ROOM] is marks[Step.GOAL] is marks[Step.TRANSPARENCY] is Completion.EMPTY
    # The defaults are there to edit: those steps are started, with gaps to close.
    assert marks[Step.LANGUAGE] is marks[Step.RESPONSIBILITIES] is Completion.STARTED
    assert "Describe the ideal customer or at least one persona." in messages(w, Step.LANGUAGE)
