"""Backups of a SQLite library: taken with SQLite's online backup API (never a file copy of a
live database), checked, written atomically, rotated; and restore."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storage.durable import reason
from storage.engine import BUSY_TIMEOUT_MS
from storage.errors import NotADatabaseError, ReadOnlyLibraryError, StorageError
from storage.examine import Kind, examine, read_only
from storage.ownership import LibraryLock
from storage.schema import KNOWN_REVISIONS
from storage.sqlite_copy import PARTIAL, copy_database, integrity_ok, overwrite_database
from workshop.i18n import _

if sys.platform != "win32":
    import fcntl

STAMP = "%Y%m%d-%H%M%S-%f"
PREFIX = "library-"
SUFFIX = ".sqlite3"
KEPT = "-before-restore"  # a library a restore replaced: listed, never rotated away
STALE_PARTIAL_S = 60.0  # a backup being written holds a lock on its partial file as well


class BackupError(StorageError):
    """A backup could not be taken; nothing was changed."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    size: int
    workshops: int
    kept: bool = False  # the library as it was before a restore: rotation never deletes it


def backup_folder(library: Path) -> Path:
    return library.parent / "backups"


def _stamp_of(path: Path) -> tuple[datetime, bool] | None:
    """When the backup at ``path`` was taken, and whether it is one a restore kept."""
    name = path.name
    if not (name.startswith(PREFIX) and name.endswith(SUFFIX)):
        return None
    stamp = name[len(PREFIX) : -len(SUFFIX)]
    kept = stamp.endswith(KEPT)
    if kept:
        stamp = stamp[: -len(KEPT)]
    try:
        return datetime.strptime(stamp, STAMP).replace(tzinfo=UTC), kept
    except ValueError:
        return None


def _backup_failed(library: Path, why: str) -> BackupError:
    return BackupError(
        _(
            "The library “{library}” could not be backed up ({reason}), so nothing was changed."
        ).format(library=library, reason=why)
    )


