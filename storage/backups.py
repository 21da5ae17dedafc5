"""Backups of a SQLite library: taken with SQLite's online backup API (never a file copy of a
live database), checked, written atomically, rotated; and restore."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storage.errors import NotADatabaseError, StorageError
from storage.schema import KNOWN_REVISIONS
from workshop.i18n import _

STAMP = "%Y%m%d-%H%M%S-%f"
PREFIX = "library-"
SUFFIX = ".sqlite3"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    size: int
    workshops: int


def backup_folder(library: Path) -> Path:
    return library.parent / "backups"


def _stamp_of(path: Path) -> datetime | None:
    name = path.name
    if not (name.startswith(PREFIX) and name.endswith(SUFFIX)):
        return None
    try:
        return datetime.strptime(name[len(PREFIX) : -len(SUFFIX)], STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def _copy(source: Path, target: Path) -> None:
    """Online backup of ``source`` into a new file at ``target`` (atomic: temp + fsync + rename)."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
            check = dst.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    if check != "ok":
        partial.unlink(missing_ok=True)
        raise StorageError(_("The backup failed its integrity check; the library was not changed."))
    with partial.open("rb") as f:
        os.fsync(f.fileno())
    partial.replace(target)


def take_backup(library: Path, target: Path | None = None, now: datetime | None = None) -> Path:
    """A consistent copy of ``library`` (while it may be in use); returns where it went."""
    moment = now or datetime.now(UTC)
    if target is None:
        folder = backup_folder(library)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{PREFIX}{moment.strftime(STAMP)}{SUFFIX}"
    try:
        _copy(library, target)
    except sqlite3.Error as exc:
        raise StorageError(
            _("The backup of “{library}” could not be written ({reason}).").format(
                library=library, reason=exc
            )
        ) from exc
    return target


def describe(path: Path) -> Backup | None:
    """What a backup file holds, or None if it is not one."""
    taken = _stamp_of(path)
    if taken is None:
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            count = db.execute(
                "SELECT count(*) FROM workshops WHERE deleted_at IS NULL"
            ).fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return Backup(path, taken, path.stat().st_size, int(count))


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
    """Delete the backups the rotation does not keep; returns what was deleted."""
    backups = list_backups(library)
    keep = to_keep([b.taken_at for b in backups], now or datetime.now(UTC))
    removed = [b.path for b in backups if b.taken_at not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def check_restorable(backup: Path) -> None:
    """Refuse, with one sentence, a file that is not a sound Accord backup."""
    try:
        db = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
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


def restore(backup: Path, library: Path) -> Path:
    """Replace the library's content with ``backup``'s; the current library is backed up
    first (returned), so a restore can itself be undone."""
    check_restorable(backup)
    safety = take_backup(library) if library.exists() else library
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(library)
        try:
            source.backup(target)
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise StorageError(
            _("The library could not be restored ({reason}); it is unchanged.").format(reason=exc)
        ) from exc
    finally:
        source.close()
    return safety


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


def recover(library: Path, backup: Path) -> Path:
    """Put a damaged library aside and restore ``backup`` in its place; returns where the
    damaged file went."""
    check_restorable(backup)
    aside = set_aside(library)
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(library)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return aside
