"""Dates in documents and on the projector read the same way everywhere."""

from __future__ import annotations

import datetime as dt
from datetime import date

from workshop.dates import long_date
from workshop.demo import build_demo_workshop
from workshop.demo_history import with_history
from workshop.steps import Step
from workshop.summary import captured


def test_long_date() -> None:
    assert long_date(date(2027, 1, 1)) == "1 January 2027"
    assert long_date(date(2026, 11, 30)) == "30 November 2026"
    assert long_date(None) == "—"


def test_summary_lines_use_the_same_dates_as_the_agreement() -> None:
    w = with_history(
        build_demo_workshop(date(2026, 11, 23)), dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    )
    goal = dict(captured(w, Step.GOAL))
    assert any(value.endswith("by 31 December 2027") for value in goal.values())
    agreement = dict(captured(w, Step.AGREEMENT))
    assert agreement["Version 1"] == "signed 1 December 2026"
