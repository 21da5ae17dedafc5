"""The presenter view: opens with F5, follows the main window live, F11 and Escape."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.typing_helpers import type_text
from ui.room.presenter import PresenterWindow
from ui.shell.main_window import MainWindow
from ui.steps.goal import GoalPage
from workshop.model import Workshop
from workshop.steps import Step

ROOT = Path(__file__).resolve().parents[3]


def present(qtbot: QtBot, window: MainWindow) -> PresenterWindow:
    assert window.view is not None
    with qtbot.waitActive(window):
        window.activateWindow()
    window.view.steps.setFocus()
    qtbot.keyClick(window.view.steps, Qt.Key.Key_F5)
    presenter = window.room.presenter
    assert presenter is not None
    qtbot.waitExposed(presenter)
    return presenter


def focus(qtbot: QtBot, presenter: PresenterWindow) -> None:
    """The facilitator clicks on the presenter window: its keys answer."""
    with qtbot.waitActive(presenter):
        presenter.activateWindow()


def test_present_opens_a_window_that_follows_the_main_one(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_workshop: Workshop
) -> None:
    window = make_window()
    window.open_workshop(demo_workshop.id, Step.ROOM)
    assert window.view is not None
    presenter = present(qtbot, window)
    assert presenter.isVisible() and not presenter.isFullScreen()  # one screen: a window
    assert presenter.title.text() == "Room & agenda"
    text = presenter.visible_text()
    assert "TODAY'S AGENDA" in text
    assert "09:00–09:15" in text and "Welcome, ground rules and why we are here" in text
    # The demo room is part-way through: the timer is set to the first item not run yet.
    assert "▶ Accountability: SLAs, KPIs and escalation" in text
    assert "Who leads sales and who leads marketing" in text  # a question for the room

    # Ctrl+PgDown in the main window: the presenter moves to the Shared goal step.
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window.view.steps, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert presenter.title.text() == "Shared goal"
    text = presenter.visible_text()
    assert "AGREED SO FAR" in text and "MQLs a month" in text
    assert "If we could move just one business number" in text

    # Typing on the goal page shows on the wall at once, as typed (markup included).
    page = window.view.page(Step.GOAL)
    assert isinstance(page, GoalPage)
    page.statement_edit.setFocus()
    page.statement_edit.selectAll()
    typed = "<b>Grow</b> <img src=/etc/passwd> ARR & a<b 🎉 — שלום"
    type_text(page.statement_edit, typed)
    assert typed in presenter.visible_text()
    assert "Grow annual recurring revenue" not in presenter.visible_text()


def test_the_live_funnel_numbers_follow_the_goal_page(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_workshop: Workshop
) -> None:
    window = make_window()
    window.open_workshop(demo_workshop.id, Step.GOAL)
    presenter = present(qtbot, window)
    assert window.view is not None
    page = window.view.page(Step.GOAL)
    assert isinstance(page, GoalPage)
    before = presenter.funnel.text()
    assert "MQLs a month" in presenter.visible_text()
    months = page.funnel.inputs["months"]
    months.setFocus()
    months.selectAll()
    qtbot.keyClick(months, Qt.Key.Key_Delete)
    assert "The lead numbers appear once the funnel's inputs are agreed." in (
        presenter.visible_text()
    )
    type_text(months, "6")
    assert presenter.funnel.text() != before  # the same target over half the months
    assert "MQLs a month" in presenter.visible_text()


def test_the_timer_shows_on_the_wall(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_workshop: Workshop
) -> None:
    window = make_window()
    window.open_workshop(demo_workshop.id, Step.ROOM)
    presenter = present(qtbot, window)
    assert presenter.digits.text() == "40:00"
    assert presenter.agenda_now.text() == "Accountability: SLAs, KPIs and escalation · paused"
    assert presenter.following.text() == (
        "Next: Transparency: what we share, meeting cadence, shadowing"
    )
    focus(qtbot, presenter)
    qtbot.keyClick(presenter, Qt.Key.Key_F7)  # the timer keys work on the wall too
    assert presenter.digits.text() == "25:00"
    assert "▶ Transparency: what we share, meeting cadence, shadowing" in (presenter.visible_text())


def test_f11_toggles_full_screen_and_escape_closes(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_workshop: Workshop
) -> None:
    window = make_window()
    window.open_workshop(demo_workshop.id, Step.GOAL)
    presenter = present(qtbot, window)
    focus(qtbot, presenter)
    qtbot.keyClick(presenter, Qt.Key.Key_F11)
    assert presenter.isFullScreen()
    qtbot.keyClick(presenter, Qt.Key.Key_F11)
    assert not presenter.isFullScreen()
    qtbot.keyClick(presenter, Qt.Key.Key_Escape)
    assert not presenter.isVisible()
    assert window.room.presenter is None
    # F5 again opens a fresh one; going home closes it.
    again = present(qtbot, window)
    assert again is not presenter and again.title.text() == "Shared goal"
    window.go_home()
    assert window.room.presenter is None
    assert not window.act.present.isEnabled()


def test_long_text_is_shortened_and_the_type_shrinks_to_fit(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_workshop: Workshop
) -> None:
    window = make_window()
    window.open_workshop(demo_workshop.id, Step.GOAL)
    presenter = present(qtbot, window)
    presenter.resize(1280, 720)
    unit = presenter._unit
    page = window.view.page(Step.GOAL) if window.view is not None else None
    assert isinstance(page, GoalPage)
    page.statement_edit.setFocus()
    page.statement_edit.insertPlainText("word " * 20_000)  # a 100 KB paste
    text = presenter.visible_text()
    assert len(text) < 4000 and "word word" in text and "…" in text
    labels = (presenter.questions, presenter.agreed, presenter.title)
    assert all(label.heightForWidth(label.width()) <= label.height() for label in labels)
    assert presenter._unit <= unit


TWO_SCREENS = """
import sys
from datetime import date
from PySide6.QtCore import QSettings
from ui.shell.app import make_application, style
from ui.shell.main_window import MainWindow
from ui.common.settings import Settings
from ui.common.tasks import SyncRunner
from storage.engine import resolve_url
from storage.library import open_library
from workshop.demo import build_demo_workshop

