"""Reading one field of a portable workshop file: its JSON type, its form (a date, a
number written as text) and what the field accepts when typed (:mod:`workshop.limits`)."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from workshop import limits
from workshop import model as m
from workshop.i18n import _
from workshop.portable_format import (
    MAX_DECIMAL_CHARS,
    MAX_DECIMAL_EXPONENT,
    MAX_INT,
    ImportFileError,
)
from workshop.portable_places import Where

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def as_text(value: Any, where: Where, name: str) -> str:
    if not isinstance(value, str):
        raise where.error(_("{field} is not text."), name)
    return value


def as_whole(value: Any, where: Where, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.error(_("{field} is not a whole number."), name)
    if not 0 <= value <= MAX_INT:
        raise where.error(
            _("{field} must be a whole number from 0 to {high}."), name, high=f"{MAX_INT:,}"
        )
    return value


def as_decimal(value: Any, where: Where, name: str) -> Decimal:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise where.error(_("{field} must be a number written as text, such as “12.5”."), name)
    if not isinstance(value, str) or not _DECIMAL.fullmatch(value):
        raise where.error(_("{field} is not a number."), name)
    if len(value) > MAX_DECIMAL_CHARS:
        raise where.error(
            _("{field} is written with more than {limit} characters."),
            name,
            limit=MAX_DECIMAL_CHARS,
        )
    try:
        number = Decimal(value)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise where.error(_("{field} is not a number."), name) from exc
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    if abs(number.adjusted()) > MAX_DECIMAL_EXPONENT or abs(exponent) > MAX_DECIMAL_EXPONENT:
        raise where.error(_("{field} is too large or too small a number."), name)
    return number


def as_date(value: Any, where: Where, name: str) -> date:
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise where.error(_("{field} is not a date (YYYY-MM-DD)."), name)


def as_datetime(value: Any, where: Where, name: str) -> datetime:
    if isinstance(value, str) and _DATETIME.fullmatch(value):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if moment.tzinfo is not None:
                return moment
    raise where.error(
        _("{field} is not a date and time with a time zone (YYYY-MM-DDTHH:MM:SS+00:00)."), name
    )


def as_enum(enum: type[StrEnum], value: Any, where: Where, name: str) -> Any:
    allowed = [e.value for e in enum]
    if not isinstance(value, str) or value not in allowed:
        raise where.error(_("{field} is not one of {values}."), name, values=", ".join(allowed))
    return enum(value)


def as_list(value: Any, where: Where, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise where.error(_("{field} is not a list."), name)
    return value


def as_object(value: Any, where: Where, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise where.error(_("{field} is not a JSON object."), name)
    return value


def within_limits(owner: type[Any], name: str, value: Any, where: Where) -> Any:
    """``value`` if it is within what field ``name`` of ``owner`` accepts when typed."""
    if isinstance(value, str):
        _text_fits(owner, name, value, where)
    elif isinstance(value, bool) or value is None:
        pass
    elif isinstance(value, int):
        _whole_fits(owner, name, value, where)
    elif isinstance(value, Decimal):
        rule = limits.number_rule(owner, name)
        if rule is not None and not limits.number_fits(rule, value):
            raise where.error(_NUMBER_RULES[rule], name, limit=limits.FIGURE_TEXT, places=_PLACES)
    elif isinstance(value, datetime):
        if not limits.moment_fits(value):
            raise _outside_years(
                where, name, _("{field} must be a moment in the years {first} to {last} (in UTC).")
            )
    elif isinstance(value, date):
        if not limits.date_fits(value):
            raise _outside_years(
                where, name, _("{field} must be a day in the years {first} to {last}.")
            )
    elif isinstance(value, list) and (owner, name) == (m.Vote, "options"):
        if len(value) > limits.VOTE_OPTIONS:
            raise where.error(
                _("{field} lists more than {limit} options."), name, limit=limits.VOTE_OPTIONS
            )
        for option in value:
            _text_fits(owner, name, option, where)
    elif isinstance(value, dict) and (owner, name) == (m.Vote, "tallies"):
        for dots in value.values():
            _whole_fits(owner, name, dots, where)
    return value


def _outside_years(where: Where, name: str, template: str) -> ImportFileError:
    return where.error(template, name, first=limits.EARLIEST.year, last=limits.LATEST.year)


_PLACES = limits.FIGURE_PLACES
_NUMBER_RULES = {
    "figure": _(
        "{field} must be a number from −{limit} to {limit} with at most {places} decimal places."
    ),
    "amount": _(
        "{field} must be more than 0 and at most {limit}, with at most {places} decimal places."
    ),
    "rate": _(
        "{field} must be a fraction more than 0 and at most 1 (100 %), with at most {places} "
        "decimal places."
    ),
}


def _text_fits(owner: type[Any], name: str, text: str, where: Where) -> None:
    limit = limits.max_chars(owner, name)
    if len(text) > limit:
        raise where.error(_("{field} is longer than {limit} characters."), name, limit=f"{limit:,}")


def _whole_fits(owner: type[Any], name: str, value: int, where: Where) -> None:
    low, high = limits.WHOLE.get((owner, name), (0, MAX_INT))
    if not low <= value <= high:
        raise where.error(
            _("{field} must be a whole number from {low} to {high}."),
            name,
            low=f"{low:,}",
            high=f"{high:,}",
        )


def as_coordinate(value: Any, where: Where, name: str) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if math.isfinite(number):
            return number
    raise where.error(_("{field} holds a point that is not two numbers."), name)
