"""Where the library lives and how a connection to it is set up."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import PoolProxiedConnection

from storage.text_decoding import read_text_defensively

ENV_VAR = "ACCORD_DATABASE_URL"
LIBRARY_FILE = "library.sqlite3"
BUSY_TIMEOUT_MS = 1500  # other Accord windows hold the lock for ms; the GUI waits at most this


def default_library_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Accord", appauthor=False)) / LIBRARY_FILE


def resolve_url(given: str | None = None) -> URL:
    """The library URL: the one given, else ``$ACCORD_DATABASE_URL``, else the default file.

    A bare file path (no ``scheme://``) is taken as a SQLite file, so paths with spaces or
    non-ASCII characters work without any quoting.
    """
    text = given or os.environ.get(ENV_VAR) or ""
    if not text:
        return URL.create("sqlite", database=str(default_library_path()))
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser()))
    return make_url(text)


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory and other backends."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    if url.database.startswith("file:"):
        return None
    return Path(url.database)


def describe(url: URL) -> str:
    """How to name the library to a person: its file path, or the URL without password."""
    path = sqlite_path(url)
    return f"“{path}”" if path else url.render_as_string(hide_password=True)


def make_engine(url: URL, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """An engine with Accord's pragmas: synchronous=NORMAL, foreign keys, busy timeout.

    The WAL journal is switched on by :func:`use_wal` once the file is known to be an
    Accord library: it rewrites the file header, so it must never touch a foreign file.
    """
    kwargs: dict[str, Any] = {}
    if url.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"check_same_thread": False}
    engine = create_engine(url, **kwargs)
    if url.get_backend_name() == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            # Let SQLAlchemy's BEGIN work with the driver's own transaction handling.
            dbapi_connection.isolation_level = None
            read_text_defensively(dbapi_connection)  # bad bytes in a text: U+FFFD, not an error
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA trusted_schema = OFF")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # Writers say so up front (BEGIN IMMEDIATE): a transaction that reads first and
            # writes later cannot wait for another writer and would fail as "locked".
            conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

    return engine


def use_wal(engine: Engine) -> None:
    if sqlite_path(engine.url) is None:
        return
    raw = engine.raw_connection()
    try:
        raw.cursor().execute("PRAGMA journal_mode = WAL")
    finally:
        raw.close()


class EditConnection:
    """The connection field edits are written through, kept open between edits.

    An edit is the hot path of autosave: checking a connection out of the pool, resetting
    it on return and building SQLAlchemy statements cost twenty times the SQL itself. This
    keeps one connection (with the engine's pragmas, from the engine's pool) for them; a
    lock lets one thread at a time use it. Every transaction still starts with
    ``BEGIN IMMEDIATE`` and ends with ``COMMIT``, so an edit is as durable on return as
    any other write. For an in-memory database, whose pool gives each thread its own
    connection, nothing is kept and each transaction checks one out. SQLite only
    (``usable``): the SQL is SQLite's; other backends take the general path.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.usable = engine.url.get_backend_name() == "sqlite"
        self.keep = sqlite_path(engine.url) is not None
        self._lock = threading.Lock()
        self._kept: PoolProxiedConnection | None = None
        event.listen(engine, "engine_disposed", self._drop)

    def _drop(self, _engine: Any = None) -> None:
        """Close the kept connection (after :meth:`Engine.dispose`, or after it failed)."""
        with self._lock:
            self._forget()

    def _forget(self) -> None:
        kept, self._kept = self._kept, None
        if kept is not None:
            kept.invalidate()  # closes it for good rather than returning it to a pool

    def write(
        self,
        sql: str,
        params: Sequence[Any],
        then: str,
        then_params: Sequence[Any],
        *,
        must_change: bool = False,
    ) -> int:
        """``sql`` and then ``then`` in one ``BEGIN IMMEDIATE`` … ``COMMIT``; the rows
        ``sql`` changed. With ``must_change``, a ``sql`` that changes nothing is rolled back
        and ``then`` never runs. Driver errors come out as SQLAlchemy's ``DBAPIError``
        classes, like those of any other query, after a rollback."""
        with self._lock:
            proxy = self._kept
            raw: Any = None
            try:
                if proxy is None:
                    proxy = self.engine.raw_connection()
                    if self.keep:
                        self._kept = proxy
                raw = proxy.dbapi_connection
                raw.execute("BEGIN IMMEDIATE")
                try:
                    changed: int = raw.execute(sql, params).rowcount
                    if must_change and changed == 0:
                        raw.execute("ROLLBACK")
                        return 0
                    raw.execute(then, then_params)
                    raw.execute("COMMIT")
                except BaseException:
                    if raw.in_transaction:
                        raw.execute("ROLLBACK")
                    raise
                return changed
            except self.engine.dialect.loaded_dbapi.Error as exc:
                self._forget()  # a fresh connection for the next edit, whatever went wrong
                raise DBAPIError.instance(
                    sql, None, exc, self.engine.dialect.loaded_dbapi.Error
                ) from exc
            finally:
                if proxy is not None and proxy is not self._kept:
                    proxy.close()

    def close(self) -> None:
        self._drop()
