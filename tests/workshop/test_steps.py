"""How complete each step is: what the navigator's marks mean."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from decimal import Decimal

from workshop.agreement import canonical, compose, digest
from workshop.demo import build_demo_workshop
from workshop.demo_history import with_history
from workshop.editing import new_workshop
from workshop.model import Activity, Objective, Participant, RaciRole, Team
from workshop.progress import completion
from workshop.steps import STEP_INFO, STEPS, Completion, Step


def test_seven_steps_in_method_order_with_titles_and_purposes() -> None:
    assert [STEP_INFO[s].title for s in STEPS] == [
        "Room & agenda",
        "Shared goal",
        "Common language",
        "Shared responsibilities",
        "Accountability",
        "Transparency",
        "Agreement & signatures",
    ]
    assert all(len(STEP_INFO[s].purpose) > 60 for s in STEPS)


def test_room_needs_both_teams_in_the_room() -> None:
    w = new_workshop("Room", client="Acme", when=date(2026, 12, 1))
    w.facilitator = "Ingrid"
    w.participants = [Participant(name="Ana", team=Team.SALES)]
    assert completion(w, Step.ROOM) is Completion.STARTED
    w.participants.append(Participant(name="Ben", team=Team.MARKETING))
    assert completion(w, Step.ROOM) is Completion.COMPLETE
    w.participants[1].name = "  "  # a row with no name does not count
    assert completion(w, Step.ROOM) is Completion.STARTED


def test_goal_needs_a_target_deadline_and_a_supporting_objective() -> None:
    w = new_workshop("Goal")
    w.goal.statement, w.goal.metric = "Grow new ARR", "ARR"
    assert completion(w, Step.GOAL) is Completion.STARTED
    w.goal.target, w.goal.deadline = Decimal("4.8"), date(2026, 12, 31)
    w.objectives = [Objective(statement="More leads", metric="leads", target=Decimal(10))]
    w.objectives[0].supports_goal = False
    assert completion(w, Step.GOAL) is Completion.STARTED
    w.objectives[0].supports_goal = True
    assert completion(w, Step.GOAL) is Completion.COMPLETE


def test_responsibilities_need_one_accountable_and_a_responsible_each() -> None:
    w = new_workshop("RACI")
    sales, marketing = w.parties
    w.activities = [Activity(name="Lead scoring")]
    assert completion(w, Step.RESPONSIBILITIES) is Completion.STARTED
    w.activities[0].roles = {
        sales.id: frozenset({RaciRole.ACCOUNTABLE, RaciRole.RESPONSIBLE}),
    }
    assert completion(w, Step.RESPONSIBILITIES) is Completion.COMPLETE
    w.activities[0].roles[marketing.id] = frozenset({RaciRole.ACCOUNTABLE})  # two A's
    assert completion(w, Step.RESPONSIBILITIES) is Completion.STARTED


def test_the_demo_fills_the_six_capture_steps() -> None:
    """The agreement step is under way (terms and signatories) until a version is signed."""
    demo = build_demo_workshop(date(2026, 11, 23))
    assert [completion(demo, s) for s in STEPS] == [Completion.COMPLETE] * 6 + [Completion.STARTED]


def test_the_agreement_step_is_complete_when_what_it_says_is_signed() -> None:
    demo = build_demo_workshop(date(2026, 11, 23))
    signed = with_history(copy.deepcopy(demo), datetime(2026, 12, 1, tzinfo=UTC))
    assert completion(signed, Step.AGREEMENT) is Completion.STARTED  # the amendment is open
    signed.versions[0].snapshot = canonical(compose(signed))
    signed.versions[0].digest = digest(compose(signed))
    assert completion(signed, Step.AGREEMENT) is Completion.COMPLETE
