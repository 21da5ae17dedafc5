"""A hurried user, driven by a seed: clicks, keys, menus, hostile text, table cells, answers
to every question. After each action it checks for an uncaught exception or a Qt warning.

It runs in a process of its own (``python -m tests.ui.monkey``, started by test_explore.py)
so that a crash still leaves the actions that led to it: each is written to the log file as
it is taken.

Dialogs and menus opened with ``exec()`` run their own event loop; a zero-interval timer
notices when one is running and the monkey uses the dialog for a few actions, then answers it
(a button, Enter, Escape or closing it) — or picks an entry of the menu. File dialogs are
cancelled and nothing is opened outside Accord.

Background work (opening the library, building a PDF, signing …) finishes when the monkey
says: right after the action that started it, or a few actions later — after the workshop was
closed, say.

Nothing waits for the wall clock. The room's clock reads a fake time that moves two seconds
per action (or minutes, when the monkey lets time pass), and the app's own timers are fired
when their interval has passed on that clock, so a seed replays the same way every time.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import random
import re
import sys
import traceback
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO, TypeVar

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QModelIndex,
    QPoint,
    QPointF,
    QSettings,
    Qt,
    QThread,
    QTimer,
    QtMsgType,
    QUrl,
    qInstallMessageHandler,
)
from PySide6.QtGui import QAction, QDesktopServices, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from ui.common.tasks import TaskRunner

T = TypeVar("T")
TAIL = 30  # actions shown with a failure
IGNORED_QT_MESSAGES = (
    "This plugin does not support propagateSizeHints",  # as in pyproject.toml
    # What the offscreen platform cannot do when a menu pops up (a desktop can):
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support grabbing the mouse",
)
LURE = 0.3  # how likely the monkey opens a workshop when it sees the list of them
TYPE_FIRST = 0.6  # how likely the monkey types into a dialog's first field straight away
FINISH = 0.7  # how likely background work has finished by the next action
STEP_SECONDS = 2.0  # a hurried user's pace, on the fake clock
STEPS_PER_PDF = 150  # a PDF preview or print per this many steps: each builds a PDF
SLOW = re.compile(r"preview|print", re.IGNORECASE)
# Printing draws every page as an image at the printer's resolution: at the 1200 dpi of
# printing to a file that is most of a minute for the demo agreement, so the monkey prints
# at a draft resolution.
DRAFT_DPI = 96
QUIT = re.compile(r"^&?quit", re.IGNORECASE)

TEN_KB = ("Ünïcødé ✓ ∑ ‰ " * 800)[:10_240]
HOSTILE_TEXTS: tuple[str, ...] = (
    "<b>x</b> & <img src=x>",
    "<script>alert(1)</script>&amp;&lt;",
    "مرحبا بالعالم ١٢٣",
    "שלום עולם",
    "abc \u202eevil\u202c def",
    "😀👩‍👩‍👧‍👦🇩🇪",
    "e\u0301\u0308\u20dd",
    "4.2M",
    "1e309",
    "NaN",
    "-0",
    "10000000000000000000000000000",
    "inf",
    "-1",
    "0",
    "0.0000001",
    "1,5",
    "1.234.567,89",
    "50%",
    "150 %",
    "€800k",
    "$1,000,000",
    "١٢٣٤",
    "１２３",
    "12 months",
    "2147483648",
    "9" * 400,
    "",
    " ",
    "   padded   ",
    "\t",
    "line one\nline two",
    "a\r\nb\u2029c",
    "nul\x00byte",
    "'; DROP TABLE workshops; --",
    "=1+2",
    "@SUM(A1)",
    "{title} {0} {} %s %(x)s",
    "\\\\server\\share",
    "../../etc/passwd",
    "\ufeffBOM",
    "\u200b",
    "x" * 300,
    TEN_KB,
    "2026-02-30",
    "31.12.1999",
    "25:99",
    "9:00",
    "noon",
    # and what gets a user further: a valid title, a name, a number
    "Pipeline review",
    "Ana Lima",
    "Head of Sales",
    "120",
    "800000",
    "25",
    "12",
)
KEY_TYPED_LIMIT = 12  # longer text is pasted, as people do


def keys(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Keys pressed into whatever has the keyboard (the first ones are plain navigation and
# editing keys), beside every shortcut the window's actions declare. Ctrl+Q would quit.
NAVIGATION = keys(
    "Return Enter Space Tab Shift+Tab Up Down Left Right Home End PgDown PgUp Del Backspace "
    "Esc F2 F4 Insert Ctrl+Del Alt+Up Alt+Down"
)
KEYS = NAVIGATION + keys(
    "F1 F5 F6 Shift+F6 Ctrl+F6 F7 F11 Ctrl+Z Ctrl+Shift+Z Ctrl+Y Ctrl+A Ctrl+C Ctrl+X Ctrl+V "
    "Ctrl+PgDown Ctrl+PgUp Ctrl+G Ctrl+N Ctrl+D Ctrl+O Ctrl+R Ctrl+F Ctrl+E Ctrl+I Ctrl+P "
    "Ctrl+Shift+E Ctrl+Shift+L Ctrl+Shift+P Ctrl+Shift+A Ctrl+Shift+N"
)
ITEM_KEYS = keys("Return Space Del F2 Backspace R A C I x Down Up Insert Ctrl+Del Alt+Up")
# What a user does with a cell editor still open: go elsewhere, undo, remove the row.
DISRUPTIONS = keys("Ctrl+Z Ctrl+Shift+Z Ctrl+Del Ctrl+PgDown Ctrl+PgUp Ctrl+O Alt+Up")
WINDOW_SIZES = ((1600, 1000), (1366, 768), (1200, 780), (900, 600))
KINDS: tuple[tuple[str, int], ...] = (
    ("click", 26),
    ("type", 16),
    ("cell", 14),
    ("item", 8),
    ("combo", 7),
    ("menu", 6),
    ("key", 8),
    ("shortcut", 8),
    ("tab", 2),
    ("link", 3),
    ("scribble", 2),
    ("time", 2),
    ("resize", 1),
    ("close", 1),
    ("context", 1),
)
# In a dialog there is less to do, and what there is matters more (the signature pad, the
# dialog's tabs and fields).
DIALOG_KINDS: tuple[tuple[str, int], ...] = (
    ("click", 20),
    ("type", 20),
    ("scribble", 12),
    ("tab", 10),
    ("combo", 10),
    ("key", 10),
    ("cell", 6),
    ("item", 6),
    ("link", 3),
    ("shortcut", 3),
)


class Stop(Exception):
    """Something failed: no more actions."""


Job = tuple[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]]


class LateRunner(TaskRunner):
    """The app's background work, finished when the monkey says so: at once, or some
    actions later — always in the order it was asked for, as the app's one worker thread
    does, and always after the action that asked for it, as a queued result arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: list[Job] = []

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.pending.append((work, on_done, on_error))

    def finish_all(self) -> None:
        while self.pending:
            work, on_done, on_error = self.pending.pop(0)
            try:
                result = work()
            except BaseException as exc:
                on_error(exc)
            else:
                on_done(result)

    def wait(self, msecs: int = 30_000) -> bool:
        self.finish_all()
        return True


