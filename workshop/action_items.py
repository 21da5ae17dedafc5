"""Action items as people read them: owner by name, overdue or not, grouped by owner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from workshop.i18n import _
from workshop.model import ActionItem, ActionStatus, Workshop
from workshop.steps import STEP_INFO, Step

STATUS_LABELS: dict[ActionStatus, str] = {
    ActionStatus.OPEN: _("Open"),
    ActionStatus.DONE: _("Done"),
    ActionStatus.DROPPED: _("Dropped"),
}


def is_overdue(item: ActionItem, today: date) -> bool:
    """Still open and its due date has passed."""
    return item.status is ActionStatus.OPEN and item.due is not None and item.due < today


def step_title(step: str | None) -> str:
    """The title of a step stored as its value ("" for none or an unknown one)."""
    if step in {s.value for s in Step}:
        return STEP_INFO[Step(step)].title
    return ""


def owner_name(workshop: Workshop, owner_id: str | None) -> str:
    for person in workshop.participants:
        if person.id == owner_id:
            return person.name.strip() or _("(unnamed participant)")
    return ""


@dataclass(frozen=True)
class ActionRow:
    """One action item with everything resolved to text."""

    what: str
    owner: str  # "" when nobody owns it
    owner_email: str
    due: date | None
    status: ActionStatus
    status_label: str
    step: str  # the step's title, or ""
    overdue: bool


def action_rows(workshop: Workshop, today: date) -> list[ActionRow]:
    emails = {p.id: p.email.strip() for p in workshop.participants}
    return [
        ActionRow(
            what=item.what,
            owner=owner_name(workshop, item.owner_id),
            owner_email=emails.get(item.owner_id or "", ""),
            due=item.due,
            status=item.status,
            status_label=STATUS_LABELS[item.status],
            step=step_title(item.step),
            overdue=is_overdue(item, today),
        )
        for item in workshop.action_items
    ]


def by_owner(rows: list[ActionRow]) -> list[tuple[str, list[ActionRow]]]:
    """Rows grouped by owner (participants in name order, unowned last); inside a group,
    open items first, then by due date (undated last)."""
    groups: dict[str, list[ActionRow]] = {}
    for row in rows:
        groups.setdefault(row.owner, []).append(row)
    order = sorted(groups, key=lambda name: (name == "", name.casefold()))

    def key(row: ActionRow) -> tuple[bool, bool, date]:
        return (row.status is not ActionStatus.OPEN, row.due is None, row.due or date.max)

    return [(name or _("No owner yet"), sorted(groups[name], key=key)) for name in order]
