"""The review meetings agreed on the Transparency step and the agreement's review date as an
iCalendar file (RFC 5545) that Outlook, Google Calendar and Apple Calendar import.

It receives the calendar prepared by :func:`workshop.review_calendar.prepare_calendar` (which
meetings go in, their days, lengths, repeat rules and descriptions, and notes for what could
not go in as agreed). Times carry an explicit time zone (TZID with its VTIMEZONE); without a
known zone they are floating ("09:00 wherever you are"), which the notes say. Lines end in
CRLF and are folded at 75 octets; text is escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from exporters.ics_zone import known_zone, vtimezone
from workshop.i18n import _
from workshop.review_calendar import (
    MEETING_TIME,
    CalendarMeeting,
    ReviewCalendar,
    ReviewDay,
)

PRODID = "-//Accord//Sales-marketing alignment workshop//EN"
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


def _meeting_event(meeting: CalendarMeeting, zone: str | None, now: datetime) -> list[str]:
    start = datetime.combine(meeting.start_day, MEETING_TIME)
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.id}@accord",
        f"DTSTAMP:{_stamp(now)}Z",
        _local("DTSTART", start, zone),
        # An end time rather than DURATION: some Outlook versions drop a DURATION.
        _local("DTEND", start + timedelta(minutes=meeting.minutes), zone),
        f"SUMMARY:{escape(meeting.title)}",
        f"DESCRIPTION:{escape(chr(10).join(meeting.description))}",
    ]
    if meeting.rule is not None:
        lines.append(f"RRULE:{meeting.rule}")
    lines.append("END:VEVENT")
    return lines


def _review_event(workshop_id: str, review: ReviewDay, now: datetime) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:review-{workshop_id}@accord",
        f"DTSTAMP:{_stamp(now)}Z",
        f"DTSTART;VALUE=DATE:{review.day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{review.day + timedelta(days=1):%Y%m%d}",
        "SUMMARY:" + escape(review.summary),
        "DESCRIPTION:" + escape(review.description),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_ics(calendar: ReviewCalendar, now: datetime, zone: str | None) -> CalendarExport:
    """The prepared ``calendar`` as a file; ``zone`` is an IANA name such as
    ``Europe/Berlin`` (None: floating local times). ``now`` stamps the events (DTSTAMP)."""
    notes: list[str] = []
    bad_zone = ""
    if zone is not None and not known_zone(zone):
        bad_zone = _(
            "“{zone}” is not a known time zone; the times are floating (local wherever the "
            "calendar is opened)."
        ).format(zone=zone)
        notes.append(bad_zone)
        zone = None
    notes += calendar.notes
    stamp = now.astimezone(UTC)
    events = [_meeting_event(meeting, zone, stamp) for meeting in calendar.meetings]
    if calendar.review is not None:
        events.append(_review_event(calendar.workshop_id, calendar.review, stamp))
    timed = [meeting.first_date for meeting in calendar.meetings]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape(calendar.name),
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
