"""What every field of a workshop accepts: the longest text, the range of each number and
date.

One declaration, used in three places: where a value is typed (the parse and clean
functions raise :class:`~workshop.errors.ValidationError` naming the field), where a
workshop file is imported (:mod:`workshop.portable_read` refuses the file, naming the
field), and in the documents, which print what is already stored whatever its size (a
library written before these limits may hold more). ``docs/workshop-file.md`` lists them.
"""

from __future__ import annotations

import typing
from dataclasses import fields, is_dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache

from workshop import model as m
from workshop.agenda import MAX_ITEM_MINUTES
from workshop.errors import ValidationError
from workshop.i18n import _
from workshop.measures import TimeBetween
from workshop.voting import MOST_DOTS, MOST_OPTIONS

# -- text ---------------------------------------------------------------------------------

NAME_CHARS = 200  # a person, company, party or team; a unit; an e-mail address
LINE_CHARS = 300  # any other one-line field: a title, a metric, a cadence, a vote option
TEXT_CHARS = 20_000  # a long text: notes, statements, criteria, descriptions
SNAPSHOT_CHARS = 1_000_000  # the canonical text of an agreement version (composed, not typed)

_LONG: frozenset[tuple[type, str]] = frozenset(
    {
        (m.Workshop, "notes"),
        (m.Workshop, "ideal_customer_profile"),
        (m.Workshop, "announcement"),
        (m.AgendaItem, "notes"),
        (m.SharedGoal, "statement"),
        (m.Objective, "statement"),
        (m.Definition, "entry_criteria"),
        (m.Definition, "handoff"),
        (m.Persona, "pains"),
        (m.Persona, "goals"),
        (m.Activity, "description"),
        (m.Activity, "overlap"),
        (m.Commitment, "what"),
        (m.EscalationStep, "what"),
        (m.SharingItem, "what"),
        (m.Meeting, "attendees"),
        (m.Meeting, "agenda"),
        (m.ActionItem, "what"),
        (m.ParkingLotItem, "text"),
    }
)
_NAMES: frozenset[tuple[type, str]] = frozenset(
    {
        (m.Workshop, "client"),
        (m.Workshop, "facilitator"),
        (m.Participant, "name"),
        (m.Participant, "title"),
        (m.Participant, "email"),
        (m.Party, "name"),
        (m.Persona, "name"),
        (m.Ally, "name"),
        (m.Signatory, "name"),
        (m.Signatory, "title"),
        (m.Signature, "typed_name"),
        (m.SharedGoal, "unit"),
        (m.Objective, "unit"),
        (m.Commitment, "unit"),
        (m.Kpi, "unit"),
    }
)
_OWN_RULES: dict[tuple[type, str], int] = {
    (m.AgreementVersion, "snapshot"): SNAPSHOT_CHARS,
    (m.AgreementVersion, "digest"): 64,
    (m.Workshop, "start_time"): 5,
}


def max_chars(owner: type, name: str) -> int:
    """The most characters the text field ``name`` of ``owner`` (a dataclass of
    :mod:`workshop.model`, such as ``Commitment`` and ``"what"``) accepts."""
    key = (owner, name)
    if key in _OWN_RULES:
        return _OWN_RULES[key]
    if key in _LONG:
        return TEXT_CHARS
    if key in _NAMES:
        return NAME_CHARS
    return LINE_CHARS


@cache
def _owner_at(path: str) -> tuple[type, str]:
    owner: type = m.Workshop
    *parents, name = path.split(".")
    for part in parents:
        hint = typing.get_type_hints(owner, vars(m))[part]
        if not (isinstance(hint, type) and is_dataclass(hint)):
            raise KeyError(path)
        owner = hint
    if name not in {f.name for f in fields(owner)}:
        raise KeyError(path)
    return owner, name


def max_chars_at(path: str) -> int:
    """:func:`max_chars` for a field of the workshop named by its path (``"title"``,
    ``"goal.statement"``), as the pages bind them."""
    return max_chars(*_owner_at(path))


def check_text(owner: type, name: str, text: str, what: str = "") -> str:
    """``text`` unchanged if it fits field ``name`` of ``owner``; otherwise a
    :class:`ValidationError` naming the field (``what``, else the field's name)."""
    limit = max_chars(owner, name)
    if len(text) <= limit:
        return text
    label = what or name.replace("_", " ")
    raise ValidationError(
        _("{what} can be at most {limit:,} characters long; this is {length:,}.").format(
            what=label[:1].upper() + label[1:], limit=limit, length=len(text)
        ),
        field=name,
    )


