"""Who has a library open, and the journal files left beside one that nobody has open.

Every Accord holds an advisory lock (``flock``) on ``<library>.accord-lock`` for as long as
it has the library open: shared while it uses it, exclusive while it opens a library no
other Accord has open (or restores a backup into it). The kernel drops the lock when a
process ends, however it ends, so a lock nobody holds means no Accord is using the
library; the last Accord to close the library removes the file. Whether another program has the
database open is read from SQLite's own locks on the file.

SQLite replays any ``-wal`` it finds beside a database into it, whichever database wrote
it. One that a killed Accord left holds saved edits; one that belongs to another file
would overwrite the library. :class:`Leftovers` keeps a byte copy of the library and its
journal files before the first connection, so that a library found wanting after the
replay can be put back exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from storage.durable import copy_durably, reason, replacing, sync_folder
from storage.errors import CannotOpenError, LibraryLockedError, StorageError
from workshop.i18n import _

if sys.platform != "win32":
    import fcntl

LOCK_SUFFIX = ".accord-lock"
JOURNALS = ("-wal", "-shm")
WAIT_S = 30.0  # how long to wait for another Accord that is opening the library
WAL_HEADER = 32  # a -wal no longer than its header holds no frames
# SQLite's lock bytes (unix VFS): pending, reserved and the shared range of the database
# file, which a connection in WAL mode holds shared for as long as it is open; and the
# "DMS" byte of the -shm file, held shared by every connection that uses it.
DB_LOCKS = (0x40000000, 512)
SHM_LOCKS = (128, 1)


def lock_path(library: Path) -> Path:
    return library.with_name(library.name + LOCK_SUFFIX)


def journals(library: Path) -> list[Path]:
    return [library.with_name(library.name + suffix) for suffix in JOURNALS]


class LibraryLock:
    """Accord's lock on one library; ``alone`` when no other Accord had it open."""

    def __init__(self, file: IO[bytes] | None, alone: bool) -> None:
        self._file = file
        self.alone = alone

    @classmethod
    def take(cls, library: Path, where: str, *, wait_s: float = WAIT_S) -> LibraryLock:
        """Exclusive if no other Accord has the library open, else shared; waits (at most
        ``wait_s``) while another Accord is opening it."""
        return cls._take(library, where, wait_s, shared_ok=True)

    @classmethod
    def exclusive(cls, library: Path, where: str, *, wait_s: float = WAIT_S) -> LibraryLock:
        """Exclusive, or :class:`LibraryLockedError` if another Accord has the library open."""
        return cls._take(library, where, wait_s, shared_ok=False)

    @classmethod
    def _take(cls, library: Path, where: str, wait_s: float, shared_ok: bool) -> LibraryLock:
        if sys.platform == "win32":  # no flock: every library counts as open elsewhere
            return cls(None, alone=False)
        path = lock_path(library)
        deadline = time.monotonic() + wait_s
        while True:
            try:
                file = path.open("a+b")
            except OSError as exc:
                raise CannotOpenError(
                    _("The library {where} cannot be opened ({reason}).").format(
                        where=where, reason=reason(exc)
                    )
                ) from exc
            if _flock(file, fcntl.LOCK_EX):
                if _still_at(file, path):
                    return cls(file, alone=True)
            elif _flock(file, fcntl.LOCK_SH):  # other Accords have the library open
                if _still_at(file, path):
                    if shared_ok:
                        return cls(file, alone=False)
                    file.close()
                    raise in_use(where)
            else:  # another Accord is opening the library right now: wait for it
                file.close()
                if time.monotonic() > deadline:
                    raise in_use(where)
                time.sleep(0.02)
                continue
            file.close()  # the lock file was removed meanwhile: take the new one

    def share(self) -> None:
        """Let other Accords open the library too (after opening it alone)."""
        if self._file is not None and self.alone:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_SH)

    def release(self, *_args: object) -> None:
        """Let go; the last Accord to let go removes the lock file."""
        file, self._file = self._file, None
        if file is None:
            return
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            path = Path(file.name)
            if _still_at(file, path):
                path.unlink(missing_ok=True)
        except OSError:
            pass  # another Accord has it open: the file stays
        finally:
            file.close()


