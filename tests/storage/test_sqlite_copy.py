"""Checked copies of a SQLite database: complete and sound at the target, or nothing there."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from storage.errors import StorageError
from storage.sqlite_copy import copy_database
from tests.storage.peek import column


def failed(why: str) -> StorageError:
    return StorageError(f"The copy could not be made ({why}), so nothing was changed.")


def make_database(path: Path, rows: int = 200) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    db.execute("CREATE INDEX notes_body ON notes (body)")
    db.executemany("INSERT INTO notes (body) VALUES (?)", [(f"note {n}",) for n in range(rows)])
    db.commit()
    db.close()


def damage_index(path: Path) -> None:
    """Make an index claim uniqueness its rows do not have: every row still reads, but the
    database fails SQLite's integrity check, and so does any page-for-page copy of it."""
    db = sqlite3.connect(path)
    db.execute("INSERT INTO notes (body) VALUES ('twice'), ('twice')")
    db.commit()
    db.execute("PRAGMA writable_schema = ON")
    db.execute(
        "UPDATE sqlite_master SET sql = 'CREATE UNIQUE INDEX notes_body ON notes (body)' "
        "WHERE name = 'notes_body'"
    )
    db.commit()
    db.close()


def bodies(path: Path) -> list[str]:
    return column(path, "SELECT body FROM notes ORDER BY id")


def beside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "source.sqlite3"
    make_database(path)
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder the copy goes in, so that whatever it leaves there shows."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_a_copy_is_sound_self_contained_and_alone_at_its_target(source: Path, out: Path) -> None:
    holder = sqlite3.connect(source)  # in use, with its -wal beside it
    try:
        holder.execute("INSERT INTO notes (body) VALUES ('in the wal')")
        holder.commit()
        target = out / "copy.sqlite3"
        copy_database(source, target, failed)
    finally:
        holder.close()
    assert beside(out) == ["copy.sqlite3"]  # no partial file, no journal
    assert bodies(target) == bodies(source) and bodies(target)[-1] == "in the wal"
    assert column(target, "PRAGMA integrity_check") == ["ok"]
    assert column(target, "PRAGMA journal_mode") == ["delete"]


def test_a_copy_that_fails_its_check_is_not_left_behind(source: Path, out: Path) -> None:
    damage_index(source)
    target = out / "copy.sqlite3"
    target.write_bytes(b"an earlier copy")
    with pytest.raises(StorageError) as refused:
        copy_database(source, target, failed)
    assert refused.value.message == (
        "The copy could not be made (the copy fails SQLite's integrity check), "
        "so nothing was changed."
    )
    assert beside(out) == ["copy.sqlite3"]
    assert target.read_bytes() == b"an earlier copy"  # replaced only by a sound copy


def test_a_source_that_is_no_database_is_one_sentence(tmp_path: Path) -> None:
    source = tmp_path / "source.sqlite3"
    source.write_text("my thesis\n")
    with pytest.raises(StorageError, match="could not be made") as refused:
        copy_database(source, tmp_path / "copy.sqlite3", failed)
    assert "\n" not in refused.value.message
    assert beside(tmp_path) == ["source.sqlite3"]


def test_a_full_disk_leaves_nothing_half_written(
    source: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageError) as refused:
        copy_database(source, out / "copy.sqlite3", failed)
    assert refused.value.message == (
        f"The copy could not be made ({os.strerror(errno.ENOSPC)}), so nothing was changed."
    )
    assert beside(out) == []


def test_a_read_only_folder_is_one_sentence_and_nothing_is_written(
    source: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def read_only_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and Path(path).parent == out:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only_open)
    with pytest.raises(StorageError) as refused:
        copy_database(source, out / "copy.sqlite3", failed)
    assert os.strerror(errno.EROFS) in refused.value.message
    assert "\n" not in refused.value.message
    assert beside(out) == []
