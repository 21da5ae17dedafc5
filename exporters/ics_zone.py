"""The VTIMEZONE block (RFC 5545 §3.6.5) for an IANA time zone, built from the system's
zone data, and the local zone's name.

Daylight-saving changes are found by scanning the zone's offsets; when each year's changes
follow one rule ("last Sunday of March"), the block states that rule (RRULE), so repeating
meetings stay right for years. Otherwise each change over the years given is listed.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_CHECK_YEARS = 6


def known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def local_zone_name() -> str | None:
    """This computer's IANA zone name (``Europe/Berlin``), or None if it cannot be told."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    timezone_file = Path("/etc/timezone")
    if timezone_file.is_file():
        candidates.append(timezone_file.read_text(encoding="utf-8", errors="replace").strip())
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        if (name in {"UTC", "GMT"} or "/" in name) and known_zone(name):
            return name
    return None


def _offset(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def _transitions(zone: ZoneInfo, year: int) -> list[datetime]:
    """The UTC instants in ``year`` at which ``zone``'s offset changes."""
    found: list[datetime] = []
    start = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    step = timedelta(days=1)
    here = start
    before = here.astimezone(zone).utcoffset()
    while here < end:
        nxt = min(here + step, end)
        after = nxt.astimezone(zone).utcoffset()
        if after != before:
            low, high = here, nxt
            while high - low > timedelta(seconds=1):
                mid = low + (high - low) / 2
                if mid.astimezone(zone).utcoffset() == before:
                    low = mid
                else:
                    high = mid
            found.append(high.replace(microsecond=0))
        here, before = nxt, after
    return found


def _describe(zone: ZoneInfo, instant: datetime) -> tuple[str, datetime, str, str, str]:
    """(kind, local onset, offset from, offset to, name) of the change at ``instant``."""
    before = (instant - timedelta(seconds=1)).astimezone(zone)
    after = instant.astimezone(zone)
    old, new = before.utcoffset() or timedelta(0), after.utcoffset() or timedelta(0)
    kind = "DAYLIGHT" if (after.dst() or timedelta(0)) else "STANDARD"
    onset = (instant + old).replace(tzinfo=None)  # wall-clock time before the change
    return kind, onset, _offset(old), _offset(new), after.tzname() or ""


def _rule(onset: datetime) -> str:
    """The yearly rule naming the weekday of the month ``onset`` falls on."""
    nth = (onset.day - 1) // 7 + 1
    month_end = (onset.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if onset.day + 7 > month_end.day:
        nth = -1
    return f"FREQ=YEARLY;BYMONTH={onset.month};BYDAY={nth}{_DAYS[onset.weekday()]}"


def _rule_holds(zone: ZoneInfo, rule_year: list[datetime], years: range) -> bool:
    expected = [(_describe(zone, t)[0], _rule(_describe(zone, t)[1])) for t in rule_year]
    for year in years:
        seen = [
            (_describe(zone, t)[0], _rule(_describe(zone, t)[1])) for t in _transitions(zone, year)
        ]
        if seen != expected:
            return False
    return True


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def vtimezone(name: str, first_year: int, last_year: int) -> list[str]:
    """The lines of a VTIMEZONE for zone ``name`` covering events from ``first_year`` to
    ``last_year`` (repeating rules carry on beyond it where the zone has a steady rule)."""
    zone = ZoneInfo(name)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{name}"]
    base = first_year - 1
    changes = _transitions(zone, base)
    steady = bool(changes) and _rule_holds(
        zone, changes, range(base + 1, max(last_year, base + _CHECK_YEARS) + 1)
    )
    if not changes:
        # No change that year: one standard period from long before, at the year's offset.
        noon = datetime(base, 7, 1, 12, tzinfo=UTC).astimezone(zone)
        offset = _offset(noon.utcoffset() or timedelta(0))
        kind = "DAYLIGHT" if noon.dst() else "STANDARD"
        lines += [
            f"BEGIN:{kind}",
            "DTSTART:19700101T000000",
            f"TZOFFSETFROM:{offset}",
            f"TZOFFSETTO:{offset}",
            f"TZNAME:{noon.tzname() or name}",
            f"END:{kind}",
        ]
    elif steady:
        for instant in changes:
            kind, onset, old, new, tzname = _describe(zone, instant)
            lines += [
                f"BEGIN:{kind}",
                f"DTSTART:{_stamp(onset)}",
                f"RRULE:{_rule(onset)}",
                f"TZOFFSETFROM:{old}",
                f"TZOFFSETTO:{new}",
                f"TZNAME:{tzname}",
                f"END:{kind}",
            ]
    else:
        for year in range(base, last_year + _CHECK_YEARS + 1):
            for instant in _transitions(zone, year):
                kind, onset, old, new, tzname = _describe(zone, instant)
                lines += [
                    f"BEGIN:{kind}",
                    f"DTSTART:{_stamp(onset)}",
                    f"TZOFFSETFROM:{old}",
                    f"TZOFFSETTO:{new}",
                    f"TZNAME:{tzname}",
                    f"END:{kind}",
                ]
    lines.append("END:VTIMEZONE")
    return lines
