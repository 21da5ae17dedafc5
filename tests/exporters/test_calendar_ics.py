"""The review calendar imports into calendar apps: RFC 5545 text, recurrence, time zones."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporters.calendar_ics import calendar_ics, escape, fold
from exporters.ics_zone import vtimezone
from workshop.demo import build_demo_workshop
from workshop.model import Meeting, Workshop
from workshop.review_calendar import prepare_calendar

NOW = datetime(2026, 11, 23, 12, 30, tzinfo=UTC)


def unescape(raw: str) -> str:
    """RFC 5545 §3.3.11, for properties icalendar leaves raw."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], raw)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def events(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF only
    return data.split(b"\r\n")[:-1]


def test_the_demo_meetings_repeat_in_their_zone_and_the_review_is_a_day() -> None:
    w = build_demo_workshop(date(2026, 11, 23))
    result = calendar_ics(prepare_calendar(w), NOW, "Europe/Berlin")
    assert result.notes == [] and result.events == 4
    assert all(len(line) <= 75 for line in physical_lines(result.data))
    cal = parse(result.data)
    found = events(cal)
    weekly = found["Weekly pipeline review"]
    assert weekly["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=TU"
    start = weekly.decoded("DTSTART")
    assert start.weekday() == 1 and start.hour == 10  # a Tuesday, 10:00 Berlin time
    assert weekly["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert start.utcoffset() == timedelta(hours=1)
    assert weekly.decoded("DTEND") - start == timedelta(minutes=30)
    assert weekly["DTEND"].params["TZID"] == "Europe/Berlin"
    monthly = found["Monthly alignment review"]
    assert monthly["RRULE"].to_ical() == b"FREQ=MONTHLY;BYDAY=1TH"
    first = monthly.decoded("DTSTART")
    assert first.weekday() == 3 and first.day <= 7  # the first Thursday
    quarterly = found["Quarterly business review"]
    assert quarterly["RRULE"].to_ical() == b"FREQ=MONTHLY;INTERVAL=3"
    review = found["Review of the sales–marketing agreement"]
    assert review.decoded("DTSTART") == w.review_date
    for event in found.values():
        assert str(event["UID"]).endswith("@accord")
        assert event.decoded("DTSTAMP") == NOW
    assert len({str(e["UID"]) for e in found.values()}) == 4
    # Descriptions come back literally: commas and semicolons were escaped.
    assert "Head of Sales, SDR team lead" in str(weekly["DESCRIPTION"])
    assert "rejected leads and reasons; deals at risk" in str(weekly["DESCRIPTION"])


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "Australia/Sydney"])
def test_the_time_zone_block_gives_the_same_offsets_as_the_zone_database(zone: str) -> None:
    lines = vtimezone(zone, 2027, 2028)
    block = icalendar.Timezone.from_ical("\r\n".join(lines))
    tz = block.to_tz()
    real = ZoneInfo(zone)
    for month in range(1, 13):
        for year in (2027, 2030):
            moment = datetime(year, month, 15, 10)
            assert tz.utcoffset(moment) == moment.replace(tzinfo=real).utcoffset(), (year, month)


def test_a_zone_without_daylight_saving_has_one_period() -> None:
    lines = vtimezone("Asia/Tokyo", 2027, 2027)
    assert lines.count("BEGIN:STANDARD") == 1 and "TZOFFSETTO:+0900" in lines
    assert "BEGIN:DAYLIGHT" not in lines


def test_unclear_cadences_become_single_meetings_and_are_reported() -> None:
    w = Workshop(
        title="Cadences",
        meetings=[
            Meeting(title="Stand-up", cadence="twice a week", first_date=date(2027, 1, 4)),
            Meeting(title="Pairing", cadence="every second Tuesday", first_date=date(2027, 1, 4)),
            Meeting(title="Retro", cadence="Bi-weekly", first_date=date(2027, 1, 8)),
            Meeting(title="Planning", cadence="", first_date=date(2027, 1, 8)),
            Meeting(title="Undated", cadence="weekly"),
        ],
    )
    result = calendar_ics(prepare_calendar(w), NOW, "America/New_York")
    found = events(parse(result.data))
    assert "RRULE" not in found["Stand-up"] and "RRULE" not in found["Planning"]
    assert "twice a week" in str(found["Stand-up"]["DESCRIPTION"])
    pairing = found["Pairing"]
    assert pairing["RRULE"].to_ical() == b"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
    assert pairing.decoded("DTSTART").date() == date(2027, 1, 5)  # moved to the Tuesday
    assert found["Retro"]["RRULE"].to_ical() == b"FREQ=WEEKLY;INTERVAL=2"
    assert "Undated" not in found
    text = " ".join(result.notes)
    assert "“twice a week” is not a cadence" in text
    assert "“Planning” has no cadence" in text
    assert "“Undated” has no first date" in text
    assert "no review date" in text


