"""Replacing a file so that a reader never sees half of it and the new content survives a
power cut: it is written to a temporary file beside the target, flushed to the disk and
renamed over the target; the folder is synced so that the rename lasts too."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

if sys.platform != "win32":
    import fcntl

# What SQLite may leave beside a database it writes: removed with a temporary file.
SQLITE_COMPANIONS = ("-journal", "-wal", "-shm")


def reason(exc: BaseException) -> str:
    """Why a file operation failed, for the parentheses of a sentence: the system's words."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def sync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable, where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _open_temp(target: Path, temp: Path | None) -> tuple[int, Path]:
    if temp is None:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
        return fd, Path(name)
    temp.unlink(missing_ok=True)
    return os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644), temp


def _remove(temp: Path) -> None:
    for path in [temp, *(temp.with_name(temp.name + s) for s in SQLITE_COMPANIONS)]:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


@contextmanager
def replacing(target: Path, temp: Path | None = None) -> Iterator[Path]:
    """A new, empty temporary file beside ``target`` (``temp`` if given) for the caller to
    fill; on leaving the block it is flushed and renamed over ``target``. If the block
    fails, the temporary file goes (with any journal SQLite left beside it) and ``target``
    is as it was. While the block runs, the temporary file is locked (``flock``), so that
    a cleanup of temporary files left by killed processes can leave it alone."""
    fd, temp = _open_temp(target, temp)
    try:
        if sys.platform != "win32":
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield temp
        os.fsync(fd)
        os.replace(temp, target)
    except BaseException:
        _remove(temp)
        raise
    finally:
        os.close(fd)
    sync_folder(target.parent)


def copy_durably(source: Path, target: Path) -> None:
    """A byte copy of ``source`` at ``target``, flushed to the disk."""
    shutil.copyfile(source, target)
    with target.open("rb") as f:
        os.fsync(f.fileno())
