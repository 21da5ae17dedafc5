"""Writing an export to disk so that a reader never sees half a file.

:func:`write_atomically` writes to a temporary file in the target folder, flushes it to the
disk and renames it over the target; an existing file is replaced only once the new one is
complete. Failures become :class:`ExportError` with one plain sentence.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from workshop.errors import AccordError
from workshop.i18n import _


class ExportError(AccordError):
    """An export that could not be produced or written; nothing was changed."""


def _sentence(path: Path, exc: OSError) -> str:
    folder = path.parent
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return _("The disk is full, so {name} was not written; free some space and try again.")
    if exc.errno == errno.ENOENT and not folder.is_dir():
        return _("The folder {folder} does not exist; choose another place to save {name}.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _(
            "Accord may not write to the folder {folder}; choose another place to save {name}."
        )
    if exc.errno == errno.EISDIR or path.is_dir():
        return _("{path} is a folder; choose a file name to save to.")
    return _("{name} could not be written ({reason}); choose another place to save it.")


def _error(path: Path, exc: OSError) -> ExportError:
    text = _sentence(path, exc).format(
        name=path.name, folder=path.parent, path=path, reason=exc.strerror or exc
    )
    return ExportError(text)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` completely or not at all (temp file, fsync, rename)."""
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise _error(path, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
    if not folder.is_dir():
        raise _error(path, FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT)))
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _error(path, exc) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
            os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise _error(path, exc) from exc
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform lets a folder be synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
