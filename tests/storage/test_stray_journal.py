"""Journal files (``-wal``, ``-shm``) found beside a library that no running program has open.

SQLite replays any ``-wal`` it finds into the database, whoever wrote it. One left by an
Accord that was killed holds saved edits and must be replayed; one that belongs to another
database would overwrite the library. So before the first connection Accord keeps a byte
copy of the three files aside, and if the library is then not a sound Accord library, puts
them back exactly as they were: a refusal that says "left untouched" is true to the byte.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from storage.engine import resolve_url
from storage.errors import NotADatabaseError
from storage.library import open_library
from tests.run_accord import accord
from workshop.editing import new_workshop

ROOT = Path(__file__).resolve().parents[2]
COMPANIONS = ("", "-wal", "-shm")


def files(library: Path) -> dict[str, bytes | None]:
    """The bytes of the library and of its journal files (None: no such file)."""
    found: dict[str, bytes | None] = {}
    for suffix in COMPANIONS:
        path = library.with_name(library.name + suffix)
        found[suffix] = path.read_bytes() if path.exists() else None
    return found


def library_with_workshops(library: Path, count: int = 3) -> list[str]:
    repo = open_library(resolve_url(str(library)))
    try:
        ids = []
        for n in range(count):
            w = new_workshop(f"Workshop {n}")
            repo.add(w)
            ids.append(w.id)
        return ids
    finally:
        repo.close()


def foreign_wal(folder: Path, *, tables: bool = True) -> tuple[bytes, bytes]:
    """The ``-wal`` and ``-shm`` of another database, with frames, as its program left them."""
    other = folder / "other-program.db"
    db = sqlite3.connect(other, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA wal_autocheckpoint = 0")
        if tables:
            db.execute("CREATE TABLE notes (body BLOB)")
            db.execute("INSERT INTO notes VALUES (randomblob(20000))")
        else:
            db.execute("PRAGMA user_version = 0")
            db.execute("CREATE TABLE gone (x)")
            db.execute("DROP TABLE gone")
        # Read while the connection is still open: its -wal holds the frames.
        wal = Path(f"{other}-wal").read_bytes()
        shm = Path(f"{other}-shm").read_bytes()
    finally:
        db.close()
    assert len(wal) > 32, "the other database's journal has frames"
    return wal, shm


@pytest.mark.parametrize("with_shm", [False, True], ids=["wal", "wal+shm"])
def test_another_databases_wal_beside_the_library_leaves_it_untouched(
    tmp_path: Path, with_shm: bool
) -> None:
    library = tmp_path / "library.sqlite3"
    library_with_workshops(library)
    wal, shm = foreign_wal(tmp_path)
    Path(f"{library}-wal").write_bytes(wal)
    if with_shm:
        Path(f"{library}-shm").write_bytes(shm)
    before = files(library)

    listed = accord("--database", str(library), "list")
    assert listed.returncode == 1 and listed.stdout == ""
    lines = listed.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in listed.stderr
    assert "left untouched" in lines[0] and "library.sqlite3-wal" in lines[0]
    assert files(library) == before  # the library, its -wal and -shm, to the byte

    with pytest.raises(NotADatabaseError, match="left untouched"):
        open_library(resolve_url(str(library)))
    assert files(library) == before
    assert sorted(p.name for p in tmp_path.iterdir() if "before-open" in p.name) == []

    # Moved out of the way, the journal no longer matters: the library is as it was.
    Path(f"{library}-wal").unlink()
    Path(f"{library}-shm").unlink(missing_ok=True)
    repo = open_library(resolve_url(str(library)))
    assert len(repo.summaries()) == 3
    repo.close()


def test_a_wal_that_would_empty_the_library_is_refused(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    library_with_workshops(library)
    wal, _shm = foreign_wal(tmp_path, tables=False)
    Path(f"{library}-wal").write_bytes(wal)
    before = files(library)
    with pytest.raises(NotADatabaseError, match="left untouched"):
        open_library(resolve_url(str(library)))
    assert files(library) == before


def test_a_stray_shm_alone_changes_nothing_and_is_not_reported(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    ids = library_with_workshops(library)
    _wal, shm = foreign_wal(tmp_path)
    Path(f"{library}-shm").write_bytes(shm)
    notices: list[str] = []
    repo = open_library(resolve_url(str(library)), notify=notices.append)
    assert sorted(s.id for s in repo.summaries()) == sorted(ids)
    repo.close()
    assert notices == []
    assert not [p for p in tmp_path.iterdir() if "before-open" in p.name]


KILLED_WRITER = """
import os, signal, sys
from storage.engine import resolve_url
from storage.library import open_library
from workshop.editing import new_workshop

