"""Rules that apply when a workshop is created, renamed, copied or edited."""

from __future__ import annotations

import copy
import re
from dataclasses import fields
from datetime import date

from workshop import defaults
from workshop.errors import ValidationError
from workshop.i18n import _
from workshop.limits import MAX_MONTHS, check_text
from workshop.model import Party, Team, Workshop, WorkshopStatus, new_id

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def clean_title(text: str) -> str:
    """The title as stored: surrounding blanks removed; an empty title, or one longer than
    :func:`~workshop.limits.max_chars` allows (300 characters), is refused."""
    title = text.strip()
    if not title:
        raise ValidationError(_("A workshop needs a title."), field="title")
    return check_text(Workshop, "title", title, _("a workshop title"))


def email_problem(text: str) -> str:
    """Why ``text`` is not a usable e-mail address, or "" if it is one (or is empty).

    An address is optional; one that looks wrong is kept as typed (nothing is lost) and
    flagged with this sentence.
    """
    email = text.strip()
    if email and not _EMAIL.match(email):
        return _("“{email}” does not look like an e-mail address (name@example.com).").format(
            email=email
        )
    return ""


def clean_email(text: str) -> str:
    """A stored address: surrounding blanks removed; refused if it does not look like one."""
    problem = email_problem(text)
    if problem:
        raise ValidationError(problem, field="email")
    return text.strip()


def new_workshop(
    title: str,
    client: str = "",
    when: date | None = None,
    location: str = "",
    facilitator: str = "",
) -> Workshop:
    """A new workshop with the two parties every agreement has, and starting points the
    room edits: a half-day agenda, lifecycle stages, typical overlap activities and the
    standard KPIs."""
    return Workshop(
        title=clean_title(title),
        client=client.strip(),
        date=when,
        location=location.strip(),
        facilitator=facilitator.strip(),
        parties=[Party(name=_("Sales")), Party(name=_("Marketing"))],
        agenda=defaults.half_day_agenda(),
        definitions=defaults.lifecycle_stages(),
        activities=defaults.overlap_activities(),
        kpis=defaults.standard_kpis(),
    )


def copy_title(title: str) -> str:
    return _("{title} (copy)").format(title=title)


def duplicate_workshop(source: Workshop) -> Workshop:
    """A copy with fresh ids, ready to be planned again: no agreement versions come along."""
    dup = copy.deepcopy(source)
    dup.id = new_id()
    dup.title = copy_title(source.title)
    dup.status = WorkshopStatus.PLANNED
    dup.versions = []
    dup.created_at = dup.updated_at = None
    renamed: dict[str, str] = {}
    # Every child list gets fresh ids (found from the dataclass, so new lists are covered).
    children = [getattr(dup, f.name) for f in fields(Workshop) if f.name != "versions"]
    for collection in (c for c in children if isinstance(c, list)):
        for item in collection:
            fresh = new_id()
            renamed[item.id] = fresh
            item.id = fresh
    for activity in dup.activities:
        activity.roles = {renamed[p]: r for p, r in activity.roles.items() if p in renamed}
    for action in dup.action_items:
        if action.owner_id is not None:
            action.owner_id = renamed.get(action.owner_id)
    return dup


TEAM_LABELS: dict[Team, str] = {
    Team.SALES: _("Sales"),
    Team.MARKETING: _("Marketing"),
    Team.LEADERSHIP: _("Leadership"),
    Team.OTHER: _("Other"),
}

STATUS_LABELS: dict[WorkshopStatus, str] = {
    WorkshopStatus.PLANNED: _("Planned"),
    WorkshopStatus.IN_PROGRESS: _("In progress"),
    WorkshopStatus.SIGNED: _("Signed"),
}


MAX_TERM_MONTHS = MAX_MONTHS


def parse_term(text: str) -> int | None:
    """The agreement's term in whole months (1 to 120); blank text is ``None``."""
    stripped = text.strip()
    if not stripped:
        return None
    if re.fullmatch(r"[0-9]{1,4}", stripped, re.ASCII) and 1 <= int(stripped) <= MAX_TERM_MONTHS:
        return int(stripped)
    raise ValidationError(
        _("The term must be a whole number of months from 1 to {high}.").format(
            high=MAX_TERM_MONTHS
        ),
        "term_months",
    )