def _flock(file: IO[bytes], kind: int) -> bool:
    try:
        fcntl.flock(file.fileno(), kind | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _still_at(file: IO[bytes], path: Path) -> bool:
    """Whether ``path`` still names the file that was locked (the last Accord to close a
    library removes its lock file; a lock on a removed file guards nothing)."""
    try:
        named, held = os.stat(path), os.fstat(file.fileno())
    except FileNotFoundError:
        return False
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def in_use(where: str) -> LibraryLockedError:
    return LibraryLockedError(
        _(
            "The library {where} is in use by another program; "
            "close the other Accord window and try again."
        ).format(where=where)
    )


def open_elsewhere(library: Path) -> bool:
    """Whether another process holds SQLite's locks on the library or its ``-shm``.

    Only for a library this process has no connection to (the caller holds Accord's lock
    alone): closing a descriptor drops every POSIX lock this process holds on the file.
    """
    if sys.platform == "win32":
        return True
    shm = journals(library)[1]
    for path, (start, length) in ((library, DB_LOCKS), (shm, SHM_LOCKS)):
        try:
            fd = os.open(path, os.O_RDWR)
        except FileNotFoundError:
            continue
        except OSError:
            return True  # cannot tell: leave the files to SQLite
        try:
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, length, start, os.SEEK_SET)
            except OSError:
                return True
            fcntl.lockf(fd, fcntl.LOCK_UN, length, start, os.SEEK_SET)
        finally:
            os.close(fd)
    return False


def _same_bytes(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with a.open("rb") as fa, b.open("rb") as fb:
        while True:
            chunk = fa.read(1 << 20)
            if chunk != fb.read(1 << 20):
                return False
            if not chunk:
                return True


@dataclass(frozen=True)
class Leftovers:
    """A byte copy of a library and the journal files found beside it, in ``folder``."""

    library: Path
    folder: Path
    replayable: bool  # the -wal holds frames: opening the library changes it

    @property
    def wal(self) -> Path:
        return journals(self.library)[0]

    @classmethod
    def keep_aside(cls, library: Path, where: str, now: datetime | None = None) -> Leftovers | None:
        """If a ``-wal`` or ``-shm`` lies beside the library: copy the three files into
        ``<stem>.before-open-<time>/`` beside it (never over an earlier copy)."""
        found = [p for p in journals(library) if p.exists()]
        if not found:
            return None
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
        folder = library.with_name(f"{library.stem}.before-open-{stamp}")
        n = 1
        while folder.exists():
            n += 1
            folder = library.with_name(f"{library.stem}.before-open-{stamp}-{n}")
        wal = journals(library)[0]
        replayable = wal.exists() and wal.stat().st_size > WAL_HEADER
        try:
            folder.mkdir()
            for path in [library, *found]:
                if path.exists():
                    copy_durably(path, folder / path.name)
            sync_folder(folder)
        except OSError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise StorageError(
                _(
                    "Journal files were found beside the library {where}, and Accord could "
                    "not keep a copy of them before opening it ({reason}); nothing was "
                    "changed — free some space or check the folder, and try again."
                ).format(where=where, reason=reason(exc))
            ) from exc
        return cls(library, folder, replayable)

    def put_back(self) -> None:
        """Make the library and its journal files byte for byte what they were."""
        for path in [self.library, *journals(self.library)]:
            kept = self.folder / path.name
            if not kept.exists():
                path.unlink(missing_ok=True)
            elif not path.exists() or not _same_bytes(path, kept):
                with replacing(path) as temp:
                    shutil.copyfile(kept, temp)
        sync_folder(self.library.parent)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
