"""How a commitment or KPI is measured: one entry of a small catalogue.

A measure says which figure of the CRM records (or a value typed by hand) is set against
the target, and whether a calendar month or a calendar quarter is the period. It is kept
in the agreement snapshot, so a signed version says how each promise is measured.

Every measure is a frozen dataclass; :func:`to_dict` and :func:`from_dict` turn one into
plain JSON data and back (the same spelling in the library, the workshop file and the
snapshot), and :func:`describe` says it in one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from workshop.errors import ValidationError
from workshop.i18n import _


class MeasureError(ValidationError):
    """Data that is not a measure of the catalogue."""


class Stage(StrEnum):
    MQL = "mql"
    SAL = "sal"
    SQL = "sql"
    WON = "won"


class Per(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"


class Span(StrEnum):
    """The time between two events of a record."""

    MQL_TO_FIRST_TOUCH = "mql_to_first_touch"
    SQL_TO_WON = "sql_to_won"


# The conversions the catalogue offers: from a stage cohort to a later stage.
CONVERSIONS: tuple[tuple[Stage, Stage], ...] = (
    (Stage.MQL, Stage.SAL),
    (Stage.MQL, Stage.SQL),
    (Stage.SQL, Stage.WON),
    (Stage.MQL, Stage.WON),
)

MAX_WINDOW_HOURS = 24 * 366


@dataclass(frozen=True)
class StageCount:
    """Records reaching ``stage`` in the period; at least the target."""

    stage: Stage = Stage.MQL
    per: Per = Per.MONTH


@dataclass(frozen=True)
class Conversion:
    """The share (in %) of a period's ``from_stage`` cohort that reached ``to_stage``."""

    from_stage: Stage = Stage.MQL
    to_stage: Stage = Stage.SQL
    per: Per = Per.MONTH


@dataclass(frozen=True)
class TimeBetween:
    """With ``within_hours``: the share (in %) of records whose span is within that window,
    at least ``at_least_percent``. Without: the median span (hours from MQL to first touch,
    days from SQL to won), at most the target."""

    span: Span = Span.MQL_TO_FIRST_TOUCH
    within_hours: int | None = None
    at_least_percent: Decimal | None = None
    per: Per = Per.MONTH


@dataclass(frozen=True)
class RevenueWon:
    """The sum won in the period; at least the target, or with ``pro_rata_goal`` at least
    the shared goal's target shared evenly over the agreement's term."""

    pro_rata_goal: bool = False
    per: Per = Per.MONTH


@dataclass(frozen=True)
class ByHand:
    """A value typed for each month."""


Measure = StageCount | Conversion | TimeBetween | RevenueWon | ByHand
MEASURE_TYPES: tuple[type[Any], ...] = (StageCount, Conversion, TimeBetween, RevenueWon, ByHand)

_KINDS: dict[str, type[Any]] = {
    "stage_count": StageCount,
    "conversion": Conversion,
    "time_between": TimeBetween,
    "revenue_won": RevenueWon,
    "by_hand": ByHand,
}
_KIND_OF = {cls: kind for kind, cls in _KINDS.items()}


def kind(measure: Measure) -> str:
    return _KIND_OF[type(measure)]


