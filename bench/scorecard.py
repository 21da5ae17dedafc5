"""``scorecard``: one month's figures over 200,000 CRM records.

The subject is ``storage.scorecard_sql.figures`` for one calendar month of a workshop whose
library holds 200,000 records spread over a year (what ``accord scorecard`` counts: stage
counts, conversions up to as-of, follow-ups in time, late and pending, revenue, medians),
through the library's own connection. The baseline is the same six aggregate queries written
by hand and run with ``sqlite3`` on the same file: what a person would write against a
plain table. Runs alternate baseline, subject, on a warm file.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from bench.report import BenchError, Result
from bench.stats import median

NAME = "scorecard"
RATIO_BUDGET = 3.0  # the subject's median over the baseline's
ROWS = 200_000
START = datetime(2027, 3, 1, tzinfo=UTC)
END = datetime(2027, 4, 1, tzinfo=UTC)
AS_OF = datetime(2027, 4, 10, tzinfo=UTC)
FOLLOW_UP_HOURS = 24

_IN = "workshop_id = ? AND {col} >= ? AND {col} < ?"
BASELINE_QUERIES = (
    "SELECT count(*), count(CASE WHEN sal_at <= :asof THEN 1 END),"
    " count(CASE WHEN sql_at <= :asof THEN 1 END), count(CASE WHEN won_at <= :asof THEN 1 END),"
    " count(CASE WHEN first_touch_at IS NOT NULL AND CAST(strftime('%s', first_touch_at) AS"
    " INTEGER) - CAST(strftime('%s', mql_at) AS INTEGER) <= 86400 THEN 1 END),"
    " count(CASE WHEN first_touch_at IS NULL AND mql_at > :due THEN 1 END), count(first_touch_at)"
    " FROM crm_records WHERE workshop_id = :w AND mql_at >= :s AND mql_at < :e",
    "SELECT count(*), count(CASE WHEN won_at <= :asof THEN 1 END) FROM crm_records"
    " WHERE workshop_id = :w AND sql_at >= :s AND sql_at < :e",
    "SELECT count(*) FROM crm_records WHERE workshop_id = :w AND sal_at >= :s AND sal_at < :e",
    "SELECT count(*), coalesce(sum(amount_e4), 0), count(sql_at) FROM crm_records"
    " WHERE workshop_id = :w AND won_at >= :s AND won_at < :e",
    "SELECT (julianday(first_touch_at) - julianday(mql_at)) * 24 AS v FROM crm_records"
    " WHERE workshop_id = :w AND mql_at >= :s AND mql_at < :e AND first_touch_at IS NOT NULL"
    " ORDER BY v LIMIT 2 OFFSET :half_mql",
    "SELECT julianday(date(won_at)) - julianday(date(sql_at)) AS v FROM crm_records"
    " WHERE workshop_id = :w AND won_at >= :s AND won_at < :e AND sql_at IS NOT NULL"
    " ORDER BY v LIMIT 2 OFFSET :half_won",
)


def _stamp(moment: datetime) -> str:
    """A moment as the library stores it (naive UTC, microseconds)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def make_library(folder: Path, rows: int) -> tuple[Path, str]:
    """A library with one workshop and ``rows`` records over 2027, one every ~2.6 hours."""
    from storage.engine import resolve_url
    from storage.library import open_library
    from workshop.editing import new_workshop

    path = folder / "library.sqlite3"
    repo = open_library(resolve_url(str(path)))
    workshop = new_workshop("Scorecard", when=date(2027, 1, 1))
    repo.add(workshop)
    repo.close()
    year = 365 * 24 * 3600
    step = year / rows
    base = datetime(2027, 1, 1, tzinfo=UTC).timestamp()

    def moment(seconds: float) -> str:
        return _stamp(datetime.fromtimestamp(base + seconds, UTC))

    def record(i: int) -> tuple[object, ...]:
        at = i * step
        return (
            workshop.id,
            f"R{i}",
            moment(at),
            moment(at + 3600 * 30) if i % 2 else None,
            moment(at + 3600 * 50) if i % 3 == 0 else None,
            moment(at + 3600 * 24 * 20) if i % 6 == 0 else None,
            moment(at + 3600 * (i % 40)) if i % 4 else None,
            (1000 + i % 9000) * 10_000 if i % 6 == 0 else None,
            "Owner",
            "Source",
            moment(0),
        )

    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        db.executemany(
            "INSERT INTO crm_records (workshop_id, crm_id, mql_at, sal_at, sql_at, won_at,"
            " first_touch_at, amount_e4, owner, source, imported_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (record(i) for i in range(rows)),
        )
        db.execute("COMMIT")
        db.execute("ANALYZE")
    finally:
        db.close()
    return path, workshop.id


def baseline(path: Path, workshop_id: str) -> tuple[float, int]:
    db = sqlite3.connect(path)
    try:
        params = {
            "w": workshop_id,
            "s": _stamp(START),
            "e": _stamp(END),
            "asof": _stamp(AS_OF),
            "due": _stamp(AS_OF.replace(day=9)),
        }
        start = time.perf_counter()
        first = db.execute(BASELINE_QUERIES[0], params).fetchone()
        for query in BASELINE_QUERIES[1:4]:
            db.execute(query, params).fetchone()
        won = db.execute(BASELINE_QUERIES[3], params).fetchone()
        halves = {"half_mql": (first[6] - 1) // 2, "half_won": (won[2] - 1) // 2}
        for query in BASELINE_QUERIES[4:]:
            db.execute(query, params | halves).fetchall()
        elapsed = time.perf_counter() - start
    finally:
        db.close()
    return elapsed, first[0]


def subject(path: Path, workshop_id: str) -> tuple[float, int]:
    from storage.engine import resolve_url
    from storage.library import open_library
    from storage.scorecard_sql import figures
    from workshop.scorecard import Window

    repo = open_library(resolve_url(str(path)))
    try:
        with repo.reading() as conn:
            start = time.perf_counter()
            counted = figures(conn, workshop_id, Window(START, END), AS_OF, FOLLOW_UP_HOURS)
            elapsed = time.perf_counter() - start
    finally:
        repo.close()
    return elapsed, counted.mqls


def run(quick: bool) -> list[Result]:
    rows = 20_000 if quick else ROWS
    repeats = 3 if quick else 9
    subject_s: list[float] = []
    baseline_s: list[float] = []
    with tempfile.TemporaryDirectory(prefix="accord-bench-scorecard-") as temp:
        path, workshop_id = make_library(Path(temp), rows)
        for _ in range(repeats):
            b, b_mqls = baseline(path, workshop_id)
            s, s_mqls = subject(path, workshop_id)
            if b_mqls != s_mqls or not s_mqls:
                raise BenchError(f"the figures counted {s_mqls} MQLs, the baseline {b_mqls}")
            baseline_s.append(b)
            subject_s.append(s)
    return [
        Result(
            NAME,
            median(subject_s) * 1000,
            "ms",
            baseline=median(baseline_s) * 1000,
            ratio_budget=RATIO_BUDGET,
        )
    ]
