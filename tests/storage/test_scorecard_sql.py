"""The scorecard's figures as the library counts them, against hand-computed cases."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from storage.repository import Repository
from storage.scorecard_sql import figures, typed_values
from tests.storage.crm_rows import add_records, add_value
from workshop import scorecard as sc
from workshop.editing import new_workshop

BERLIN = ZoneInfo("Europe/Berlin")
FEB = sc.month_window(sc.Period(2027, 2), None, None, BERLIN)
AS_OF = sc.local_start(datetime(2027, 2, 11).date(), BERLIN)

RECORDS = [
    # 23:59 on 31 January in Berlin: January's.
    {
        "mql_at": "2027-01-31 22:59",
        "sal_at": "2027-02-02 10:00",
        "first_touch_at": "2027-02-01 08:00",
    },
    # 00:00 on 1 February in Berlin: February's; no first touch, 24 h gone by: late.
    {
        "mql_at": "2027-01-31 23:00",
        "sql_at": "2027-02-03 10:00",
        "won_at": "2027-02-20 10:00",
        "amount": "1000.5",
    },
    # No first touch, 24 h not yet gone by at the start of 11 February: pending.
    {"mql_at": "2027-02-10 09:00"},
    # First touch exactly 24 h after: in time.
    {
        "mql_at": "2027-02-05 09:00",
        "first_touch_at": "2027-02-06 09:00",
        "sal_at": "2027-02-06 10:00",
    },
    # 23:59 on 27 February in Berlin; SQL in January.
    {"sql_at": "2027-01-10 09:00", "won_at": "2027-02-27 22:59", "amount": "2000"},
]


def _workshop(repo: Repository) -> str:
    w = new_workshop("Scored")
    repo.add(w)
    add_records(repo, w.id, RECORDS)
    return w.id


def test_a_month_counted_by_hand(repo: Repository) -> None:
    wid = _workshop(repo)
    with repo.reading() as conn:
        f = figures(conn, wid, FEB, AS_OF, 24, None, 60)
    assert (f.mqls, f.sals, f.sqls, f.won) == (3, 2, 1, 2)
    assert f.revenue == Decimal("3000.5")
    assert (f.mqls_to_sal, f.mqls_to_sql, f.mqls_to_won, f.sqls_to_won) == (1, 1, 0, 0)
    assert (f.first_touch_in_time, f.first_touch_late, f.first_touch_pending) == (1, 1, 1)
    assert f.median_days_sql_to_won == Decimal("32.5")  # 17 and 48 days
    assert f.median_hours_to_first_touch == Decimal(24)


def test_later_as_of_turns_pending_into_late_and_counts_the_wins(repo: Repository) -> None:
    wid = _workshop(repo)
    later = sc.local_start(datetime(2027, 3, 1).date(), BERLIN)
    with repo.reading() as conn:
        f = figures(conn, wid, FEB, later, 24, None, 60)
    assert (f.first_touch_in_time, f.first_touch_late, f.first_touch_pending) == (1, 2, 0)
    assert (f.mqls_to_won, f.sqls_to_won) == (1, 1)


def test_an_empty_month_and_one_outside_the_term(repo: Repository) -> None:
    wid = _workshop(repo)
    april = sc.month_window(sc.Period(2027, 4), None, None, BERLIN)
    with repo.reading() as conn:
        f = figures(conn, wid, april, AS_OF, 24)
        assert (f.mqls, f.won, f.revenue, f.median_days_sql_to_won) == (0, 0, 0, None)
        assert sc.share(f.mqls_to_sal, f.mqls) is None
        outside = sc.month_window(sc.Period(2027, 2), datetime(2027, 3, 1).date(), 12, BERLIN)
        assert not figures(conn, wid, outside, AS_OF, 24).counted


def test_a_quarter_holds_its_three_months(repo: Repository) -> None:
    wid = _workshop(repo)
    q1 = sc.quarter_window(sc.Period(2027, 2), None, None, BERLIN)
    with repo.reading() as conn:
        f = figures(conn, wid, q1, AS_OF, 24)
    assert (f.mqls, f.sqls, f.won) == (4, 2, 2)


def test_values_typed_by_hand_are_read_for_their_month(repo: Repository) -> None:
    wid = _workshop(repo)
    add_value(repo, wid, "a" * 32, "2027-02", "4.5")
    add_value(repo, wid, "a" * 32, "2027-03", "9")
    with repo.reading() as conn:
        assert typed_values(conn, wid, "2027-02") == {"a" * 32: Decimal("4.5")}


def test_other_workshops_records_do_not_count(repo: Repository) -> None:
    wid = _workshop(repo)
    _workshop(repo)
    with repo.reading() as conn:
        assert figures(conn, wid, FEB, datetime(2027, 3, 1, tzinfo=UTC), 24).mqls == 3