def _spelling(value: Decimal) -> str:
    """One spelling per number (``90.0`` → ``90``)."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def to_dict(measure: Measure) -> dict[str, Any]:
    """``measure`` as plain JSON data: its kind and every field, numbers as text."""
    data: dict[str, Any] = {"kind": kind(measure)}
    if isinstance(measure, StageCount):
        data |= {"stage": measure.stage.value, "per": measure.per.value}
    elif isinstance(measure, Conversion):
        data |= {
            "from": measure.from_stage.value,
            "to": measure.to_stage.value,
            "per": measure.per.value,
        }
    elif isinstance(measure, TimeBetween):
        data |= {
            "span": measure.span.value,
            "within_hours": measure.within_hours,
            "at_least_percent": None
            if measure.at_least_percent is None
            else _spelling(measure.at_least_percent),
            "per": measure.per.value,
        }
    elif isinstance(measure, RevenueWon):
        data |= {"pro_rata_goal": measure.pro_rata_goal, "per": measure.per.value}
    return data


def _bad(text: str, **values: object) -> MeasureError:
    return MeasureError(text.format(**values))


def _choice(enum: type[Any], data: dict[str, Any], key: str, default: Any) -> Any:
    value = data.get(key, default.value)
    try:
        return enum(value)
    except (ValueError, TypeError):
        options = ", ".join(f"“{e.value}”" for e in enum)
        raise _bad(
            _("The measure's “{key}” is not one of {options}."), key=key, options=options
        ) from None


def _hours(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(_("The measure's window is not a whole number of hours."))
    if not 1 <= value <= MAX_WINDOW_HOURS:
        raise _bad(_("The measure's window must be 1 to {limit} hours."), limit=MAX_WINDOW_HOURS)
    return value


def _percent(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(value) if isinstance(value, str) else Decimal("NaN")
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or not 0 <= number <= 100:
        raise _bad(_("The measure's share must be a number from 0 to 100, written as text."))
    return number


def from_dict(data: Any) -> Measure:
    """The measure ``data`` spells; :class:`MeasureError` (one sentence) if it is none."""
    if not isinstance(data, dict):
        raise _bad(_("The measure is not a JSON object."))
    name = data.get("kind")
    cls = _KINDS.get(name) if isinstance(name, str) else None
    if cls is None:
        raise _bad(
            _("The measure's kind is not one of {kinds}."),
            kinds=", ".join(f"“{k}”" for k in _KINDS),
        )
    allowed = set(to_dict(cls())) | {"kind"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise _bad(
            _("The measure has fields Accord does not know: {names}."), names=", ".join(unknown)
        )
    if cls is ByHand:
        return ByHand()
    per = _choice(Per, data, "per", Per.MONTH)
    if cls is StageCount:
        return StageCount(_choice(Stage, data, "stage", Stage.MQL), per)
    if cls is Conversion:
        pair = (_choice(Stage, data, "from", Stage.MQL), _choice(Stage, data, "to", Stage.SQL))
        if pair not in CONVERSIONS:
            raise _bad(
                _("The measure's conversion is not one of {pairs}."),
                pairs=", ".join(f"{a.value}→{b.value}" for a, b in CONVERSIONS),
            )
        return Conversion(*pair, per)
    if cls is TimeBetween:
        hours = _hours(data.get("within_hours"))
        share = _percent(data.get("at_least_percent"))
        if (hours is None) != (share is None):
            raise _bad(_("The measure's window and share must be given together."))
        return TimeBetween(_choice(Span, data, "span", Span.MQL_TO_FIRST_TOUCH), hours, share, per)
    pro_rata = data.get("pro_rata_goal", False)
    if not isinstance(pro_rata, bool):
        raise _bad(_("The measure's “pro_rata_goal” is not true or false."))
    return RevenueWon(pro_rata, per)


_STAGE_WORDS = {Stage.MQL: "MQL", Stage.SAL: "SAL", Stage.SQL: "SQL", Stage.WON: "won"}
_SPAN_WORDS = {
    Span.MQL_TO_FIRST_TOUCH: ("MQL", "first touch", "MQLs"),
    Span.SQL_TO_WON: ("SQL", "won", "won deals"),
}


def _per(per: Per) -> str:
    return _("per calendar quarter") if per is Per.QUARTER else _("per calendar month")


def describe(measure: Measure) -> str:
    """The measure in one line of words."""
    if isinstance(measure, StageCount):
        return _("Records reaching {stage} {per}, at least the target").format(
            stage=_STAGE_WORDS[measure.stage], per=_per(measure.per)
        )
    if isinstance(measure, Conversion):
        return _("Share of the {per_cohort} {a} cohort reaching {b}, at least the target %").format(
            per_cohort=_("quarter's") if measure.per is Per.QUARTER else _("month's"),
            a=_STAGE_WORDS[measure.from_stage],
            b=_STAGE_WORDS[measure.to_stage],
        )
    if isinstance(measure, TimeBetween):
        start, end, whose = _SPAN_WORDS[measure.span]
        if measure.within_hours is not None and measure.at_least_percent is not None:
            return _("{end} within {hours} h of {start} for at least {share} % of {whose}").format(
                end=end[0].upper() + end[1:],
                hours=measure.within_hours,
                start=start,
                share=_spelling(measure.at_least_percent),
                whose=whose,
            )
        unit = _("hours") if measure.span is Span.MQL_TO_FIRST_TOUCH else _("days")
        return _("Median {unit} from {start} to {end} {per}, at most the target").format(
            unit=unit, start=start, end=end, per=_per(measure.per)
        )
    if isinstance(measure, RevenueWon):
        if measure.pro_rata_goal:
            return _("Revenue won {per}, at least the shared goal pro rata").format(
                per=_per(measure.per)
            )
        return _("Revenue won {per}, at least the target").format(per=_per(measure.per))
    return _("A value typed by hand each month")
