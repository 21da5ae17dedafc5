"""Child processes for the start-up benchmarks: the app, and a bare PySide6 window.

Both run with the same Python (``sys.executable``), offscreen, from the project root, with
HOME and the XDG folders pointed at a temporary folder so no user setting is read or written.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from bench.report import BenchError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 60.0
GNU_TIME = Path("/usr/bin/time")

# The baseline: what any PySide6 app pays to put a window on screen and paint it once.
BARE_WINDOW = '''\
"""An empty QMainWindow, shown offscreen, quitting after its first paint."""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class QuitOnFirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
quitter = QuitOnFirstPaint()
window.installEventFilter(quitter)
QTimer.singleShot(30_000, lambda: app.exit(3))  # never painted: fail rather than hang
window.show()
sys.exit(app.exec())
'''

# Used only without GNU time: wait4() on a child gives its peak RSS, but a child forked from
# a big parent inherits the parent's high-water mark until it execs; forking from this
# small interpreter keeps that floor far below any Qt process.
PEAK_RSS_TRAMPOLINE = """\
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
proc.returncode = code = os.waitstatus_to_exitcode(status)
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss}\\n")
sys.exit(code if code >= 0 else 128 - code)
"""


@dataclass(frozen=True)
class Child:
    label: str  # how an error names it
    command: list[str]


@dataclass(frozen=True)
class StartupPair:
    subject: Child
    baseline: Child
    env: dict[str, str]
    folder: Path


def isolated_env(home: Path, pycache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("ACCORD_DATABASE_URL", None)
    # An installed app runs from bytecode. With PYTHONDONTWRITEBYTECODE set (as in some
    # shells and CI images) the app's own modules would be compiled from source on every
    # start; cache bytecode in the temporary folder instead, filled by the warm-up runs.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["QT_QPA_PLATFORM"] = "offscreen"
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        env[var] = str(folder)
    (home / "runtime").chmod(0o700)  # Qt warns about a runtime dir others can read
    return env


@contextmanager
def startup_pair() -> Iterator[StartupPair]:
    """The app on a library holding the demo workshop, and the bare window, both warmed up.

    The warm-up runs (one each, not measured) fill the disk cache and the bytecode cache.
    """
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        folder = Path(tmp)
        env = isolated_env(folder / "home", folder / "pycache")
        script = folder / "bare_window.py"
        script.write_text(BARE_WINDOW, encoding="utf-8")
        library = folder / "library.sqlite3"
        # A normal start opens an existing library; creating one (migrations) is first-run only.
        run_child(
            Child("main.py demo", [sys.executable, "main.py", "--database", str(library), "demo"]),
            env,
        )
        pair = StartupPair(
            subject=Child(
                "main.py --quit-after-show",
                [sys.executable, "main.py", "--quit-after-show", "--database", str(library)],
            ),
            baseline=Child("the bare PySide6 window", [sys.executable, str(script)]),
            env=env,
            folder=folder,
        )
        run_child(pair.baseline, env)
        run_child(pair.subject, env)
        yield pair


def _last_line(stream: IO[bytes]) -> str:
    stream.seek(0)
    lines = [ln.strip() for ln in stream.read().decode(errors="replace").splitlines()]
    lines = [ln for ln in lines if ln]
    return lines[-1] if lines else "no error output"


def run_child(child: Child, env: dict[str, str], command: list[str] | None = None) -> int:
    """Run ``child`` (or ``command`` standing in for it) to completion; its wall time in ns.

    Waits without a timeout (``Popen.wait(timeout=...)`` polls with sleeps of up to 50 ms,
    which would be noise); a timer kills a child that hangs instead.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter_ns()
        proc = subprocess.Popen(
            command or child.command,
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        hung = threading.Event()

        def kill() -> None:
            hung.set()
            proc.kill()

        killer = threading.Timer(TIMEOUT_S, kill)
        killer.start()
        try:
            code = proc.wait()
        finally:
            killer.cancel()
        elapsed = time.perf_counter_ns() - start
        if hung.is_set():
            raise BenchError(f"{child.label} did not exit within {TIMEOUT_S:g} s")
        if code != 0:
            raise BenchError(f"{child.label} exited with status {code}: {_last_line(errors)}")
    return elapsed


def _read_kib(path: Path) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8").split()
        return int(lines[-1]) if lines else None
    except (OSError, ValueError):
        return None


class PeakRss:
    """Measures a child's peak resident set size, by GNU time if it works here."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self.out = folder / "peak-rss.txt"
        self.use_gnu_time = GNU_TIME.exists() and self._gnu_time_works(env)

    def _wrap(self, command: list[str], use_gnu_time: bool) -> list[str]:
        if use_gnu_time:
            return [str(GNU_TIME), "-f", "%M", "-o", str(self.out), *command]
        return [sys.executable, "-I", "-S", "-c", PEAK_RSS_TRAMPOLINE, str(self.out), *command]

    def _gnu_time_works(self, env: dict[str, str]) -> bool:
        probe = Child("GNU time", [sys.executable, "-c", "pass"])
        try:
            run_child(probe, env, self._wrap(probe.command, use_gnu_time=True))
        except (BenchError, OSError):
            return False
        kib = _read_kib(self.out)
        return kib is not None and kib > 0

    def kib(self, child: Child, env: dict[str, str]) -> int:
        """Run ``child`` once; its peak RSS in KiB."""
        self.out.unlink(missing_ok=True)
        run_child(child, env, self._wrap(child.command, self.use_gnu_time))
        kib = _read_kib(self.out)
        if kib is None or kib <= 0:
            raise BenchError(f"the peak memory of {child.label} could not be read")
        return kib