def test_without_a_zone_the_times_are_floating_and_say_so() -> None:
    w = Workshop(
        title="F", meetings=[Meeting(title="M", cadence="weekly", first_date=date(2027, 3, 1))]
    )
    for zone in (None, "Mars/Olympus_Mons"):
        result = calendar_ics(prepare_calendar(w), NOW, zone)
        assert b"VTIMEZONE" not in result.data and b"TZID" not in result.data
        start = events(parse(result.data))["M"].decoded("DTSTART")
        assert start.tzinfo is None and start == datetime(2027, 3, 1, 10)
        assert "floating" in result.notes[0]


def test_escaping_and_folding_follow_the_standard() -> None:
    assert escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"
    line = "DESCRIPTION:" + "é" * 100
    folded = fold(line)
    parts = folded.encode().split(b"\r\n")
    assert all(len(p) <= 75 for p in parts)
    assert "".join(p.decode()[1:] if n else p.decode() for n, p in enumerate(parts)) == line


hostile = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200) | (
    st.sampled_from(["a,b;c\\d", "<b>x</b>", "🙂🙂🙂 café", "שלום", "x" * 5000, "line\nnext"])
)


@settings(max_examples=40, deadline=None)
@given(hostile, hostile, hostile)
def test_any_title_and_agenda_read_back_literally(title: str, agenda: str, people: str) -> None:
    if not " ".join(title.split()):
        title = "x"
    w = Workshop(
        title=title,
        meetings=[Meeting(title=title, attendees=people, agenda=agenda, cadence="monthly",
                          first_date=date(2027, 5, 31), duration_minutes=45)],
        review_date=date(2027, 6, 30),
    )  # fmt: skip
    result = calendar_ics(prepare_calendar(w), NOW, "Europe/Berlin")
    assert all(len(line) <= 75 for line in physical_lines(result.data))
    cal = parse(result.data)
    meeting = events(cal)[" ".join(title.split())]
    description = str(meeting["DESCRIPTION"])
    assert agenda.strip() in description and people.strip() in description
    assert unescape(str(cal["X-WR-CALNAME"])) == title  # an X- property: raw text


@pytest.mark.parametrize(
    ("cadence", "rule"),
    [
        ("weekly", "FREQ=WEEKLY"),
        ("Once a week", "FREQ=WEEKLY"),
        ("weekly (Tuesday)", "FREQ=WEEKLY;BYDAY=TU"),
        ("every Friday", "FREQ=WEEKLY;BYDAY=FR"),
        ("biweekly", "FREQ=WEEKLY;INTERVAL=2"),
        ("every two weeks", "FREQ=WEEKLY;INTERVAL=2"),
        ("fortnightly on Monday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
        ("every second Tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
        ("every other Wednesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
        ("every 3 weeks", "FREQ=WEEKLY;INTERVAL=3"),
        ("monthly", "FREQ=MONTHLY"),
        ("monthly (first Thursday)", "FREQ=MONTHLY;BYDAY=1TH"),
        ("last Friday of the month", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("the 2nd Monday of each month", "FREQ=MONTHLY;BYDAY=2MO"),
        ("quarterly", "FREQ=MONTHLY;INTERVAL=3"),
        ("Every quarter.", "FREQ=MONTHLY;INTERVAL=3"),
        ("twice a year", "FREQ=MONTHLY;INTERVAL=6"),
        ("annually", "FREQ=YEARLY"),
        ("daily", "FREQ=DAILY"),
        ("every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("twice a week", None),
        ("bimonthly", None),  # twice a month or every two months: unclear
        ("as needed", None),
        ("every 100 weeks", None),
        ("", None),
    ],
)
def test_cadence_wording_maps_to_a_rule_only_when_clear(cadence: str, rule: str | None) -> None:
    from workshop.cadence import recurrence

    found = recurrence(cadence)
    assert (found.rule() if found else None) == rule