def valid(obj: object) -> bool:
    return obj is not None and shiboken6.isValid(obj)


def usable(widget: QWidget) -> bool:
    return valid(widget) and widget.isVisible() and widget.isEnabled()


def shown(text: str, limit: int = 40) -> str:
    """``text`` for the log: quoted, shortened, with its length when long."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text)} chars)"


def label_of(widget: QWidget) -> str:
    """What a user would call ``widget``."""
    candidates: list[str] = []
    if isinstance(widget, QDialog | QMainWindow):
        candidates.append(widget.windowTitle())
    if isinstance(widget, QAbstractButton):
        candidates.append(widget.text())
        if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
            candidates.append(widget.defaultAction().text())
    if isinstance(widget, QLineEdit):
        candidates.append(widget.placeholderText())
    candidates += [widget.accessibleName(), widget.toolTip(), widget.objectName()]
    for text in candidates:
        text = " ".join(text.replace("&", "").split())
        if text:
            return text[:60]
    parent = widget.parentWidget()
    if parent is not None and not widget.isWindow():
        inside = label_of(parent)
        return f"in {type(parent).__name__}" + (f" {inside!r}" if inside else "")
    return ""


CONTAINERS = ("Page", "Dialog", "Window", "Panel", "Dock", "View", "Box")


def place_of(widget: QWidget) -> str:
    """The page, panel or window ``widget`` is on."""
    node = widget.parentWidget()
    while node is not None:
        name = type(node).__name__
        if type(node).__module__.startswith("ui.") and name.endswith(CONTAINERS):
            return f"{name} {node.windowTitle()!r}" if node.isWindow() else name
        if node.isWindow():
            return f"{name} {node.windowTitle()!r}"
        node = node.parentWidget()
    return "its own window"


def describe(widget: QWidget) -> str:
    label = label_of(widget)
    named = f" {label!r}" if label else ""
    return f"{type(widget).__name__}{named} on {place_of(widget)}"


def key_parts(keys: str) -> tuple[Qt.Key, Qt.KeyboardModifier]:
    combination = QKeySequence(keys)[0]  # type: ignore[index]  # not in PySide's stubs
    return combination.key(), combination.keyboardModifiers()


def loop_level() -> int:
    """How many event loops are running (dialogs' and menus' ``exec``: the monkey runs none
    of its own)."""
    return QThread.currentThread().loopLevel()


class Monkey:
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

    def do_click(self, scope: Sequence[QWidget]) -> bool:
        buttons = [
            b
            for b in self.widgets(scope, QAbstractButton)
            if isinstance(b, QAbstractButton)
            and not QUIT.search(b.text())
            # A line edit's clear button fades in and out by the wall clock, so whether it
            # is there would differ between replays: it is used through its action instead.
            and not isinstance(b.parentWidget(), QLineEdit)
        ]
        if not buttons:
            return False
        button = self.fresh(buttons, describe)
        if not self.slow(label_of(button)):
            return False
        self.note(f"click {describe(button)}")
        self.activate(button)
        button.click()
        return True

    def do_type(self, scope: Sequence[QWidget]) -> bool:
        editors = [
            w
            for w in self.widgets(scope, QWidget)
            if (isinstance(w, QAbstractSpinBox) or self.writable(w))
            and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)
        ]
        if not editors:
            return False
        self.write(self.fresh(editors, describe))
        return True

    def write(self, editor: QWidget) -> None:
        """Type into ``editor`` (or over what it holds), then go on somehow."""
        text = self.hostile()
        replace = self.rng.random() < 0.6
        self.note(f"{'replace' if replace else 'type into'} {describe(editor)}: {shown(text)}")
        self.activate(editor)
        editor.setFocus(Qt.FocusReason.MouseFocusReason)
        if replace:
            QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        self.type_into(editor, text)
        end = self.rng.choice(("stay", "Return", "Tab", "Esc", "leave", "clear"))
        if end == "stay" or not valid(editor):
            return
        if end == "leave":
            self.note("  …and click elsewhere")
            editor.clearFocus()
        elif end == "clear":
            clear = self.clear_action(editor)
            if clear is not None:
                self.note("  …and clear it with its clear button")
                clear.trigger()
        else:
            self.note(f"  …and press {end}")
            self.press(editor, end)

    @staticmethod
    def clear_action(editor: QWidget) -> QAction | None:
        """The action behind a line edit's clear button, when the button shows."""
        if not isinstance(editor, QLineEdit) or not editor.isClearButtonEnabled():
            return None
        if not editor.text():
            return None
        return editor.findChild(QAction, "_q_qlineeditclearaction")

    @staticmethod
    def writable(widget: QWidget) -> bool:
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            return not widget.isReadOnly()
        return False

    def do_cell(self, scope: Sequence[QWidget]) -> bool:
        """Edit a table cell through its delegate's editor, then commit, cancel or leave it
        open while doing something else."""
        views = [
            v
            for v in self.widgets(scope, QAbstractItemView)
            if isinstance(v, QAbstractItemView)
            and not isinstance(v, QHeaderView)
            and v.model() is not None
            and v.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
        ]
        if not views:
            return False
        view = self.fresh(views, describe)
        index = self.random_index(view.model())
        if index is None or not view.model().flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        self.note(f"edit {self.index_name(view, index)}")
        self.activate(view)
        view.setFocus(Qt.FocusReason.MouseFocusReason)
        view.setCurrentIndex(index)
        view.edit(index)
        editor = view.indexWidget(index) if index.isValid() else None
        if editor is None or not valid(editor):
            self.note("  (no editor opened)")
            return True
        self.fill(editor)
        self.settle()
        end = self.rng.choice(("Return", "Tab", "Esc", "click away", "leave open", "disrupt"))
        if not (valid(editor) and editor.isVisible()):
            return True
        if end in ("Return", "Tab", "Esc"):
            self.note(f"  …and press {end}")
            self.press(editor, end)
        elif end == "click away":
            self.note("  …and click elsewhere")
            if valid(view):
                view.setFocus(Qt.FocusReason.MouseFocusReason)
        elif end == "disrupt":
            keys = self.rng.choice(DISRUPTIONS)
            self.note(f"  …and, the editor still open, press {keys}")
            self.press(editor, keys)
        else:
            self.note("  …and leave the editor open")
        return True

    def fill(self, editor: QWidget) -> None:
        """Put something into a cell's editor."""
        if isinstance(editor, QComboBox):
            if editor.count():
                i = self.rng.randrange(editor.count())
                self.note(f"  pick {editor.itemText(i)!r} in the cell's drop-down")
                self.choose_in_combo(editor, i)
            return
        if isinstance(editor, QAbstractSpinBox) or self.writable(editor):
            text = self.hostile()
            replace = self.rng.random() < 0.8
            self.note(f"  {'replace with' if replace else 'type'} {shown(text)}")
            if replace:
                QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            self.type_into(editor, text)
            return
        keys = self.rng.choice(NAVIGATION)
        self.note(f"  press {keys} in the cell's {type(editor).__name__}")
        self.press(editor, keys)

    def random_index(self, model: QAbstractItemModel) -> QModelIndex | None:
        rows = model.rowCount(QModelIndex())
        columns = model.columnCount(QModelIndex()) if model.hasIndex(0, 1) else 1
        if rows <= 0:
            return None
        return model.index(self.rng.randrange(rows), self.rng.randrange(columns))

    @staticmethod
    def index_name(view: QAbstractItemView, index: QModelIndex) -> str:
        header = view.model().headerData(index.column(), Qt.Orientation.Horizontal)
        column = f"column {str(header)!r}" if header else f"column {index.column()}"
        return f"row {index.row()}, {column} of {describe(view)}"

    def do_item(self, scope: Sequence[QWidget]) -> bool:
        """Click, double-click or press a key on an item of any list or table, or click a
        column's header."""
        views = [
            v
            for v in self.widgets(scope, QAbstractItemView)
            if isinstance(v, QAbstractItemView) and v.model() is not None
        ]
        if not views:
            return False
        view = self.fresh(views, describe)
        if isinstance(view, QHeaderView):
            return self.click_header(view)
        index = self.random_index(view.model())
        if index is None:
            return False
        where = self.index_name(view, index)
        how = self.rng.choice(("click", "double-click", "key", "key"))
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        if how in ("click", "double-click"):
            self.note(f"{how} {where}")
            self.activate(view)
            view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
            at = view.visualRect(index).center()
            click = QTest.mouseClick if how == "click" else QTest.mouseDClick
            click(view.viewport(), left, none, at)
        else:
            keys = self.rng.choice(ITEM_KEYS)
            self.note(f"select {where} and press {keys}")
            self.activate(view)
            view.setFocus(Qt.FocusReason.MouseFocusReason)
            view.setCurrentIndex(index)
            self.press(view, keys)
        return True

    def click_header(self, header: QHeaderView) -> bool:
        if header.count() == 0:
            return False
        section = self.rng.randrange(header.count())
        if header.isSectionHidden(section):
            return False
        orientation = header.orientation()
        name = header.model().headerData(section, orientation) if header.model() else None
        self.note(f"click the header {str(name)!r} of {describe(header.parentWidget() or header)}")
        self.activate(header)
        middle = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        across = (
            header.height() // 2
            if orientation == Qt.Orientation.Horizontal
            else header.width() // 2
        )
        at = (
            QPoint(middle, across)
            if orientation == Qt.Orientation.Horizontal
            else QPoint(across, middle)
        )
        QTest.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at
        )
        return True

    def do_combo(self, scope: Sequence[QWidget]) -> bool:
        combos = [
            c
            for c in self.widgets(scope, QComboBox)
            if isinstance(c, QComboBox)
            and c.count() > 0
            and not isinstance(c.parentWidget(), QAbstractItemView)
        ]
        if not combos:
            return False
        combo = self.fresh(combos, describe)
        i = self.rng.randrange(combo.count())
        self.note(f"pick {combo.itemText(i)!r} in {describe(combo)}")
        self.activate(combo)
        self.choose_in_combo(combo, i)
        return True

    @staticmethod
    def choose_in_combo(combo: QComboBox, i: int) -> None:
        """What choosing entry ``i`` from the drop-down does."""
        combo.setFocus(Qt.FocusReason.MouseFocusReason)
        combo.setCurrentIndex(i)
        if valid(combo):
            combo.activated.emit(i)
        if valid(combo):
            combo.textActivated.emit(combo.itemText(i))

    def menu_actions(self) -> list[QAction]:
        """The enabled entries of the menu bar, submenus included."""
        found: list[QAction] = []

        def walk(menu: QMenu) -> None:
            for action in menu.actions():
                if action.isSeparator() or not action.isVisible():
                    continue
                submenu = action.menu()
                if isinstance(submenu, QMenu):
                    walk(submenu)
                elif action.isEnabled():
                    found.append(action)

        for top in self.window.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                walk(menu)
        return [
            a
            for a in found
            if a.menuRole() != QAction.MenuRole.QuitRole and not QUIT.search(a.text())
        ]

    def do_menu(self, scope: Sequence[QWidget]) -> bool:
        if self.window not in scope:
            return False
        actions = self.menu_actions()
        if not actions:
            return False
        action = self.fresh(actions, QAction.text)
        if not self.slow(action.text()):
            return False
        self.note(f"menu {action.text().replace('&', '')!r}")
        self.activate(self.window)
        action.trigger()
        return True

    def shortcuts(self) -> list[str]:
        """KEYS and every shortcut of the window's actions, but quitting."""
        found = set(KEYS)
        for action in self.window.findChildren(QAction):
            if not valid(action) or action.menuRole() == QAction.MenuRole.QuitRole:
                continue
            for sequence in action.shortcuts():
                text = sequence.toString()
                # A keyboard has the keys up to F35 (not Cut, Paste, New … of some keyboards).
                if sequence.count() == 1 and key_parts(text)[0].value <= Qt.Key.Key_F35.value:
                    found.add(text)
        quit_keys = {s.toString() for s in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)}
        return sorted(found - quit_keys - {"", "Ctrl+Q"})

    def do_shortcut(self, scope: Sequence[QWidget]) -> bool:
        keys = self.fresh(self.shortcuts(), str)
        if not self.slow("print" if keys == "Ctrl+P" else ""):
            return False
        target = self.keyboard()
        if target.window() not in scope:
            self.activate(scope[0])
            target = scope[0].focusWidget() or scope[0]
        self.note(f"press {keys} in {describe(target)}")
        self.press(target, keys)
        return True

    def do_key(self, scope: Sequence[QWidget]) -> bool:
        """A navigation or editing key into whatever has the keyboard."""
        keys = self.rng.choice(NAVIGATION)
        target = self.keyboard()
        if target.window() not in scope:
            return False
        self.note(f"press {keys} in {describe(target)}")
        self.press(target, keys)
        return True

    def do_tab(self, scope: Sequence[QWidget]) -> bool:
        bars = [b for b in self.widgets(scope, QTabBar) if isinstance(b, QTabBar) and b.count() > 1]
        if not bars:
            return False
        bar = self.fresh(bars, describe)
        i = self.rng.randrange(bar.count())
        self.note(f"tab {bar.tabText(i).replace('&', '')!r} on {place_of(bar)}")
        self.activate(bar)
        bar.setCurrentIndex(i)
        return True

    def do_link(self, scope: Sequence[QWidget]) -> bool:
        links: list[tuple[QLabel, str]] = []
        for label in self.widgets(scope, QLabel):
            if isinstance(label, QLabel) and "<a " in label.text():
                hrefs = re.findall(r"href=['\"]([^'\"]*)", label.text())
                links += [(label, href) for href in hrefs]
        if not links:
            return False
        label, href = self.fresh(links, lambda link: link[1])
        self.note(f"follow the link {label.accessibleName() or href!r} on {place_of(label)}")
        self.activate(label)
        label.linkActivated.emit(href)
        return True

    def do_scribble(self, scope: Sequence[QWidget]) -> bool:
        """Drag across a drawing surface (the signature pad), in and out of it."""
        pads = [w for w in self.widgets(scope, QWidget) if self.is_pad(w)]
        if not pads:
            return False
        self.draw(self.fresh(pads, describe))
        return True

    @staticmethod
    def is_pad(widget: QWidget) -> bool:
        return type(widget).__module__.startswith("ui.") and "Pad" in type(widget).__name__

    def draw(self, pad: QWidget) -> None:
        points = [
            QPoint(
                self.rng.randrange(-20, pad.width() + 20),
                self.rng.randrange(-20, pad.height() + 20),
            )
            for _ in range(self.rng.randrange(1, 8))
        ]
        self.note(f"draw {len(points)} points on {describe(pad)}")
        self.activate(pad)
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mousePress(pad, left, none, points[0])
        for point in points[1:]:
            if not valid(pad):
                return
            event = QMouseEvent(
                QEvent.Type.MouseMove,
                QPointF(point),
                QPointF(pad.mapToGlobal(point)),
                Qt.MouseButton.NoButton,
                left,
                none,
            )
            QApplication.sendEvent(pad, event)
        if valid(pad):
            QTest.mouseRelease(pad, left, none, points[-1])

    def do_time(self, scope: Sequence[QWidget]) -> bool:
        self.pass_time(self.rng.choice((30.0, 60.0, 300.0, 1200.0, 2400.0)))
        return True

    def do_resize(self, scope: Sequence[QWidget]) -> bool:
        if self.window not in scope:
            return False
        width, height = self.rng.choice(WINDOW_SIZES)
        self.note(f"resize the window to {width}×{height}")
        self.window.resize(width, height)
        return True

    def do_close(self, scope: Sequence[QWidget]) -> bool:
        others = [w for w in scope if w is not self.window]
        if not others:
            return False
        window: QWidget = self.pick(others)
        self.note(f"close the window {describe(window)}")
        window.close()
        return True

    def do_context(self, scope: Sequence[QWidget]) -> bool:
        """Right-click where the app offers a menu of its own."""
        targets = [
            w
            for w in self.widgets(scope, QWidget)
            if w.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
        ]
        if not targets:
            return False
        widget = self.fresh(targets, describe)
        at = QPoint(
            self.rng.randrange(max(widget.width(), 1)), self.rng.randrange(max(widget.height(), 1))
        )
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            index = self.random_index(widget.model())
            if index is not None:
                at = widget.visualRect(index).center()
        self.note(f"right-click {describe(widget)} at ({at.x()}, {at.y()})")
        self.activate(widget)
        widget.customContextMenuRequested.emit(at)
        return True

    def popup(self, popup: QWidget) -> None:
        """A calendar or a list popped up: choose in it with the keyboard, or dismiss it."""
        keys = self.rng.choice(("Esc", "Return", "Down", "Right", "PgDown", "Esc"))
        self.note(f"press {keys} in the popup {type(popup).__name__}")
        self.press(popup.focusWidget() or popup, keys)
        if valid(popup) and popup.isVisible() and self.rng.random() < 0.5:
            self.note("  …and click outside it")
            popup.close()

    # -- dialogs and menus that run their own event loop -----------------------------------

    def loop_running(self) -> None:
        """Called by the watch timer in every event loop: a dialog's or menu's ``exec``
        waits for an answer when the loop is deeper than the one being answered."""
        level = loop_level()
        if level <= self.depth:
            return
        outer, self.depth = self.depth, level
        self.watching(level, True)
        try:
            popup = QApplication.activePopupWidget()
            modal = QApplication.activeModalWidget()
            if isinstance(popup, QMenu) and popup.isVisible():
                self.choose_from(popup)
            elif isinstance(modal, QDialog) and modal.isVisible():
                self.use_dialog(modal)
        except Exception:
            self.failed("exception", traceback.format_exc())
        finally:
            self.watching(level, False)
            self.depth = outer

    def choose_from(self, menu: QMenu) -> None:
        """Choose an entry of ``menu`` with the keyboard, or dismiss it."""
        entries = [
            a for a in menu.actions() if not a.isSeparator() and a.isVisible() and a.isEnabled()
        ]
        title = menu.title() or menu.accessibleName()
        if not entries or self.rng.random() < 0.2:
            self.note(f"dismiss the menu {title!r}")
            QTest.keyClick(menu, Qt.Key.Key_Escape)
        else:
            action: QAction = self.pick(entries)
            self.note(f"choose {action.text().replace('&', '')!r} in the menu {title!r}")
            menu.setActiveAction(action)
            QTest.keyClick(menu, Qt.Key.Key_Return)
            submenu = action.menu()
            if isinstance(submenu, QMenu) and valid(submenu) and submenu.isVisible():
                self.choose_from(submenu)
        if valid(menu) and menu.isVisible():
            menu.close()

    def use_dialog(self, dialog: QDialog) -> None:
        """A dialog waits in ``exec``: use it for a few actions, then answer it."""
        text = f": {shown(dialog.text(), 90)}" if isinstance(dialog, QMessageBox) else ""
        self.note(f"dialog {describe(dialog)}{text}")
        if isinstance(dialog, QFileDialog):
            self.note("cancel the file dialog")
            dialog.reject()
            return
        if isinstance(dialog, QPrintDialog):
            self.answer_print(dialog)
            return
        self.settle()
        # Most people start with the field the dialog puts the cursor in (or sign on its
        # pad).
        focus = dialog.focusWidget()
        if focus is not None and self.rng.random() < TYPE_FIRST:
            if isinstance(focus, QAbstractSpinBox) or self.writable(focus):
                self.write(focus)
            elif self.is_pad(focus):
                for _stroke in range(self.rng.randrange(1, 4)):
                    self.draw(focus)
            self.settle()
        limit = (8, 3, 1)[min(self.depth - 1, 2)]
        for _ in range(self.rng.randrange(limit + 1)):
            if self.failures or not (valid(dialog) and dialog.isVisible()):
                break
            if QApplication.activeModalWidget() is not dialog:
                break
            self.step()
            self.settle()
            self.background()
        if valid(dialog) and dialog.isVisible() and QApplication.activeModalWidget() is dialog:
            self.answer(dialog)

    def answer(self, dialog: QDialog) -> None:
        """Answer ``dialog`` as a user would: a button, Enter, Escape or closing it."""
        for _attempt in range(3):
            if not (valid(dialog) and dialog.isVisible()):
                return
            buttons: list[QAbstractButton] = []
            if isinstance(dialog, QMessageBox):
                buttons = [b for b in dialog.buttons() if usable(b)]
            for box in dialog.findChildren(QDialogButtonBox):
                if box.window() is dialog:
                    buttons += [b for b in box.buttons() if usable(b) and b not in buttons]
            choice = self.pick(["Return", "Esc", "close", *buttons, *buttons])
            title = dialog.windowTitle()
            if isinstance(choice, QAbstractButton):
                self.note(f"answer {title!r}: click {label_of(choice)!r}")
                choice.click()
            elif choice == "close":
                self.note(f"answer {title!r}: close its window")
                dialog.close()
            else:
                self.note(f"answer {title!r}: press {choice}")
                self.press(dialog.focusWidget() or dialog, choice)
            self.settle()
        if valid(dialog) and dialog.isVisible():
            self.note(f"answer {dialog.windowTitle()!r}: close it for good")
            QDialog.done(dialog, int(QDialog.DialogCode.Rejected))

    def answer_print(self, dialog: QPrintDialog) -> None:
        """Print to a PDF file instead of a printer, or cancel."""
        if self.rng.random() < 0.5:
            self.note("cancel the print dialog")
            QDialog.done(dialog, int(QDialog.DialogCode.Rejected))
            return
        printer: QPrinter = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.scratch / "printed.pdf"))
        printer.setResolution(DRAFT_DPI)
        self.note(f"print (to a PDF file, at {DRAFT_DPI} dpi)")
        QDialog.done(dialog, int(QDialog.DialogCode.Accepted))