repo = open_library(resolve_url(sys.argv[1]))
workshop = new_workshop("Saved just before the crash")
repo.add(workshop)
print(workshop.id, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def killed_writer(library: Path) -> str:
    """Add a workshop through Accord, then die without closing: the edit is in the -wal."""
    done = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(library)],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    return done.stdout.strip()


def test_a_crashed_sessions_wal_is_replayed_and_a_copy_kept_aside(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    ids = library_with_workshops(library)
    saved = killed_writer(library)
    assert Path(f"{library}-wal").stat().st_size > 32, "the edit is still in the journal"
    before = files(library)

    notices: list[str] = []
    repo = open_library(resolve_url(str(library)), notify=notices.append)
    try:
        assert sorted(s.id for s in repo.summaries()) == sorted([*ids, saved])
    finally:
        repo.close()
    (aside,) = [p for p in tmp_path.iterdir() if "before-open" in p.name]
    assert aside.is_dir() and aside.name.startswith("library.before-open-")
    assert files(aside / library.name) == before  # the three files, as they were found
    assert len(notices) == 1 and str(aside) in notices[0]
    assert notices[0].endswith(".") and "\n" not in notices[0]


def test_the_command_line_says_where_the_copy_went(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    library_with_workshops(library, 1)
    saved = killed_writer(library)
    listed = accord("--database", str(library), "list")
    assert listed.returncode == 0, listed.stderr
    assert saved in listed.stdout
    (aside,) = [p for p in tmp_path.iterdir() if "before-open" in p.name]
    assert listed.stderr.strip().splitlines() == [listed.stderr.strip()]
    assert str(aside) in listed.stderr


LIVE_WRITER = """
import sys
from storage.engine import resolve_url
from storage.library import open_library
from workshop.editing import new_workshop

repo = open_library(resolve_url(sys.argv[1]))
repo.add(new_workshop("Still open"))
print("READY", flush=True)
sys.stdin.readline()
repo.close()
"""


def test_the_wal_of_a_running_accord_is_not_treated_as_left_over(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    library_with_workshops(library, 1)
    live = subprocess.Popen(
        [sys.executable, "-c", LIVE_WRITER, str(library)],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert live.stdout is not None and live.stdout.readline().strip() == "READY"
        assert Path(f"{library}-wal").exists()
        notices: list[str] = []
        repo = open_library(resolve_url(str(library)), notify=notices.append)
        assert len(repo.summaries()) == 2
        repo.close()
        assert notices == []
        assert not [p for p in tmp_path.iterdir() if "before-open" in p.name]
    finally:
        assert live.stdin is not None
        live.stdin.write("\n")
        live.stdin.flush()
        live.wait(timeout=30)


def test_a_copy_kept_aside_is_never_overwritten(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    library_with_workshops(library, 1)
    killed_writer(library)
    open_library(resolve_url(str(library))).close()
    killed_writer(library)
    open_library(resolve_url(str(library))).close()
    asides = [p for p in tmp_path.iterdir() if "before-open" in p.name]
    assert len(asides) == 2
    sizes = {len(list(a.iterdir())) for a in asides}
    assert sizes <= {2, 3}  # the library and its -wal (and -shm), in each


OTHER_PROGRAM = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA wal_autocheckpoint = 0")
db.execute("UPDATE workshops SET title = 'Renamed elsewhere'")
print("READY", flush=True)
sys.stdin.readline()
db.close()
"""


def test_the_journal_of_another_program_running_now_is_left_to_sqlite(tmp_path: Path) -> None:
    """A library another program has open right now: its journal is live, not left over."""
    library = tmp_path / "library.sqlite3"
    library_with_workshops(library, 1)
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_PROGRAM, str(library)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "READY"
        assert Path(f"{library}-wal").stat().st_size > 32
        notices: list[str] = []
        repo = open_library(resolve_url(str(library)), notify=notices.append)
        assert [s.title for s in repo.summaries()] == ["Renamed elsewhere"]
        repo.close()
        assert notices == []
        assert not [p for p in tmp_path.iterdir() if "before-open" in p.name]
    finally:
        assert other.stdin is not None
        other.stdin.write("\n")
        other.stdin.flush()
        other.wait(timeout=30)
