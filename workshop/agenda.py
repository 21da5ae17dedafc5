"""The agenda's clock: when each item starts and ends, and how the plan fits the time the
room has.

Times are minutes after midnight of the workshop day. An agenda that runs past midnight
keeps counting (1,470 is 00:30 the next day), so the order of items never wraps around.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from workshop.errors import ValidationError
from workshop.i18n import _
from workshop.model import AgendaItem

MINUTES_PER_DAY = 24 * 60
MAX_ITEM_MINUTES = 12 * 60
HALF_DAY_MINUTES = 4 * 60

_CLOCK = re.compile(r"^(\d{1,2})(?:\s*[:.hH]\s*(\d{2}))?$")
_COMPACT = re.compile(r"^(\d{2})(\d{2})$")  # 0930
_HOURS_MINUTES = re.compile(r"^(\d{1,2}):(\d{2})$")  # 1:30 as a duration
_UNITS = re.compile(
    r"^(?:(\d+(?:[.,]\d+)?)\s*(?:h|hr|hrs|hours?))?\s*(?:(\d+)\s*(?:m|min|mins|minutes?)?)?$",
    re.IGNORECASE,
)


def parse_clock(text: str) -> int:
    """A time of day as people type it ("9:00", "09.30", "14h15", "0930", "9") in minutes
    after midnight; refused with one sentence if it is not one."""
    cleaned = " ".join(text.split())
    match = _CLOCK.fullmatch(cleaned) or _COMPACT.fullmatch(cleaned)
    if match is not None:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        if hours < 24 and minutes < 60:
            return hours * 60 + minutes
    raise ValidationError(
        _("“{text}” is not a time of day; type it as hours and minutes, e.g. 09:00.").format(
            text=cleaned[:40]
        ),
        field="start_time",
    )


def clean_start_time(text: str) -> str:
    """The start time as stored: always HH:MM."""
    return clock_text(parse_clock(text))


def start_minutes(start_time: str) -> int | None:
    """The stored start time in minutes after midnight, or None if it is not a time."""
    try:
        return parse_clock(start_time)
    except ValidationError:
        return None


def clock_text(minutes: int) -> str:
    """``minutes`` after midnight as HH:MM; a later day is marked "(+1)", "(+2)", …"""
    days, minute_of_day = divmod(minutes, MINUTES_PER_DAY)
    text = f"{minute_of_day // 60:02d}:{minute_of_day % 60:02d}"
    return f"{text} (+{days})" if days > 0 else text


def duration_text(minutes: int) -> str:
    """A length of time as people say it: "45 min", "2 h", "3 h 55 min"."""
    sign = "−" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    if not hours:
        return _("{sign}{m} min").format(sign=sign, m=rest)
    if not rest:
        return _("{sign}{h} h").format(sign=sign, h=hours)
    return _("{sign}{h} h {m} min").format(sign=sign, h=hours, m=rest)


def parse_minutes(text: str, what: str, required: bool = True) -> int | None:
    """A number of minutes as people type it ("15", "15 min", "1:30", "1 h 30", "1.5 h");
    None for a blank that is allowed. ``what`` names the field in the sentence."""
    cleaned = " ".join(text.split())
    if not cleaned:
        if required:
            raise ValidationError(
                _("{what} cannot be empty; type a number of minutes, e.g. 15.").format(
                    what=what.capitalize()
                ),
                field=what,
            )
        return None
    minutes: int | None = None
    pair = _HOURS_MINUTES.fullmatch(cleaned)
    units = _UNITS.fullmatch(cleaned)
    if any(len(digits) > 6 for digits in re.findall(r"\d+", cleaned)):
        minutes = MAX_ITEM_MINUTES + 1  # too long to be a length (and to convert, at 4,300)
    elif pair is not None and int(pair.group(2)) < 60:
        minutes = int(pair.group(1)) * 60 + int(pair.group(2))
    elif units is not None and (units.group(1) or units.group(2)):
        try:
            hours = Decimal((units.group(1) or "0").replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
            hours = Decimal(0)
        total = hours * 60 + int(units.group(2) or 0)
        if total == total.to_integral_value():
            minutes = int(total)
    if minutes is None:
        raise ValidationError(
            _("“{text}” is not a number of minutes; type {what} as e.g. 15, 90 or 1:30.").format(
                text=cleaned[:40], what=what
            ),
            field=what,
        )
    if minutes > MAX_ITEM_MINUTES:
        raise ValidationError(
            _("{what} can be at most {limit} minutes (12 hours); split a longer item.").format(
                what=what.capitalize(), limit=MAX_ITEM_MINUTES
            ),
            field=what,
        )
    return minutes


@dataclass(frozen=True)
class Slot:
    """When one agenda item is planned to run."""

    item_id: str
    start: int
    end: int

    @property
    def text(self) -> str:
        return f"{clock_text(self.start)}–{clock_text(self.end)}"


@dataclass(frozen=True)
class AgendaPlan:
    """The agenda laid out from the start time, with its totals."""

    slots: tuple[Slot, ...]
    start: int | None  # None when the start time is not a time of day
    planned_total: int
    actual_total: int  # over the items that have an actual time
    planned_of_recorded: int  # what those same items were planned to take
    recorded: int  # how many items have an actual time

    @property
    def end(self) -> int | None:
        return None if self.start is None else self.start + self.planned_total

    def slot(self, item_id: str) -> Slot | None:
        return next((s for s in self.slots if s.item_id == item_id), None)


def plan_agenda(items: Sequence[AgendaItem], start_time: str) -> AgendaPlan:
    """Each item starts when the one before ends, from ``start_time``; no slots if the start
    time is not a time of day (the totals still hold)."""
    start = start_minutes(start_time)
    slots: list[Slot] = []
    if start is not None:
        at = start
        for item in items:
            length = max(item.planned_minutes, 0)
            slots.append(Slot(item.id, at, at + length))
            at += length
    done = [i for i in items if i.actual_minutes is not None]
    return AgendaPlan(
        slots=tuple(slots),
        start=start,
        planned_total=sum(max(i.planned_minutes, 0) for i in items),
        actual_total=sum(i.actual_minutes or 0 for i in done),
        planned_of_recorded=sum(max(i.planned_minutes, 0) for i in done),
        recorded=len(done),
    )


def variance(item: AgendaItem) -> int | None:
    """Minutes over (positive) or under (negative) plan, once the item has an actual time."""
    if item.actual_minutes is None:
        return None
    return item.actual_minutes - item.planned_minutes


def variance_text(minutes: int) -> str:
    if minutes == 0:
        return _("on time")
    return f"+{duration_text(minutes)}" if minutes > 0 else duration_text(minutes)


def fit_text(planned: int, available: int) -> str:
    """How the planned total sits in the time available, in one sentence."""
    if planned == available:
        return _("Planned {planned}: exactly the time available.").format(
            planned=duration_text(planned)
        )
    if planned < available:
        return _("Planned {planned} of {available}: {spare} to spare.").format(
            planned=duration_text(planned),
            available=duration_text(available),
            spare=duration_text(available - planned),
        )
    return _("Planned {planned}, {over} more than the {available} available.").format(
        planned=duration_text(planned),
        over=duration_text(planned - available),
        available=duration_text(available),
    )


def available_minutes(start: int, end: int) -> int:
    """The time between a start and an end time of day; an end before the start is the
    next day (a session from 22:00 to 02:00 has four hours)."""
    return (end - start) % MINUTES_PER_DAY or MINUTES_PER_DAY
