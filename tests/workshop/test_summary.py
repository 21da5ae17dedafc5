"""Read-only overviews of what each step captured."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.demo import build_demo_workshop
from workshop.model import Workshop
from workshop.steps import STEPS, Step
from workshop.summary import captured, number


def test_an_empty_workshop_has_nothing_to_show() -> None:
    w = Workshop(title="Empty")
    assert all(captured(w, s) == [] for s in STEPS)


def test_the_demo_shows_its_goal_commitments_and_accountable_parties() -> None:
    w = build_demo_workshop(date(2026, 11, 23))
    goal = dict(captured(w, Step.GOAL))
    assert goal["Shared goal"] == w.goal.statement
    assert "4,000,000 → 4,800,000" in goal["Measured as"]
    accountability = captured(w, Step.ACCOUNTABILITY)
    assert ("Marketing", f"{w.commitments[0].what} — 36 MQLs per month") in accountability
    responsibilities = captured(w, Step.RESPONSIBILITIES)
    assert len(responsibilities) == len(w.activities)
    assert all(value.startswith("accountable: ") for _, value in responsibilities)
    stages = dict(captured(w, Step.LANGUAGE))["Lifecycle stages"]
    assert stages == "Lead → MQL → SAL → SQL → Opportunity → Customer"


def test_numbers_read_naturally() -> None:
    assert number(Decimal("4800000.00")) == "4,800,000"
    assert number(Decimal("0.25")) == "0.25"
    assert number(36) == "36"
    assert number(None) == "—"


@settings(max_examples=300, deadline=None)
@given(
    value=st.decimals(allow_nan=True, allow_infinity=True)
    | st.sampled_from(
        [Decimal("1E+28"), Decimal("1E+999999999"), Decimal("sNaN"), Decimal("-0"), Decimal(1)]
    )
)
def test_number_writes_any_stored_decimal(value: Decimal) -> None:
    text = number(value)
    assert text and len(text) < 200
    if value.is_finite() and len(value.as_tuple().digits) <= 28 and abs(value.adjusted()) <= 120:
        assert Decimal(text.replace(",", "")) == value
