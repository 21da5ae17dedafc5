"""Opening a library: checks that never overwrite or delete what is there, then migrations."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import event
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
from storage.examine import SQLITE_MAGIC, Kind, examine, sqlite_header
from storage.ownership import Leftovers, LibraryLock, journals, open_elsewhere
from storage.repository import Repository
from storage.schema import upgrade
from workshop.i18n import _


def check_sqlite_file(path: Path, where: str, *, create_folder: bool) -> None:
    """Refuse, with one sentence, a file Accord must not touch; create the folder if asked."""
    if path.is_dir():
        raise not_a_database(where)
    if path.exists():
        head = sqlite_header(path, where)
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


def not_accord(where: str) -> NotADatabaseError:
    return NotADatabaseError(
        _(
            "{where} is a database, but not an Accord library; "
            "it was left untouched — choose another library file."
        ).format(where=where)
    )


def check_integrity(path: Path, where: str, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Kind:
    """Refuse a damaged library, or another program's database, before anything writes to
    it (read-only, untrusted schema); the kind of file it is otherwise.

    A library locked by another program is waited for as long as any other connection
    waits (``busy_timeout_ms``), not sqlite3's default of five seconds.
    """
    kind = examine(path, where, busy_timeout_ms)
    if kind is Kind.DAMAGED:
        raise DamagedLibraryError(
            _(
                "The library {where} is damaged (it fails SQLite's integrity check); nothing "
                "was moved or deleted — restore a backup, open another library or start a new one."
            ).format(where=where)
        )
    if kind is Kind.FOREIGN:
        raise not_accord(where)
    return kind


def _with_journal(exc: StorageError, leftovers: Leftovers, where: str) -> StorageError:
    """The refusal of a library that a leftover ``-wal`` would have changed, naming it."""
    wal, shm = (f"“{p}”" for p in journals(leftovers.library))
    if isinstance(exc, DamagedLibraryError):
        return DamagedLibraryError(
            _(
                "With the journal file {wal} left beside it, the library {where} is damaged "
                "(it fails SQLite's integrity check); the library and its journal files were "
                "left untouched — restore a backup, open another library, or move that "
                "journal file (with {shm}, if there is one) to another folder if it does not "
                "belong to this library."
            ).format(wal=wal, shm=shm, where=where)
        )
    if isinstance(exc, NotADatabaseError):
        return NotADatabaseError(
            _(
                "The journal file {wal} left beside the library {where} would turn it into "
                "something that is not an Accord library, so the library and its journal "
                "files were left untouched; if that file does not belong to this library, "
                "move it (with {shm}, if there is one) to another folder and open the "
                "library again."
            ).format(wal=wal, shm=shm, where=where)
        )
    return exc


def _kept_notice(leftovers: Leftovers, where: str) -> str:
    return _(
        "The library {where} had a journal file left by a program that did not close "
        "normally, and its changes are now in the library; a copy of the library and its "
        "journal files as they were found is kept in {folder}."
    ).format(where=where, folder=f"“{leftovers.folder}”")


def _open(
    url: URL, where: str, busy_timeout_ms: int, *, replaying: Leftovers | None = None
) -> Repository:
    path = sqlite_path(url)
    if path is not None:
        kind = check_integrity(path, where, busy_timeout_ms)
        if replaying is not None and replaying.replayable and kind is not Kind.ACCORD:
            # An Accord journal only ever follows Accord's tables: this one would make an
            # empty file (or a new library) out of whatever it came from.
            raise not_accord(where)
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
    except BaseException:
        engine.dispose()
        raise
    return Repository(engine)


def open_library(
    url: URL,
    *,
    create_folder: bool = False,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    notify: Callable[[str], None] | None = None,
) -> Repository:
    """A repository on ``url``, at the current schema; raises :class:`StorageError`.

    For a library file, Accord's lock on it is held until the repository is closed. Journal
    files found beside a library no program has open are kept aside first (see
    :mod:`storage.ownership`); if a copy stays, ``notify`` is given one sentence saying where.
    """
    where = describe(url)
    path = sqlite_path(url)
    if path is None:
        return _open(url, where, busy_timeout_ms)
    check_sqlite_file(path, where, create_folder=create_folder)
    lock = LibraryLock.take(path, where)
    try:
        leftovers = None
        if lock.alone and not open_elsewhere(path):
            leftovers = Leftovers.keep_aside(path, where)
        try:
            repo = _open(url, where, busy_timeout_ms, replaying=leftovers)
        except BaseException as exc:
            if leftovers is None:
                raise
            _put_back(leftovers, where)
            if isinstance(exc, StorageError) and leftovers.replayable:
                raise _with_journal(exc, leftovers, where) from exc
            raise
        if leftovers is not None:
            if leftovers.replayable:
                if notify is not None:
                    notify(_kept_notice(leftovers, where))
            else:
                leftovers.discard()  # nothing was replayed: the library is what it was
        lock.share()
        event.listen(repo.engine, "engine_disposed", lock.release)
        return repo
    except BaseException:
        lock.release()
        raise


def _put_back(leftovers: Leftovers, where: str) -> None:
    """Undo whatever opening did to the library and its journal files; then the copy is
    no longer needed. If putting back fails, the copy stays and the error says where."""
    try:
        leftovers.put_back()
    except OSError as exc:
        raise StorageError(
            _(
                "The library {where} could not be put back as it was found ({reason}); "
                "a copy of it and its journal files as they were is kept in {folder}."
            ).format(where=where, reason=exc.strerror or exc, folder=f"“{leftovers.folder}”")
        ) from exc
    leftovers.discard()
