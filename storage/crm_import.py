"""Storing a CRM export's records in the library: one transaction, keyed by CRM id.

Records are upserted (``INSERT … ON CONFLICT DO UPDATE … WHERE`` something differs), so
importing the same export again changes nothing and a newer export updates what changed.
On SQLite each batch goes through the driver's ``executemany`` into a temporary table, then
into the records with one set-based upsert; stage moments arrive in the form the column type
stores (checked once against its bind processor), and the page cache is larger while the
import runs. Any failure, or a cancel, leaves the library as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError

from storage import convert as c
from storage.errors import UnknownWorkshopError, translate
from storage.models import CrmRecordRow
from storage.repository import Repository
from workshop.crm_file import CrmFile, ReadOptions, RowError, Values
from workshop.errors import AccordError
from workshop.i18n import _

BATCH = 5_000
RECORDS: Table = CrmRecordRow.__table__  # type: ignore[assignment]
VALUES = (
    "mql_at",
    "sal_at",
    "sql_at",
    "won_at",
    "first_touch_at",
    "amount_e4",
    "owner",
    "source",
)


class ImportCancelled(AccordError):
    """The import was cancelled; nothing was imported."""


@dataclass(frozen=True)
class Progress:
    records: int  # data rows read so far
    done_bytes: int
    total_bytes: int


@dataclass
class CrmImportResult:
    read: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[RowError] = field(default_factory=list)
    source: str = ""  # the preset recognised, or the mapping file

    def line(self) -> str:
        return _("{n} records read: {a} added, {u} updated, {s} skipped").format(
            n=self.read, a=self.added, u=self.updated, s=len(self.skipped)
        )


def _upsert_sql(conn: Connection) -> tuple[Any, tuple[str, ...]]:
    """The upsert statement for this backend, and the order of its parameters."""
    dialect = conn.dialect
    make = postgresql.insert if dialect.name == "postgresql" else sqlite.insert
    stmt = make(RECORDS)
    changed = or_(*(RECORDS.c[name].is_distinct_from(stmt.excluded[name]) for name in VALUES))
    stmt = stmt.on_conflict_do_update(
        index_elements=[RECORDS.c.workshop_id, RECORDS.c.crm_id],
        set_={name: stmt.excluded[name] for name in (*VALUES, "imported_at")},
        where=changed,
    )
    return stmt, ("workshop_id", "crm_id", *VALUES, "imported_at")


# SQLite: each batch goes into a temporary table as it comes from the file (one plain
# insert per row, no index), then into the records with one set-based upsert.
STAGING = "crm_import_batch"
STAGED = ("crm_id", *VALUES, "line")  # the order of workshop.crm_file.Values
STAGE_SQL = (
    f"CREATE TEMP TABLE IF NOT EXISTS {STAGING} ({', '.join(STAGED)})",
    f"DELETE FROM temp.{STAGING}",
)
FILL_SQL = f"INSERT INTO temp.{STAGING} VALUES ({', '.join('?' * len(STAGED))})"
MERGE_SQL = (
    f"INSERT INTO {RECORDS.name} (workshop_id, crm_id, {', '.join(VALUES)}, imported_at)"
    f" SELECT ?, crm_id, {', '.join(VALUES)}, ? FROM temp.{STAGING} WHERE true"
    " ON CONFLICT (workshop_id, crm_id) DO UPDATE SET "
    + ", ".join(f"{name} = excluded.{name}" for name in (*VALUES, "imported_at"))
    + " WHERE "
    + " OR ".join(f"{RECORDS.name}.{name} IS NOT excluded.{name}" for name in VALUES)
)
# While importing, SQLite may keep this much of the library in memory (KiB), so that the
# indexes on stage moments are not written out and read back for every batch.
CACHE_KIB = 64 * 1024


def _same(moment: datetime) -> datetime:
    return moment


class _Writer:
    """Batches of records into the library on one connection, in its open transaction."""

    def __init__(self, conn: Connection, workshop_id: str) -> None:
        self.conn = conn
        self.workshop_id = workshop_id
        self.stmt, self.names = _upsert_sql(conn)
        dialect = conn.dialect
        self.stamp = datetime.now(UTC)
        self.changes = 0
        self.driver = dialect.name == "sqlite"
        self.convert: Callable[[datetime], Any] = _same
        if self.driver:
            moment = RECORDS.c.mql_at.type.dialect_impl(dialect).bind_processor(dialect)
            if moment is None:
                raise AssertionError(f"unexpected moment type for {dialect.name}")
            self._moment: Callable[[Any], Any] = moment
            self.imported = self._moment(self.stamp)
            if self._stamp(self.stamp) != self.imported:
                raise AssertionError("SQLite stores moments unlike isoformat()")
            self.convert = self._stamp
            self.db = conn.connection.driver_connection
            for sql in STAGE_SQL:
                self.db.execute(sql)  # type: ignore[union-attr]

    def _stamp(self, moment: datetime) -> str:
        """A UTC moment as the column type stores it (checked once against its processor)."""
        if moment.tzinfo is UTC:
            return moment.isoformat(" ", "microseconds")[:26]
        return str(self._moment(moment))

    def write(self, batch: list[Values[Any]]) -> None:
        if not batch:
            return
        if not self.driver:
            rows = [
                dict(zip(self.names, (self.workshop_id, *r[:-1], self.stamp), strict=True))
                for r in batch
            ]
            self.changes += self.conn.execute(self.stmt, rows).rowcount
            return
        db: Any = self.db
        db.executemany(FILL_SQL, batch)
        self.changes += db.execute(MERGE_SQL, (self.workshop_id, self.imported)).rowcount
        db.execute(STAGE_SQL[1])

    def close(self) -> None:
        """Drop the temporary table (in the transaction, so a rollback keeps nothing)."""
        if self.driver:
            self.db.execute(f"DROP TABLE temp.{STAGING}")  # type: ignore[union-attr]


@contextmanager
def _roomy_cache(conn: Connection) -> Iterator[None]:
    """A larger page cache on this connection for the import (SQLite), then the old one."""
    if conn.dialect.name != "sqlite":
        yield
        return
    db: Any = conn.connection.driver_connection
    (old,) = db.execute("PRAGMA cache_size").fetchone()
    roomy = -CACHE_KIB
    if old < 0 and old <= roomy:
        yield
        return
    db.execute(f"PRAGMA cache_size = {roomy}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {int(old)}")


def _count(conn: Connection, workshop_id: str) -> int:
    query = select(func.count()).select_from(RECORDS).where(RECORDS.c.workshop_id == workshop_id)
    return int(conn.execute(query).scalar_one())


def _check_workshop(conn: Connection, workshop_id: str, where: str) -> None:
    found = conn.execute(select(c.WORKSHOPS.c.id).where(c.WORKSHOPS.c.id == workshop_id)).first()
    if found is None:
        raise UnknownWorkshopError(
            _("There is no workshop with the id “{id}” in the library {where}.").format(
                id=workshop_id, where=where
            )
        )


def _batches(
    file: CrmFile,
    convert: Callable[[datetime], Any],
    result: CrmImportResult,
    progress: Callable[[Progress], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[list[Values[Any]]]:
    batch: list[Values[Any]] = []
    for item in file.values(convert):
        result.read += 1
        if isinstance(item, RowError):
            result.skipped.append(item)
        else:
            batch.append(item)
        if result.read % BATCH == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled(_("The CRM import was cancelled; nothing was imported."))
            yield batch
            batch = []
            if progress is not None:
                progress(Progress(result.read, file.bytes_read, file.total_bytes))
    if cancelled is not None and cancelled():
        raise ImportCancelled(_("The CRM import was cancelled; nothing was imported."))
    yield batch
    if progress is not None:
        progress(Progress(result.read, file.total_bytes, file.total_bytes))


def import_crm(
    repo: Repository,
    workshop_id: str,
    source: Path | bytes,
    options: ReadOptions | None = None,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CrmImportResult:
    """Read the export and store its records for the workshop, in one transaction.

    Raises :class:`~workshop.crm_file.CrmFileError` for a file that cannot be imported,
    :class:`ImportCancelled` if ``cancelled()`` turns true; either way nothing changes.
    ``progress`` is called every few thousand records."""
    file = CrmFile(source, options)
    result = CrmImportResult(source=file.preset.title if file.preset else _("mapping file"))
    try:
        with (
            repo.engine.connect().execution_options(sqlite_begin="BEGIN IMMEDIATE") as conn,
            _roomy_cache(conn),
            conn.begin(),
        ):
            _check_workshop(conn, workshop_id, repo.where)
            before = _count(conn, workshop_id)
            writer = _Writer(conn, workshop_id)
            stored = 0
            for batch in _batches(file, writer.convert, result, progress, cancelled):
                writer.write(batch)
                stored += len(batch)
            writer.close()
            result.added = _count(conn, workshop_id) - before
            result.updated = writer.changes - result.added
            result.unchanged = stored - result.added - result.updated
    except DBAPIError as exc:
        raise (translate(exc, repo.where) or exc) from exc
    return result
