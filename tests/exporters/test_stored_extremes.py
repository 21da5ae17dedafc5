"""What a library may already hold — numbers and dates Accord now refuses where they are typed
or imported — still prints: the agreement, the summary and the calendar never fail on it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporters.agreement_pdf import render
from exporters.calendar_ics import calendar_ics
from exporters.pdf_text import amount, number, percent
from exporters.summary_pdf import summary_pdf
from tests.exporters.pdf_samples import page_texts, squash
from workshop.demo import build_demo_workshop
from workshop.model import Meeting, Workshop
from workshop.review_calendar import prepare_calendar
from workshop.summary_data import prepare_summary
from workshop.versions import export_target

DAY = date(2026, 11, 23)
ODD = [
    Decimal("1E+28"),
    Decimal("1E+40"),
    Decimal("-1E+120"),
    Decimal("1E+120"),
    Decimal("1E+999999999"),
    Decimal("NaN"),
    Decimal("Infinity"),
    Decimal("-0"),
    Decimal("123456789012345678901234567890.5"),
]


@settings(max_examples=300, deadline=None)
@given(value=st.decimals(allow_nan=True, allow_infinity=True) | st.sampled_from(ODD))
def test_numbers_print_whatever_is_stored(value: Decimal) -> None:
    for text in (number(value), percent(value), amount(value, "EUR")):
        assert text and len(text) < 250


def test_whole_numbers_beyond_28_digits_print_exactly() -> None:
    assert number(Decimal("1E+28")) == "10,000,000,000,000,000,000,000,000,000"
    assert number(Decimal("1E+200")) == "1E+200"
    assert number(Decimal("NaN")) == "NaN"
    assert percent(Decimal("0.25")) == "25 %"


def _huge(w: Workshop) -> Workshop:
    w.goal.target = Decimal("1E+28")
    w.goal.baseline = Decimal("-1E+120")
    w.funnel.revenue_target = Decimal("1E+40")
    w.kpis[0].target = Decimal("1E+30")
    w.kpis[1].target = Decimal("NaN")
    w.commitments[0].target = Decimal("Infinity")
    w.commitments[0].follows_funnel = False
    w.objectives[0].target = Decimal("1E+120")
    return w


def test_the_agreement_of_a_workshop_with_huge_numbers_prints() -> None:
    w = _huge(build_demo_workshop(DAY))
    w.versions = []
    agreement, version = export_target(w, None)
    rendered = render(agreement, version, workshop_id=w.id, page_size="A4", app_version="1")
    text = squash(" ".join(page_texts(rendered.data)))
    assert "10,000,000,000,000,000,000,000,000,000" in text
    assert "-1," + "000," * 39 + "000" in text  # -1E+120, digit for digit
    assert "NaN" in text and "Infinity" in text


def test_the_summary_of_a_workshop_with_huge_numbers_prints() -> None:
    data = summary_pdf(prepare_summary(_huge(build_demo_workshop(DAY)), DAY))
    assert data.startswith(b"%PDF")


@pytest.mark.parametrize("extreme", [date(1, 1, 1), date(9999, 12, 31)])
def test_extreme_dates_print_and_stay_out_of_the_calendar(extreme: date) -> None:
    w = build_demo_workshop(DAY)
    w.review_date = w.effective_date = w.goal.deadline = extreme
    w.created_at = datetime(extreme.year, extreme.month, extreme.day, tzinfo=UTC)
    w.meetings[0].first_date = extreme
    w.meetings.append(Meeting(title="Monthly last Friday", cadence="monthly (last friday)"))
    w.meetings[-1].first_date = extreme
    w.versions = []
    for zone in ("Europe/Berlin", None):
        result = calendar_ics(prepare_calendar(w), datetime(2026, 11, 23, tzinfo=UTC), zone)
        assert b"BEGIN:VCALENDAR" in result.data
        assert any("outside the years 1900 to 2199" in note for note in result.notes)
        assert b"UID:review-" not in result.data
        assert extreme.isoformat().replace("-", "").encode() not in result.data
    agreement, version = export_target(w, None)
    rendered = render(agreement, version, workshop_id=w.id, page_size="A4", app_version="1")
    assert f"{extreme.day} " in " ".join(page_texts(rendered.data))
    assert summary_pdf(prepare_summary(w, DAY)).startswith(b"%PDF")


def test_an_endless_meeting_gets_the_usual_hour() -> None:
    w = build_demo_workshop(DAY)
    w.meetings[0].duration_minutes = 2**31 - 1
    result = calendar_ics(prepare_calendar(w), datetime(2026, 11, 23, tzinfo=UTC), "Europe/Berlin")
    assert any("longer than a meeting can" in note for note in result.notes)


def test_a_cadence_with_thousands_of_digits_is_one_meeting_with_a_note() -> None:
    w = build_demo_workshop(DAY)
    w.meetings[0].cadence = "every " + "9" * 5000 + " weeks"
    w.meetings[1].cadence = "monthly (" + "9" * 5000 + "th thursday)"
    result = calendar_ics(prepare_calendar(w), datetime(2026, 11, 23, tzinfo=UTC), "Europe/Berlin")
    assert sum("not a cadence a calendar can repeat" in note for note in result.notes) == 2


def test_the_last_friday_of_december_9999_is_found() -> None:
    from workshop.cadence import recurrence

    rule = recurrence("monthly (last friday)")
    assert rule is not None
    assert rule.first_on_or_after(date(9999, 12, 1)) == date(9999, 12, 31)
