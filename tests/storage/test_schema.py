"""A library from an earlier Accord: a checked copy is kept before its schema changes, and
without one the schema does not change."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.engine import make_engine, resolve_url
from storage.errors import StorageError
from storage.library import open_library
from storage.schema import HEAD, KNOWN_REVISIONS, run_alembic
from tests.storage.peek import column

EARLIER = KNOWN_REVISIONS[0]


def earlier_library(path: Path) -> None:
    engine = make_engine(resolve_url(str(path)))
    try:
        run_alembic(engine, EARLIER)
    finally:
        engine.dispose()


def revision(path: Path) -> str:
    [found] = column(path, "SELECT version_num FROM alembic_version")
    return str(found)


def copies(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".before-migration-" in p.name)


def test_a_library_is_copied_and_checked_before_its_schema_changes(library_path: Path) -> None:
    earlier_library(library_path)
    open_library(resolve_url(str(library_path))).close()
    assert revision(library_path) == HEAD
    [copy] = copies(library_path.parent)
    assert copy.name.startswith(f"library.before-migration-{EARLIER}-")
    assert revision(copy) == EARLIER
    assert column(copy, "PRAGMA integrity_check") == ["ok"]
    assert not [p for p in library_path.parent.iterdir() if ".partial" in p.name]


def test_a_copy_that_fails_its_check_is_not_kept_and_the_schema_is_not_changed(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storage.sqlite_copy

    earlier_library(library_path)
    monkeypatch.setattr(storage.sqlite_copy, "integrity_ok", lambda _db: False)
    with pytest.raises(StorageError) as refused:
        open_library(resolve_url(str(library_path))).close()
    sentence = refused.value.message
    assert "\n" not in sentence and sentence.endswith(".")
    assert "integrity check" in sentence and "left untouched" in sentence
    assert str(library_path) in sentence
    assert copies(library_path.parent) == []
    assert not [p for p in library_path.parent.iterdir() if ".partial" in p.name]
    assert revision(library_path) == EARLIER
