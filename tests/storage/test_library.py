"""Opening a library: migrations, and every refusal leaves the file untouched."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path

import pytest

from storage.engine import resolve_url
from storage.errors import LibraryLockedError, NewerLibraryError, NotADatabaseError
from storage.library import open_library
from storage.models import Base
from storage.schema import HEAD, KNOWN_REVISIONS, MIGRATIONS


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrations_bring_an_empty_database_to_head(library_path: Path) -> None:
    open_library(resolve_url(str(library_path))).close()
    db = sqlite3.connect(library_path)
    assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(Base.metadata.tables) <= tables
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    db.close()


def test_the_migrated_schema_matches_the_models(library_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    repo = open_library(resolve_url(str(library_path)))
    with repo.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    repo.close()


def test_known_revisions_list_every_migration_file() -> None:
    found = set()
    for file in (MIGRATIONS / "versions").glob("*.py"):
        match = re.search(r"^revision = ['\"](\w+)['\"]", file.read_text(), re.M)
        if match:
            found.add(match.group(1))
    assert found == set(KNOWN_REVISIONS)


def test_a_library_from_a_newer_accord_is_refused_and_untouched(library_path: Path) -> None:
    open_library(resolve_url(str(library_path))).close()
    db = sqlite3.connect(library_path)
    db.execute("UPDATE alembic_version SET version_num = '9999'")
    db.commit()
    db.close()
    before = _digest(library_path)
    with pytest.raises(NewerLibraryError, match="newer version of Accord"):
        open_library(resolve_url(str(library_path)))
    assert _digest(library_path) == before


@pytest.mark.parametrize(
    "content",
    [b"This is my thesis, not a database.\n" * 50, b"\x00\xff" * 4096],
    ids=["text", "binary"],
)
def test_a_file_that_is_not_a_database_is_refused_and_untouched(
    library_path: Path, content: bytes
) -> None:
    library_path.write_bytes(content)
    with pytest.raises(NotADatabaseError, match="not an Accord library"):
        open_library(resolve_url(str(library_path)))
    assert library_path.read_bytes() == content


def test_another_programs_database_is_refused_and_untouched(library_path: Path) -> None:
    db = sqlite3.connect(library_path)
    db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    db.execute("INSERT INTO invoices VALUES (1, 9.5)")
    db.commit()
    db.close()
    before = _digest(library_path)
    with pytest.raises(NotADatabaseError, match="not an Accord library"):
        open_library(resolve_url(str(library_path)))
    assert _digest(library_path) == before


def test_a_library_locked_by_another_process_is_reported(library_path: Path) -> None:
    open_library(resolve_url(str(library_path))).close()
    other = sqlite3.connect(library_path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LibraryLockedError, match="in use by another program"):
            open_library(resolve_url(str(library_path)), busy_timeout_ms=100)
    finally:
        other.execute("ROLLBACK")
        other.close()
