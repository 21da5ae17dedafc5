"""The reverse funnel: from a revenue target to the MQLs marketing commits to each month.

revenue target × marketing-sourced share ÷ average deal size = deals needed;
÷ SQL→won rate = SQLs needed; ÷ MQL→SQL rate = MQLs needed; each ÷ months = per month.
Every stage is rounded up to a whole number, because a fraction of a deal still has to be won.

The arithmetic is exact: Decimal operations run in a local context wide enough that no
product is rounded and every quotient is rounded *up* to a precision that still holds its
ceiling, so ``math.ceil`` of the quotient is the ceiling of the true value (800,000 × 0.6 ÷
18,000 = 26.67 gives 27 deals, and 1,000 × 0.3 ÷ 100 gives exactly 3, never 4).

Rates are fractions (0.25 is 25 %). The parse functions turn what a facilitator types into
those values, or raise :class:`FunnelInputError` with one plain sentence naming the input.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, Inexact, localcontext

from workshop.errors import ValidationError
from workshop.i18n import _
from workshop.limits import FIGURE_LIMIT, FIGURE_PLACES, FIGURE_TEXT, MAX_MONTHS, decimal_places
from workshop.model import FunnelAssumptions
from workshop.numbers import exceptional

__all__ = [
    "FIELDS",
    "TYPICAL",
    "FunnelInputError",
    "FunnelPlan",
    "format_rate",
    "missing",
    "parse_amount",
    "parse_months",
    "parse_rate",
    "plan",
    "plan_with_defaults",
    "unusual",
]


@dataclass(frozen=True)
class FunnelPlan:
    """What the funnel asks for: totals for the whole period and per month."""

    deals: int
    sqls: int
    mqls: int
    deals_per_month: int
    sqls_per_month: int
    mqls_per_month: int
    months: int


class FunnelInputError(ValidationError):
    """A funnel input that is missing, not a number, or out of range; ``field`` names it."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message, field=field)


FIELDS: tuple[str, ...] = (
    "revenue_target",
    "average_deal",
    "marketing_share",
    "mql_to_sql",
    "sql_to_won",
    "months",
)

# Typical B2B ranges, as fractions. Marketing-sourced share: practitioners quote anything
# from about a third (sales-led, outbound-heavy teams) to about two thirds (inbound-led
# teams); we take 30–70 %. Since 1.5 × 70 % is over 100 %, only a share below 15 % is
# ever flagged as unusual. MQL→SQL 10–40 % and SQL→won 20–30 % are the usual quoted spans.
TYPICAL: dict[str, tuple[Decimal, Decimal]] = {
    "marketing_share": (Decimal("0.30"), Decimal("0.70")),
    "mql_to_sql": (Decimal("0.10"), Decimal("0.40")),
    "sql_to_won": (Decimal("0.20"), Decimal("0.30")),
}

_NAMES: dict[str, str] = {
    "revenue_target": _("revenue target"),
    "average_deal": _("average deal size"),
    "marketing_share": _("marketing-sourced share"),
    "mql_to_sql": _("MQL→SQL rate"),
    "sql_to_won": _("SQL→won rate"),
    "months": _("period length"),
}

# The subject of an "unusual" sentence, with its article (which depends on the name).
_UNUSUAL_SUBJECTS: dict[str, str] = {
    "marketing_share": _("A marketing-sourced share"),
    "mql_to_sql": _("An MQL→SQL rate"),
    "sql_to_won": _("An SQL→won rate"),
}

