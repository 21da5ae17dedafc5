"""The reverse funnel: exact arithmetic, rounding up, parsing what people type, and refusals."""

from __future__ import annotations

import math
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.errors import ValidationError
from workshop.funnel import (
    FIELDS,
    TYPICAL,
    FunnelInputError,
    FunnelPlan,
    format_rate,
    missing,
    parse_amount,
    parse_months,
    parse_rate,
    plan,
    plan_with_defaults,
    unusual,
)
from workshop.model import FunnelAssumptions

D = Decimal


def assumptions(
    revenue_target: str = "800000",
    average_deal: str = "18000",
    marketing_share: str = "0.6",
    mql_to_sql: str = "0.25",
    sql_to_won: str = "0.25",
    months: int = 12,
) -> FunnelAssumptions:
    return FunnelAssumptions(
        revenue_target=D(revenue_target),
        average_deal=D(average_deal),
        marketing_share=D(marketing_share),
        mql_to_sql=D(mql_to_sql),
        sql_to_won=D(sql_to_won),
        months=months,
    )


# --- the arithmetic ---------------------------------------------------------------------


def test_the_worked_example() -> None:
    assert plan(assumptions()) == FunnelPlan(
        deals=27,
        sqls=108,
        mqls=432,
        deals_per_month=3,
        sqls_per_month=9,
        mqls_per_month=36,
        months=12,
    )


def test_every_stage_rounds_up() -> None:
    # 100,000 × 0.5 ÷ 3,000 = 16.67 -> 17 deals; 17 ÷ 0.3 = 56.67 -> 57 SQLs;
    # 57 ÷ 0.4 = 142.5 -> 143 MQLs; per 7 months: 2.43 -> 3, 8.14 -> 9, 20.43 -> 21.
    result = plan(assumptions("100000", "3000", "0.5", "0.4", "0.3", 7))
    assert (result.deals, result.sqls, result.mqls) == (17, 57, 143)
    assert (result.deals_per_month, result.sqls_per_month, result.mqls_per_month) == (3, 9, 21)


def test_whole_divisions_are_exact_and_not_bumped() -> None:
    # 1,200,000 × 0.5 ÷ 10,000 = 60 deals; ÷ 0.2 = 300 SQLs; ÷ 0.1 = 3,000 MQLs; ÷ 12.
    result = plan(assumptions("1200000", "10000", "0.5", "0.1", "0.2", 12))
    assert result == FunnelPlan(60, 300, 3000, 5, 25, 250, 12)
    # 0.1 × 3 is not 0.3 in binary floating point; here it must be exactly 3 deals.
    assert plan(assumptions("1000", "100", "0.3", "1", "1", 1)).deals == 3


def test_a_quotient_a_hair_above_a_whole_number_still_rounds_up() -> None:
    # Decimal's default 28 digits would round both of these down to a whole number.
    one = D(1)
    result = plan(FunnelAssumptions(D(10**40 + 1), one, one, one, one, 1))
    assert result.deals == 10**40 + 1
    # (10^30 + 1) ÷ 10 = 10^29 + 0.1 -> 10^29 + 1 deals
    result = plan(FunnelAssumptions(D(10**30 + 1), D(10), one, one, one, 1))
    assert result.deals == 10**29 + 1
    # 1 ÷ 0.333…3 (34 threes) = 3.000…03: rounded to nearest it would be 3 SQLs.
    result = plan(FunnelAssumptions(one, one, one, one, D("0." + "3" * 34), 1))
    assert (result.deals, result.sqls) == (1, 4)


def test_a_tiny_target_still_needs_one_deal() -> None:
    result = plan(assumptions("0.01", "1000000", "0.01", "1", "1", 1))
    assert (result.deals, result.sqls, result.mqls) == (1, 1, 1)


def test_huge_numbers_work_without_overflow() -> None:
    result = plan(assumptions("1e30", "1", "0.001", "0.001", "0.001", 7))
    assert result.deals == 10**27
    assert result.sqls == 10**30
    assert result.mqls == 10**33
    assert result.mqls_per_month == math.ceil(Fraction(10**33, 7))


