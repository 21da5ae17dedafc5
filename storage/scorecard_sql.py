"""The scorecard's figures, counted by the library: a few aggregate queries over
``crm_records`` per window, each bounded by one of the indexes on (workshop_id, mql_at /
sql_at / won_at), so a period costs the same on 2,000 records as its share of 200,000.

What the figures mean is :mod:`workshop.scorecard`'s; this module only counts. Stored
moments are naive UTC; windows arrive as aware UTC moments.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Connection, Integer, Table, and_, case, cast, func, select
from sqlalchemy.sql.elements import ColumnElement

from storage.models import CrmRecordRow, ScorecardValueRow
from workshop.scorecard import Figures, Window

RECORDS: Table = CrmRecordRow.__table__  # type: ignore[assignment]
VALUES: Table = ScorecardValueRow.__table__  # type: ignore[assignment]
R = RECORDS.c
HOURS = Decimal("0.01")


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _when(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.count(case((condition, 1)))


def _seconds(column: Any) -> ColumnElement[int]:
    """Whole seconds since the epoch of a stored moment (SQLite)."""
    return cast(func.strftime("%s", column), Integer)


def _in(column: Any, workshop_id: str, w: Window) -> ColumnElement[bool]:
    return and_(R.workshop_id == workshop_id, column >= w.start, column < w.end)


def _median(
    conn: Connection, value: ColumnElement[Any], where: ColumnElement[bool], n: int
) -> Decimal | None:
    """The median of ``value`` over the ``n`` rows ``where`` holds: the middle one or two
    values, found by the database (ORDER BY, LIMIT, OFFSET)."""
    if n == 0:
        return None
    middle = select(value.label("v")).where(where).order_by(value)
    rows = conn.execute(middle.limit(2 - n % 2).offset((n - 1) // 2)).scalars().all()
    total = sum((Decimal(repr(float(v))) for v in rows), Decimal(0))
    return total / len(rows)


def figures(
    conn: Connection,
    workshop_id: str,
    w: Window,
    as_of: datetime,
    follow_up_hours: int | None,
    won_window_hours: int | None = None,
    local_offset_minutes: int = 0,
) -> Figures:
    """Every figure of ``w`` for one workshop's records (see :class:`Figures`)."""
    if w.empty:
        return Figures(counted=False)
    as_of_utc = _utc(as_of)
    window_seconds = (follow_up_hours or 0) * 3600
    in_time = and_(
        R.first_touch_at.is_not(None),
        _seconds(R.first_touch_at) - _seconds(R.mql_at) <= window_seconds,
    )
    pending = and_(
        R.first_touch_at.is_(None),
        R.mql_at > as_of_utc - timedelta(hours=follow_up_hours or 0),
    )
    mql = conn.execute(
        select(
            func.count(),
            _when(R.sal_at <= as_of_utc),
            _when(R.sql_at <= as_of_utc),
            _when(R.won_at <= as_of_utc),
            _when(in_time),
            _when(pending),
            func.count(R.first_touch_at),
        ).where(_in(R.mql_at, workshop_id, w))
    ).one()
    sql = conn.execute(
        select(func.count(), _when(R.won_at <= as_of_utc)).where(_in(R.sql_at, workshop_id, w))
    ).one()
    sals = conn.execute(select(func.count()).where(_in(R.sal_at, workshop_id, w))).scalar_one()
    within = (won_window_hours or 0) * 3600
    won = conn.execute(
        select(
            func.count(),
            func.coalesce(func.sum(R.amount_e4), 0),
            func.count(R.sql_at),
            _when(and_(R.sql_at.is_not(None), _seconds(R.won_at) - _seconds(R.sql_at) <= within)),
        ).where(_in(R.won_at, workshop_id, w))
    ).one()
    offset = f"{local_offset_minutes:+d} minutes"
    days = func.julianday(func.date(R.won_at, offset)) - func.julianday(func.date(R.sql_at, offset))
    hours = (func.julianday(R.first_touch_at) - func.julianday(R.mql_at)) * 24
    median_hours = _median(
        conn, hours, and_(_in(R.mql_at, workshop_id, w), R.first_touch_at.is_not(None)), mql[6]
    )
    median_days = _median(
        conn, days, and_(_in(R.won_at, workshop_id, w), R.sql_at.is_not(None)), won[2]
    )
    followed = follow_up_hours is not None
    return Figures(
        mqls=mql[0],
        sals=sals,
        sqls=sql[0],
        won=won[0],
        revenue=Decimal(won[1]).scaleb(-4),
        mqls_to_sal=mql[1],
        mqls_to_sql=mql[2],
        mqls_to_won=mql[3],
        sqls_to_won=sql[1],
        first_touch_in_time=mql[4] if followed else 0,
        first_touch_late=mql[0] - mql[4] - mql[5] if followed else 0,
        first_touch_pending=mql[5] if followed else 0,
        median_hours_to_first_touch=None
        if median_hours is None
        else median_hours.quantize(HOURS, ROUND_HALF_UP),
        won_with_sql=won[2],
        won_within_window=won[3] if won_window_hours is not None else 0,
        median_days_sql_to_won=None if median_days is None else median_days.normalize(),
    )


def typed_values(conn: Connection, workshop_id: str, period: str) -> dict[str, Decimal | None]:
    """The values typed by hand for ``period`` (``YYYY-MM``), by commitment or KPI id."""
    rows = conn.execute(
        select(VALUES.c.item_id, VALUES.c.value).where(
            VALUES.c.workshop_id == workshop_id, VALUES.c.period == period
        )
    )
    return {item: value for item, value in rows}
