"""Reading numbers the way people type them: "1,200", "1 200", "4.8", "4,8", "-5"; and
writing any stored number without failing, however large or odd it is."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from workshop.errors import ValidationError
from workshop.i18n import _
from workshop.limits import FIGURE_LIMIT, FIGURE_PLACES, FIGURE_TEXT, decimal_places

_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}([,\s']\d{3})+(\.\d+)?$")
# Beyond 10^±120 a number is written with an exponent: its plain digits would be long to
# write and to read, and nothing Accord accepts today comes near it.
PLAIN_EXPONENT = 120


def parse_number(text: str, what: str) -> Decimal | None:
    """``text`` as a Decimal (None if blank); ``what`` names the field in the message.

    A figure is at most :data:`~workshop.limits.FIGURE_LIMIT` either way, with at most
    :data:`~workshop.limits.FIGURE_PLACES` decimal places; more is refused.
    """
    cleaned = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not cleaned:
        return None
    if _GROUPED.match(cleaned):
        cleaned = re.sub(r"[,\s']", "", cleaned)
    elif cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # a decimal comma: 4,8
    value: Decimal | None
    try:
        # Plain digits only: no exponent, NaN or Infinity.
        value = Decimal(cleaned.replace(" ", "")) if _PLAIN.match(cleaned) else None
    except InvalidOperation:
        value = None
    shown = " ".join(text.split())[:40]  # quoted on one line
    if value is None or not value.is_finite():
        raise ValidationError(
            _("“{text}” is not a number; type {what} as digits, e.g. 1200 or 4.8.").format(
                text=shown, what=what
            ),
            field=what,
        )
    if abs(value) > FIGURE_LIMIT:
        raise ValidationError(
            _("“{text}” is too large; type {what} up to {limit} either way.").format(
                text=shown, what=what, limit=FIGURE_TEXT
            ),
            field=what,
        )
    if decimal_places(value) > FIGURE_PLACES:
        raise ValidationError(
            _("“{text}” has more than {places} decimal places; type {what} with fewer.").format(
                text=shown, what=what, places=FIGURE_PLACES
            ),
            field=what,
        )
    return value


def exceptional(value: Decimal) -> str | None:
    """How to write a number that has no plain spelling — ``NaN``, ``Infinity``,
    ``-Infinity``, or one beyond 10^±120 with an exponent (``1E+200``) — or None for a
    number that has one. Such numbers are never accepted, but a library may hold one."""
    if value.is_nan():
        return "NaN"
    if value.is_infinite():
        return "-Infinity" if value.is_signed() else "Infinity"
    if value and abs(value.adjusted()) > PLAIN_EXPONENT:
        return str(value)
    return None


def integral_digits(value: Decimal) -> str:
    """The digits of a finite whole number, exactly (``5.00`` is ``5``, ``1E+30`` is a one
    and thirty zeros), without the context's 28-digit precision getting in the way."""
    return format(value, "f").split(".")[0]
