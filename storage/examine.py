"""What a library file holds, read through one read-only connection that changes nothing:
nothing yet, an empty database, an Accord library, another program's database, or a
damaged one."""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path
from urllib.parse import quote

from storage.errors import CannotOpenError, NotADatabaseError, translate
from workshop.i18n import _

SQLITE_MAGIC = b"SQLite format 3\x00"
ACCORD_TABLE = "alembic_version"
JOURNAL_FILES = ("-wal", "-shm", "-journal")


class Kind(Enum):
    MISSING = "missing"  # no file, or an empty one: a library may be made there
    EMPTY = "empty"  # a SQLite database with no tables, views or anything else in it
    ACCORD = "accord"  # an Accord library that passes SQLite's integrity check
    FOREIGN = "foreign"  # another program's database, or not a database at all
    DAMAGED = "damaged"  # fails the integrity check, and nothing says it is not Accord's


def read_only(path: Path, *, immutable: bool = False) -> str:
    """A URI that opens ``path`` read-only; the path is quoted, so that a ``?``, ``#`` or
    ``%`` in a folder or file name is part of the name."""
    return f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")


def sqlite_header(path: Path, where: str) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise CannotOpenError(
            _("The library {where} cannot be read ({reason}).").format(
                where=where, reason=exc.strerror or exc
            )
        ) from exc


def _schema(db: sqlite3.Connection) -> Kind:
    """ACCORD, EMPTY or FOREIGN, from the schema and the header's application fields."""
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    if ACCORD_TABLE in names:
        return Kind.ACCORD
    if names:
        return Kind.FOREIGN
    owner = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    return Kind.FOREIGN if owner or version else Kind.EMPTY


def examine(path: Path, where: str, busy_timeout_ms: int) -> Kind:
    """The kind of file at ``path``. A database locked by another program is waited for
    ``busy_timeout_ms``, then refused with one sentence (as is a file that cannot be read);
    the schema is read with ``trusted_schema`` off, so nothing in the file runs."""
    if not path.exists() or path.stat().st_size == 0:
        return Kind.MISSING
    if sqlite_header(path, where) != SQLITE_MAGIC:
        return Kind.FOREIGN
    schema: Kind | None = None
    # Without journal files, nobody is writing (a connection in WAL mode keeps its -wal, a
    # writer in rollback mode has its -journal): read the file as it is, which leaves no
    # -wal and -shm behind as a read-only connection to a library in WAL mode would.
    quiet = not any(path.with_name(path.name + s).exists() for s in JOURNAL_FILES)
    try:
        db = sqlite3.connect(
            read_only(path, immutable=quiet), uri=True, timeout=busy_timeout_ms / 1000
        )
        try:
            db.execute("PRAGMA trusted_schema = OFF")
            try:
                schema = _schema(db)
            except sqlite3.DatabaseError as exc:
                error = translate(exc, where)
                if error is not None and not isinstance(error, NotADatabaseError):
                    raise  # locked, unreadable...: said below
            if schema is Kind.FOREIGN:
                return schema
            verdict = db.execute("PRAGMA integrity_check(1)").fetchone()[0]
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        error = translate(exc, where)
        if error is not None and not isinstance(error, NotADatabaseError):
            raise error from exc  # locked, unreadable...: say that, not "damaged"
        verdict = str(exc)
    if verdict != "ok" or schema is None:
        return Kind.DAMAGED
    return schema
