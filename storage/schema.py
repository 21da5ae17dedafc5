"""Bring a library to the schema this Accord writes, or refuse one from a newer Accord."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, select

from storage.engine import sqlite_path
from storage.errors import NewerLibraryError, NotADatabaseError, StorageError
from storage.sqlite_copy import copy_database
from workshop.i18n import _

# Every Alembic revision this Accord knows, oldest first. A test checks it against
# storage/migrations/versions, so adding a migration without listing it here fails.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
HEAD = KNOWN_REVISIONS[-1]
MIGRATIONS = Path(__file__).with_name("migrations")


def current_revision(engine: Engine) -> tuple[str | None, bool]:
    """The library's revision, and whether it holds any other table at all."""
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if "alembic_version" not in tables:
            return None, bool(tables)
        from sqlalchemy import column, table

        version = table("alembic_version", column("version_num"))
        return conn.execute(select(version.c.version_num)).scalar(), True


def upgrade(engine: Engine, where: str) -> None:
    """Apply pending migrations; the quick path (already at head) imports no Alembic."""
    revision, has_tables = current_revision(engine)
    if revision == HEAD:
        return
    if revision is None and has_tables:
        raise NotADatabaseError(
            _(
                "{where} is a database, but not an Accord library; "
                "it was left untouched — choose another library file."
            ).format(where=where)
        )
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerLibraryError(
            _(
                "The library {where} was written by a newer version of Accord; "
                "update Accord to open it (the library was left untouched)."
            ).format(where=where)
        )
    if revision is not None:
        backup_before_migration(engine, revision, where)
    run_alembic(engine)


def run_alembic(engine: Engine, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)


def backup_before_migration(engine: Engine, revision: str, where: str) -> Path | None:
    """A checked copy of the library, made with SQLite's online backup API, before its
    schema changes; if none can be made, the schema is not changed either."""
    path = sqlite_path(engine.url)
    if path is None:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-migration-{revision}-{stamp}{path.suffix}")
    copy_database(path, target, lambda why: _not_upgraded(where, why))
    return target


def _not_upgraded(where: str, why: str) -> StorageError:
    return StorageError(
        _(
            "The library {where} comes from an earlier version of Accord and must be updated, "
            "but no copy of it could be kept first ({reason}), so it was left untouched; "
            "free some space or check its folder, and open it again."
        ).format(where=where, reason=why)
    )
