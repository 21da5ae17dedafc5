"""The room's clock for an open workshop: which agenda item is running and its timer.

One clock per open workshop, kept as a child of its document, so the Room page, the status
bar, the presenter view and the menu all drive the same timer. Moving on from an item
records the minutes it took as that item's actual time (an undoable, autosaved edit).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from ui.common.i18n import tr
from ui.editing.commands import SetItemField
from ui.editing.document import WorkshopDocument
from workshop.agenda import HALF_DAY_MINUTES, start_minutes
from workshop.model import AgendaItem
from workshop.timer import EXTEND_MINUTES, Clock, Level, Timer

TICK_MS = 200  # how often the display refreshes while running; time itself is not counted


class RoomClock(QObject):
    changed = Signal()  # the display should be refreshed (tick or state change)
    chimed = Signal()  # time ran out (the chime rang if it is on)
    options_changed = Signal()  # chime or session end changed

    def __init__(
        self, doc: WorkshopDocument, stack: QUndoStack, clock: Clock = time.monotonic
    ) -> None:
        super().__init__(doc)
        self.doc, self.stack = doc, stack
        self._clock = clock
        self._chime = False
        self._ends_at: int | None = None  # minutes after midnight; None: a half day
        self.item_id: str | None = None
        self.finished = False  # moved on past the last item
        self.timer = Timer(0.0, clock)
        self._carried: int | None = None  # the recorded minutes the timer carries on from
        self._start_over()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        doc.children_changed.connect(self._agenda_changed)

    # -- reading ---------------------------------------------------------------------------

    @property
    def item(self) -> AgendaItem | None:
        return next((i for i in self.doc.workshop.agenda if i.id == self.item_id), None)

    @property
    def position(self) -> int:
        """The running item's place in the agenda (-1 when there is none)."""
        ids = [i.id for i in self.doc.workshop.agenda]
        return ids.index(self.item_id) if self.item_id in ids else -1

    @property
    def next_item(self) -> AgendaItem | None:
        agenda, at = self.doc.workshop.agenda, self.position
        return agenda[at + 1] if 0 <= at < len(agenda) - 1 else None

    def level(self) -> Level:
        return self.timer.level()

    # -- options ---------------------------------------------------------------------------

    @property
    def chime(self) -> bool:
        return self._chime

    def set_chime(self, on: bool) -> None:
        if on != self._chime:
            self._chime = on
            self.options_changed.emit()

    @property
    def ends_at(self) -> int:
        """When the session must end, minutes after midnight (default: four hours after the
        start, or 13:00 when the start time is not a time)."""
        if self._ends_at is not None:
            return self._ends_at
        start = start_minutes(self.doc.workshop.start_time)
        return ((start if start is not None else 9 * 60) + HALF_DAY_MINUTES) % (24 * 60)

    @property
    def ends_at_set(self) -> bool:
        return self._ends_at is not None

    def set_ends_at(self, minutes: int | None) -> None:
        if minutes != self._ends_at:
            self._ends_at = minutes
            self.options_changed.emit()

    def set_clock(self, clock: Clock) -> None:
        """Read time from ``clock`` from now on (tests pass a fake one)."""
        self._clock = clock
        self.timer.clock = clock

    # -- commands --------------------------------------------------------------------------

    def toggle(self) -> None:
        """Start, pause or resume the current item's timer."""
        if self.item is None:
            return
        self.timer.toggle()
        self._follow()

    def extend(self, minutes: int = EXTEND_MINUTES) -> None:
        if self.item is None:
            return
        self.timer.extend(minutes)
        self._follow()

    def reset(self) -> None:
        """The current item's full planned time, stopped; after the last item, the first."""
        if self.finished:
            agenda = self.doc.workshop.agenda
            self.item_id, self.finished = (agenda[0].id if agenda else None), False
        # A fresh start for the item: a run after a reset replaces its recorded minutes.
        self.timer.reset(self._planned_seconds())
        self._follow()

    def advance(self) -> None:
        """Finish the current item (its actual minutes are recorded) and go to the next one;
        a running timer keeps running for it. After the last item the clock stops."""
        following = self.next_item
        self.go_to(following.id if following is not None else None)

    def go_to(self, item_id: str | None) -> None:
        """Time another item. The current one keeps the minutes it ran as its actual time."""
        if item_id == self.item_id:
            return
        running = self.timer.running
        self._record()
        self.item_id = item_id
        self.finished = item_id is None
        self.timer = self._new_timer()
        if running and self.item is not None:
            self.timer.start()
        self._follow()

    def _record(self) -> None:
        item, minutes = self.item, self.timer.actual_minutes()
        if item is None or minutes is None or minutes == item.actual_minutes:
            return
        if minutes == 0 and item.actual_minutes is None:
            return  # passed through in seconds: not a run worth recording
        self.timer.pause()
        label = tr("actual minutes of “{item}”").format(item=item.title[:40])
        self.stack.push(SetItemField(self.doc, "agenda", item.id, "actual_minutes", minutes, label))

    # -- following ---------------------------------------------------------------------------

    def _start_over(self) -> None:
        """Time the first item that has not run yet (the room may be part-way through)."""
        agenda = self.doc.workshop.agenda
        to_run = [i for i in agenda if i.actual_minutes is None] or agenda
        self.item_id = to_run[0].id if to_run else None
        self.timer = self._new_timer()

    def _new_timer(self) -> Timer:
        """A timer for the current item; one that already ran carries on from its minutes."""
        timer = Timer(self._planned_seconds(), self._clock)
        item = self.item
        self._carried = item.actual_minutes if item is not None else None
        if self._carried is not None:
            timer.carry(self._carried * 60)
        return timer

    def _planned_seconds(self) -> float:
        item = self.item
        return float(item.planned_minutes * 60) if item is not None else 0.0

    def _follow(self) -> None:
        if self.timer.running:
            self._tick.start()
        else:
            self._tick.stop()
        self.changed.emit()

    def _on_tick(self) -> None:
        if self.timer.chime_due():
            if self._chime:
                QApplication.beep()
            self.chimed.emit()
        self.changed.emit()

    def _agenda_changed(self, collection: str) -> None:
        if collection != "agenda":
            return
        item = self.item
        if item is None and not self.finished:
            # The running item was removed (or there was none yet): start over, stopped.
            self._start_over()
        elif item is not None and item.actual_minutes != self._carried and not self.timer.running:
            self.timer = self._new_timer()  # its minutes were typed in, undone or redone
        else:
            self.timer.planned_seconds = self._planned_seconds()
        self._follow()


def room_clock(doc: WorkshopDocument, stack: QUndoStack) -> RoomClock:
    """The clock of ``doc``'s workshop, made on first use."""
    found = doc.findChild(RoomClock)
    if isinstance(found, RoomClock):
        return found
    return RoomClock(doc, stack)
