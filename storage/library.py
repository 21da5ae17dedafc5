"""Opening a library: checks that never overwrite or delete what is there, then migrations."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from storage.engine import BUSY_TIMEOUT_MS, describe, make_engine, sqlite_path, use_wal
from storage.errors import (
    CannotOpenError,
    DamagedLibraryError,
    NotADatabaseError,
    ReadOnlyLibraryError,
    StorageError,
    not_a_database,
    translate,
)
from storage.repository import Repository
from storage.schema import upgrade
from workshop.i18n import _

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_sqlite_file(path: Path, where: str, *, create_folder: bool) -> None:
    """Refuse, with one sentence, a file Accord must not touch; create the folder if asked."""
    if path.is_dir():
        raise not_a_database(where)
    if path.exists():
        try:
            with path.open("rb") as f:
                head = f.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise CannotOpenError(
                _("The library {where} cannot be read ({reason}).").format(
                    where=where, reason=exc.strerror or exc
                )
            ) from exc
        if head and head != SQLITE_MAGIC:
            raise not_a_database(where)
        folder_writable = os.access(path.parent, os.W_OK)
        if not os.access(path, os.W_OK) or not folder_writable:
            raise ReadOnlyLibraryError(
                _(
                    "The library {where} is read-only, so changes cannot be saved; "
                    "copy it to a folder you can write to or open another library."
                ).format(where=where)
            )
        return
    folder = path.parent
    if not folder.exists():
        if not create_folder:
            raise CannotOpenError(
                _(
                    "The folder {folder} does not exist; choose a library in an existing folder."
                ).format(folder=f"“{folder}”")
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CannotOpenError(
                _("Accord cannot create the folder {folder} for its library ({reason}).").format(
                    folder=f"“{folder}”", reason=exc.strerror or exc
                )
            ) from exc
    if not os.access(folder, os.W_OK):
        raise ReadOnlyLibraryError(
            _(
                "The folder {folder} is read-only, so a library cannot be created there; "
                "choose another folder."
            ).format(folder=f"“{folder}”")
        )


def check_integrity(path: Path, where: str, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """Refuse a damaged library before anything writes to it (read-only, untrusted schema).

    A library locked by another program is waited for as long as any other connection
    waits (``busy_timeout_ms``), not sqlite3's default of five seconds.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=busy_timeout_ms / 1000)
        try:
            db.execute("PRAGMA trusted_schema = OFF")
            verdict = db.execute("PRAGMA integrity_check(1)").fetchone()[0]
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        error = translate(exc, where)
        if error is not None and not isinstance(error, NotADatabaseError):
            raise error from exc  # locked, unreadable...: say that, not "damaged"
        verdict = str(exc)
    if verdict != "ok":
        raise DamagedLibraryError(
            _(
                "The library {where} is damaged (it fails SQLite's integrity check); nothing "
                "was moved or deleted — restore a backup, open another library or start a new one."
            ).format(where=where)
        )


def open_library(
    url: URL, *, create_folder: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Repository:
    """A repository on ``url``, at the current schema; raises :class:`StorageError`."""
    where = describe(url)
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path, where, create_folder=create_folder)
        check_integrity(path, where, busy_timeout_ms)
    engine = make_engine(url, busy_timeout_ms=busy_timeout_ms)
    try:
        upgrade(engine, where)
        use_wal(engine)
    except StorageError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise (translate(exc, where) or exc) from exc
    return Repository(engine)
