"""A library locked by another program: the integrity check waits no longer than any other
connection does (``BUSY_TIMEOUT_MS``, or the timeout the library is opened with), not
sqlite3's default of five seconds."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storage.engine import BUSY_TIMEOUT_MS, resolve_url
from storage.errors import LibraryLockedError
from storage.library import check_integrity, open_library


@pytest.fixture
def locked(library_path: Path) -> Iterator[Path]:
    """A library whose every lock another connection holds."""
    open_library(resolve_url(str(library_path))).close()
    other = sqlite3.connect(library_path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield library_path
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.fixture
def timeouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The busy timeout (ms) of each connection the integrity check opens, as SQLite has it."""
    seen: list[int] = []
    connect = sqlite3.connect

    def spy(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        db: sqlite3.Connection = connect(*args, **kwargs)
        seen.append(db.execute("PRAGMA busy_timeout").fetchone()[0])
        return db

    monkeypatch.setattr(sqlite3, "connect", spy)  # the module storage connects with
    return seen


def test_the_integrity_check_waits_the_configured_busy_timeout(
    library_path: Path, timeouts: list[int]
) -> None:
    open_library(resolve_url(str(library_path))).close()
    timeouts.clear()
    check_integrity(library_path, "the library")
    assert timeouts == [BUSY_TIMEOUT_MS]


def test_opening_a_locked_library_waits_the_timeout_it_is_given(
    locked: Path, timeouts: list[int]
) -> None:
    with pytest.raises(LibraryLockedError, match="in use by another program"):
        open_library(resolve_url(str(locked)), busy_timeout_ms=100)
    assert timeouts == [100]
