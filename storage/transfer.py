"""Moving one workshop between libraries as a portable file (``.accord.json``).

Export writes the file atomically (temp file, fsync, rename). Import reads at most
:data:`~workshop.portable.MAX_BYTES`, validates everything before touching the library,
takes a backup of a SQLite library, and stores the workshop in one transaction; on any
failure the library is as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from storage.backups import rotate, take_backup
from storage.durable import reason, replacing
from storage.engine import sqlite_path
from storage.errors import StorageError
from storage.repository import Repository
from workshop.i18n import _
from workshop.model import Workshop
from workshop.portable import (
    MAX_BYTES,
    ImportFileError,
    dumps,
    file_too_large,
    loads,
    renew_ids,
)


class ImportConflictError(StorageError):
    """The file's workshop is already in the library; the user chooses copy or replace."""


def _conflict() -> ImportConflictError:
    return ImportConflictError(
        _("A workshop with this id is already in the library; import it as a copy or replace it.")
    )


def imported_title(title: str) -> str:
    return _("{title} (imported)").format(title=title)


def export_workshop(repo: Repository, workshop_id: str, path: Path) -> None:
    """Write the whole workshop to ``path``; nothing half-written is ever left there."""
    text = dumps(repo.get(workshop_id))
    try:
        with replacing(path) as temp:
            temp.write_bytes(text.encode("utf-8"))
    except OSError as exc:
        raise StorageError(
            _("The workshop file “{path}” could not be written ({reason}).").format(
                path=path, reason=reason(exc)
            )
        ) from exc


def read_workshop_file(path: Path) -> Workshop:
    """The workshop in the file at ``path``, refused before reading if it is too large."""
    try:
        with path.open("rb") as f:
            if os.fstat(f.fileno()).st_size > MAX_BYTES:
                raise file_too_large()
            data = f.read(MAX_BYTES + 1)  # loads refuses more, should the file be growing
    except OSError as exc:
        raise ImportFileError(
            _("The file “{path}” cannot be read ({reason}).").format(path=path, reason=reason(exc))
        ) from exc
    return loads(data)


def _library_file(repo: Repository, library: Path | None) -> Path | None:
    path = library if library is not None else sqlite_path(repo.engine.url)
    return path if path is not None and path.is_file() else None


def import_workshop(
    repo: Repository, path: Path, as_copy: bool | None = None, library: Path | None = None
) -> str:
    """Add the workshop in ``path`` to the library and return its id there.

    If the library already holds a workshop with the file's id: ``as_copy=None`` refuses
    (:class:`ImportConflictError`), ``True`` adds a copy with fresh ids and " (imported)"
    after its title, ``False`` replaces the workshop in the library (same id, the file's
    content). A SQLite library (``library``, else the repository's file) is backed up first.
    """
    workshop = read_workshop_file(path)
    exists = bool(repo.summaries([workshop.id]))
    if exists and as_copy is None:
        raise _conflict()
    if as_copy:
        workshop = renew_ids(workshop)
        workshop.title = imported_title(workshop.title)
    backup_of = _library_file(repo, library)
    if backup_of is not None:
        take_backup(backup_of)
        rotate(backup_of)
    if as_copy is False:
        _replace(repo, workshop)
    else:
        try:
            repo.add(workshop)
        except IntegrityError as exc:  # the id is taken by a deleted workshop, say
            raise _conflict() from exc
    return workshop.id


def _replace(repo: Repository, workshop: Workshop) -> None:
    """Put ``workshop`` in place of the one with its id (listed or deleted), atomically."""
    try:
        repo.add(workshop, replace=True)
    except IntegrityError as exc:
        raise ImportConflictError(
            _(
                "Parts of this workshop are already in the library under another "
                "workshop; import it as a copy instead."
            )
        ) from exc
