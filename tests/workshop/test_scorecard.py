"""The scorecard's rules: months and quarters in local time, the term, the version in
force, and the status of an actual against a target."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop import measures as ms
from workshop import scorecard as sc
from workshop.errors import ValidationError
from workshop.model import AgreementVersion, VersionStatus

BERLIN = ZoneInfo("Europe/Berlin")


def test_a_month_is_its_local_days_in_utc() -> None:
    w = sc.month_window(sc.Period.parse("2027-02"), None, None, BERLIN)
    assert w.start == datetime(2027, 1, 31, 23, tzinfo=UTC)
    assert w.end == datetime(2027, 2, 28, 23, tzinfo=UTC)
    summer = sc.month_window(sc.Period.parse("2027-07"), None, None, BERLIN)
    assert summer.start == datetime(2027, 6, 30, 22, tzinfo=UTC)


def test_only_the_term_counts() -> None:
    effective, term = date(2027, 1, 15), 2
    inside = sc.month_window(sc.Period(2027, 3), effective, term, BERLIN)
    assert inside.end == datetime(2027, 3, 14, 23, tzinfo=UTC)
    assert sc.month_window(sc.Period(2027, 1), effective, term, BERLIN).start == datetime(
        2027, 1, 14, 23, tzinfo=UTC
    )
    assert sc.month_window(sc.Period(2026, 12), effective, term, BERLIN).empty
    assert sc.month_window(sc.Period(2027, 4), effective, term, BERLIN).empty


def test_quarters_are_calendar_quarters() -> None:
    assert sc.Period(2027, 5).quarter() == (sc.Period(2027, 4), sc.Period(2027, 7))
    assert sc.Period(2027, 12).quarter() == (sc.Period(2027, 10), sc.Period(2028, 1))
    q = sc.quarter_window(sc.Period(2027, 2), None, None, UTC)
    assert (q.start, q.end) == (datetime(2027, 1, 1, tzinfo=UTC), datetime(2027, 4, 1, tzinfo=UTC))


@pytest.mark.parametrize("text", ["2027-13", "2027-1", "27-01", "2027/01", "", "1800-01"])
def test_a_period_that_is_no_month_is_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        sc.Period.parse(text)


def _signed(
    number: int, when: datetime | None, status: VersionStatus = VersionStatus.SIGNED
) -> AgreementVersion:
    return AgreementVersion(number=number, status=status, signed_at=when)


def test_the_version_in_force_is_the_latest_signed_by_the_first_day() -> None:
    versions = [
        _signed(1, datetime(2027, 1, 10, tzinfo=UTC)),
        _signed(2, datetime(2027, 2, 28, 23, 30, tzinfo=UTC)),  # 1 March in Berlin
        _signed(3, None, VersionStatus.DRAFT),
    ]
    assert sc.version_in_force(versions, sc.Period(2027, 2), BERLIN).number == 1
    assert sc.version_in_force(versions, sc.Period(2027, 3), BERLIN).number == 2
    with pytest.raises(sc.NoVersionInForce) as caught:
        sc.version_in_force(versions, sc.Period(2027, 1), BERLIN)
    assert caught.value.message.endswith(".") and "2027-01" in caught.value.message


def test_status_against_hand_computed_cases() -> None:
    assert sc.status(Decimal(36), Decimal(36)) is sc.Status.MET
    assert sc.status(Decimal("32.4"), Decimal(36)) is sc.Status.AT_RISK
    assert sc.status(Decimal("32.3"), Decimal(36)) is sc.Status.MISSED
    assert sc.status(Decimal(88), Decimal(80), lower_is_better=True) is sc.Status.AT_RISK
    assert sc.status(Decimal("88.1"), Decimal(80), lower_is_better=True) is sc.Status.MISSED
    assert sc.status(None, Decimal(1)) is sc.Status.NO_DATA
    assert sc.status(Decimal(1), None) is sc.Status.NO_DATA


FIGURES = st.decimals(-(10**9), 10**9, places=4)


@given(FIGURES, FIGURES, st.booleans())
def test_status_is_met_at_risk_or_missed_by_the_ten_percent_rule(
    actual: Decimal, target: Decimal, lower: bool
) -> None:
    got = sc.status(actual, target, lower)
    gap = (actual - target) if not lower else (target - actual)
    if gap >= 0:
        assert got is sc.Status.MET
    elif -gap <= abs(target) / 10:
        assert got is sc.Status.AT_RISK
    else:
        assert got is sc.Status.MISSED


@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_shares_round_half_up_to_four_places(part: int, whole: int) -> None:
    got = sc.share(part, whole)
    assert got is not None and got.as_tuple().exponent == -4
    assert abs(got - Decimal(part) / Decimal(whole)) <= Decimal("0.00005")
    assert sc.share(part, 0) is None


def test_results_by_measure() -> None:
    f = sc.Figures(
        mqls=3,
        mqls_to_sal=2,
        first_touch_in_time=1,
        first_touch_late=1,
        first_touch_pending=1,
        revenue=Decimal(900),
        median_days_sql_to_won=Decimal("12.5"),
    )
    assert sc.result(ms.Conversion(ms.Stage.MQL, ms.Stage.SAL), Decimal(70), f) == sc.Result(
        Decimal(70), Decimal("66.67"), sc.Status.AT_RISK
    )
    follow = ms.TimeBetween(ms.Span.MQL_TO_FIRST_TOUCH, 24, Decimal(90))
    assert sc.result(follow, Decimal(24), f).actual == Decimal(50)
    median = sc.result(ms.TimeBetween(ms.Span.SQL_TO_WON), Decimal(12), f)
    assert median.status is sc.Status.AT_RISK
    pro_rata = sc.result(ms.RevenueWon(True), None, f, goal=Decimal(12000), term_months=12)
    assert (pro_rata.target, pro_rata.status) == (Decimal(1000), sc.Status.AT_RISK)
    typed = sc.result(ms.ByHand(), Decimal(5), f, typed=Decimal(4))
    assert (typed.actual, typed.status) == (Decimal(4), sc.Status.BY_HAND)
    outside = sc.result(ms.StageCount(), Decimal(5), sc.Figures(counted=False))
    assert outside.status is sc.Status.NO_DATA
    assert sc.result(None, Decimal(5), f).status is sc.Status.NO_DATA