@contextmanager
def patched(monkey: Monkey) -> Iterator[None]:
    """File dialogs cancel, nothing opens outside Accord, the room's clock is the fake one."""
    from ui.room.clock import RoomClock

    def cancelled(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        monkey.note("cancel the file dialog")
        return "", ""

    def not_opened(url: QUrl) -> bool:
        monkey.note(f"(would open {url.fileName() or url.toString()!r} outside Accord)")
        return False

    replaced: list[tuple[Any, str, Any]] = []

    def replace(owner: Any, name: str, value: Any) -> None:
        replaced.append((owner, name, owner.__dict__[name]))
        setattr(owner, name, value)

    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        replace(QFileDialog, name, staticmethod(cancelled))
    replace(QDesktopServices, "openUrl", staticmethod(not_opened))
    defaults = RoomClock.__init__.__defaults__
    RoomClock.__init__.__defaults__ = (monkey.clock,)
    try:
        yield
    finally:
        RoomClock.__init__.__defaults__ = defaults
        for owner, name, old in reversed(replaced):
            setattr(owner, name, old)


# -- one run, in its own process ----------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="One seeded monkey run on a library.")
    parser.add_argument("--database", required=True)
    parser.add_argument("--settings", required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--steps", type=int, required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--hang-after", type=float, default=60.0, help="seconds one step may take")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    faulthandler.enable()
    faulthandler.dump_traceback_later(args.hang_after, exit=True)
    from sqlalchemy.exc import SAWarning

    warnings.simplefilter("error", SAWarning)  # as the test suite does (pyproject.toml)

    from ui.common.settings import Settings
    from ui.shell.app import make_application, style
    from ui.shell.main_window import MainWindow

    with open(args.log, "w", encoding="utf-8") as log:
        app = make_application()
        style(app)
        # Key presses into a list are each a search of their own, not a word typed on
        # within 0.4 s of wall clock (the monkey's steps are seconds apart).
        QApplication.setKeyboardInputInterval(0)
        settings = Settings(QSettings(args.settings, QSettings.Format.IniFormat))
        runner = LateRunner()
        window = MainWindow(database=args.database, runner=runner, settings=settings)
        monkey = Monkey(window, args.seed, log)
        monkey.hang_after = args.hang_after
        monkey.runner = runner
        monkey.scratch = Path(args.log).parent
        sys.excepthook = monkey.excepthook
        previous = qInstallMessageHandler(monkey.qt_message)
        with patched(monkey):
            window.show()
            QTest.qWaitForWindowExposed(window)
            window.activateWindow()
            QTest.qWaitForWindowActive(window)
            window.start()
            runner.finish_all()  # the library opens
            ok = monkey.run(args.steps)
            if ok:
                monkey.step_no += 1
                monkey.note("quit")
                monkey.watching(0, True)
                window.close()
                monkey.settle()
                monkey.watching(0, False)
                ok = not monkey.failures
        qInstallMessageHandler(previous)
        log.write(f"# {monkey.in_workshop} of {monkey.step_no} steps in an open workshop\n")
        log.write("PASSED\n" if ok else "FAILED\n")
    faulthandler.cancel_dump_traceback_later()
    return 0 if ok else 1


ACTION = re.compile(r"^\s*\d+  ")


def report(log: str, stderr: str = "", tail: int = TAIL) -> str:
    """The last actions before the first failure, and that failure, from a run's log (and,
    after a crash or a hang, from its stderr)."""
    lines = log.splitlines()
    first = next((i for i, line in enumerate(lines) if line.startswith("!!!! ")), len(lines))
    actions = [line for line in lines[:first] if ACTION.match(line)]
    parts = [f"Last {min(tail, len(actions))} of {len(actions)} actions:", *actions[-tail:]]
    if first < len(lines):
        block = [lines[first][5:]]
        for line in lines[first + 1 :]:
            if not line.startswith("| "):
                break
            block.append(line[2:])
        parts += ["", "First failure:", *block]
    if stderr.strip():
        parts += ["", "stderr:", stderr.strip()[-6000:]]
    return "\n".join(parts)


if __name__ == "__main__":
    sys.exit(main())
