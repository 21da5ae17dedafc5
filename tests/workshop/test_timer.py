"""The timer's arithmetic against a fake monotonic clock."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workshop.timer import Level, Timer, countdown_text


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def ten_minutes() -> tuple[Timer, FakeClock]:
    clock = FakeClock()
    return Timer(600, clock), clock


def test_it_counts_only_while_running() -> None:
    timer, clock = ten_minutes()
    clock.advance(50)  # not started yet
    assert timer.remaining() == 600 and not timer.started
    timer.start()
    clock.advance(100)
    assert timer.remaining() == 500 and timer.running
    timer.pause()
    clock.advance(1000)  # paused: nothing passes
    assert timer.remaining() == 500 and not timer.running and timer.started
    timer.toggle()  # resume
    clock.advance(60)
    assert timer.elapsed() == 160
    timer.start()  # starting a running timer changes nothing
    clock.advance(40)
    assert timer.elapsed() == 200


def test_a_busy_machine_loses_no_time() -> None:
    """Nobody ticks the timer for five minutes: it still knows."""
    timer, clock = ten_minutes()
    timer.start()
    clock.advance(300.5)
    assert timer.remaining() == 299.5
    assert countdown_text(timer.remaining()) == "5:00"


def test_extend_adds_five_minutes_and_reset_takes_them_back() -> None:
    timer, clock = ten_minutes()
    timer.start()
    clock.advance(590)
    timer.extend()
    assert timer.budget() == 900 and timer.remaining() == 310
    timer.extend(10)
    assert timer.remaining() == 910
    timer.reset()
    assert (timer.remaining(), timer.running, timer.started) == (600, False, False)
    timer.reset(planned_seconds=120)
    assert timer.remaining() == 120


def test_overrun_is_counted_and_shown() -> None:
    timer, clock = ten_minutes()
    timer.start()
    clock.advance(600)
    assert timer.level() is Level.OVER and timer.overrun() == 0
    assert countdown_text(timer.remaining()) == "0:00"
    clock.advance(135.5)
    assert timer.overrun() == 135.5
    assert countdown_text(timer.remaining()) == "+2:15"
    assert timer.actual_minutes() == 12  # 12.26 minutes


def test_amber_at_a_fifth_left_and_red_at_a_twentieth() -> None:
    timer, clock = ten_minutes()
    timer.start()
    clock.advance(479)
    assert timer.level() is Level.CALM  # 121 s left
    clock.advance(1)
    assert timer.level() is Level.AMBER  # 120 s = 20 %
    clock.advance(89)
    assert timer.level() is Level.AMBER  # 31 s
    clock.advance(1)
    assert timer.level() is Level.RED  # 30 s = 5 %
    clock.advance(29.5)
    assert timer.level() is Level.RED
    clock.advance(0.5)
    assert timer.level() is Level.OVER


def test_thresholds_follow_the_extended_budget() -> None:
    timer, clock = ten_minutes()
    timer.start()
    clock.advance(500)  # 100 s left of 600: amber
    assert timer.level() is Level.AMBER
    timer.extend()  # 400 s left of 900: calm again
    assert timer.level() is Level.CALM


def test_the_chime_rings_once_at_zero_and_again_after_an_extension() -> None:
    timer, clock = ten_minutes()
    assert not timer.chime_due()
    timer.start()
    clock.advance(599)
    assert not timer.chime_due()
    clock.advance(2)
    assert timer.chime_due()
    assert not timer.chime_due()
    timer.extend()
    assert not timer.chime_due()
    clock.advance(300)
    assert timer.chime_due()


def test_a_zero_minute_item_is_over_as_soon_as_it_starts() -> None:
    clock = FakeClock()
    timer = Timer(0, clock)
    assert timer.level() is Level.OVER
    assert not timer.chime_due()  # not started: nothing to announce
    timer.start()
    assert timer.chime_due()


def test_actual_minutes_round_half_up_and_need_a_run() -> None:
    timer, clock = ten_minutes()
    assert timer.actual_minutes() is None
    timer.start()
    clock.advance(89)
    assert timer.actual_minutes() == 1
    clock.advance(1)
    assert timer.actual_minutes() == 2
    timer.pause()
    assert timer.actual_minutes() == 2


def test_a_clock_that_steps_back_does_not_add_time() -> None:
    timer, clock = ten_minutes()
    timer.start()
    clock.advance(-5)
    assert timer.elapsed() == 0


def test_countdown_text() -> None:
    assert countdown_text(600) == "10:00"
    assert countdown_text(599.2) == "10:00"  # rounds up while counting down
    assert countdown_text(0.1) == "0:01"
    assert countdown_text(3725) == "1:02:05"
    assert countdown_text(-0.5) == "+0:00"
    assert countdown_text(-61) == "+1:01"
    assert countdown_text(-3600) == "+1:00:00"


@given(
    st.integers(0, 7200),
    st.lists(st.tuples(st.sampled_from(["toggle", "extend", "wait"]), st.integers(0, 900))),
)
def test_elapsed_is_the_sum_of_running_stretches(
    planned: int, steps: list[tuple[str, int]]
) -> None:
    clock = FakeClock()
    timer = Timer(planned, clock)
    running, expected, extra = False, 0, 0
    for op, seconds in steps:
        if op == "toggle":
            timer.toggle()
            running = not running
        elif op == "extend":
            timer.extend()
            extra += 300
        else:
            clock.advance(seconds)
            expected += seconds if running else 0
    assert timer.elapsed() == expected
    assert timer.remaining() == planned + extra - expected
    assert timer.running is running


def test_an_item_taken_up_again_carries_on_from_its_minutes() -> None:
    timer, clock = ten_minutes()
    timer.carry(12 * 60)  # it already ran 12 of its 10 minutes
    assert (timer.running, timer.started) == (False, True)
    assert timer.overrun() == 120 and timer.level() is Level.OVER
    timer.start()
    clock.advance(30)
    assert not timer.chime_due()  # it ran out before: no second chime for it
    assert timer.actual_minutes() == 13  # 12.5 minutes in all
    timer.reset()
    assert timer.actual_minutes() is None and timer.remaining() == 600
