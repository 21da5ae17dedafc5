"""The workshops the benchmarks build, print and edit: the demo, and the demo grown.

``demo()`` is what ``main.py demo`` stores: the sample workshop with its signed version 1
and the amendment since. ``grown(k)`` is the same workshop with every list the agreement
prints made ``k`` times as long, each added entry carrying a paragraph of extra text, so
that a larger workshop is larger in both ways a real one grows: more rows, longer words.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time
from enum import Enum
from typing import Any

from workshop.model import Workshop, new_id

DAY = date(2026, 11, 23)  # fixed, so every run prints the same agreement

# The lists the agreement prints; the agenda, votes and capture lists stay as in the demo.
GROWN = (
    "participants",
    "objectives",
    "definitions",
    "personas",
    "activities",
    "commitments",
    "escalation",
    "kpis",
    "sharing",
    "meetings",
    "shadowing",
    "allies",
)

EXTRA = (
    "Both teams review this line at the monthly pipeline meeting, note what changed since "
    "the last review and who follows up, and record the outcome in the CRM so that the "
    "next review starts from the same facts rather than from memory."
)

LONG_TEXT = 12  # a text field already longer than this is prose, and gets the extra text


def demo() -> Workshop:
    from workshop.demo import build_demo_workshop
    from workshop.demo_history import with_history

    workshop = build_demo_workshop(DAY)
    assert workshop.date is not None
    return with_history(workshop, datetime.combine(workshop.date, time(12, 40), UTC))


def _copy(item: Any, k: int) -> Any:
    changes: dict[str, Any] = {"id": new_id()}
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if f.name == "id" or isinstance(value, Enum) or not isinstance(value, str):
            continue
        if len(value) > LONG_TEXT:
            changes[f.name] = f"{value} ({k}) {EXTRA}"
        elif f.name in ("name", "title", "stage", "what"):
            changes[f.name] = f"{value} {k}"
    return dataclasses.replace(item, **changes)


def grown(factor: int) -> Workshop:
    """The demo with each printed list ``factor`` times as long (``grown(1)`` is the demo)."""
    workshop = demo()
    if factor <= 1:
        return workshop
    for name in GROWN:
        items = getattr(workshop, name)
        originals = list(items)
        if not originals:
            continue
        for k in range(len(originals), factor * len(originals)):
            items.append(_copy(originals[k % len(originals)], k))
    workshop.title = f"{workshop.title} ×{factor}"
    return workshop


def counts(workshop: Workshop) -> str:
    """ "200 activities, 100 KPIs, …": the size of a workshop in words."""
    return ", ".join(
        f"{len(getattr(workshop, name))} {name}"
        for name in ("activities", "kpis", "participants", "commitments")
    )