_AMOUNT_FIELDS = ("revenue_target", "average_deal")
_RATE_FIELDS = ("marketing_share", "mql_to_sql", "sql_to_won")
_MIN_MONTHS = 1
_MAX_MONTHS = MAX_MONTHS
# Inputs are refused beyond 10^±60: far past any real business figure, and it keeps every
# result small enough to compute and print in an instant (an exponent such as 1e999999999
# would otherwise have the exact arithmetic build a number with a billion digits).
_MAX_ADJUSTED_EXPONENT = 60

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
_CURRENCY = r"(?:€|\$|£|EUR|USD)"
_LEADING_CURRENCY = re.compile(rf"^{_CURRENCY}\s*", re.IGNORECASE)
_TRAILING_CURRENCY = re.compile(rf"\s*{_CURRENCY}$", re.IGNORECASE)
_SUFFIX = re.compile(r"\s*([kKmM])$")
_SUFFIX_EXPONENT = {"k": 3, "m": 6}
# 1200000, 1200000.50, .5, 1e30
_PLAIN = re.compile(r"(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
# 1,200,000  1 200 000  1.200.000  1'200'000, optionally with decimals: 1,200.50  1.200,50
_GROUPED = re.compile(
    r"(?P<whole>[0-9]{1,3}(?P<sep>[ ,.'])[0-9]{3}(?:(?P=sep)[0-9]{3})*)"
    r"(?:(?P<point>[.,])(?P<fraction>[0-9]+))?"
)
# 1200,50  ,5  (a decimal comma)
_COMMA_DECIMAL = re.compile(r"[0-9]*,[0-9]+")
# A rate: 20, 0.2, 0,2, .2, ,2 (then an optional %)
_RATE_NUMBER = re.compile(r"(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")


def _name(field: str) -> str:
    return _NAMES.get(field, field)


def _shown(text: str, limit: int = 40) -> str:
    """``text`` on one line and not too long, for quoting in a message."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def _shift(value: Decimal, places: int) -> Decimal:
    """``value`` × 10^places, exactly (no context rounding)."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    return Decimal((sign, digits, exponent + places))


def _tidy(value: Decimal) -> Decimal:
    """The same finite number without trailing fractional zeros or a positive exponent.

    Decimal("1.2E+6") becomes Decimal("1200000") and Decimal("0.20") becomes Decimal("0.2"),
    so that ``str`` shows plain digits. Exact, whatever the number's size.
    """
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    coefficient = list(digits)
    if exponent > 0:
        coefficient.extend([0] * exponent)
        exponent = 0
    while exponent < 0 and len(coefficient) > 1 and coefficient[-1] == 0:
        coefficient.pop()
        exponent += 1
    if coefficient == [0]:
        exponent = 0
    return Decimal((sign, tuple(coefficient), exponent))


def _plain(value: Decimal) -> str:
    """Plain digits, never scientific notation."""
    return format(_tidy(value), "f")


def _check_amount(value: Decimal, field: str) -> Decimal:
    name = _name(field)
    if not value.is_finite():
        raise FunnelInputError(_("The {name} is not a number.").format(name=name), field)
    if value <= 0:
        raise FunnelInputError(_("The {name} must be more than 0.").format(name=name), field)
    if value.adjusted() > _MAX_ADJUSTED_EXPONENT:
        raise FunnelInputError(_("The {name} is too large to plan with.").format(name=name), field)
    if value.adjusted() < -_MAX_ADJUSTED_EXPONENT:
        raise FunnelInputError(_("The {name} is too small to plan with.").format(name=name), field)
    return value


def _check_rate(value: Decimal, field: str) -> Decimal:
    name = _name(field)
    if not value.is_finite():
        raise FunnelInputError(_("The {name} is not a number.").format(name=name), field)
    if not 0 < value <= 1:
        raise FunnelInputError(
            _("The {name} must be more than 0 % and at most 100 %.").format(name=name), field
        )
    if value.adjusted() < -_MAX_ADJUSTED_EXPONENT:
        raise FunnelInputError(_("The {name} is too small to plan with.").format(name=name), field)
    return value


def _typed_fits(value: Decimal, field: str) -> Decimal:
    """``value`` if it is within what a typed amount or rate may be: at most
    :data:`~workshop.limits.FIGURE_LIMIT`, with at most
    :data:`~workshop.limits.FIGURE_PLACES` decimal places (as a fraction, for a rate)."""
    if value > FIGURE_LIMIT:
        raise _too_large(field)
    if decimal_places(value) > FIGURE_PLACES:
        raise _too_many_places(field)
    return value


def _too_large(field: str) -> FunnelInputError:
    return FunnelInputError(
        _("The {name} can be at most {limit}.").format(name=_name(field), limit=FIGURE_TEXT),
        field,
    )


def _too_many_places(field: str) -> FunnelInputError:
    if field in _RATE_FIELDS:
        message = _("Type the {name} with at most {places} decimal places (e.g. 12.3456 %).")
        places = FIGURE_PLACES - 2
    else:
        message = _("Type the {name} with at most {places} decimal places.")
        places = FIGURE_PLACES
    return FunnelInputError(message.format(name=_name(field), places=places), field)


def _months_error() -> FunnelInputError:
    return FunnelInputError(
        _("The {name} must be a whole number of months from {low} to {high}.").format(
            name=_name("months"), low=_MIN_MONTHS, high=_MAX_MONTHS
        ),
        "months",
    )


def _check_months(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _months_error()
    if not _MIN_MONTHS <= value <= _MAX_MONTHS:
        raise _months_error()
    return value


def parse_rate(text: str, field: str) -> Decimal | None:
    """A rate typed as "20%", "20 %", "0.2", "0,2", ".2" or "20", as a fraction (0.2).

    A bare number above 1 is read as a percentage ("20" is 20 %); a bare 1 is 100 %.
    Blank text is ``None`` (not entered yet). The rate must be more than 0 % and at most
    100 %, with at most 6 decimal places as a fraction (12.3456 %); otherwise, or for text
    that is not a number, :class:`FunnelInputError`.
    """
    stripped = _SPACES.sub(" ", text).strip()
    if not stripped:
        return None
    percent = stripped.endswith("%")
    body = stripped[:-1].rstrip() if percent else stripped
    sign = ""
    if body[:1] in ("+", "-"):
        sign, body = body[0], body[1:].lstrip()
    if not _RATE_NUMBER.fullmatch(body):
        raise FunnelInputError(
            _("For the {name}, “{text}” is not a number or percentage.").format(
                name=_name(field), text=_shown(text)
            ),
            field,
        )
    value = Decimal(sign + body.replace(",", "."))
    if value.is_finite() and value.adjusted() > _MAX_ADJUSTED_EXPONENT:
        # Out of range whatever the reading; refuse before shifting a giant exponent.
        return _check_rate(value, field)
    if percent or value > 1:
        value = _shift(value, -2)
    return _typed_fits(_check_rate(_tidy(value), field), field)


def parse_amount(text: str, field: str) -> Decimal | None:
    """An amount typed as "1200000", "1,200,000", "1 200 000", "1.2M", "800k", "€ 800k" ...

    A currency symbol or code (€, $, £, EUR, USD) may come before or after the number;
    it is ignored. Thousands may be grouped with commas, spaces, dots or apostrophes; a
    single dot is a decimal point, a comma followed by other than three digits is a
    decimal comma ("1200,50"). Blank text is ``None``; the amount must be more than 0 and
    at most 1,000,000,000,000,000, with at most 6 decimal places
    (:mod:`workshop.limits`).
    """
    stripped = _SPACES.sub(" ", text).strip()
    if not stripped:
        return None

    def not_an_amount() -> FunnelInputError:
        return FunnelInputError(
            _("For the {name}, “{text}” is not an amount.").format(
                name=_name(field), text=_shown(text)
            ),
            field,
        )

    body = stripped
    sign = ""
    if body[:1] in ("+", "-"):
        sign, body = body[0], body[1:].lstrip()
    leading = _LEADING_CURRENCY.match(body)
    if leading:
        body = body[leading.end() :]
        if not sign and body[:1] in ("+", "-"):
            sign, body = body[0], body[1:].lstrip()
    else:
        trailing = _TRAILING_CURRENCY.search(body)
        if trailing:
            body = body[: trailing.start()]
    places = 0
    suffix = _SUFFIX.search(body)
    if suffix:
        places = _SUFFIX_EXPONENT[suffix.group(1).lower()]
        body = body[: suffix.start()]

    if _PLAIN.fullmatch(body):
        number = body
    elif (grouped := _GROUPED.fullmatch(body)) and grouped["point"] != grouped["sep"]:
        number = grouped["whole"].replace(grouped["sep"], "")
        if grouped["fraction"]:
            number += "." + grouped["fraction"]
    elif _COMMA_DECIMAL.fullmatch(body):
        number = body.replace(",", ".")
    else:
        raise not_an_amount()

    value = Decimal(sign + number)
    if value > 0 and value.adjusted() + places > FIGURE_LIMIT.adjusted():
        raise _too_large(field)  # refused before shifting what may be a giant exponent
    if value > 0 and value.adjusted() + places < -FIGURE_PLACES:
        raise _too_many_places(field)
    if value.is_finite() and abs(value.adjusted()) > 2 * _MAX_ADJUSTED_EXPONENT:
        return _check_amount(value, field)  # refused; do not shift a giant exponent
    return _typed_fits(_check_amount(_tidy(_shift(value, places)), field), field)


def parse_months(text: str) -> int | None:
    """The period length in whole months (1 to 120); blank text is ``None``."""
    stripped = text.strip()
    if not stripped:
        return None
    if not re.fullmatch(r"[+-]?[0-9]{1,6}", stripped, re.ASCII):
        raise _months_error()
    return _check_months(int(stripped))


def _percent_number(value: Decimal) -> str:
    return _plain(_shift(value, 2))


def format_rate(value: Decimal | None) -> str:
    """A fraction as a percentage: 0.25 is "25 %", 0.125 is "12.5 %", ``None`` is ""."""
    if value is None:
        return ""
    odd = exceptional(value)  # a stored rate Accord would not accept today, as stored
    if odd is not None:
        return odd
    return _("{number} %").format(number=_percent_number(value))


def missing(inputs: FunnelAssumptions) -> list[str]:
    """The inputs not entered yet, in :data:`FIELDS` order; the plan needs all of them."""
    return [field for field in FIELDS if getattr(inputs, field) is None]


def _validated(
    inputs: FunnelAssumptions,
) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal, int]:
    """All six inputs, checked in :data:`FIELDS` order; the first problem is raised."""
    checked: list[Decimal] = []
    for field in FIELDS[:-1]:
        value = getattr(inputs, field)
        if value is None:
            raise FunnelInputError(
                _("The reverse funnel needs the {name}.").format(name=_name(field)), field
            )
        if isinstance(value, int) and not isinstance(value, bool):
            value = Decimal(value)
        if not isinstance(value, Decimal):
            raise FunnelInputError(
                _("The {name} is not a number.").format(name=_name(field)), field
            )
        check = _check_amount if field in _AMOUNT_FIELDS else _check_rate
        checked.append(check(value, field))
    if inputs.months is None:
        raise FunnelInputError(
            _("The reverse funnel needs the {name}.").format(name=_name("months")), "months"
        )
    months = _check_months(inputs.months)
    revenue_target, average_deal, marketing_share, mql_to_sql, sql_to_won = checked
    return revenue_target, average_deal, marketing_share, mql_to_sql, sql_to_won, months


def _exact_product(a: Decimal, b: Decimal) -> Decimal:
    """a × b with no rounding at all."""
    with localcontext() as context:
        context.prec = len(a.as_tuple().digits) + len(b.as_tuple().digits)
        context.traps[Inexact] = True
        return a * b


def _ceil_div(numerator: Decimal, denominator: Decimal) -> int:
    """The exact ceiling of numerator ÷ denominator, for finite positive ``denominator``.

    The quotient is rounded toward +infinity at a precision that can hold its ceiling as an
    integer, so the rounded quotient lies between the true one and its ceiling.
    """
    if numerator == 0:
        return 0
    with localcontext() as context:
        context.rounding = ROUND_CEILING
        context.prec = max(28, numerator.adjusted() - denominator.adjusted() + 4)
        return math.ceil(numerator / denominator)


def plan(inputs: FunnelAssumptions) -> FunnelPlan:
    """Deals, SQLs and MQLs needed for the period and per month, each rounded up.

    Raises :class:`FunnelInputError` naming the first input (in :data:`FIELDS` order) that
    is missing or out of range.
    """
    revenue_target, average_deal, marketing_share, mql_to_sql, sql_to_won, months = _validated(
        inputs
    )
    deals = _ceil_div(_exact_product(revenue_target, marketing_share), average_deal)
    sqls = _ceil_div(Decimal(deals), sql_to_won)
    mqls = _ceil_div(Decimal(sqls), mql_to_sql)
    per_month = Decimal(months)
    return FunnelPlan(
        deals=deals,
        sqls=sqls,
        mqls=mqls,
        deals_per_month=_ceil_div(Decimal(deals), per_month),
        sqls_per_month=_ceil_div(Decimal(sqls), per_month),
        mqls_per_month=_ceil_div(Decimal(mqls), per_month),
        months=months,
    )


def unusual(inputs: FunnelAssumptions) -> list[tuple[str, str]]:
    """(field, sentence) for each valid rate far outside its typical B2B range.

    "Far" is below half the range's low end or above one and a half times its high end.
    Missing or invalid rates are left to :func:`plan` and the parse functions.
    """
    found: list[tuple[str, str]] = []
    for field in _RATE_FIELDS:
        value = getattr(inputs, field)
        if not isinstance(value, Decimal) or not value.is_finite() or not 0 < value <= 1:
            continue
        low, high = TYPICAL[field]
        if value < low / 2:
            template = _("{subject} of {value} is far below the typical {low}–{high} %; check it.")
        elif value > high * Decimal("1.5"):
            template = _("{subject} of {value} is far above the typical {low}–{high} %; check it.")
        else:
            continue
        sentence = template.format(
            subject=_UNUSUAL_SUBJECTS[field],
            value=format_rate(value),
            low=_percent_number(low),
            high=_percent_number(high),
        )
        found.append((field, sentence))
    return found


def plan_with_defaults(
    revenue_target: Decimal,
    average_deal: Decimal,
    marketing_share: Decimal | None = None,
    mql_to_sql: Decimal | None = None,
    sql_to_won: Decimal | None = None,
    months: int | None = None,
) -> FunnelPlan:
    """:func:`plan` with the optional inputs defaulted: share and rates 100 %, 12 months."""
    one = Decimal(1)
    return plan(
        FunnelAssumptions(
            revenue_target=revenue_target,
            average_deal=average_deal,
            marketing_share=one if marketing_share is None else marketing_share,
            mql_to_sql=one if mql_to_sql is None else mql_to_sql,
            sql_to_won=one if sql_to_won is None else sql_to_won,
            months=12 if months is None else months,
        )
    )
