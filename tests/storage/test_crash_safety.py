"""Killing Accord in the middle of autosaving loses no saved edit and damages no library.

``crash_writer.py`` makes a stream of edits through the real repository and says each one
once its call has returned; this test kills it with SIGKILL at a random moment, over and
over on the same library file, and checks after every kill that the file is intact and
holds exactly what was reported saved (the one edit in flight at the kill may have
landed or not, never half). Every other time, Accord itself opens what the killed writer
left before anything else does: the edits in its ``-wal`` are replayed, and a byte copy of
the library and its journal files as found is kept aside first.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from storage.engine import resolve_url
from storage.library import open_library

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("crash_writer.py")
TRIALS = 32
MAX_EXTRA_MS = 300
START_TIMEOUT_S = 30.0


@dataclass
class Saved:
    """What the writer has reported saved, across every run so far."""

    participants: dict[str, str] = field(default_factory=dict)  # id -> name
    deleted: set[str] = field(default_factory=set)
    notes: str = ""

    def apply(self, edit: list[str]) -> Saved:
        after = Saved(dict(self.participants), set(self.deleted), self.notes)
        match edit:
            case ["ADD", pid, name] | ["RENAME", pid, name]:
                after.participants[pid] = name
            case ["NOTES", text]:
                after.notes = text
            case ["DEL", pid]:
                after.participants.pop(pid, None)
                after.deleted.add(pid)
            case _:
                raise AssertionError(f"the writer said something unexpected: {edit}")
        return after


class Writer:
    """One run of crash_writer.py, its stdout gathered line by line in a thread."""

    def __init__(self, library: Path, seed: int) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(library), str(seed)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self.editing = threading.Event()  # set at the first TRY: the edit loop is running
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            if line.startswith("TRY "):
                self.editing.set()
        self.editing.set()  # end of output: stop any wait

    def kill(self) -> list[str]:
        """SIGKILL it; every complete line it printed (a partial last line is dropped)."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._reader.join(timeout=10)
        return [line.rstrip("\n") for line in self.lines if line.endswith("\n")]

    def stderr(self) -> str:
        assert self.proc.stderr is not None
        return self.proc.stderr.read()


def stored_state(library: Path, workshop_id: str) -> tuple[dict[str, str], str]:
    """Participants and notes, read with plain sqlite3 after checking the file's integrity."""
    db = sqlite3.connect(f"file:{library}?mode=rw", uri=True)
    try:
        integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
        assert integrity == ["ok"], f"integrity_check: {integrity}"
        broken_keys = db.execute("PRAGMA foreign_key_check").fetchall()
        assert not broken_keys, f"foreign_key_check: {broken_keys}"
        rows = db.execute(
            "SELECT id, name, position FROM participants WHERE workshop_id = ?", (workshop_id,)
        ).fetchall()
        positions = [r[2] for r in rows]
        # add_child shifts positions and inserts in one transaction; half of it would
        # leave two participants at one position.
        assert len(set(positions)) == len(positions), "two participants share a position"
        notes = db.execute("SELECT notes FROM workshops WHERE id = ?", (workshop_id,)).fetchone()
        assert notes is not None, "the workshop is gone"
        workshops = db.execute("SELECT count(*) FROM workshops").fetchone()[0]
        assert workshops == 1, f"{workshops} workshops where the writer made one"
        return {r[0]: r[1] for r in rows}, notes[0]
    finally:
        db.close()


def library_files(library: Path) -> list[Path]:
    """The library and the journal files beside it."""
    names = [library.name, f"{library.name}-wal", f"{library.name}-shm"]
    return [library.with_name(n) for n in names if library.with_name(n).exists()]


