"""Reading numbers the way people type them: "1,200", "1 200", "4.8", "4,8", "-5"."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from workshop.errors import ValidationError
from workshop.i18n import _

_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}([,\s']\d{3})+(\.\d+)?$")


def parse_number(text: str, what: str) -> Decimal | None:
    """``text`` as a Decimal (None if blank); ``what`` names the field in the message."""
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
    if value is None or not value.is_finite():
        raise ValidationError(
            _("“{text}” is not a number; type {what} as digits, e.g. 1200 or 4.8.").format(
                text=text.strip()[:40], what=what
            ),
            field=what,
        )
    return value
