"""Where the library lives and how a connection to it is set up."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

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