def test_defaults_are_all_rates_100_percent_over_12_months() -> None:
    result = plan_with_defaults(D("800000"), D("18000"))
    assert result == FunnelPlan(45, 45, 45, 4, 4, 4, 12)
    full = plan_with_defaults(D("800000"), D("18000"), D("0.6"), D("0.25"), D("0.25"), 12)
    assert full == plan(assumptions())


# --- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("revenue_target", D(0)),
        ("revenue_target", D(-1)),
        ("revenue_target", D("NaN")),
        ("revenue_target", D("Infinity")),
        ("revenue_target", D("1e999999999")),
        ("average_deal", D(0)),
        ("average_deal", D("-18000")),
        ("average_deal", D("1e-999999999")),
        ("average_deal", D("-0")),
        ("marketing_share", D(0)),
        ("marketing_share", D("1.01")),
        ("marketing_share", D("-0.5")),
        ("mql_to_sql", D(0)),
        ("mql_to_sql", D(25)),
        ("mql_to_sql", D("sNaN")),
        ("sql_to_won", D(0)),
        ("sql_to_won", D(2)),
        ("sql_to_won", D("1e-999999999")),
        ("months", 0),
        ("months", -12),
        ("months", 121),
        ("months", 10**30),
    ],
)
def test_invalid_inputs_are_refused_by_name(field: str, value: object) -> None:
    changes: dict[str, Any] = {field: value}
    inputs = replace(assumptions(), **changes)
    with pytest.raises(FunnelInputError) as caught:
        plan(inputs)
    assert caught.value.field == field
    assert isinstance(caught.value, ValidationError)
    assert str(caught.value).endswith(".") and "\n" not in str(caught.value)


@pytest.mark.parametrize("field", FIELDS)
def test_a_missing_input_is_refused_by_name(field: str) -> None:
    with pytest.raises(FunnelInputError, match="needs the") as caught:
        plan(replace(assumptions(), **{field: None}))
    assert caught.value.field == field


def test_the_first_problem_in_field_order_is_reported() -> None:
    inputs = FunnelAssumptions(D(1), D(0), None, D(5), None, 0)
    with pytest.raises(FunnelInputError) as caught:
        plan(inputs)
    assert caught.value.field == "average_deal"
    with pytest.raises(FunnelInputError) as caught:
        plan(FunnelAssumptions())
    assert caught.value.field == "revenue_target"


def test_messages_name_the_input_in_plain_words() -> None:
    cases = {
        "revenue_target": ("0", "The revenue target must be more than 0."),
        "average_deal": ("-5", "The average deal size must be more than 0."),
        "marketing_share": ("150", "The marketing-sourced share must be more than 0 %"),
        "mql_to_sql": ("0", "The MQL→SQL rate must be more than 0 % and at most 100 %."),
        "sql_to_won": ("101%", "The SQL→won rate must be more than 0 % and at most 100 %."),
    }
    for field, (typed, sentence) in cases.items():
        parse = parse_amount if field in ("revenue_target", "average_deal") else parse_rate
        with pytest.raises(FunnelInputError) as caught:
            parse(typed, field)
        assert caught.value.field == field
        assert str(caught.value).startswith(sentence)
    with pytest.raises(FunnelInputError, match="period length") as caught:
        parse_months("0")
    assert caught.value.field == "months"


@given(
    st.sampled_from(FIELDS),
    st.one_of(
        st.decimals(allow_nan=True, allow_infinity=True),
        st.integers(min_value=-(10**40), max_value=10**40),
        st.none(),
    ),
)
def test_plan_never_divides_by_zero_or_crashes(field: str, value: Decimal | int | None) -> None:
    if field == "months" and isinstance(value, Decimal):
        value = int(value) if value.is_finite() and abs(value) < 10**6 else 0
    elif field != "months" and isinstance(value, int):
        value = D(value)
    changes: dict[str, Any] = {field: value}
    try:
        result = plan(replace(assumptions(), **changes))
    except FunnelInputError as exc:
        assert exc.field == field
    else:
        assert result.mqls >= result.sqls >= result.deals >= 1


