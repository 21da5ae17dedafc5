"""The repository: the only way the app reads and writes workshops.

Every method is one short transaction; an edit is durable when the method returns
(autosave). Callers get and give domain objects from :mod:`workshop.model`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError

from storage import convert as c
from storage.damage import damage_in
from storage.edit_statement import EditStatement
from storage.engine import EditConnection, describe
from storage.errors import (
    LibraryLockedError,
    SignedVersionError,
    StaleSignaturesError,
    UnknownWorkshopError,
    translate,
)
from storage.text_decoding import is_damaged
from storage.version_rows import insert_version, load_versions
from workshop import model as d
from workshop import signing
from workshop.i18n import _
from workshop.portable_read import field_place

WRITE = "BEGIN IMMEDIATE"  # see storage.engine: writers take the write lock at once


def utcnow() -> datetime:
    return datetime.now(UTC)


def _role_rows(activity: d.Activity) -> list[dict[str, Any]]:
    return [
        {"activity_id": activity.id, "party_id": party, "role": role}
        for party, roles in activity.roles.items()
        for role in sorted(roles)
    ]


class Repository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.where = describe(engine.url)
        self._edits = EditConnection(engine)
        self._statements: dict[tuple[str, tuple[str, ...]], EditStatement] = {}
        self._touch = self._statement(c.WORKSHOPS, ("updated_at",))
        # Damaged fields found by the last get() and the last summaries() of each workshop.
        self._damaged: dict[str, list[str]] = {}
        self._damaged_listed: dict[str, list[str]] = {}

    # -- plumbing -------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except DBAPIError as exc:
            raise (translate(exc, self.where) or exc) from exc

    def reading(self) -> AbstractContextManager[Connection]:
        """A connection for reads of their own (the scorecard's figures); database errors
        come out as the library's sentences."""
        return self._read()

    @contextmanager
    def _write(self, workshop_id: str | None = None) -> Iterator[Connection]:
        """One transaction; touching ``updated_at`` of the workshop it changes."""
        try:
            with (
                self.engine.connect().execution_options(sqlite_begin=WRITE) as conn,
                conn.begin(),
            ):
                yield conn
                if workshop_id is not None:
                    conn.execute(
                        update(c.WORKSHOPS)
                        .where(c.WORKSHOPS.c.id == workshop_id)
                        .values(updated_at=utcnow())
                    )
        except DBAPIError as exc:
            raise (translate(exc, self.where) or exc) from exc

    def _statement(self, table: Table, columns: tuple[str, ...]) -> EditStatement:
        key = (table.name, columns)
        found = self._statements.get(key)
        if found is None:
            child = table is not c.WORKSHOPS
            found = self._statements[key] = EditStatement(self.engine, table, columns, child)
        return found

    def _edit(self, workshop_id: str, table: Table, item: str, values: Mapping[str, Any]) -> None:
        """Autosave's hot path: one edit of one row and the workshop's ``updated_at``, in
        one ``BEGIN IMMEDIATE`` transaction on the kept connection. A workshop that is not
        there raises :class:`UnknownWorkshopError` and changes nothing."""
        if not self._edits.usable:
            self._edit_through_core(workshop_id, table, item, values)
            return
        edit = self._statement(table, tuple(values))
        workshop = table is c.WORKSHOPS
        params = edit.params(values, item) if workshop else edit.params(values, item, workshop_id)
        touch = self._touch
        stamp = touch.params({"updated_at": utcnow()}, workshop_id)
        try:
            changed = self._edits.write(edit.sql, params, touch.sql, stamp, must_change=workshop)
        except DBAPIError as exc:
            raise (translate(exc, self.where) or exc) from exc
        if workshop and changed == 0:
            raise self._unknown()

    def _edit_through_core(
        self, workshop_id: str, table: Table, item: str, values: Mapping[str, Any]
    ) -> None:
        """The same edit as SQLAlchemy Core statements, for backends other than SQLite."""
        where = table.c.id == item
        if table is not c.WORKSHOPS:
            where = where & (table.c.workshop_id == workshop_id)
        with self._write(workshop_id) as conn:
            done = conn.execute(update(table).where(where).values(dict(values)))
            if table is c.WORKSHOPS and done.rowcount == 0:
                raise self._unknown()

    def close(self) -> None:
        self._edits.close()
        self.engine.dispose()

    # -- the library ------------------------------------------------------------------------

    def summaries(self, ids: Sequence[str] | None = None) -> list[d.WorkshopSummary]:
        """The library's workshops (or just ``ids``), newest change first."""
        w = c.WORKSHOPS
        p = c.COLLECTIONS["participants"][1]
        counts = (
            select(p.c.workshop_id, func.count().label("n")).group_by(p.c.workshop_id).subquery()
        )
        query = (
            select(w.c.id, w.c.title, w.c.client, w.c.date, w.c.status, w.c.updated_at, counts.c.n)
            .outerjoin(counts, counts.c.workshop_id == w.c.id)
            .where(w.c.deleted_at.is_(None))
            .order_by(w.c.updated_at.desc())
        )
        if ids is not None:
            query = query.where(w.c.id.in_(list(ids)))
        with self._read() as conn:
            rows = list(conn.execute(query))
        listed = []
        for r in rows:
            damaged = [field_place(n) for n in ("title", "client") if is_damaged(getattr(r, n))]
            if damaged:
                self._damaged_listed[r.id] = damaged
            else:
                self._damaged_listed.pop(r.id, None)
            listed.append(
                d.WorkshopSummary(
                    id=r.id,
                    title=str(r.title),
                    client=str(r.client),
                    date=r.date,
                    status=r.status,
                    updated_at=r.updated_at,
                    participant_count=r.n or 0,
                )
            )
        return listed

    def damaged(self, workshop_id: str) -> list[str]:
        """The fields of a workshop found damaged when it was last read (:meth:`get`, or its
        title and client in :meth:`summaries`), named as sentences name them (“title”,
        “what” of item 2 of commitments); empty if none. Damaged text is read with U+FFFD
        in place of the bytes that were not text, a damaged number as NaN; everything else
        is as stored. :func:`storage.text_decoding.damage_warning` makes the sentence."""
        found = self._damaged.get(workshop_id, [])
        return found + [p for p in self._damaged_listed.get(workshop_id, []) if p not in found]

    def summary(self, workshop_id: str) -> d.WorkshopSummary:
        found = self.summaries([workshop_id])
        if not found:
            with self._read() as conn:
                raise self._missing(conn, workshop_id)
        return found[0]

    def add(self, workshop: d.Workshop, replace: bool = False) -> None:
        """Store a whole new workshop (with all its children) in one transaction; with
        ``replace``, whatever the library held under its id goes in the same transaction."""
        now = utcnow()
        workshop.created_at = workshop.created_at or now
        workshop.updated_at = now
        with self._write() as conn:
            if replace:
                conn.execute(delete(c.WORKSHOPS).where(c.WORKSHOPS.c.id == workshop.id))
            conn.execute(insert(c.WORKSHOPS).values(c.workshop_values(workshop)))
            for name in c.WRITE_ORDER:
                items = getattr(workshop, name)
                if items:
                    table = c.COLLECTIONS[name][1]
                    conn.execute(
                        insert(table),
                        [c.child_values(it, workshop.id, i) for i, it in enumerate(items)],
                    )
            roles = [row for a in workshop.activities for row in _role_rows(a)]
            if roles:
                conn.execute(insert(c.RACI), roles)
            for version in workshop.versions:
                insert_version(conn, workshop.id, version)

    def get(self, workshop_id: str) -> d.Workshop:
        """The whole workshop aggregate."""
        with self._read() as conn:
            row = conn.execute(
                select(c.WORKSHOPS).where(
                    c.WORKSHOPS.c.id == workshop_id, c.WORKSHOPS.c.deleted_at.is_(None)
                )
            ).first()
            if row is None:
                raise self._missing(conn, workshop_id)
            w = c.workshop_from_row(row)
            for name, (cls, table) in c.COLLECTIONS.items():
                rows = conn.execute(
                    select(table)
                    .where(table.c.workshop_id == workshop_id)
                    .order_by(table.c.position, table.c.id)
                )
                setattr(w, name, [c.child_from_row(cls, r) for r in rows])
            by_id = {a.id: a for a in w.activities}
            if by_id:
                for r in conn.execute(select(c.RACI).where(c.RACI.c.activity_id.in_(by_id))):
                    held = by_id[r.activity_id].roles.get(r.party_id, frozenset())
                    by_id[r.activity_id].roles[r.party_id] = held | {r.role}
            w.versions = load_versions(conn, workshop_id)
        damaged = damage_in(w)
        self._damaged_listed.pop(workshop_id, None)  # this read is the newer one
        if damaged:
            self._damaged[workshop_id] = damaged
        else:
            self._damaged.pop(workshop_id, None)
        return w

    def _unknown(self) -> UnknownWorkshopError:
        """An edit found its workshop gone: it was there when the editor opened it."""
        return UnknownWorkshopError(
            _("That workshop is no longer in the library {where}.").format(where=self.where)
        )

    def _missing(self, conn: Connection, workshop_id: str) -> UnknownWorkshopError:
        """A workshop asked for by id that is not there: deleted since, or never there."""
        deleted = conn.execute(
            select(c.WORKSHOPS.c.id).where(c.WORKSHOPS.c.id == workshop_id)
        ).first()
        if deleted is not None:
            return self._unknown()
        return UnknownWorkshopError(
            _("There is no workshop with the id “{id}” in the library {where}.").format(
                id=workshop_id, where=self.where
            )
        )

    # -- edits (each one durable on return) -----------------------------------------------

    def update_workshop(self, workshop_id: str, values: Mapping[str, Any]) -> None:
        """Change fields of the workshop itself; keys are domain paths (``goal.target``)."""
        columns = {c.column_for(path): value for path, value in values.items()}
        self._edit(workshop_id, c.WORKSHOPS, workshop_id, columns)

    def add_child(self, workshop_id: str, collection: str, item: Any, index: int) -> None:
        """Insert ``item`` before the one now at ``index`` (or at the end) of ``collection``."""
        table = c.COLLECTIONS[collection][1]
        with self._write(workshop_id) as conn:
            mine = table.c.workshop_id == workshop_id
            at = conn.execute(
                select(table.c.position)
                .where(mine)
                .order_by(table.c.position, table.c.id)
                .offset(max(index, 0))
                .limit(1)
            ).scalar()
            if at is None:
                last = conn.execute(select(func.max(table.c.position)).where(mine)).scalar()
                at = 0 if last is None else last + 1
            else:
                conn.execute(
                    update(table)
                    .where(mine, table.c.position >= at)
                    .values(position=table.c.position + 1)
                )
            conn.execute(insert(table).values(c.child_values(item, workshop_id, at)))
            if isinstance(item, d.Activity) and item.roles:
                conn.execute(insert(c.RACI), _role_rows(item))

    def update_child(
        self, workshop_id: str, collection: str, item_id: str, values: Mapping[str, Any]
    ) -> None:
        self._edit(workshop_id, c.COLLECTIONS[collection][1], item_id, values)

    def remove_child(self, workshop_id: str, collection: str, item_id: str) -> None:
        table = c.COLLECTIONS[collection][1]
        with self._write(workshop_id) as conn:
            conn.execute(
                delete(table).where(table.c.id == item_id, table.c.workshop_id == workshop_id)
            )

    def reorder(self, workshop_id: str, collection: str, ids: Sequence[str]) -> None:
        """Store a new order for the whole collection."""
        table = c.COLLECTIONS[collection][1]
        with self._write(workshop_id) as conn:
            for position, item_id in enumerate(ids):
                conn.execute(
                    update(table)
                    .where(table.c.id == item_id, table.c.workshop_id == workshop_id)
                    .values(position=position)
                )

    def set_roles(
        self, workshop_id: str, activity_id: str, party_id: str, roles: frozenset[d.RaciRole]
    ) -> None:
        """The roles ``party_id`` holds in an activity, replacing what it held."""
        with self._write(workshop_id) as conn:
            conn.execute(
                delete(c.RACI).where(
                    c.RACI.c.activity_id == activity_id, c.RACI.c.party_id == party_id
                )
            )
            if roles:
                conn.execute(
                    insert(c.RACI),
                    [
                        {"activity_id": activity_id, "party_id": party_id, "role": r}
                        for r in sorted(roles)
                    ],
                )

    # -- whole workshops ------------------------------------------------------------------

    def delete(self, workshop_id: str) -> None:
        """Move a workshop out of the library; :meth:`restore` brings it back."""
        with self._write() as conn:
            conn.execute(
                update(c.WORKSHOPS)
                .where(c.WORKSHOPS.c.id == workshop_id)
                .values(deleted_at=utcnow())
            )

    def restore(self, workshop_id: str) -> None:
        with self._write() as conn:
            conn.execute(
                update(c.WORKSHOPS).where(c.WORKSHOPS.c.id == workshop_id).values(deleted_at=None)
            )

    # -- agreement versions -------------------------------------------------------------

    def sign(
        self,
        workshop_id: str,
        draft: d.AgreementVersion,
        signatory: int,
        signature: d.Signature,
    ) -> d.AgreementVersion:
        """Record ``signature`` for signatory number ``signatory`` of ``draft`` (the version
        :func:`workshop.versions.current_draft` composed); what that means — the draft stored
        at the first signature, locked at the last — is :func:`workshop.signing.sign`. A
        locked version is written through to disk. Returns the version as stored.
        """
        with self._write(workshop_id) as conn:
            try:
                done = signing.sign(
                    load_versions(conn, workshop_id), draft, signatory, signature, utcnow()
                )
            except signing.StaleSignatures as exc:
                raise StaleSignaturesError(exc.message) from None
            except signing.SigningRefused as exc:
                raise SignedVersionError(exc.message) from None
            if done.discard is not None:
                conn.execute(delete(c.VERSIONS).where(c.VERSIONS.c.id == done.discard.id))
            if done.insert is not None:
                insert_version(conn, workshop_id, done.insert)
            sig = done.signatory.signature
            assert sig is not None
            conn.execute(
                insert(c.SIGNATURES).values(
                    signatory_id=done.signatory.id,
                    kind=sig.kind,
                    strokes=[[list(pt) for pt in stroke] for stroke in sig.strokes],
                    typed_name=sig.typed_name,
                    signed_at=sig.signed_at,
                )
            )
            if done.locked:
                conn.execute(
                    update(c.VERSIONS)
                    .where(c.VERSIONS.c.id == done.version.id)
                    .values(status=d.VersionStatus.SIGNED, signed_at=sig.signed_at)
                )
                conn.execute(
                    update(c.WORKSHOPS)
                    .where(c.WORKSHOPS.c.id == workshop_id)
                    .values(status=d.WorkshopStatus.SIGNED)
                )
        if done.locked:
            self.commit_durably()
        return done.version

    def discard_draft(self, workshop_id: str) -> None:
        """Forget the draft being signed and the signatures it collected (a signed version
        is never touched)."""
        with self._write(workshop_id) as conn:
            conn.execute(
                delete(c.VERSIONS).where(
                    c.VERSIONS.c.workshop_id == workshop_id,
                    c.VERSIONS.c.status == d.VersionStatus.DRAFT,
                )
            )

    def update_version(self, version_id: str, values: Mapping[str, Any]) -> None:
        """Change a draft version's stored fields; a signed version raises
        :class:`SignedVersionError` and stays as it was."""
        with self._write() as conn:
            status = conn.execute(
                select(c.VERSIONS.c.status).where(c.VERSIONS.c.id == version_id)
            ).scalar()
            if status is d.VersionStatus.SIGNED:
                raise SignedVersionError(
                    _(
                        "A signed agreement version cannot be changed; edit the workshop to "
                        "start an amendment instead."
                    )
                )
            conn.execute(
                update(c.VERSIONS).where(c.VERSIONS.c.id == version_id).values(dict(values))
            )

    def version_with_digest(self, digest: str) -> tuple[str, d.AgreementVersion] | None:
        """The signed version whose text has ``digest``, with its workshop's title."""
        with self._read() as conn:
            row = conn.execute(
                select(c.VERSIONS.c.workshop_id, c.WORKSHOPS.c.title)
                .join(c.WORKSHOPS, c.WORKSHOPS.c.id == c.VERSIONS.c.workshop_id)
                .where(
                    c.VERSIONS.c.digest == digest,
                    c.VERSIONS.c.status == d.VersionStatus.SIGNED,
                    c.WORKSHOPS.c.deleted_at.is_(None),
                )
                .limit(1)
            ).first()
            if row is None:
                return None
            for version in load_versions(conn, row.workshop_id):
                if version.digest == digest and version.status is d.VersionStatus.SIGNED:
                    return row.title, version
        return None

    def commit_durably(self) -> None:
        """Make everything committed so far survive a power cut, not only a crash: the
        write-ahead log is checkpointed into the library file with full syncs. For moments
        that must never be lost, such as an agreement being signed."""
        if self.engine.url.get_backend_name() != "sqlite":
            return
        raw = self.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA synchronous = FULL")
            busy = cursor.execute("PRAGMA wal_checkpoint(FULL)").fetchone()[0]
            cursor.execute("PRAGMA synchronous = NORMAL")
        except DBAPIError as exc:
            raise (translate(exc, self.where) or exc) from exc
        finally:
            raw.close()
        if busy:
            raise LibraryLockedError(
                _(
                    "The library {where} is busy, so the change could not be written through "
                    "to disk yet; try again in a moment."
                ).format(where=self.where)
            )
