"""The room's timer on the Room page, driven by its buttons and keys with a fake clock."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from storage.engine import resolve_url
from storage.library import open_library
from ui.common import theme
from ui.room.clock import RoomClock
from ui.room.page import RoomPage
from ui.room.timer import TimerPanel
from ui.shell.main_window import MainWindow
from workshop.editing import new_workshop
from workshop.model import AgendaItem
from workshop.steps import Step

LEFT = Qt.MouseButton.LeftButton


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def open_timer(
    make_window: Callable[..., MainWindow], path: Path
) -> tuple[MainWindow, RoomPage, FakeClock]:
    repo = open_library(resolve_url(str(path)))
    w = new_workshop("Timer test")
    w.agenda = [
        AgendaItem(title="Shared goal", step="goal", planned_minutes=10),
        AgendaItem(title="Coffee", planned_minutes=5),
        AgendaItem(title="Common language", step="language", planned_minutes=20),
    ]
    repo.add(w)
    repo.close()
    window = make_window()
    window.open_workshop(w.id)
    assert window.view is not None
    page = window.view.page(Step.ROOM)
    assert isinstance(page, RoomPage)
    fake = FakeClock()
    page.clock.set_clock(fake)
    return window, page, fake


def actual_minutes(path: Path) -> list[object]:
    db = sqlite3.connect(path)
    try:
        sql = "SELECT actual_minutes FROM agenda_items ORDER BY position"
        return [row[0] for row in db.execute(sql)]
    finally:
        db.close()


def digits_color(panel: TimerPanel) -> object:
    return panel.digits.palette().color(QPalette.ColorRole.WindowText)


def shows(qtbot: QtBot, panel: TimerPanel, text: str) -> None:
    """The display catches up on its next refresh (the clock is read, not counted)."""
    qtbot.waitUntil(lambda: panel.digits.text() == text)


def test_start_pause_resume_extend_and_reset_with_the_buttons(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    _window, page, fake = open_timer(make_window, library_path)
    panel = page.timer_panel
    assert panel.now.text() == "Now: 1. Shared goal"
    assert panel.digits.text() == "10:00"
    assert panel.budget.text() == "of 10 min"
    assert panel.following.text() == "Next: Coffee (5 min)"
    assert not panel.reset_button.isEnabled()

    qtbot.mouseClick(panel.start_button, LEFT)
    assert panel.start_button.text() == "Pause"
    fake.advance(7 * 60 + 59)
    shows(qtbot, panel, "2:01")
    calm = digits_color(panel)
    fake.advance(1)  # a fifth of the time left
    shows(qtbot, panel, "2:00")
    assert digits_color(panel) == theme.tone(theme.Tone.GAP) != calm

    qtbot.mouseClick(panel.start_button, LEFT)  # pause
    assert panel.start_button.text() == "Resume"
    fake.advance(600)  # paused: nothing passes
    assert panel.digits.text() == "2:00"
    qtbot.mouseClick(panel.start_button, LEFT)  # resume
    fake.advance(90)
    shows(qtbot, panel, "0:30")
    assert digits_color(panel) == theme.tone(theme.Tone.ERROR)  # 5 % left

    qtbot.mouseClick(panel.extend_button, LEFT)
    assert panel.digits.text() == "5:30"
    assert panel.budget.text() == "of 10 min (+5 min added)"
    assert digits_color(panel) == calm

    qtbot.mouseClick(panel.reset_button, LEFT)
    assert (panel.digits.text(), panel.start_button.text()) == ("10:00", "Start")
    assert actual_minutes(library_path) == [None, None, None]  # a reset records nothing


def test_an_overrun_is_shown_and_the_chime_rings_once(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    _window, page, fake = open_timer(make_window, library_path)
    panel, clock = page.timer_panel, page.clock
    qtbot.mouseClick(panel.chime_box, LEFT)
    assert clock.chime
    qtbot.mouseClick(panel.start_button, LEFT)
    fake.advance(10 * 60 + 75)
    with qtbot.waitSignal(clock.chimed):
        pass
    shows(qtbot, panel, "+1:15")
    assert panel.budget.text() == "over the 10 min planned"
    assert digits_color(panel) == theme.tone(theme.Tone.ERROR)
    # It rang once: later refreshes stay quiet.
    with qtbot.assertNotEmitted(clock.chimed, wait=450):
        fake.advance(1)


def test_moving_on_records_the_actual_minutes_and_undo_takes_them_back(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page, fake = open_timer(make_window, library_path)
    panel = page.timer_panel
    qtbot.mouseClick(panel.start_button, LEFT)
    fake.advance(12 * 60 + 40)  # 12.7 minutes: two and a half over plan
    qtbot.mouseClick(panel.next_button, LEFT)
    assert actual_minutes(library_path) == [13, None, None]
    assert panel.now.text() == "Now: 2. Coffee"
    assert (panel.digits.text(), panel.start_button.text()) == ("5:00", "Pause")  # still running
    assert page.agenda.model.index(0, 6).data() == "+3 min"
    assert page.agenda.model.index(1, 5).data() == "▶ 09:10–09:15"  # marked in the agenda

    window.act.undo.trigger()  # recording is an edit like any other
    assert actual_minutes(library_path) == [None, None, None]
    window.act.redo.trigger()

    # "Time this item" jumps to the selected row; the coffee break's minutes are kept.
    fake.advance(4 * 60)
    table = page.agenda.table
    table.setCurrentIndex(page.agenda.model.index(2, 0))
    page.agenda.time_action.trigger()
    assert actual_minutes(library_path) == [13, 4, None]
    assert panel.now.text() == "Now: 3. Common language"
    assert panel.next_button.text() == "Finish agenda"

    fake.advance(20 * 60)
    qtbot.mouseClick(panel.next_button, LEFT)
    assert actual_minutes(library_path) == [13, 4, 20]
    assert panel.now.text() == "The agenda is done."
    assert not panel.start_button.isEnabled()
    assert page.agenda.review.text() == "3 of 3 items run: 37 min against 35 min planned (+2 min)."
    qtbot.mouseClick(panel.reset_button, LEFT)  # after the last item: back to the first
    assert panel.now.text() == "Now: 1. Shared goal"


def test_an_item_taken_up_again_carries_on_from_its_recorded_minutes(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    _window, page, fake = open_timer(make_window, library_path)
    panel = page.timer_panel
    qtbot.mouseClick(panel.start_button, LEFT)
    fake.advance(13 * 60)
    qtbot.mouseClick(panel.next_button, LEFT)
    assert actual_minutes(library_path) == [13, None, None]

    page.agenda.table.setCurrentIndex(page.agenda.model.index(0, 0))
    page.agenda.time_action.trigger()  # back to the shared goal, still running
    assert panel.now.text() == "Now: 1. Shared goal"
    assert (panel.digits.text(), panel.start_button.text()) == ("+3:00", "Pause")
    assert actual_minutes(library_path) == [13, None, None]  # no "0 minutes" for the coffee
    fake.advance(2 * 60)
    qtbot.mouseClick(panel.next_button, LEFT)
    assert actual_minutes(library_path) == [15, None, None]  # 13 + 2

    # Minutes typed for the (paused) item the clock is set to are what it carries on from.
    qtbot.mouseClick(panel.start_button, LEFT)
    model = page.agenda.model
    assert model.setData(model.index(1, 3), "3")
    assert (panel.digits.text(), panel.start_button.text()) == ("2:00", "Resume")
    qtbot.mouseClick(panel.reset_button, LEFT)  # start the item over
    assert (panel.digits.text(), panel.start_button.text()) == ("5:00", "Start")


def test_a_workshop_part_way_through_starts_at_the_first_item_not_run(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    repo = open_library(resolve_url(str(library_path)))
    w = new_workshop("Half done")
    w.agenda = [
        AgendaItem(title="Done", planned_minutes=10, actual_minutes=12),
        AgendaItem(title="To do", planned_minutes=20),
    ]
    repo.add(w)
    repo.close()
    window = make_window()
    window.open_workshop(w.id)
    assert window.view is not None
    page = window.view.page(Step.ROOM)
    assert isinstance(page, RoomPage)
    assert page.timer_panel.now.text() == "Now: 2. To do"
    assert page.timer_panel.digits.text() == "20:00"


def test_the_keys_drive_the_timer_from_any_step_and_the_status_bar_shows_it(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page, fake = open_timer(make_window, library_path)
    assert window.view is not None
    window.view.show_step(Step.LANGUAGE)  # the facilitator is elsewhere
    window.view.steps.setFocus()
    badge = window.room.badge
    assert badge is not None and not badge.isVisible()

    qtbot.keyClick(window.view.steps, Qt.Key.Key_F6)
    assert page.clock.timer.running
    assert badge.isVisible()
    fake.advance(60)
    qtbot.waitUntil(lambda: badge.text() == "⏱ 9:00 · Shared goal")
    qtbot.keyClick(window.view.steps, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert badge.text() == "⏱ 14:00 · Shared goal"
    qtbot.keyClick(window.view.steps, Qt.Key.Key_F6)
    assert badge.text() == "⏱ 14:00 (paused) · Shared goal"
    qtbot.keyClick(window.view.steps, Qt.Key.Key_F6, Qt.KeyboardModifier.ControlModifier)
    assert not badge.isVisible() and page.timer_panel.digits.text() == "10:00"

    qtbot.keyClick(window.view.steps, Qt.Key.Key_F6)
    fake.advance(120)
    qtbot.keyClick(window.view.steps, Qt.Key.Key_F7)
    assert actual_minutes(library_path) == [2, None, None]
    assert page.timer_panel.now.text() == "Now: 2. Coffee"

    # Home and back: the clock of an open workshop keeps running meanwhile.
    window.go_home()
    assert not badge.isVisible()
    assert not window.act.timer_toggle.isEnabled()
    fake.advance(60)
    window.open_workshop(page.doc.workshop.id)
    assert badge.isVisible() and badge.text().startswith("⏱ 4:00")


def test_edits_to_the_running_item_follow_and_removing_it_starts_over(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    _window, page, fake = open_timer(make_window, library_path)
    clock: RoomClock = page.clock
    clock.toggle()
    fake.advance(60)
    model = page.agenda.model
    assert model.setData(model.index(0, 2), "15")  # planned minutes of the running item
    assert page.timer_panel.digits.text() == "14:00"
    table = page.agenda.table
    table.setCurrentIndex(model.index(0, 0))
    page.agenda.editor.remove_action.trigger()
    assert page.timer_panel.now.text() == "Now: 1. Coffee"
    assert page.timer_panel.start_button.text() == "Start"


def test_an_empty_agenda_has_nothing_to_time(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    repo = open_library(resolve_url(str(library_path)))
    w = new_workshop("No agenda")
    w.agenda = []
    repo.add(w)
    repo.close()
    window = make_window()
    window.open_workshop(w.id)
    assert window.view is not None
    page = window.view.page(Step.ROOM)
    assert isinstance(page, RoomPage)
    panel = page.timer_panel
    assert panel.now.text() == "Add agenda items to time them."
    assert not panel.start_button.isEnabled()
    qtbot.keyClick(window.view.steps, Qt.Key.Key_F6)  # nothing to start: nothing happens
    assert not page.clock.timer.running
    qtbot.mouseClick(page.agenda.standard_button, LEFT)
    assert panel.now.text() == "Now: 1. Welcome, goals for today and ground rules"
    assert panel.start_button.isEnabled()
