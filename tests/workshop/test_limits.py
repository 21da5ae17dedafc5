"""What each field accepts where it is typed: numbers, dates and text within sensible bounds,
refused with one sentence naming the field."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import get_type_hints

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop import limits
from workshop import model as m
from workshop.demo import build_demo_workshop
from workshop.editing import clean_title
from workshop.errors import ValidationError
from workshop.numbers import parse_number


@pytest.mark.parametrize(
    "typed",
    [
        "10000000000000000000000000000",
        "1,000,000,000,000,001",
        "-1000000000000001",
        "99999999999999999999999999999999999999999999999999",
    ],
)
def test_a_typed_figure_beyond_a_thousand_million_million_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_number(typed, "the target")
    message = caught.value.message
    assert message.endswith("is too large; type the target up to 1,000,000,000,000,000 either way.")
    assert caught.value.field == "the target"


@pytest.mark.parametrize("typed", ["1.0000001", "0,1234567", "-3.14159265"])
def test_a_typed_figure_with_more_than_six_decimal_places_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError, match="has more than 6 decimal places; type the target"):
        parse_number(typed, "the target")


@pytest.mark.parametrize("typed", ["NaN", "Infinity", "-inf", "1e309", "1E+28", "1e-7"])
def test_typed_exponents_and_constants_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError, match="is not a number"):
        parse_number(typed, "the baseline")


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1000000000000000", "1000000000000000"),
        ("-1,000,000,000,000,000", "-1000000000000000"),
        ("0.000001", "0.000001"),
        ("1.5000000000", "1.5"),
    ],
)
def test_figures_up_to_the_limit_are_accepted(typed: str, value: str) -> None:
    assert parse_number(typed, "the target") == Decimal(value)


@given(st.text(max_size=40))
def test_any_typed_text_is_a_figure_within_the_limits_or_one_sentence(typed: str) -> None:
    try:
        value = parse_number(typed, "the target")
    except ValidationError as exc:
        assert exc.field == "the target"
        assert exc.message.endswith(".") and "\n" not in exc.message
    else:
        assert value is None or limits.figure_fits(value)


@given(st.decimals(allow_nan=True, allow_infinity=True))
def test_figure_fits_never_fails(value: Decimal) -> None:
    fits = limits.figure_fits(value)
    assert fits == (
        value.is_finite()
        and abs(value) <= 10**15
        and value == round(value, 6)  # round() to 6 places loses nothing
    )


def test_decimal_places() -> None:
    assert limits.decimal_places(Decimal("1.500")) == 1
    assert limits.decimal_places(Decimal("1E+20")) == 0
    assert limits.decimal_places(Decimal("0.000")) == 0
    assert limits.decimal_places(Decimal("1E-7")) == 7


# -- text ---------------------------------------------------------------------------------


def test_every_text_field_has_a_limit() -> None:
    seen = set()

    def walk(cls: type) -> None:
        for f in fields(cls):
            hint = get_type_hints(cls, vars(m))[f.name]
            if hint is str:
                seen.add(limits.max_chars(cls, f.name))

    for cls in (m.Workshop, m.SharedGoal, m.FunnelAssumptions, m.Signature, m.AgreementVersion):
        walk(cls)
    for f in fields(m.Workshop):
        hint = get_type_hints(m.Workshop, vars(m))[f.name]
        if getattr(hint, "__origin__", None) is list:
            walk(hint.__args__[0])
    assert seen <= {
        limits.NAME_CHARS,
        limits.LINE_CHARS,
        limits.TEXT_CHARS,
        limits.SNAPSHOT_CHARS,
        64,
        5,
    }
    assert limits.max_chars(m.Workshop, "title") == 300
    assert limits.max_chars(m.Participant, "name") == 200
    assert limits.max_chars(m.Commitment, "what") == 20_000
    assert limits.max_chars_at("goal.statement") == 20_000
    assert limits.max_chars_at("client") == 200
    with pytest.raises(KeyError):
        limits.max_chars_at("goal.nothing")


def test_the_demo_workshop_is_within_every_limit() -> None:
    w = build_demo_workshop(date(2026, 11, 23))
    assert len(w.title) <= limits.max_chars(m.Workshop, "title")
    for commitment in w.commitments:
        limits.check_text(m.Commitment, "what", commitment.what)


def test_check_text_names_the_field() -> None:
    assert limits.check_text(m.Participant, "name", "Ada") == "Ada"
    with pytest.raises(ValidationError) as caught:
        limits.check_text(m.Participant, "name", "x" * 201, "the name")
    assert caught.value.message == "The name can be at most 200 characters long; this is 201."
    assert caught.value.field == "name"


def test_a_typed_title_is_at_most_300_characters() -> None:
    assert clean_title("  " + "t" * 300 + " ") == "t" * 300
    with pytest.raises(ValidationError) as caught:
        clean_title("t" * 999_999)
    assert caught.value.message == (
        "A workshop title can be at most 300 characters long; this is 999,999."
    )
    assert caught.value.field == "title"


# -- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize("day", [date(1, 1, 1), date(9999, 12, 31), date(1899, 12, 31)])
def test_dates_outside_1900_to_2199_are_refused(day: date) -> None:
    assert not limits.date_fits(day)
    with pytest.raises(ValidationError) as caught:
        limits.check_date(day, "the review date")
    assert caught.value.message == "The review date must be a day in the years 1900 to 2199."


def test_dates_within_range() -> None:
    assert limits.check_date(None, "the deadline") is None
    assert limits.check_date(date(2199, 12, 31), "the deadline") == date(2199, 12, 31)
    assert limits.date_fits(date(1900, 1, 1))


def test_moments_are_checked_in_utc_without_overflowing() -> None:
    east = timezone(timedelta(hours=14))
    west = timezone(timedelta(hours=-14))
    assert not limits.moment_fits(datetime(1, 1, 1, tzinfo=east))
    assert not limits.moment_fits(datetime(9999, 12, 31, 23, 59, 59, tzinfo=west))
    assert not limits.moment_fits(datetime(2199, 12, 31, 23, 0, tzinfo=west))  # 2200 in UTC
    assert limits.moment_fits(datetime(2026, 11, 24, 15, 20, tzinfo=UTC))
    assert limits.moment_fits(datetime(2026, 11, 24, 15, 20))


@pytest.mark.parametrize("typed", ["NaN", "nan", "Infinity", "-inf", "1e309", "1E+28", "sNaN"])
def test_every_number_typed_anywhere_refuses_constants_and_giants(typed: str) -> None:
    from workshop.agenda import parse_minutes
    from workshop.editing import parse_term
    from workshop.funnel import parse_amount, parse_months, parse_rate

    parsers = [
        lambda t: parse_number(t, "the target"),
        lambda t: parse_amount(t, "revenue_target"),
        lambda t: parse_amount(t, "average_deal"),
        lambda t: parse_rate(t, "mql_to_sql"),
        parse_months,
        parse_term,
        lambda t: parse_minutes(t, "planned minutes"),
    ]
    for parse in parsers:
        with pytest.raises(ValidationError) as caught:
            parse(typed)
        assert caught.value.message.endswith(".") and caught.value.field