# --- parsing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "rate"),
    [
        ("20%", "0.2"),
        ("20 %", "0.2"),
        (" 20\u00a0% ", "0.2"),
        ("0.2", "0.2"),
        ("0,2", "0.2"),
        (".2", "0.2"),
        (",2", "0.2"),
        ("20", "0.2"),
        ("12.5%", "0.125"),
        ("12,5 %", "0.125"),
        ("100%", "1"),
        ("100", "1"),
        ("1", "1"),  # a bare 1 is a fraction: 100 %
        ("1%", "0.01"),
        ("1.5", "0.015"),  # a bare number above 1 is a percentage
        ("0.001%", "0.00001"),
    ],
)
def test_parse_rate_accepts(typed: str, rate: str) -> None:
    parsed = parse_rate(typed, "mql_to_sql")
    assert parsed == D(rate)
    assert str(parsed) == rate  # tidy: no trailing zeros, no exponent


@pytest.mark.parametrize("blank", ["", "   ", "\u3000"])
def test_blank_text_is_not_entered_yet(blank: str) -> None:
    assert parse_rate(blank, "sql_to_won") is None
    assert parse_amount(blank, "revenue_target") is None
    assert parse_months(blank) is None


@pytest.mark.parametrize(
    "typed", ["abc", "%", "20%%", "twenty", "2 0", "1.2.3", "0,2,5", "nan", "inf", "20 % x", "--5"]
)
def test_parse_rate_refuses_what_is_not_a_number(typed: str) -> None:
    with pytest.raises(FunnelInputError, match="is not a number or percentage") as caught:
        parse_rate(typed, "marketing_share")
    assert caught.value.field == "marketing_share"
    assert "marketing-sourced share" in str(caught.value)


@pytest.mark.parametrize("typed", ["0", "0%", "-20%", "-0.2", "101", "100.5%", "1e9", "1e99999999"])
def test_parse_rate_refuses_what_is_out_of_range(typed: str) -> None:
    with pytest.raises(FunnelInputError, match="more than 0 % and at most 100 %") as caught:
        parse_rate(typed, "sql_to_won")
    assert caught.value.field == "sql_to_won"


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1200000", "1200000"),
        ("1,200,000", "1200000"),
        ("1 200 000", "1200000"),
        ("1\u202f200\u202f000", "1200000"),
        ("1.200.000", "1200000"),
        ("1'200'000", "1200000"),
        ("1.2M", "1200000"),
        ("1.2m", "1200000"),
        ("1,2M", "1200000"),
        ("800k", "800000"),
        ("800K", "800000"),
        ("800 k", "800000"),
        ("€800k", "800000"),
        ("€ 1,200,000", "1200000"),
        ("$1.2M", "1200000"),
        ("£800000", "800000"),
        ("EUR 800k", "800000"),
        ("USD 1,200,000", "1200000"),
        ("usd800000", "800000"),
        ("800 000 €", "800000"),
        ("800000 EUR", "800000"),
        ("18000.50", "18000.5"),
        ("1,200.50", "1200.5"),
        ("1.200,50", "1200.5"),
        ("18000,50", "18000.5"),
        ("1,200", "1200"),  # a comma before three digits groups thousands
        ("1.5", "1.5"),  # a single dot is a decimal point
        ("+5", "5"),
        ("1e15", "1" + "0" * 15),
        ("999999999999.999999k", "999999999999999.999"),
        ("0.000001", "0.000001"),
    ],
)
def test_parse_amount_accepts(typed: str, amount: str) -> None:
    parsed = parse_amount(typed, "revenue_target")
    assert parsed == D(amount)
    assert str(parsed) == amount


