"""Faults from the environment become one plain sentence, and nothing is lost or touched."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from storage.engine import resolve_url
from storage.errors import DiskFullError, ReadOnlyLibraryError, StorageError, translate
from storage.library import open_library
from storage.repository import Repository
from workshop.editing import new_workshop


def test_a_full_disk_is_reported_and_the_library_stays_consistent(repo: Repository) -> None:
    w = new_workshop("Before the disk filled up")
    repo.add(w)
    repo.engine.dispose()

    @event.listens_for(repo.engine, "connect")
    def _tiny_disk(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    with pytest.raises(DiskFullError, match=r"disk holding .* is full"):
        repo.update_workshop(w.id, {"notes": "x" * 500_000})
    assert repo.get(w.id).notes == ""  # the failed edit left no half-written state
    assert repo.get(w.id).title == "Before the disk filled up"


def test_a_read_only_library_is_refused_before_anything_is_written(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_library(resolve_url(str(library_path))).close()
    before = library_path.read_bytes()
    real_access = os.access

    def read_only(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        # The suite runs as root, which ignores file modes: answer as the OS would for a user.
        if mode & os.W_OK and Path(path) == library_path:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", read_only)
    with pytest.raises(ReadOnlyLibraryError, match="is read-only"):
        open_library(resolve_url(str(library_path)))
    assert library_path.read_bytes() == before


@pytest.mark.parametrize(
    ("sqlite_message", "expected"),
    [
        ("attempt to write a readonly database", "is read-only"),
        ("database is locked", "in use by another program"),
        ("database or disk is full", "is full"),
        ("file is not a database", "not an Accord library"),
        ("unable to open database file", "cannot be opened"),
    ],
)
def test_every_known_sqlite_failure_has_a_sentence(sqlite_message: str, expected: str) -> None:
    error = translate(sqlite3.OperationalError(sqlite_message), "“lib.sqlite3”")
    assert error is not None and expected in error.message
    assert error.message.endswith(".") and "\n" not in error.message


def test_a_bug_is_not_disguised_as_an_environment_problem() -> None:
    assert translate(sqlite3.OperationalError("no such column: nope"), "x") is None
    assert translate(ValueError("bug"), "x") is None


def _killed_mid_session(library: Path) -> None:
    """A library whose Accord died with edits still in its -wal (no program has it open)."""
    code = (
        "import os, signal, sys\n"
        "from storage.engine import resolve_url\n"
        "from storage.library import open_library\n"
        "from workshop.editing import new_workshop\n"
        "repo = open_library(resolve_url(sys.argv[1]))\n"
        "repo.add(new_workshop('In the journal'))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root))
    subprocess.run([sys.executable, "-c", code, str(library)], cwd=root, env=env, timeout=60)
    assert Path(f"{library}-wal").stat().st_size > 32


def _files(library: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in library.parent.iterdir()
        if p.name.startswith(library.name) and not p.name.endswith(".accord-lock")
    }


def test_no_room_for_the_copy_of_a_journal_left_over_changes_nothing(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _killed_mid_session(library_path)
    before = _files(library_path)
    real_copy = shutil.copyfile
    copies: list[str] = []

    def disk_fills_up(src: Any, dst: Any, *args: Any, **kwargs: Any) -> Any:
        copies.append(str(dst))
        if len(copies) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_copy(src, dst, *args, **kwargs)

    monkeypatch.setattr(shutil, "copyfile", disk_fills_up)
    with pytest.raises(StorageError, match="could not keep a copy") as refused:
        open_library(resolve_url(str(library_path)))
    assert "\n" not in refused.value.message and "nothing was changed" in refused.value.message
    assert _files(library_path) == before
    assert not [p for p in library_path.parent.iterdir() if "before-open" in p.name]


def test_a_read_only_library_with_a_journal_left_over_is_refused_untouched(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _killed_mid_session(library_path)
    before = _files(library_path)
    real_access = os.access

    def read_only(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if mode & os.W_OK and Path(path) == library_path:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", read_only)
    with pytest.raises(ReadOnlyLibraryError, match="is read-only"):
        open_library(resolve_url(str(library_path)))
    assert _files(library_path) == before
