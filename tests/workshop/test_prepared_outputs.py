"""The take-home outputs' prepared data: worked out once from the workshop, frozen, and
independent of it afterwards (it crosses to a worker thread or the PDF helper process)."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import date

import pytest

from workshop.demo import build_demo_workshop
from workshop.review_calendar import prepare_calendar
from workshop.summary_data import prepare_summary

DAY = date(2026, 11, 23)


def test_the_summary_is_frozen_and_outlives_changes_to_the_workshop() -> None:
    w = build_demo_workshop(DAY)
    summary = prepare_summary(w, DAY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        summary.title = "changed"  # type: ignore[misc]
    titles = [step.title for step in summary.outcomes]
    w.title, w.participants, w.votes = "Changed", [], []
    assert summary.title != "Changed" and summary.people and summary.votes
    assert [step.title for step in summary.outcomes] == titles
    assert pickle.loads(pickle.dumps(summary)) == summary


def test_the_summary_lists_open_parking_lot_issues_first() -> None:
    w = build_demo_workshop(DAY)
    w.parking_lot[0].resolved = True
    resolved = [issue.resolved for issue in prepare_summary(w, DAY).parking_lot]
    assert resolved == sorted(resolved)


def test_the_calendar_keeps_what_goes_in_and_says_what_does_not() -> None:
    w = build_demo_workshop(DAY)
    w.meetings[0].first_date = None
    w.review_date = None
    calendar = prepare_calendar(w)
    assert [m.id for m in calendar.meetings] == [m.id for m in w.meetings[1:]]
    assert calendar.review is None
    assert calendar.notes[0].endswith("has no first date, so it is not in the calendar.")
    assert calendar.notes[-1] == (
        "The agreement has no review date yet, so it is not in the calendar."
    )
    assert pickle.loads(pickle.dumps(calendar)) == calendar