# -- numbers ------------------------------------------------------------------------------

FIGURE_LIMIT = Decimal(10) ** 15  # a figure or an amount: at most a thousand million million
FIGURE_PLACES = 6  # decimal places of a figure, an amount or a rate (a fraction)
COUNT_LIMIT = 10**9  # dots in a vote, an agreement version's number
FIGURE_TEXT = "1,000,000,000,000,000"

_FIGURES: frozenset[tuple[type, str]] = frozenset(
    {
        (m.SharedGoal, "baseline"),
        (m.SharedGoal, "target"),
        (m.Objective, "baseline"),
        (m.Objective, "target"),
        (m.Commitment, "target"),
        (m.Kpi, "target"),
        (TimeBetween, "at_least_percent"),
    }
)
_AMOUNTS: frozenset[tuple[type, str]] = frozenset(
    {(m.FunnelAssumptions, "revenue_target"), (m.FunnelAssumptions, "average_deal")}
)
_RATES: frozenset[tuple[type, str]] = frozenset(
    {
        (m.FunnelAssumptions, "marketing_share"),
        (m.FunnelAssumptions, "mql_to_sql"),
        (m.FunnelAssumptions, "sql_to_won"),
    }
)

MAX_MONTHS = 120  # an agreement's term, the funnel's period
MEETING_MINUTES = 600  # the longest meeting
ACTUAL_MINUTES = 7 * 24 * 60  # what an agenda item took, as the timer counted it
# Whole-number fields: (lowest, highest).
WHOLE: dict[tuple[type, str], tuple[int, int]] = {
    (m.AgendaItem, "planned_minutes"): (0, MAX_ITEM_MINUTES),
    (m.AgendaItem, "actual_minutes"): (0, ACTUAL_MINUTES),
    (m.Meeting, "duration_minutes"): (1, MEETING_MINUTES),
    (m.Workshop, "term_months"): (1, MAX_MONTHS),
    (m.FunnelAssumptions, "months"): (1, MAX_MONTHS),
    (m.Vote, "dots_per_participant"): (1, MOST_DOTS),
    (m.Vote, "tallies"): (0, COUNT_LIMIT),
    (m.AgreementVersion, "number"): (1, COUNT_LIMIT),
}
VOTE_OPTIONS = MOST_OPTIONS


def decimal_places(value: Decimal) -> int:
    """How many decimal places ``value`` needs (``1.500`` needs 1), for a finite value."""
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if exponent >= 0 or not any(digits):
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing)


def figure_fits(value: Decimal) -> bool:
    """A finite number of at most :data:`FIGURE_LIMIT` either way, with at most
    :data:`FIGURE_PLACES` decimal places."""
    return (
        value.is_finite() and abs(value) <= FIGURE_LIMIT and decimal_places(value) <= FIGURE_PLACES
    )


def number_rule(owner: type, name: str) -> str | None:
    """``"figure"``, ``"amount"`` (more than 0) or ``"rate"`` (a fraction, more than 0 and
    at most 1) for a Decimal field; None for any other field."""
    key = (owner, name)
    if key in _FIGURES:
        return "figure"
    if key in _AMOUNTS:
        return "amount"
    if key in _RATES:
        return "rate"
    return None


def number_fits(rule: str, value: Decimal) -> bool:
    if not figure_fits(value):
        return False
    if rule == "amount":
        return value > 0
    if rule == "rate":
        return 0 < value <= 1
    return True


# -- dates --------------------------------------------------------------------------------

EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)


def date_fits(value: date) -> bool:
    """A day from :data:`EARLIEST` to :data:`LATEST`."""
    day = value.date() if isinstance(value, datetime) else value
    return EARLIEST <= day <= LATEST


def moment_fits(value: datetime) -> bool:
    """A moment whose day in UTC is from :data:`EARLIEST` to :data:`LATEST` (a moment
    without a time zone is taken as UTC)."""
    try:
        utc = value.astimezone(UTC) if value.tzinfo is not None else value
    except OverflowError:  # 0001-01-01T00:00+14:00 is in year 0 in UTC
        return False
    return date_fits(utc.date())


def check_date(value: date | None, what: str) -> date | None:
    """``value`` unchanged if it is None or within range; otherwise a
    :class:`ValidationError` naming the field."""
    if value is None or date_fits(value):
        return value
    raise ValidationError(
        _("{what} must be a day in the years {first} to {last}.").format(
            what=what[:1].upper() + what[1:],
            first=EARLIEST.year,
            last=LATEST.year,
        ),
        field=what,
    )