@pytest.mark.parametrize(
    "typed",
    ["abc", "k", "€", "EUR", "1..2", "1,20,000", "12 00", "1,200,50", "800kk", "1.2 bn", "€€5"],
)
def test_parse_amount_refuses_garbage(typed: str) -> None:
    with pytest.raises(FunnelInputError, match="is not an amount") as caught:
        parse_amount(typed, "average_deal")
    assert caught.value.field == "average_deal"
    assert "average deal size" in str(caught.value)


@pytest.mark.parametrize("typed", ["0", "0k", "-5", "-€5", "€-5", "0.00", "-1,200,000"])
def test_parse_amount_refuses_zero_and_negatives(typed: str) -> None:
    with pytest.raises(FunnelInputError, match="must be more than 0") as caught:
        parse_amount(typed, "revenue_target")
    assert caught.value.field == "revenue_target"


@pytest.mark.parametrize(
    "typed", ["1e30", "123456789012345678901234567890k", "1000000000000000.5", "1e16", "1e309"]
)
def test_parse_amount_refuses_more_than_a_thousand_million_million(typed: str) -> None:
    with pytest.raises(FunnelInputError) as caught:
        parse_amount(typed, "revenue_target")
    assert str(caught.value) == "The revenue target can be at most 1,000,000,000,000,000."
    assert caught.value.field == "revenue_target"


@pytest.mark.parametrize(
    ("typed", "field", "sentence"),
    [
        ("0.0000001", "average_deal", "Type the average deal size with at most 6 decimal"),
        ("1.0000000005k", "average_deal", "Type the average deal size with at most 6 decimal"),
        (
            "12.34567%",
            "mql_to_sql",
            "Type the MQL→SQL rate with at most 4 decimal places (e.g. 12.3456 %).",
        ),
        ("0.1234567", "sql_to_won", "Type the SQL→won rate with at most 4 decimal places"),
    ],
)
def test_typed_amounts_and_rates_have_at_most_six_decimal_places(
    typed: str, field: str, sentence: str
) -> None:
    parse = parse_amount if field == "average_deal" else parse_rate
    with pytest.raises(FunnelInputError) as caught:
        parse(typed, field)
    assert str(caught.value).startswith(sentence)
    assert caught.value.field == field


def test_absurd_magnitudes_are_refused_not_computed() -> None:
    for typed in ("1e999999999", "1e-999999999", "1e100"):
        with pytest.raises(FunnelInputError) as caught:
            parse_amount(typed, "revenue_target")
        assert caught.value.field == "revenue_target"


def test_a_long_typo_is_quoted_short_and_on_one_line() -> None:
    with pytest.raises(FunnelInputError) as caught:
        parse_amount("x" * 500 + "\nsecond line", "revenue_target")
    message = str(caught.value)
    assert len(message) < 120 and "\n" not in message


@pytest.mark.parametrize(("typed", "months"), [("1", 1), ("12", 12), (" 120 ", 120), ("012", 12)])
def test_parse_months_accepts(typed: str, months: int) -> None:
    assert parse_months(typed) == months


@pytest.mark.parametrize("typed", ["0", "121", "-1", "1.5", "12.0", "twelve", "1e2", "9" * 5000])
def test_parse_months_refuses(typed: str) -> None:
    with pytest.raises(FunnelInputError, match="whole number of months from 1 to 120") as caught:
        parse_months(typed)
    assert caught.value.field == "months"


# --- display ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "shown"),
    [
        (D("0.25"), "25 %"),
        (D("0.125"), "12.5 %"),
        (D("0.250"), "25 %"),
        (D("1"), "100 %"),
        (D("0.00001"), "0.001 %"),
        (D("1E-7"), "0.00001 %"),
        (None, ""),
        # Stored before the limits: shown as stored, never computed into a giant string.
        (D("NaN"), "NaN"),
        (D("-Infinity"), "-Infinity"),
        (D("1E+200"), "1E+200"),
        (D("1E+999999999"), "1E+999999999"),
    ],
)
def test_format_rate(rate: Decimal | None, shown: str) -> None:
    assert format_rate(rate) == shown


