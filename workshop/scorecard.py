"""The scorecard's rules: periods, the agreement's term, the version in force, and how an
actual figure is set against a target.

A period is a calendar month (``YYYY-MM``) in local time; a measure ``per`` quarter is set
against the calendar quarter holding that month. Only moments within the agreement's term
(from its effective date, ``term_months`` long) count. The figures themselves are counted by
the library (:mod:`storage.scorecard_sql`); this module only says which window to count and
what the counts mean.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from workshop import measures as ms
from workshop.errors import AccordError, ValidationError
from workshop.i18n import _
from workshop.model import AgreementVersion, VersionStatus

_PERIOD = re.compile(r"(\d{4})-(\d{2})")
AT_RISK_MARGIN = Decimal("0.10")  # within 10 % of the target
SHARE_PLACES = Decimal("0.0001")
PERCENT_PLACES = Decimal("0.01")


class NoVersionInForce(AccordError):
    """No signed agreement version was in force on the period's first day."""


class Status(StrEnum):
    MET = "met"
    AT_RISK = "at risk"
    MISSED = "missed"
    NO_DATA = "no data"
    BY_HAND = "by hand"


@dataclass(frozen=True, order=True)
class Period:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Period:
        found = _PERIOD.fullmatch(text.strip())
        if found is None or not 1 <= int(found[2]) <= 12 or int(found[1]) < 1900:
            raise ValidationError(
                _("“{text}” is not a month written YYYY-MM, such as 2026-03.").format(text=text)
            )
        return cls(int(found[1]), int(found[2]))

    @property
    def text(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def plus(self, months: int) -> Period:
        index = self.year * 12 + self.month - 1 + months
        return Period(index // 12, index % 12 + 1)

    def quarter(self) -> tuple[Period, Period]:
        """The calendar quarter holding this month: its first month and the month after."""
        first = Period(self.year, (self.month - 1) // 3 * 3 + 1)
        return first, first.plus(3)


@dataclass(frozen=True)
class Window:
    """Moments from ``start`` (included) to ``end`` (excluded), aware, in UTC."""

    start: datetime
    end: datetime

    @property
    def empty(self) -> bool:
        return self.end <= self.start


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def local_start(day: date, zone: tzinfo | None = None) -> datetime:
    """The first moment of ``day`` in ``zone`` (default: this computer's time zone), in UTC."""
    midnight = datetime.combine(day, time())
    local = midnight.astimezone() if zone is None else midnight.replace(tzinfo=zone)
    return local.astimezone(UTC)


def window(
    first: date,
    end: date,
    effective_date: date | None,
    term_months: int | None,
    zone: tzinfo | None = None,
) -> Window:
    """The local days from ``first`` to ``end`` (excluded) that lie within the term, as UTC
    moments. Without an effective date the term limits nothing; without a length it has no
    end."""
    if effective_date is not None:
        first = max(first, effective_date)
        if term_months is not None:
            end = min(end, add_months(effective_date, term_months))
    if end <= first:
        start = local_start(first, zone)
        return Window(start, start)
    return Window(local_start(first, zone), local_start(end, zone))


def month_window(
    period: Period, effective: date | None, term: int | None, zone: tzinfo | None = None
) -> Window:
    return window(period.first_day, period.plus(1).first_day, effective, term, zone)


def quarter_window(
    period: Period, effective: date | None, term: int | None, zone: tzinfo | None = None
) -> Window:
    first, after = period.quarter()
    return window(first.first_day, after.first_day, effective, term, zone)


def version_in_force(
    versions: list[AgreementVersion], period: Period, zone: tzinfo | None = None
) -> AgreementVersion:
    """The latest version signed by the period's first day (local time); raises
    :class:`NoVersionInForce` when none was."""
    first = period.first_day
    signed = [
        v
        for v in versions
        if v.status is VersionStatus.SIGNED
        and v.signed_at is not None
        and _local_day(v.signed_at, zone) <= first
    ]
    if not signed:
        raise NoVersionInForce(
            _(
                "No signed agreement version was in force on {day}, so there is no scorecard "
                "for {period}; sign the agreement, or choose a later month."
            ).format(day=first.isoformat(), period=period.text)
        )
    return max(signed, key=lambda v: (_aware(v.signed_at), v.number))


def _aware(moment: datetime | None) -> datetime:
    assert moment is not None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _local_day(moment: datetime, zone: tzinfo | None) -> date:
    aware = _aware(moment)
    return (aware.astimezone() if zone is None else aware.astimezone(zone)).date()


# -- figures against targets ----------------------------------------------------------------


def share(part: int, whole: int) -> Decimal | None:
    """``part / whole`` rounded half up to 4 places; None for an empty cohort."""
    if whole == 0:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(SHARE_PLACES, ROUND_HALF_UP)


def percent(part: int, whole: int) -> Decimal | None:
    """``part / whole`` in %, rounded half up to 2 places; None for an empty cohort."""
    if whole == 0:
        return None
    return (Decimal(100 * part) / Decimal(whole)).quantize(PERCENT_PLACES, ROUND_HALF_UP)


def status(actual: Decimal | None, target: Decimal | None, lower_is_better: bool = False) -> Status:
    """Met when the actual reaches the target; at risk when it misses by at most 10 % of
    the target; missed beyond that; no data without an actual or a target."""
    if actual is None or target is None:
        return Status.NO_DATA
    margin = abs(target) * AT_RISK_MARGIN
    if lower_is_better:
        if actual <= target:
            return Status.MET
        return Status.AT_RISK if actual <= target + margin else Status.MISSED
    if actual >= target:
        return Status.MET
    return Status.AT_RISK if actual >= target - margin else Status.MISSED


def spelled(value: Decimal | None) -> str | None:
    """A number as JSON shows it: exact, without an exponent or trailing zeros."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


@dataclass(frozen=True)
class Figures:
    """What the library counted over one window (see :mod:`storage.scorecard_sql`)."""

    mqls: int = 0
    sals: int = 0
    sqls: int = 0
    won: int = 0
    revenue: Decimal = Decimal(0)
    mqls_to_sal: int = 0
    mqls_to_sql: int = 0
    mqls_to_won: int = 0
    sqls_to_won: int = 0
    first_touch_in_time: int = 0
    first_touch_late: int = 0
    first_touch_pending: int = 0
    median_hours_to_first_touch: Decimal | None = None
    won_with_sql: int = 0
    won_within_window: int = 0
    median_days_sql_to_won: Decimal | None = None
    # False for a window outside the agreement's term: nothing there is measured.
    counted: bool = True

    def count(self, stage: ms.Stage) -> int:
        return {
            ms.Stage.MQL: self.mqls,
            ms.Stage.SAL: self.sals,
            ms.Stage.SQL: self.sqls,
            ms.Stage.WON: self.won,
        }[stage]

    def reached(self, pair: tuple[ms.Stage, ms.Stage]) -> tuple[int, int]:
        """(reached, cohort) for a conversion of the catalogue."""
        if pair == (ms.Stage.SQL, ms.Stage.WON):
            return self.sqls_to_won, self.sqls
        to = {ms.Stage.SAL: self.mqls_to_sal, ms.Stage.SQL: self.mqls_to_sql}
        return to.get(pair[1], self.mqls_to_won), self.mqls


@dataclass(frozen=True)
class Result:
    target: Decimal | None
    actual: Decimal | None
    status: Status


def pro_rata(goal: Decimal | None, term_months: int | None, months: int) -> Decimal | None:
    """The goal's share for ``months`` of a term of ``term_months``, to 2 places."""
    if goal is None or not term_months:
        return None
    return (goal * months / term_months).quantize(PERCENT_PLACES, ROUND_HALF_UP)


def result(
    measure: ms.Measure | None,
    target: Decimal | None,
    figures: Figures,
    typed: Decimal | None = None,
    goal: Decimal | None = None,
    term_months: int | None = None,
) -> Result:
    """A commitment's or KPI's actual over ``figures`` (its month's or quarter's) and its
    status; a measure by hand shows the value typed for the month."""
    if measure is None:
        return Result(target, None, Status.NO_DATA)
    if isinstance(measure, ms.ByHand):
        return Result(target, typed, Status.BY_HAND)
    if not figures.counted:
        return Result(target, None, Status.NO_DATA)
    if isinstance(measure, ms.StageCount):
        actual: Decimal | None = Decimal(figures.count(measure.stage))
        return Result(target, actual, status(actual, target))
    if isinstance(measure, ms.Conversion):
        actual = percent(*figures.reached((measure.from_stage, measure.to_stage)))
        return Result(target, actual, status(actual, target))
    if isinstance(measure, ms.RevenueWon):
        if measure.pro_rata_goal:
            months = 3 if measure.per is ms.Per.QUARTER else 1
            target = pro_rata(goal, term_months, months)
        return Result(target, figures.revenue, status(figures.revenue, target))
    if measure.within_hours is not None:
        if measure.span is ms.Span.MQL_TO_FIRST_TOUCH:
            decided = figures.first_touch_in_time + figures.first_touch_late
            actual = percent(figures.first_touch_in_time, decided)
        else:
            actual = percent(figures.won_within_window, figures.won_with_sql)
        wanted = measure.at_least_percent
        return Result(wanted, actual, status(actual, wanted))
    if measure.span is ms.Span.MQL_TO_FIRST_TOUCH:
        actual = figures.median_hours_to_first_touch
    else:
        actual = figures.median_days_sql_to_won
    return Result(target, actual, status(actual, target, lower_is_better=True))


def follow_up_window(measures: list[ms.Measure | None]) -> int | None:
    """The window (hours) of the first measure of time from MQL to first touch that has one."""
    for measure in measures:
        if (
            isinstance(measure, ms.TimeBetween)
            and measure.span is ms.Span.MQL_TO_FIRST_TOUCH
            and measure.within_hours is not None
        ):
            return measure.within_hours
    return None
