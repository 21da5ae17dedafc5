"""Small helpers the steps' rules share: naming an item in a sentence, addressing one item's
field, and writing numbers and teams the way the summaries do."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from workshop.i18n import _
from workshop.model import Team
from workshop.numbers import exceptional

TEAM_NAMES = {
    Team.SALES: _("sales"),
    Team.MARKETING: _("marketing"),
    Team.LEADERSHIP: _("leadership"),
    Team.OTHER: _("other"),
}


def item_path(collection: str, item_id: str, field: str) -> str:
    """Where a gap points for one field of one item: ``collection/item-id/field``."""
    return f"{collection}/{item_id}/{field}"


def named(text: str, fallback: str) -> str:
    """An item's text quoted for a sentence (its first 60 characters), or ``fallback``."""
    text = " ".join(text.split())
    return f"“{text[:60]}”" if text else fallback


def one_line(text: str) -> str:
    return " ".join(text.split())


def number(value: Decimal | int | None) -> str:
    """``1,200`` or ``4.8``: grouped thousands, no trailing zeros; any stored number is
    written, however large or odd (``NaN``, ``1E+200``)."""
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        odd = exceptional(value)
        if odd is not None:
            return odd
        value = value.normalize()
        text = f"{value:,f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return f"{value:,}"


def by_team(teams: list[Team]) -> str:
    """``2 sales, 1 marketing``: how many of each team, in the teams' order."""
    counts = Counter(teams)
    return ", ".join(f"{counts[t]} {TEAM_NAMES[t]}" for t in Team if counts[t])
