"""Agenda times: start time plus durations, past midnight, bad start times, typed minutes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.agenda import (
    HALF_DAY_MINUTES,
    MAX_ITEM_MINUTES,
    available_minutes,
    clean_start_time,
    clock_text,
    duration_text,
    fit_text,
    parse_clock,
    parse_minutes,
    plan_agenda,
    variance,
    variance_text,
)
from workshop.defaults import half_day_agenda
from workshop.editing import new_workshop
from workshop.errors import ValidationError
from workshop.model import AgendaItem
from workshop.steps import Step


def items(*minutes: int) -> list[AgendaItem]:
    return [AgendaItem(title=f"Item {n}", planned_minutes=m) for n, m in enumerate(minutes)]


def test_each_item_starts_when_the_one_before_ends() -> None:
    agenda = items(15, 35, 40)
    plan = plan_agenda(agenda, "09:00")
    assert [s.text for s in plan.slots] == ["09:00–09:15", "09:15–09:50", "09:50–10:30"]
    assert [s.item_id for s in plan.slots] == [i.id for i in agenda]
    assert plan.planned_total == 90
    assert plan.end == 9 * 60 + 90
    assert plan.slot(agenda[1].id) == plan.slots[1]
    assert plan.slot("nope") is None


def test_an_agenda_past_midnight_marks_the_next_day() -> None:
    plan = plan_agenda(items(45, 60, 24 * 60), "23:30")
    assert [s.text for s in plan.slots] == [
        "23:30–00:15 (+1)",
        "00:15 (+1)–01:15 (+1)",
        "01:15 (+1)–01:15 (+2)",
    ]
    assert clock_text(24 * 60) == "00:00 (+1)"
    assert clock_text(0) == "00:00"


@pytest.mark.parametrize("start", ["nine", "", "25:00", "9:75", "<b>9</b>", "🎉", "9:00 pm"])
def test_an_invalid_start_time_gives_no_times_but_keeps_the_totals(start: str) -> None:
    agenda = items(10, 20)
    agenda[0].actual_minutes = 12
    plan = plan_agenda(agenda, start)
    assert plan.slots == ()
    assert plan.start is None and plan.end is None
    assert (plan.planned_total, plan.actual_total, plan.recorded) == (30, 12, 1)
    assert plan.planned_of_recorded == 10


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("9:00", "09:00"), ("09.30", "09:30"), ("14h15", "14:15"), ("0930", "09:30"),
     ("9", "09:00"), (" 23:59 ", "23:59"), ("0:00", "00:00")],
)  # fmt: skip
def test_start_times_are_read_as_people_type_them(typed: str, stored: str) -> None:
    assert clean_start_time(typed) == stored


@pytest.mark.parametrize("typed", ["24:00", "nine", "9:7", "-1:00", "12:60", "", "9:00:00"])
def test_a_start_time_that_is_not_one_is_refused_in_a_sentence(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_clock(typed)
    assert caught.value.message.endswith("type it as hours and minutes, e.g. 09:00.")


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_time_of_day_round_trips(hours: int, minutes: int) -> None:
    text = f"{hours:02d}:{minutes:02d}"
    assert clean_start_time(text) == text
    assert parse_clock(text) == hours * 60 + minutes


@given(st.text(max_size=30))
def test_any_text_is_a_time_or_a_sentence(text: str) -> None:
    try:
        minutes = parse_clock(text)
    except ValidationError as exc:
        assert exc.message.count(".") >= 1 and "\n" not in exc.message
    else:
        assert 0 <= minutes < 24 * 60


@given(st.lists(st.integers(0, MAX_ITEM_MINUTES), max_size=20), st.integers(0, 24 * 60 - 1))
def test_slots_tile_the_agenda_without_gaps(minutes: list[int], start: int) -> None:
    plan = plan_agenda(items(*minutes), clock_text(start))
    assert len(plan.slots) == len(minutes)
    at = start
    for slot, length in zip(plan.slots, minutes, strict=True):
        assert (slot.start, slot.end) == (at, at + length)
        at += length
    assert plan.end == start + sum(minutes)


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [("15", 15), ("15 min", 15), ("15m", 15), ("1:30", 90), ("1 h 30", 90), ("1h30min", 90),
     ("1.5 h", 90), ("1,5h", 90), ("2 hours", 120), ("0", 0), (" 45 ", 45), ("720", 720)],
)  # fmt: skip
def test_minutes_are_read_as_people_type_them(typed: str, minutes: int) -> None:
    assert parse_minutes(typed, "planned minutes") == minutes


@pytest.mark.parametrize("typed", ["-5", "ten", "1.33 h", "1:75", "<b>", "15 sec", "1e3"])
def test_minutes_that_are_not_minutes_are_explained(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_minutes(typed, "planned minutes")
    assert "is not a number of minutes; type planned minutes as e.g. 15, 90 or 1:30." in (
        caught.value.message
    )


def test_too_many_minutes_and_blanks() -> None:
    with pytest.raises(ValidationError, match="at most 720 minutes"):
        parse_minutes("721", "planned minutes")
    with pytest.raises(ValidationError, match="Planned minutes cannot be empty"):
        parse_minutes("  ", "planned minutes")
    assert parse_minutes("", "actual minutes", required=False) is None


@pytest.mark.parametrize("typed", ["9" * 5000, "9" * 5000 + " min", "1 h " + "0" * 4400])
def test_thousands_of_digits_are_too_many_minutes_not_a_crash(typed: str) -> None:
    with pytest.raises(ValidationError, match="at most 720 minutes"):
        parse_minutes(typed, "planned minutes")


def test_totals_and_fit_against_the_time_available() -> None:
    assert duration_text(45) == "45 min"
    assert duration_text(120) == "2 h"
    assert duration_text(235) == "3 h 55 min"
    assert duration_text(-5) == "−5 min"
    assert fit_text(235, 240) == "Planned 3 h 55 min of 4 h: 5 min to spare."
    assert fit_text(240, 240) == "Planned 4 h: exactly the time available."
    assert fit_text(260, 240) == "Planned 4 h 20 min, 20 min more than the 4 h available."
    assert available_minutes(9 * 60, 13 * 60) == HALF_DAY_MINUTES
    assert available_minutes(22 * 60, 2 * 60) == 240  # across midnight
    assert available_minutes(9 * 60, 9 * 60) == 24 * 60


def test_plan_versus_actual() -> None:
    item = AgendaItem(planned_minutes=35)
    assert variance(item) is None
    item.actual_minutes = 40
    assert variance(item) == 5 and variance_text(5) == "+5 min"
    item.actual_minutes = 30
    assert variance_text(variance(item) or 0) == "−5 min"
    assert variance_text(0) == "on time"


def test_the_standard_agenda_is_a_half_day_through_every_step() -> None:
    agenda = half_day_agenda()
    assert sum(i.planned_minutes for i in agenda) == HALF_DAY_MINUTES
    assert {i.step for i in agenda} - {None} == {s.value for s in Step}
    assert any(i.step is None and "Break" in i.title for i in agenda)
    assert len({i.id for i in agenda + half_day_agenda()}) == 2 * len(agenda)  # fresh ids
    plan = plan_agenda(new_workshop("Planned").agenda, "09:00")
    assert plan.slots[-1].text == "12:50–13:00"


@given(st.text(max_size=40) | st.text(st.sampled_from("0123456789 h:min"), max_size=9000))
def test_any_typed_minutes_are_minutes_or_one_sentence(text: str) -> None:
    try:
        minutes = parse_minutes(text, "planned minutes")
    except ValidationError as exc:
        assert "\n" not in exc.message and exc.message.endswith(".")
    else:
        assert minutes is not None and 0 <= minutes <= MAX_ITEM_MINUTES


@given(st.integers(0, MAX_ITEM_MINUTES))
def test_minutes_written_any_usual_way_read_back_the_same(minutes: int) -> None:
    hours, rest = divmod(minutes, 60)
    assert parse_minutes(str(minutes), "m") == minutes
    assert parse_minutes(f"{hours}:{rest:02d}", "m") == minutes
    assert parse_minutes(f"{hours} h {rest} min", "m") == minutes
