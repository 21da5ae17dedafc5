"""The monkey: its seed, log, fake clock and event-loop watch; each step picks one of its
hands' actions (:mod:`.hands`) and answers whatever dialog or menu opened (:mod:`.answers`)."""

from __future__ import annotations

import faulthandler
import os
import random
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QModelIndex,
    Qt,
    QTimer,
    QtMsgType,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QWidget,
)

from tests.ui.monkey.answers import Answers
from tests.ui.monkey.hands import Hands
from tests.ui.monkey.world import (
    DIALOG_KINDS,
    FINISH,
    HOSTILE_TEXTS,
    IGNORED_QT_MESSAGES,
    KEY_TYPED_LIMIT,
    KINDS,
    LURE,
    SLOW,
    STEP_SECONDS,
    STEPS_PER_PDF,
    LateRunner,
    Stop,
    T,
    key_parts,
    loop_level,
    usable,
    valid,
)


class Monkey(Hands, Answers):
    """Random actions on every window of the app, chosen by ``seed`` alone."""

    def __init__(self, window: QMainWindow, seed: int, log: TextIO | None = None) -> None:
        self.window = window
        self.rng = random.Random(seed)
        self.hang_after = 60.0  # seconds one step may take before it counts as a hang
        self.log = log
        self.actions: list[str] = []
        self.failures: list[str] = []
        self.step_no = 0
        self.depth = 0  # the event loop level being answered (0: none)
        self.now = 1000.0  # the fake monotonic clock, in seconds
        self.slow_left = 1
        self.used: Counter[str] = Counter()
        self.in_workshop = 0  # steps taken with a workshop open
        self.runner: LateRunner | None = None
        self.scratch = Path(os.environ.get("TMPDIR", "/tmp"))
        # One watch timer per loop level: Qt does not fire a timer again while its own
        # timeout is being handled, and a dialog may open from inside another.
        self.watches: list[QTimer] = []

    # -- what happened ---------------------------------------------------------------------

    def note(self, text: str) -> None:
        line = f"{self.step_no:4d}  {'  ' * self.depth}{text}"
        self.actions.append(line)
        if self.log is not None:
            self.log.write(line + "\n")
            self.log.flush()

    def failed(self, kind: str, text: str) -> None:
        self.failures.append(f"{kind}: {text}")
        if self.log is not None:
            lines = text.rstrip().splitlines()
            self.log.write(f"!!!! {kind}\n" + "".join(f"| {line}\n" for line in lines))
            self.log.flush()

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        self.failed("uncaught exception", "".join(traceback.format_exception(kind, exc, tb)))

    def qt_message(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if mode in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if any(ignored in message for ignored in IGNORED_QT_MESSAGES):
            return
        where = f" ({context.file}:{context.line})" if context.file else ""
        stack = "".join(traceback.format_stack(limit=14)[:-1])
        self.failed(f"Qt {mode.name}", f"{message}{where}\nPython stack:\n{stack}")

    def clock(self) -> float:
        return self.now

    # -- running ---------------------------------------------------------------------------

    def run(self, steps: int) -> bool:
        """Take up to ``steps`` actions; False if something failed."""
        self.slow_left = max(1, steps // STEPS_PER_PDF)
        self.watching(0, True)
        try:
            self.settle()
            for self.step_no in range(1, steps + 1):
                if self.failures:
                    raise Stop
                if getattr(self.window, "view", None) is not None:
                    self.in_workshop += 1
                # A hang is one step that never ends, not a slow machine: the watchdog
                # starts again with every step.
                faulthandler.dump_traceback_later(self.hang_after, exit=True)
                self.step()
                self.settle()
                self.background()
                self.pass_time(STEP_SECONDS, quiet=True)
        except Stop:
            pass
        except Exception:  # an exception of the app's, raised through a Qt call
            self.failed("exception", traceback.format_exc())
        finally:
            self.watching(0, False)
        return not self.failures

    def watching(self, level: int, on: bool) -> None:
        """Start or stop the timer that notices a loop deeper than ``level``."""
        while len(self.watches) <= level:
            timer = QTimer()
            timer.setInterval(0)
            timer.timeout.connect(self.loop_running)
            self.watches.append(timer)
        if on:
            self.watches[level].start()
        else:
            self.watches[level].stop()

    def settle(self) -> None:
        """Let Qt deliver what the action posted (paint, queued calls, window activation)
        and, outside a dialog's loop, delete what was deleted later, as returning to the
        event loop does."""
        QApplication.processEvents()
        if loop_level() == 0:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QApplication.processEvents()

    def background(self) -> None:
        """Work the app runs in the background finishes now, or after some more actions."""
        runner = self.runner
        if runner is None or not runner.pending:
            return
        jobs = len(runner.pending)
        if self.rng.random() < FINISH:
            self.note(f"background work finishes ({jobs} job{'s' if jobs > 1 else ''})")
            runner.finish_all()
            self.settle()
        else:
            self.note(f"background work goes on ({jobs} job{'s' if jobs > 1 else ''})")

    def pass_time(self, seconds: float, quiet: bool = False) -> None:
        """Move the fake clock on and fire the app's timers whose interval has passed."""
        self.now += seconds
        if not quiet:
            self.note(f"time passes: {seconds / 60:g} min")
        for timer in self.window.findChildren(QTimer):
            parent = timer.parent()
            if not (valid(timer) and timer.isActive() and parent is not None):
                continue
            if not type(parent).__module__.startswith("ui."):
                continue  # Qt's own
            if timer.interval() <= seconds * 1000:
                timer.timeout.emit()
                self.settle()

    def step(self) -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None and valid(popup):
            self.popup(popup)
            return
        scope = self.scope()
        if len(scope) == 1 and isinstance(scope[0], QDialog) and self.rng.random() < 0.25:
            self.answer(scope[0])
            return
        if self.lure(scope):
            return
        kinds = DIALOG_KINDS if len(scope) == 1 and isinstance(scope[0], QDialog) else KINDS
        names = [name for name, _w in kinds]
        weights = [w for _n, w in kinds]
        for _attempt in range(10):
            kind = self.rng.choices(names, weights)[0]
            if getattr(self, "do_" + kind)(scope):
                return
        self.note("(nothing to do)")

    def lure(self, scope: Sequence[QWidget]) -> bool:
        """On the home screen a user mostly opens a workshop: without this, a random walk
        spends most of its time in the list of workshops."""
        window = self.window
        if window not in scope or getattr(window, "view", None) is not None:
            return False
        table = getattr(getattr(window, "home", None), "table", None)
        if not isinstance(table, QAbstractItemView) or not usable(table):
            return False
        rows = table.model().rowCount(QModelIndex())
        if rows == 0 or self.rng.random() >= LURE:
            return False
        index = table.model().index(self.rng.randrange(rows), 0)
        self.note(f"select {self.index_name(table, index)} and press Return (open it)")
        self.activate(table)
        table.setFocus(Qt.FocusReason.MouseFocusReason)
        table.setCurrentIndex(index)
        self.press(table, "Return")
        return True

    def scope(self) -> list[QWidget]:
        """The windows a user can reach: the modal dialog if there is one, else all."""
        modal = QApplication.activeModalWidget()
        if modal is not None and valid(modal) and modal.isVisible():
            return [modal]
        tops = [
            w
            for w in QApplication.topLevelWidgets()
            if valid(w)
            and w.isVisible()
            and not isinstance(w, QMenu)
            and w.windowType() not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
        ]
        return sorted(
            tops,
            key=lambda w: (w is not self.window, type(w).__name__, w.windowTitle(), w.objectName()),
        )

    def widgets(self, scope: Sequence[QWidget], kind: type[QWidget]) -> list[QWidget]:
        """Every usable ``kind`` in ``scope``, in a fixed order (the widget tree's)."""
        found: list[QWidget] = []
        for top in scope:
            if isinstance(top, kind) and usable(top):
                found.append(top)
            found += [w for w in top.findChildren(kind) if usable(w) and w.window() is top]
        return found

    def activate(self, widget: QWidget) -> None:
        """Bring ``widget``'s window to the front, as a click into it does."""
        top = widget.window()
        if QApplication.activeWindow() is not top:
            top.activateWindow()
            QApplication.processEvents()

    def pick(self, items: Sequence[Any]) -> Any:
        return items[self.rng.randrange(len(items))]

    def fresh(self, items: Sequence[T], name: Callable[[T], str]) -> T:
        """One of ``items``, the ones used least so far the likeliest: a random walk that
        clicked only what it sees most would never get far."""
        names = [name(item) for item in items]
        weights = [1.0 / (1 + self.used[n]) ** 2 for n in names]
        chosen = self.rng.choices(range(len(items)), weights)[0]
        self.used[names[chosen]] += 1
        return items[chosen]

    def slow(self, label: str) -> bool:
        """False when ``label`` (building a PDF) is over this run's budget."""
        if not SLOW.search(label.replace("&", "")) or getattr(self.window, "view", None) is None:
            return True
        if self.slow_left <= 0:
            return False
        self.slow_left -= 1
        return True

    # -- keys and text ---------------------------------------------------------------------

    def press(self, widget: QWidget | None, keys: str) -> None:
        """Press ``keys`` (e.g. "Ctrl+Shift+Z") on ``widget``, shortcuts included."""
        target = widget if widget is not None and valid(widget) else self.keyboard()
        key, modifiers = key_parts(keys)
        QTest.keyClick(target, key, modifiers)

    def keyboard(self) -> QWidget:
        """Where the keyboard is."""
        focus = QApplication.focusWidget()
        if focus is not None and valid(focus):
            return focus
        active = QApplication.activeWindow()
        if active is not None and valid(active):
            return active
        self.activate(self.window)
        return QApplication.focusWidget() or self.window

    def type_into(self, widget: QWidget, text: str) -> None:
        """Type ``text`` key by key when short, else paste it from the clipboard."""
        if len(text) > KEY_TYPED_LIMIT:
            QApplication.clipboard().setText(text)
            QTest.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
            return
        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                if not valid(widget):
                    return
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(widget, event)

    def hostile(self) -> str:
        text: str = self.pick(HOSTILE_TEXTS)
        return text

    # -- actions: each returns False when it found nothing to act on ----------------------