def differences(saved: Saved, participants: dict[str, str], notes: str) -> list[str]:
    problems = []
    for pid, name in saved.participants.items():
        if pid not in participants:
            problems.append(f"saved participant {pid} ({name}) is missing")
        elif participants[pid] != name:
            problems.append(f"participant {pid} is {participants[pid]!r}, saved as {name!r}")
    for pid in saved.deleted & participants.keys():
        problems.append(f"deleted participant {pid} is back ({participants[pid]})")
    for pid in participants.keys() - saved.participants.keys() - saved.deleted:
        problems.append(f"participant {pid} ({participants[pid]}) was never reported")
    if notes != saved.notes:
        problems.append(f"notes are {notes!r}, last saved {saved.notes!r}")
    return problems


# 32 writer processes, each starting Python and the database stack: minutes on two busy
# cores. The limit is for a hang, not a budget.
@pytest.mark.timeout(900)
def test_killing_the_writer_mid_edit_loses_nothing_saved(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    saved = Saved()
    workshop_id: str | None = None
    confirmed = in_flight_landed = in_flight_rolled_back = kept_aside = 0
    started = time.monotonic()

    for trial in range(TRIALS):
        rng = random.Random(trial)
        writer = Writer(library, seed=trial)
        try:
            if writer.editing.wait(START_TIMEOUT_S):
                time.sleep(rng.uniform(0, MAX_EXTRA_MS) / 1000)
        finally:
            lines = writer.kill()
        code = writer.proc.returncode
        assert code == -signal.SIGKILL, (
            f"trial {trial}: the writer exited ({code}) by itself:\n" + writer.stderr()
        )
        assert any(line.startswith("TRY ") for line in lines), (
            f"trial {trial}: no edit within {START_TIMEOUT_S} s:\n" + writer.stderr()
        )

        pending: list[str] | None = None
        for line in lines:
            word, *rest = line.split(" ")
            if word == "READY":
                assert workshop_id in (None, rest[0]), f"trial {trial}: another workshop"
                workshop_id = rest[0]
            elif word == "TRY":
                assert pending is None, f"trial {trial}: two edits in flight"
                pending = rest
            else:
                assert [word, *rest] == pending, f"trial {trial}: {line!r} was not tried"
                saved = saved.apply(pending)
                pending = None
                confirmed += 1
        assert workshop_id is not None, f"trial {trial}: no READY line"

        if trial % 2 == 0:
            # What the killed writer left (its -wal holds edits not yet in the file) opened
            # by Accord itself: replayed, and a byte copy of the files kept aside first.
            found = {p.name: p.read_bytes() for p in library_files(library)}
            notices: list[str] = []
            open_library(resolve_url(str(library)), notify=notices.append).close()
            if len(found.get(f"{library.name}-wal", b"")) > 32:
                assert len(notices) == 1, f"trial {trial}: {notices}"
                aside = Path(notices[0].rsplit("“", 1)[1].split("”")[0])
                kept = {p.name: p.read_bytes() for p in aside.iterdir()}
                assert kept == found, f"trial {trial}: the copy aside differs"
                kept_aside += 1
        participants, notes = stored_state(library, workshop_id)
        problems = differences(saved, participants, notes)
        if problems and pending is not None:
            # Killed between the commit and its line: the edit may have landed, whole.
            landed = saved.apply(pending)
            if not differences(landed, participants, notes):
                saved, problems = landed, []
                in_flight_landed += 1
        elif pending is not None:
            in_flight_rolled_back += 1
        assert not problems, f"trial {trial} (after {confirmed} confirmed edits): " + "; ".join(
            problems[:10]
        )

        repo = open_library(resolve_url(str(library)))
        try:
            reopened = repo.get(workshop_id)
            assert {p.id: p.name for p in reopened.participants} == saved.participants
            assert reopened.notes == saved.notes
        finally:
            repo.close()

    elapsed = time.monotonic() - started
    print(
        f"\n{TRIALS} trials, {confirmed} edits confirmed, 0 lost; "
        f"edit in flight at the kill: {in_flight_landed} landed whole, "
        f"{in_flight_rolled_back} rolled back; {len(saved.participants)} participants, "
        f"{len(saved.deleted)} deleted; {kept_aside} journals replayed by Accord with a copy "
        f"kept aside; {elapsed:.1f} s"
    )
