"""What the exploratory run knows about the app and the user it plays: pace and odds, hostile
text, keys, how to name a widget in the log, and a task runner whose work finishes when the
monkey says."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    Qt,
    QThread,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QLineEdit,
    QMainWindow,
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