def _make_folder(library: Path) -> Path:
    folder = backup_folder(library)
    if folder.exists() and not folder.is_dir():
        raise BackupError(
            _(
                "Accord keeps the backups of “{library}” in a folder named “{folder}”, but a "
                "file has that name, so nothing was changed; move or rename that file and "
                "try again."
            ).format(library=library, folder=folder)
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _backup_failed(library, reason(exc)) from exc
    return folder


def take_backup(
    library: Path, target: Path | None = None, now: datetime | None = None, *, kept: bool = False
) -> Path:
    """A consistent copy of ``library`` (while it may be in use); returns where it went.
    Without ``target`` it goes in the backups folder (``kept``: one rotation leaves alone),
    and the partial files of backups that were killed are cleaned up first."""
    moment = now or datetime.now(UTC)
    if target is None:
        folder = _make_folder(library)
        clean_partials(folder)
        target = folder / f"{PREFIX}{moment.strftime(STAMP)}{KEPT if kept else ''}{SUFFIX}"
    copy_database(library, target, lambda why: _backup_failed(library, why))
    return target


def clean_partials(folder: Path, stale_after_s: float = STALE_PARTIAL_S) -> list[Path]:
    """Delete the partial files (and their journals) of backups that were killed: older than
    ``stale_after_s`` and locked by no backup still running. Returns what was deleted."""
    removed: list[Path] = []
    if sys.platform == "win32" or not folder.is_dir():
        return removed
    cutoff = time.time() - stale_after_s
    for path in sorted(folder.glob(f"{PREFIX}*{SUFFIX}{PARTIAL}*")):
        base = path.with_name(path.name[: path.name.index(PARTIAL) + len(PARTIAL)])
        try:
            if path.stat().st_mtime > cutoff:
                continue
            if path != base:  # a journal of a partial file: goes with it
                if not base.exists():
                    path.unlink(missing_ok=True)
                    removed.append(path)
                continue
            with path.open("rb") as f:
                try:
                    fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # a running backup is writing it
                path.unlink(missing_ok=True)
                removed.append(path)
                for suffix in ("-journal", "-wal", "-shm"):
                    journal = path.with_name(path.name + suffix)
                    if journal.exists():
                        journal.unlink(missing_ok=True)
                        removed.append(journal)
        except FileNotFoundError:
            continue
    return removed


def describe(path: Path) -> Backup | None:
    """What a backup file holds, or None if it is not one."""
    stamp = _stamp_of(path)
    if stamp is None:
        return None
    taken, kept = stamp
    try:
        db = sqlite3.connect(read_only(path), uri=True)
        try:
            count = db.execute(
                "SELECT count(*) FROM workshops WHERE deleted_at IS NULL"
            ).fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return Backup(path, taken, path.stat().st_size, int(count), kept)


def list_backups(library: Path) -> list[Backup]:
    """The library's backups, newest first."""
    folder = backup_folder(library)
    found = [describe(p) for p in folder.glob(f"{PREFIX}*{SUFFIX}")] if folder.exists() else []
    return sorted((b for b in found if b is not None), key=lambda b: b.taken_at, reverse=True)


def to_keep(
    stamps: list[datetime], now: datetime, last: int = 10, daily: int = 7, weekly: int = 4
) -> set[datetime]:
    """Which backups a rotation keeps: the newest ``last``, plus the newest of each of the last
    ``daily`` days and of each of the last ``weekly`` weeks."""
    newest_first = sorted(stamps, reverse=True)
    keep = set(newest_first[:last])
    days: dict[object, datetime] = {}
    weeks: dict[object, datetime] = {}
    for stamp in newest_first:
        age = now - stamp
        if age < timedelta(days=daily):
            days.setdefault(stamp.date(), stamp)
        if age < timedelta(weeks=weekly):
            weeks.setdefault(stamp.isocalendar()[:2], stamp)
    return keep | set(days.values()) | set(weeks.values())


def rotate(library: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups the rotation does not keep (never one a restore kept, which the
    user was told about), and the partial files of killed backups; returns what was deleted."""
    backups = [b for b in list_backups(library) if not b.kept]
    keep = to_keep([b.taken_at for b in backups], now or datetime.now(UTC))
    removed = [b.path for b in backups if b.taken_at not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed + clean_partials(backup_folder(library))


def check_restorable(backup: Path) -> None:
    """Refuse, with one sentence, a file that is not a sound Accord backup."""
    try:
        db = sqlite3.connect(read_only(backup), uri=True)
        try:
            ok = integrity_ok(db)
            revision = db.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise NotADatabaseError(
            _("“{file}” is not an Accord backup, so nothing was restored.").format(file=backup)
        ) from exc
    if not ok:
        raise StorageError(
            _(
                "“{file}” is damaged (it fails its integrity check), so nothing was restored."
            ).format(file=backup)
        )
    if revision is None or revision[0] not in KNOWN_REVISIONS:
        raise StorageError(
            _("“{file}” comes from another version of Accord, so nothing was restored.").format(
                file=backup
            )
        )


def _check_writable(library: Path, where: str) -> None:
    folder = library.parent
    if not folder.is_dir():
        raise StorageError(
            _("The folder {folder} does not exist, so nothing was restored.").format(
                folder=f"“{folder}”"
            )
        )
    if not os.access(folder, os.W_OK) or (library.exists() and not os.access(library, os.W_OK)):
        raise ReadOnlyLibraryError(
            _(
                "The library {where} is read-only, so nothing was restored; restore the "
                "backup into a library in a folder you can write to."
            ).format(where=where)
        )


def _not_a_library(where: str) -> NotADatabaseError:
    return NotADatabaseError(
        _(
            "{where} is not an Accord library (it belongs to another program or is no "
            "database), so nothing was restored over it; restore the backup into another "
            "library file."
        ).format(where=where)
    )


def _write(backup: Path, library: Path) -> None:
    """``backup``'s content into ``library`` through SQLite's backup API: one transaction,
    so a failure leaves the library as it was."""
    try:
        overwrite_database(backup, library)
    except sqlite3.Error as exc:
        raise StorageError(
            _("The library could not be restored ({reason}); it is unchanged.").format(
                reason=reason(exc)
            )
        ) from exc


def restore(backup: Path, library: Path, now: datetime | None = None) -> Path | None:
    """Replace the library's content with ``backup``'s; returns where the library as it was
    is kept, so a restore can itself be undone: a copy in the backups folder that rotation
    never deletes, or for a damaged library the file itself, set aside. None when there was
    no library (no file, an empty one, or an empty database).

    Refused, with the library untouched: another program's file, and a library another
    Accord has open (a window must close it first).
    """
    check_restorable(backup)
    where = f"“{library}”"
    _check_writable(library, where)
    lock = LibraryLock.exclusive(library, where)
    try:
        kind = examine(library, where, BUSY_TIMEOUT_MS)
        if kind is Kind.FOREIGN:
            raise _not_a_library(where)
        kept: Path | None = None
        if kind is Kind.ACCORD:
            kept = take_backup(library, now=now, kept=True)
        elif kind is Kind.DAMAGED:
            kept = set_aside(library, now)
        try:
            _write(backup, library)
        except StorageError:
            if kind is Kind.DAMAGED and kept is not None:
                library.unlink(missing_ok=True)
                _put_aside_back(kept, library)
            raise
        return kept
    finally:
        lock.release()


def set_aside(library: Path, now: datetime | None = None) -> Path:
    """Move a (damaged) library out of the way under a timestamped name, with its WAL files;
    nothing is deleted. Returns the new name of the library file."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    aside = library.with_name(f"{library.stem}.damaged-{stamp}{library.suffix}")
    n = 1
    while aside.exists():  # never replace an earlier damaged copy
        n += 1
        aside = library.with_name(f"{library.stem}.damaged-{stamp}-{n}{library.suffix}")
    for suffix in ("-wal", "-shm"):
        companion = library.with_name(library.name + suffix)
        if companion.exists():
            companion.replace(aside.with_name(aside.name + suffix))
    library.replace(aside)
    return aside


def newest_good_backup(library: Path) -> Backup | None:
    """The most recent backup that passes its checks, if any."""
    for backup in list_backups(library):
        try:
            check_restorable(backup.path)
        except StorageError:
            continue
        return backup
    return None


def _put_aside_back(aside: Path, library: Path) -> None:
    """Undo :func:`set_aside`: the file and its WAL files back under the library's name."""
    for suffix in ("-wal", "-shm"):
        companion = aside.with_name(aside.name + suffix)
        if companion.exists():
            companion.replace(library.with_name(library.name + suffix))
    aside.replace(library)


def recover(library: Path, backup: Path) -> Path:
    """Put a damaged library aside and restore ``backup`` in its place; returns where the
    damaged file went."""
    check_restorable(backup)
    lock = LibraryLock.exclusive(library, f"“{library}”")
    try:
        aside = set_aside(library)
        try:
            _write(backup, library)
        except StorageError:
            library.unlink(missing_ok=True)
            _put_aside_back(aside, library)
            raise
    finally:
        lock.release()
    return aside
