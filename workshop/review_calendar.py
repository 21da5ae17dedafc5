"""The review meetings agreed on the Transparency step and the agreement's review date,
prepared for a calendar file: which of them go in, on which day, for how long, repeating by
which rule, with what description — and, in sentences, what could not go in as agreed.

:func:`prepare_calendar` decides all of that from a :class:`~workshop.model.Workshop`; the
renderer (:mod:`exporters.calendar_ics`) only writes it in the iCalendar format. A meeting
starts at :data:`MEETING_TIME`: the workshop agrees how often, not at what hour.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from workshop.cadence import recurrence
from workshop.i18n import _
from workshop.limits import EARLIEST, LATEST, MEETING_MINUTES, date_fits
from workshop.model import Meeting, Workshop

MEETING_TIME = time(10, 0)
DEFAULT_MINUTES = 60
FIRST_YEAR, LAST_YEAR = EARLIEST.year, LATEST.year  # a library may hold a date Accord refuses


@dataclass(frozen=True)
class CalendarMeeting:
    id: str
    title: str
    first_date: date  # as agreed
    start_day: date  # the first day the repeat rule selects (the first date without one)
    minutes: int
    rule: str | None  # an RFC 5545 RRULE value, or None for a single meeting
    description: tuple[str, ...]  # one line each


@dataclass(frozen=True)
class ReviewDay:
    day: date
    summary: str
    description: str


@dataclass(frozen=True)
class ReviewCalendar:
    workshop_id: str
    name: str  # the calendar's name
    meetings: tuple[CalendarMeeting, ...]  # those that go in, in the room's order
    review: ReviewDay | None
    notes: tuple[str, ...]  # what could not go in as agreed, in sentences


def _meeting(workshop: Workshop, meeting: Meeting, notes: list[str]) -> CalendarMeeting | None:
    title = " ".join(meeting.title.split()) or _("Review meeting")
    if meeting.first_date is None:
        notes.append(
            _("“{title}” has no first date, so it is not in the calendar.").format(title=title)
        )
        return None
    if not date_fits(meeting.first_date):
        notes.append(
            _(
                "“{title}” starts on {date}, outside the years {first} to {last}, so it is not "
                "in the calendar."
            ).format(
                title=title, date=meeting.first_date.isoformat(), first=FIRST_YEAR, last=LAST_YEAR
            )
        )
        return None
    rule = recurrence(meeting.cadence)
    start_day = meeting.first_date
    description = []
    if rule is not None:
        start_day = rule.first_on_or_after(meeting.first_date)
    elif meeting.cadence.strip():
        notes.append(
            _(
                "“{title}”: “{cadence}” is not a cadence a calendar can repeat; it is in once, "
                "on its first date — add the repeats by hand."
            ).format(title=title, cadence=" ".join(meeting.cadence.split()))
        )
        description.append(
            _("Agreed cadence: {cadence} (add the repeats by hand).").format(
                cadence=meeting.cadence.strip()
            )
        )
    else:
        notes.append(
            _("“{title}” has no cadence; it is in once, on its first date.").format(title=title)
        )
    if meeting.cadence.strip() and rule is not None:
        description.append(_("Cadence: {cadence}").format(cadence=meeting.cadence.strip()))
    if meeting.attendees.strip():
        description.append(_("Who attends: {who}").format(who=meeting.attendees.strip()))
    if meeting.agenda.strip():
        description.append(_("Agenda: {agenda}").format(agenda=meeting.agenda.strip()))
    description.append(
        _("Agreed in “{workshop}”. The time of day was not agreed: set it when you accept.").format(
            workshop=workshop.title
        )
    )
    minutes = meeting.duration_minutes or DEFAULT_MINUTES
    if meeting.duration_minutes is None:
        description.append(
            _("No length was agreed; {n} minutes are set aside.").format(n=DEFAULT_MINUTES)
        )
    elif not 1 <= minutes <= MEETING_MINUTES:  # stored before meetings had a longest length
        minutes = DEFAULT_MINUTES
        notes.append(
            _(
                "“{title}” lasts {length} minutes, longer than a meeting can; {n} minutes "
                "are set aside."
            ).format(title=title, length=f"{meeting.duration_minutes:,}", n=DEFAULT_MINUTES)
        )
    return CalendarMeeting(
        id=meeting.id,
        title=title,
        first_date=meeting.first_date,
        start_day=start_day,
        minutes=minutes,
        rule=rule.rule() if rule is not None else None,
        description=tuple(description),
    )


def _review(workshop: Workshop, notes: list[str]) -> ReviewDay | None:
    review = workshop.review_date
    if review is None:
        notes.append(_("The agreement has no review date yet, so it is not in the calendar."))
        return None
    if not date_fits(review):
        notes.append(
            _(
                "The review date {date} is outside the years {first} to {last}, so it is not "
                "in the calendar."
            ).format(date=review.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)
        )
        return None
    client = _(" with {client}").format(client=workshop.client) if workshop.client else ""
    return ReviewDay(
        day=review,
        summary=_("Review of the sales–marketing agreement"),
        description=_("The agreed review of the agreement from “{workshop}”{client}.").format(
            workshop=workshop.title, client=client
        ),
    )


def prepare_calendar(workshop: Workshop) -> ReviewCalendar:
    """What the calendar of ``workshop`` holds; empty rows (no title, no first date) are
    left out without a note."""
    notes: list[str] = []
    meetings: list[CalendarMeeting] = []
    for meeting in workshop.meetings:
        if not meeting.title.strip() and meeting.first_date is None:
            continue  # an empty row
        prepared = _meeting(workshop, meeting, notes)
        if prepared is not None:
            meetings.append(prepared)
    review = _review(workshop, notes)
    return ReviewCalendar(
        workshop_id=workshop.id,
        name=workshop.title or _("Workshop"),
        meetings=tuple(meetings),
        review=review,
        notes=tuple(notes),
    )
