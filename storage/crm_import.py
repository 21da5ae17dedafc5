"""Storing a CRM export's records in the library: one transaction, keyed by CRM id.

Records are upserted (``INSERT … ON CONFLICT DO UPDATE … WHERE`` something differs), so
importing the same export again changes nothing and a newer export updates what changed.
On SQLite the rows go through the driver's ``executemany`` in batches, each value converted
by its column type's own bind processor. Any failure, or a cancel, leaves the library as
it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
from workshop.crm_file import CrmFile, CrmRecord, ReadOptions, RowError
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
        if self.driver:
            compiled = self.stmt.compile(dialect=dialect)
            order = compiled.positiontup or ()
            self.sql = str(compiled)
            self.order = tuple(order)
            moment = RECORDS.c.mql_at.type.dialect_impl(dialect).bind_processor(dialect)
            if self.order != self.names or moment is None:
                raise AssertionError(f"unexpected upsert for {dialect.name}: {self.order}")
            self._moment: Callable[[Any], Any] = moment
            self.imported = self._moment(self.stamp)
            if self._stamp(self.stamp) != self.imported:
                raise AssertionError("SQLite stores moments unlike isoformat()")

    def _values(self, r: CrmRecord) -> tuple[Any, ...]:
        moments = (r.mql_at, r.sal_at, r.sql_at, r.won_at, r.first_touch_at)
        return (self.workshop_id, r.crm_id, *moments, r.amount_e4, r.owner, r.source, self.stamp)

    def _stamp(self, moment: datetime | None) -> str | None:
        """A UTC moment as the column type stores it (checked once against its processor)."""
        if moment is None:
            return None
        if moment.tzinfo is UTC:
            return moment.isoformat(" ", "microseconds")[:26]
        return str(self._moment(moment))

    def write(self, batch: list[CrmRecord]) -> None:
        if not batch:
            return
        if not self.driver:
            rows = [dict(zip(self.names, self._values(r), strict=True)) for r in batch]
            self.changes += self.conn.execute(self.stmt, rows).rowcount
            return
        stamp, when = self._stamp, self.imported
        params = [
            (
                self.workshop_id,
                r.crm_id,
                stamp(r.mql_at),
                stamp(r.sal_at),
                stamp(r.sql_at),
                stamp(r.won_at),
                stamp(r.first_touch_at),
                r.amount_e4,
                r.owner,
                r.source,
                when,
            )
            for r in batch
        ]
        cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(self.sql, params)
            self.changes += cursor.rowcount
        finally:
            cursor.close()


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
    result: CrmImportResult,
    progress: Callable[[Progress], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[list[CrmRecord]]:
    batch: list[CrmRecord] = []
    for item in file.records():
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
            conn.begin(),
        ):
            _check_workshop(conn, workshop_id, repo.where)
            before = _count(conn, workshop_id)
            writer = _Writer(conn, workshop_id)
            stored = 0
            for batch in _batches(file, result, progress, cancelled):
                writer.write(batch)
                stored += len(batch)
            result.added = _count(conn, workshop_id) - before
            result.updated = writer.changes - result.added
            result.unchanged = stored - result.added - result.updated
    except DBAPIError as exc:
        raise (translate(exc, repo.where) or exc) from exc
    return result
