"""Meeting cadences written as people say them ("weekly", "every second Tuesday",
"monthly (first Thursday)") turned into calendar recurrence rules (RFC 5545 RRULE).

Only wording with one clear meaning is mapped; anything else ("twice a week", "bimonthly",
"as needed") gives None, so the caller schedules a single meeting and says why.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = {
    "monday": "MO",
    "tuesday": "TU",
    "wednesday": "WE",
    "thursday": "TH",
    "friday": "FR",
    "saturday": "SA",
    "sunday": "SU",
}
_DAY_INDEX = {code: n for n, code in enumerate(WEEKDAYS.values())}
_NUMBERS = {
    "1": 1, "one": 1, "first": 1, "1st": 1,
    "2": 2, "two": 2, "second": 2, "2nd": 2, "other": 2, "alternate": 2,
    "3": 3, "three": 3, "third": 3, "3rd": 3,
    "4": 4, "four": 4, "fourth": 4, "4th": 4,
    "5": 5, "five": 5, "fifth": 5, "5th": 5,
    "6": 6, "six": 6, "sixth": 6, "6th": 6,
    "last": -1,
}  # fmt: skip
_DAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
_N = r"(\d+(?:st|nd|rd|th)?|" + "|".join(k for k in _NUMBERS if not k[0].isdigit()) + ")"


@dataclass(frozen=True)
class Recurrence:
    freq: str  # DAILY, WEEKLY, MONTHLY, YEARLY
    interval: int = 1
    byday: tuple[str, ...] = ()  # MO…SU, or with an ordinal for monthly rules: "1TH", "-1FR"

    def rule(self) -> str:
        parts = [f"FREQ={self.freq}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.byday:
            parts.append("BYDAY=" + ",".join(self.byday))
        return ";".join(parts)

    def first_on_or_after(self, start: date) -> date:
        """The first day from ``start`` that the rule selects (the rule's true start)."""
        if not self.byday:
            return start
        day = start
        for _step in range(400):
            if self._selects(day):
                return day
            if day == date.max:
                break
            day += timedelta(days=1)
        return start  # not reached for the rules built here, short of the last date

    def _selects(self, day: date) -> bool:
        for code in self.byday:
            weekday = _DAY_INDEX[code[-2:]]
            if day.weekday() != weekday:
                continue
            ordinal = code[:-2]
            if not ordinal:
                return True
            n = int(ordinal)
            if n > 0 and (day.day - 1) // 7 + 1 == n:
                return True
            # Days from ``day`` to the first of the next month (which December 9999 lacks).
            days_left = monthrange(day.year, day.month)[1] - day.day + 1
            if n < 0 and 7 * (-n - 1) < days_left <= 7 * -n:
                return True
        return False


_SIMPLE: dict[str, Recurrence] = {}
for words, rec in (
    ("daily|every day|each day|once a day", Recurrence("DAILY")),
    (
        "every weekday|every working day|each working day|daily on weekdays|weekdays",
        Recurrence("WEEKLY", 1, ("MO", "TU", "WE", "TH", "FR")),
    ),
    ("weekly|every week|each week|once a week|once per week|per week", Recurrence("WEEKLY")),
    (
        "biweekly|bi-weekly|fortnightly|every fortnight|once a fortnight|every two weeks|"
        "every 2 weeks|every second week|every other week|every alternate week",
        Recurrence("WEEKLY", 2),
    ),
    ("every three weeks|every 3 weeks|every third week", Recurrence("WEEKLY", 3)),
    ("every four weeks|every 4 weeks|every fourth week", Recurrence("WEEKLY", 4)),
    (
        "monthly|every month|each month|once a month|once per month|per month",
        Recurrence("MONTHLY"),
    ),
    (
        "every two months|every 2 months|every second month|every other month",
        Recurrence("MONTHLY", 2),
    ),
    (
        "quarterly|every quarter|each quarter|once a quarter|once per quarter|every three months|"
        "every 3 months",
        Recurrence("MONTHLY", 3),
    ),
    (
        "half-yearly|half yearly|semi-annually|semiannually|semi-annual|twice a year|"
        "every six months|every 6 months|every half year",
        Recurrence("MONTHLY", 6),
    ),
    ("yearly|annually|annual|every year|each year|once a year", Recurrence("YEARLY")),
):
    for phrase in words.split("|"):
        _SIMPLE[phrase] = rec


def _normal(text: str) -> str:
    text = text.casefold().replace("(", " ").replace(")", " ").replace(",", " ")
    text = re.sub(r"\s+", " ", text).strip(" .;:")
    return re.sub(r"^(?:meets |meet |held )?(?:on )?", "", text) if text else text


def _day(name: str) -> str:
    return WEEKDAYS[name.rstrip("s") if name.rstrip("s") in WEEKDAYS else name]


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # "every second tuesday of the month", "first thursday of each month", "monthly first thursday"
    (
        re.compile(rf"^(?:every |the |on the )?{_N} {_DAY} (?:of|in) (?:the|each|every) month$"),
        "monthly-nth",
    ),
    (
        re.compile(rf"^(?:monthly|every month|each month) (?:on )?(?:the )?{_N} {_DAY}$"),
        "monthly-nth",
    ),
    # "every second tuesday", "every other friday", "every 2 weeks on monday"
    (re.compile(rf"^(?:every|each) {_N} {_DAY}$"), "weekly-interval-day"),
    (re.compile(rf"^(?:every|each) {_N} weeks? (?:on )?{_DAY}$"), "weekly-interval-day"),
    (re.compile(rf"^(?:biweekly|bi-weekly|fortnightly) (?:on )?{_DAY}$"), "biweekly-day"),
    # "every tuesday", "weekly on tuesday", "weekly tuesday", "tuesdays"
    (re.compile(rf"^(?:every |each )?{_DAY}$"), "weekly-day"),
    (re.compile(rf"^(?:weekly|every week|each week) (?:on )?{_DAY}$"), "weekly-day"),
    # "every 3 weeks", "every 2 months"
    (re.compile(rf"^every {_N} (week|month|year)s?$"), "every-n"),
]


_TOO_MANY = 10**6  # out of every range below: "every 99999999 weeks" is not a cadence


def _number(word: str) -> int:
    digits = word.rstrip("stndrh")
    if not digits.isdigit():
        return _NUMBERS[word]
    # int() refuses thousands of digits; no cadence needs more than a few.
    return int(digits) if len(digits) <= 6 else _TOO_MANY


def recurrence(cadence: str) -> Recurrence | None:
    """The recurrence ``cadence`` clearly means, or None when it is unclear or empty."""
    text = _normal(cadence)
    if not text:
        return None
    if text in _SIMPLE:
        return _SIMPLE[text]
    for pattern, kind in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groups()
        if kind == "monthly-nth":
            n = _number(groups[0])
            if groups[0] == "other" or groups[0] == "alternate" or not -1 <= n <= 5 or n == 0:
                return None
            return Recurrence("MONTHLY", 1, (f"{n}{_day(groups[1])}",))
        if kind == "weekly-interval-day":
            n = _number(groups[0])
            if n < 1 or n > 6:
                return None
            return Recurrence("WEEKLY", n, (_day(groups[1]),))
        if kind == "biweekly-day":
            return Recurrence("WEEKLY", 2, (_day(groups[0]),))
        if kind == "weekly-day":
            return Recurrence("WEEKLY", 1, (_day(groups[0]),))
        if kind == "every-n":
            n = _number(groups[0])
            if n < 1 or n > 24:
                return None
            return Recurrence(
                {"week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}[groups[1]], n
            )
    return None
