"""Running the room from the main window: the presenter view (F5), the timer's keys
(F6, Shift+F6, Ctrl+F6, F7) and its badge in the status bar.

Kept light at import: the clock, the timer and the presenter load when a workshop opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.common.settings import Setting

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from ui.common.settings import Settings
    from ui.room.clock import RoomClock
    from ui.room.presenter import PresenterWindow
    from ui.room.timer import TimerBadge
    from ui.shell.bridge import OpenWorkshop

CHIME = Setting("room/chime", int, 0, "Chime when an agenda item's time is up")
ENDS_AT = Setting("room/ends_at", str, "", "When the workshop's session ends (per workshop)")


class RoomControls:
    def __init__(self, settings: Settings, status_bar: QStatusBar, window: QWidget) -> None:
        self.settings = settings
        self.status_bar = status_bar  # where the timer's badge goes
        self.window = window  # the presenter view opens beside it
        self.view: OpenWorkshop | None = None
        self.presenter: PresenterWindow | None = None
        self.badge: TimerBadge | None = None

    # -- the open workshop --------------------------------------------------------------------

    def clock(self) -> RoomClock | None:
        view = self.view
        if view is None:
            return None
        from ui.room.clock import room_clock

        return room_clock(view.doc, view.undo_stack)

    def workshop_opened(self, view: OpenWorkshop) -> None:
        """Give the workshop's clock its saved options and show it in the status bar."""
        from ui.room.clock import room_clock
        from ui.room.timer import TimerBadge

        self.view = view
        doc = view.doc
        clock = room_clock(doc, view.undo_stack)
        if not getattr(clock, "options_loaded", False):
            self._load_options(clock, doc.workshop.id)
        if self.badge is None:
            self.badge = TimerBadge()
            self.status_bar.addPermanentWidget(self.badge)
        self.badge.follow(clock)
        view.step_changed.connect(self._step_changed)

    def workshop_closed(self) -> None:
        self.close_presenter()
        self.view = None
        if self.badge is not None:
            self.badge.follow(None)

    def _load_options(self, clock: RoomClock, workshop_id: str) -> None:
        from workshop.agenda import start_minutes

        settings = self.settings
        ends_key = settings.scoped(ENDS_AT, workshop_id)
        clock.set_chime(bool(settings.get(CHIME)))
        clock.set_ends_at(start_minutes(settings.get(ends_key)) if settings.get(ends_key) else None)

        def save() -> None:
            from workshop.agenda import clock_text

            settings.set(CHIME, int(clock.chime))
            settings.set(ends_key, clock_text(clock.ends_at) if clock.ends_at_set else "")

        clock.options_changed.connect(save)
        clock.options_loaded = True  # type: ignore[attr-defined]

    # -- the presenter view -------------------------------------------------------------------

    def present(self) -> None:
        """Open the presenter view (or bring it forward if it is open)."""
        view, clock = self.view, self.clock()
        if view is None or clock is None:
            return
        if self.presenter is not None:
            self.presenter.raise_()
            self.presenter.activateWindow()
            return
        from ui.room.presenter import PresenterWindow

        # A window of its own, not a child of the main one: with one screen the facilitator
        # can bring either to the front.
        self.presenter = PresenterWindow(view.doc, clock, view.current_step)
        self.presenter.closed.connect(self._presenter_closed)
        self.presenter.place(self.window)

    def close_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.close()

    def _presenter_closed(self) -> None:
        presenter, self.presenter = self.presenter, None
        if presenter is not None:
            presenter.deleteLater()

    def _step_changed(self, value: Any) -> None:
        from workshop.steps import Step

        if self.presenter is not None:
            self.presenter.show_step(Step(value))

    # -- the timer ------------------------------------------------------------------------------

    def toggle_timer(self) -> None:
        clock = self.clock()
        if clock is not None:
            clock.toggle()

    def extend_timer(self) -> None:
        clock = self.clock()
        if clock is not None:
            clock.extend()

    def reset_timer(self) -> None:
        clock = self.clock()
        if clock is not None:
            clock.reset()

    def next_item(self) -> None:
        clock = self.clock()
        if clock is not None:
            clock.advance()
