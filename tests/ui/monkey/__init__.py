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

from tests.ui.monkey.core import Monkey
from tests.ui.monkey.run import main, report
from tests.ui.monkey.world import LateRunner

__all__ = ["LateRunner", "Monkey", "main", "report"]
