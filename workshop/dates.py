"""Dates as people read them in Accord's documents and on the projector."""

from __future__ import annotations

from datetime import date

from workshop.i18n import _


def _months() -> tuple[str, ...]:
    return (
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        _("May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )


def long_date(value: date | None) -> str:
    """``1 January 2027``; an em dash when there is no date."""
    if value is None:
        return "—"
    return f"{value.day} {_months()[value.month - 1]} {value.year}"
