"""What a room may ask of the main window, and nothing more.

The rooms that act for the whole window — the library's care, the capture panel, the room's
controls, workshop files, take-home outputs, verification, the signing identity — are given
a ``Shell``, never the main window itself: they say things through it, run slow work on its
runner, and reach the open workshop and the library through it. The main window is the one
implementation; a test can hand a room any object with these members.

Only protocols live here (no widgets), so importing the bridge costs nothing and ties no
room to another.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow

    from storage.repository import Repository
    from ui.common.settings import Settings
    from ui.common.tasks import TaskRunner
    from ui.editing.document import WorkshopDocument
    from workshop.steps import Step

MESSAGE_MS = 10_000  # how long a passing note stays in the status line


class Messages(Protocol):
    """Telling the user something, in the window they are working in."""

    def report(self, message: str) -> None:
        """A problem the user must know about: the status line, and a dialog the first
        time the same sentence comes."""

    def say(self, message: str, ms: int = MESSAGE_MS) -> None:
        """A passing note in the status line (a file written, a backup restored)."""


class OpenWorkshop(Protocol):
    """The workshop on screen, as the rooms see it."""

    @property
    def doc(self) -> WorkshopDocument: ...

    @property
    def undo_stack(self) -> QUndoStack: ...

    @property
    def current_step(self) -> Step: ...

    @property
    def step_changed(self) -> SignalInstance: ...

    def focus_item(self, step: Step, collection: str, item_id: str) -> None:
        """Show ``step`` with the keyboard on one item of one of its lists."""

    def agreement_output(self, what: str) -> None:
        """Preview, export or print (``what``: "preview", "export", "print_version") the
        agreement version chosen on the Agreement step, the newest when none is chosen."""


class Shell(Messages, Protocol):
    """The main window as the rooms may use it."""

    @property
    def runner(self) -> TaskRunner: ...

    @property
    def settings(self) -> Settings: ...

    def widget(self) -> QMainWindow:
        """The window: parent of the rooms' dialogs, home of docks and the status bar."""

    def repository(self) -> Repository | None:
        """The open library's repository (None while no library is open)."""

    def workshop(self) -> OpenWorkshop | None:
        """The workshop on screen, if one is."""

    def chosen_workshop(self) -> str | None:
        """The workshop a File command acts on: the open one, else the one selected on
        the home screen."""

    def open_workshop(self, workshop_id: str) -> None: ...

    def library_path(self) -> Path | None:
        """The library's file, or None for a library that is not a SQLite file."""

    def start(self) -> None:
        """Open the library (again), off the GUI thread; the home screen shows it loading."""

    def close_library(self) -> None:
        """Let go of the library (remembering the session if one is open), the home screen
        showing it loading: the file is about to be replaced."""

    def library_failed(self, exc: BaseException) -> None:
        """The library could not be opened: the home screen says why and what to do."""

    def refresh_library(self) -> None:
        """Read the library's list again (a workshop came in from elsewhere)."""
