"""One seeded run in this process: the app under the fake clock, the monkey's steps, the
log; and the report a failed run gives."""

from __future__ import annotations

import argparse
import faulthandler
import os
import re
import sys
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QSettings,
    QUrl,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
)

from tests.ui.monkey.core import Monkey
from tests.ui.monkey.world import (
    TAIL,
    LateRunner,
)


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
