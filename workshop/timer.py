"""The room's timer for one agenda item: start, pause, resume, extend, reset.

Time is read from a monotonic clock each time it is asked for, never counted in ticks, so
the timer stays right when the machine is busy or a tick is late. The clock is injectable:
tests pass a fake one.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from workshop.i18n import _

Clock = Callable[[], float]

AMBER_PERCENT = 20  # remaining time at or below this share of the budget turns amber
RED_PERCENT = 5  # … and at or below this share, red
EXTEND_MINUTES = 5


class Level(StrEnum):
    CALM = "calm"
    AMBER = "amber"
    RED = "red"
    OVER = "over"  # the budget is used up (at zero or past it)


@dataclass
class Timer:
    """Counts down ``planned_seconds`` (plus any extensions) while it runs."""

    planned_seconds: float
    clock: Clock = field(default=time.monotonic, repr=False)
    extra_seconds: float = 0.0
    _banked: float = 0.0  # time run before the current start
    _since: float | None = None  # clock reading at the current start; None when paused
    _chimed: bool = False

    # -- state -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._since is not None

    @property
    def started(self) -> bool:
        """Whether it has run at all since the last reset."""
        return self.running or self._banked > 0

    def elapsed(self) -> float:
        run = self.clock() - self._since if self._since is not None else 0.0
        return self._banked + max(run, 0.0)

    def budget(self) -> float:
        return max(self.planned_seconds + self.extra_seconds, 0.0)

    def remaining(self) -> float:
        """Seconds left; negative once the item runs over."""
        return self.budget() - self.elapsed()

    def overrun(self) -> float:
        return max(-self.remaining(), 0.0)

    def level(self) -> Level:
        remaining, budget = self.remaining(), self.budget()
        if remaining <= 0:
            return Level.OVER
        # Integer-friendly comparisons: no 0.2 × 600 = 120.00000000000001 surprises.
        if remaining * 100 <= budget * RED_PERCENT:
            return Level.RED
        if remaining * 100 <= budget * AMBER_PERCENT:
            return Level.AMBER
        return Level.CALM

    def actual_minutes(self) -> int | None:
        """What the item took, in whole minutes (half a minute rounds up); None if the timer
        never ran."""
        if not self.started:
            return None
        return math.floor(self.elapsed() / 60 + 0.5)

    # -- commands --------------------------------------------------------------------------

    def start(self) -> None:
        if self._since is None:
            self._since = self.clock()

    def pause(self) -> None:
        if self._since is not None:
            self._banked = self.elapsed()
            self._since = None

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def extend(self, minutes: int = EXTEND_MINUTES) -> None:
        self.extra_seconds += minutes * 60
        if self.remaining() > 0:
            self._chimed = False  # running out again rings again

    def carry(self, seconds: float) -> None:
        """Count ``seconds`` already spent on the item (one taken up again), stopped. An item
        that had already run out does not ring again."""
        self.pause()
        self._banked = max(seconds, 0.0)
        self._chimed = self.remaining() <= 0

    def reset(self, planned_seconds: float | None = None) -> None:
        """Back to the full planned time, stopped; optionally with a new plan."""
        if planned_seconds is not None:
            self.planned_seconds = planned_seconds
        self.extra_seconds = 0.0
        self._banked = 0.0
        self._since = None
        self._chimed = False

    def chime_due(self) -> bool:
        """True once, the first time it is asked after the time ran out."""
        if self._chimed or not self.started or self.remaining() > 0:
            return False
        self._chimed = True
        return True


def countdown_text(seconds: float) -> str:
    """Remaining time as the room reads it: "12:34", "1:05:00"; past zero "+2:15".

    Time left is rounded up (the display reaches 0:00 exactly when time is up); time over
    is rounded down (it shows +0:01 one full second after zero).
    """
    over = seconds < 0
    whole = math.floor(-seconds) if over else math.ceil(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"+{text}" if over else text


def level_words(level: Level) -> str:
    """The level in words, for screen readers and tooltips."""
    return {
        Level.CALM: _("on time"),
        Level.AMBER: _("less than a fifth of the time left"),
        Level.RED: _("almost out of time"),
        Level.OVER: _("time is up"),
    }[level]