@given(st.integers(min_value=1, max_value=100_000))
def test_format_then_parse_round_trips(thousandths_of_a_percent: int) -> None:
    rate = D(thousandths_of_a_percent) / D(100_000)
    assert parse_rate(format_rate(rate), "mql_to_sql") == rate


# --- what is missing, what is unusual ---------------------------------------------------


def test_missing_lists_every_blank_input_in_field_order() -> None:
    assert missing(FunnelAssumptions()) == list(FIELDS)
    assert missing(assumptions()) == []
    partial = FunnelAssumptions(revenue_target=D(1), mql_to_sql=D("0.2"), months=12)
    assert missing(partial) == ["average_deal", "marketing_share", "sql_to_won"]


def test_typical_ranges() -> None:
    expected = {
        "marketing_share": (D("0.3"), D("0.7")),
        "mql_to_sql": (D("0.1"), D("0.4")),
        "sql_to_won": (D("0.2"), D("0.3")),
    }
    assert expected == TYPICAL


def test_unusual_rates_are_flagged_with_a_sentence() -> None:
    flagged = unusual(assumptions(marketing_share="0.1", mql_to_sql="0.7", sql_to_won="0.6"))
    assert flagged == [
        (
            "marketing_share",
            "A marketing-sourced share of 10 % is far below the typical 30–70 %; check it.",
        ),
        ("mql_to_sql", "An MQL→SQL rate of 70 % is far above the typical 10–40 %; check it."),
        ("sql_to_won", "An SQL→won rate of 60 % is far above the typical 20–30 %; check it."),
    ]


def test_typical_and_mildly_unusual_rates_are_not_flagged() -> None:
    assert unusual(assumptions()) == []
    # The edges themselves (half the low end, 1.5× the high end) are not "far".
    assert unusual(assumptions(marketing_share="0.15", mql_to_sql="0.05", sql_to_won="0.45")) == []
    assert unusual(assumptions(marketing_share="1", mql_to_sql="0.6", sql_to_won="0.1")) == []
    flagged = unusual(assumptions(mql_to_sql="0.049", sql_to_won="0.451"))
    assert [field for field, _ in flagged] == ["mql_to_sql", "sql_to_won"]
    assert "far below" in flagged[0][1] and "far above" in flagged[1][1]


def test_unusual_ignores_missing_and_invalid_rates() -> None:
    assert unusual(FunnelAssumptions()) == []
    assert unusual(FunnelAssumptions(mql_to_sql=D(0), sql_to_won=D(3))) == []


# --- properties -------------------------------------------------------------------------

amounts = st.decimals(min_value=D("0.01"), max_value=D("1e12"), places=2).filter(lambda d: d > 0)
rates = st.integers(min_value=1, max_value=10_000).map(lambda n: D(n) / D(10_000))
months_st = st.integers(min_value=1, max_value=120)


@given(amounts, amounts, rates, rates, rates, months_st)
def test_plan_is_exact_ordered_and_spread_over_the_months(
    revenue_target: Decimal,
    average_deal: Decimal,
    share: Decimal,
    mql_to_sql: Decimal,
    sql_to_won: Decimal,
    months: int,
) -> None:
    result = plan(
        FunnelAssumptions(revenue_target, average_deal, share, mql_to_sql, sql_to_won, months)
    )
    # An independent exact reference, in fractions.
    deals = math.ceil(Fraction(revenue_target) * Fraction(share) / Fraction(average_deal))
    sqls = math.ceil(deals / Fraction(sql_to_won))
    mqls = math.ceil(sqls / Fraction(mql_to_sql))
    assert (result.deals, result.sqls, result.mqls) == (deals, sqls, mqls)

    assert result.mqls >= result.sqls >= result.deals >= 0
    assert result.months == months
    for total, per_month in (
        (result.deals, result.deals_per_month),
        (result.sqls, result.sqls_per_month),
        (result.mqls, result.mqls_per_month),
    ):
        assert per_month * months >= total
        assert per_month * months - total < months
