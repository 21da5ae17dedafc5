"""Opening the library for one command, and what every command says about what it read."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.repository import Repository


@contextmanager
def open_repository(database: str | None) -> Iterator[Repository]:
    """The library named by ``--database`` (else ``$ACCORD_DATABASE_URL``, else the default
    file, whose folder is created), opened, checked and migrated; closed when the block ends.
    Notices about the library (a backup taken before migrating) go to stderr."""
    from storage.engine import default_library_path, resolve_url, sqlite_path
    from storage.library import open_library

    url = resolve_url(database)
    repo = open_library(
        url,
        create_folder=sqlite_path(url) == default_library_path(),
        notify=lambda notice: print(notice, file=sys.stderr),
    )
    try:
        yield repo
    finally:
        repo.close()


def library_file(database: str | None) -> Path:
    """The library's SQLite file; refused for a library that is not one."""
    from storage.engine import resolve_url, sqlite_path
    from storage.errors import StorageError

    path = sqlite_path(resolve_url(database))
    if path is None:
        raise StorageError("Backups are made of SQLite library files; this library is not one.")
    return path


def warn_if_damaged(repo: Repository, workshop_id: str, title: str = "") -> None:
    """One line on stderr naming the workshop's damaged fields, if its last read found any."""
    from storage.text_decoding import damage_warning

    damaged = repo.damaged(workshop_id)
    if damaged:
        print(damage_warning(damaged, title), file=sys.stderr)