library = sys.argv[1]
repo = open_library(resolve_url(library))
demo = build_demo_workshop(date(2026, 11, 23))
repo.add(demo)
repo.close()
app = make_application()
style(app)
settings = Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
window = MainWindow(database=library, runner=SyncRunner(), settings=settings)
window.show()
window.start()
window.open_workshop(demo.id)
window.room.present()
presenter = window.room.presenter
print(window.screen().name(), presenter.screen().name(), presenter.isFullScreen())
presenter.close()
window.close()
"""


def test_with_two_screens_it_opens_full_screen_on_the_other_one(tmp_path: Path) -> None:
    screens = [
        {"name": "Laptop", "x": 0, "y": 0, "width": 1440, "height": 900, "dpr": 1},
        {"name": "Projector", "x": 1440, "y": 0, "width": 1920, "height": 1080, "dpr": 1},
    ]
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-c", TWO_SCREENS, str(tmp_path / "lib.sqlite3"), str(tmp_path / "s.ini")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Laptop", "Projector", "True"]


def test_a_long_agenda_shows_the_part_around_the_running_item(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    from storage.engine import resolve_url
    from storage.library import open_library
    from workshop.editing import new_workshop
    from workshop.model import AgendaItem

    repo = open_library(resolve_url(str(library_path)))
    w = new_workshop("A long day")
    w.agenda = [AgendaItem(title=f"Item {n}", planned_minutes=10) for n in range(1, 26)]
    repo.add(w)
    repo.close()
    window = make_window()
    window.open_workshop(w.id, Step.ROOM)
    presenter = present(qtbot, window)
    clock = window.room.clock()
    assert clock is not None
    clock.go_to(w.agenda[11].id)
    text = presenter.visible_text()
    assert "… 10 earlier" in text and "▶ Item 12" in text and "… and 6 more" in text
    assert "Item 10\n" not in text and "Item 11" in text and "Item 19" in text
    assert "Item 20" not in text
    label = presenter.agreed
    assert label.heightForWidth(label.width()) <= label.height()  # nothing cut off
