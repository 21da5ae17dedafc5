"""Copies of a SQLite database, taken with SQLite's online backup API (never a file copy of a
database that may be in use) and checked before anyone may rely on them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from storage.durable import reason, replacing
from storage.engine import BUSY_TIMEOUT_MS
from storage.errors import StorageError
from storage.examine import read_only
from workshop.i18n import _

PARTIAL = ".partial"  # a copy being written is named after its target, with this added


class CopyCheckError(Exception):
    """The copy was made but fails SQLite's integrity check."""


def integrity_ok(db: sqlite3.Connection) -> bool:
    """Whether the database behind ``db`` passes SQLite's integrity check."""
    return bool(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


@contextmanager
def backed_up(
    source: Path, target: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Iterator[sqlite3.Connection]:
    """A connection to the database at ``target`` once it holds ``source``'s content, written
    in one transaction by SQLite's backup API; ``source`` is opened read-only."""
    timeout = busy_timeout_ms / 1000
    src = sqlite3.connect(read_only(source), uri=True, timeout=timeout)
    try:
        dst = sqlite3.connect(target, timeout=timeout)
        try:
            src.backup(dst)
            yield dst
        finally:
            dst.close()
    finally:
        src.close()


def overwrite_database(source: Path, target: Path) -> None:
    """Put ``source``'s content in the database at ``target``, in one transaction: a
    failure leaves ``target`` as it was."""
    with backed_up(source, target):
        pass


def partial_of(target: Path) -> Path:
    return target.with_name(target.name + PARTIAL)


def copy_database(
    source: Path,
    target: Path,
    failed: Callable[[str], StorageError],
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> None:
    """A checked copy of the database at ``source`` (which may be in use) at ``target``.

    The copy is written to ``<target>.partial``, made one self-contained file, checked with
    ``PRAGMA integrity_check``, flushed to the disk and renamed over ``target``. Any failure
    leaves nothing at ``target`` nor beside it and raises ``failed(reason)``: the caller's
    sentence, given why in a few words.
    """
    try:
        with (
            replacing(target, partial_of(target)) as partial,
            backed_up(source, partial, busy_timeout_ms) as copy,
        ):
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            if not integrity_ok(copy):
                raise CopyCheckError
    except CopyCheckError as exc:
        raise failed(_("the copy fails SQLite's integrity check")) from exc
    except (sqlite3.Error, OSError) as exc:
        raise failed(reason(exc)) from exc
