"""The review meetings agreed on the Transparency step and the agreement's review date as an
iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple Calendar import.

Times carry an explicit time zone (TZID with its VTIMEZONE); without a known zone they are
floating ("09:00 wherever you are"), which the report says. A cadence with one clear meaning
becomes a repeating rule; anything else becomes a single meeting with a note, and the
report lists it. Lines end in CRLF and are folded at 75 octets; text is escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from exporters.ics_zone import known_zone, vtimezone
from workshop.cadence import recurrence
from workshop.i18n import _
from workshop.limits import EARLIEST, LATEST, MEETING_MINUTES, date_fits
from workshop.model import Meeting, Workshop

PRODID = "-//Accord//Sales-marketing alignment workshop//EN"
MEETING_TIME = time(10, 0)  # the workshop agrees how often, not at what hour
DEFAULT_MINUTES = 60
_FIRST, _LAST = EARLIEST.year, LATEST.year  # a library may hold a date Accord now refuses
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class CalendarExport:
    data: bytes
    events: int
    notes: list[str] = field(default_factory=list)  # what could not be mapped, in sentences


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` folded so no physical line exceeds 75 octets, never inside a character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # continuation lines begin with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _local(name: str, moment: datetime, zone: str | None) -> str:
    return f"{name};TZID={zone}:{_stamp(moment)}" if zone else f"{name}:{_stamp(moment)}"


def _meeting_event(
    workshop: Workshop,
    meeting: Meeting,
    zone: str | None,
    now: datetime,
    notes: list[str],
) -> list[str] | None:
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
            ).format(title=title, date=meeting.first_date.isoformat(), first=_FIRST, last=_LAST)
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
    start = datetime.combine(start_day, MEETING_TIME)
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.id}@accord",
        f"DTSTAMP:{_stamp(now)}Z",
        _local("DTSTART", start, zone),
        # An end time rather than DURATION: some Outlook versions drop a DURATION.
        _local("DTEND", start + timedelta(minutes=minutes), zone),
        f"SUMMARY:{escape(title)}",
        f"DESCRIPTION:{escape(chr(10).join(description))}",
    ]
    if rule is not None:
        lines.append(f"RRULE:{rule.rule()}")
    lines.append("END:VEVENT")
    return lines


def _review_event(workshop: Workshop, review: date, now: datetime) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:review-{workshop.id}@accord",
        f"DTSTAMP:{_stamp(now)}Z",
        f"DTSTART;VALUE=DATE:{review:%Y%m%d}",
        f"DTEND;VALUE=DATE:{review + timedelta(days=1):%Y%m%d}",
        "SUMMARY:" + escape(_("Review of the sales–marketing agreement")),
        "DESCRIPTION:"
        + escape(
            _("The agreed review of the agreement from “{workshop}”{client}.").format(
                workshop=workshop.title,
                client=_(" with {client}").format(client=workshop.client)
                if workshop.client
                else "",
            )
        ),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_ics(workshop: Workshop, now: datetime, zone: str | None) -> CalendarExport:
    """The calendar for ``workshop``; ``zone`` is an IANA name such as ``Europe/Berlin``
    (None: floating local times). ``now`` stamps the events (DTSTAMP)."""
    notes: list[str] = []
    bad_zone = ""
    if zone is not None and not known_zone(zone):
        bad_zone = _(
            "“{zone}” is not a known time zone; the times are floating (local wherever the "
            "calendar is opened)."
        ).format(zone=zone)
        notes.append(bad_zone)
        zone = None
    stamp = now.astimezone(UTC)
    events: list[list[str]] = []
    for meeting in workshop.meetings:
        if not meeting.title.strip() and meeting.first_date is None:
            continue  # an empty row
        event = _meeting_event(workshop, meeting, zone, stamp, notes)
        if event is not None:
            events.append(event)
    if workshop.review_date is None:
        notes.append(_("The agreement has no review date yet, so it is not in the calendar."))
    elif not date_fits(workshop.review_date):
        notes.append(
            _(
                "The review date {date} is outside the years {first} to {last}, so it is not "
                "in the calendar."
            ).format(date=workshop.review_date.isoformat(), first=_FIRST, last=_LAST)
        )
    else:
        events.append(_review_event(workshop, workshop.review_date, stamp))
    timed = [
        m.first_date
        for m in workshop.meetings
        if m.first_date is not None and date_fits(m.first_date)
    ]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape(workshop.title or _("Workshop")),
    ]
    if zone is not None and timed:
        lines.append(f"X-WR-TIMEZONE:{zone}")
        lines += vtimezone(zone, min(timed).year, max(timed).year)
    elif timed and notes[:1] != [bad_zone]:
        notes.insert(0, _("The times are floating: local wherever the calendar is opened."))
    for event in events:
        lines += event
    lines.append("END:VCALENDAR")
    text = "".join(fold(line) + "\r\n" for line in lines)
    return CalendarExport(text.encode("utf-8"), len(events), notes)
