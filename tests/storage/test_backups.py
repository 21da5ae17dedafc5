"""Backups: consistent while the library is written, rotated by age, restorable, refusable."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage.backups import list_backups, restore, rotate, take_backup, to_keep
from storage.errors import NotADatabaseError, StorageError
from storage.repository import Repository
from tests.storage.peek import column
from workshop.editing import new_workshop
from workshop.model import Participant


def names(path: Path) -> list[str]:
    return column(path, "SELECT name FROM participants ORDER BY name")


def test_a_backup_taken_while_someone_writes_is_sound_and_restores(
    repo: Repository, library_path: Path, tmp_path: Path
) -> None:
    w = new_workshop("Busy")
    repo.add(w)
    stop = threading.Event()

    def writer() -> None:
        n = 0
        while not stop.is_set():
            repo.add_child(w.id, "participants", Participant(name=f"p{n:05d}"), n)
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        backups = [take_backup(library_path, tmp_path / f"b{i}.sqlite3") for i in range(5)]
    finally:
        stop.set()
        thread.join()
    for backup in backups:
        assert column(backup, "PRAGMA integrity_check") == ["ok"]
    snapshot = names(backups[-1])
    assert snapshot, "the writer was running during the backups"
    repo.close()
    safety = restore(backups[-1], library_path)
    assert names(library_path) == snapshot
    assert len(names(safety)) >= len(snapshot)  # the library as it was before the restore


def test_rotation_keeps_the_last_ten_plus_one_a_day_and_one_a_week() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    stamps = [now - timedelta(hours=6 * i) for i in range(4 * 40)]  # every 6 h for 40 days
    keep = to_keep(stamps, now)
    newest = sorted(stamps, reverse=True)
    assert set(newest[:10]) <= keep
    for day in range(7):
        on_day = [s for s in stamps if s.date() == (now - timedelta(days=day)).date()]
        assert max(on_day) in keep
    assert all(now - s < timedelta(weeks=4) for s in keep)
    assert len(keep) < 25
    weeks = {s.isocalendar()[:2] for s in stamps if now - s < timedelta(weeks=4)}
    assert weeks <= {s.isocalendar()[:2] for s in keep}


def test_rotate_deletes_only_what_the_policy_drops(repo: Repository, library_path: Path) -> None:
    repo.add(new_workshop("Rotated"))
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    for i in range(15):
        take_backup(library_path, now=now - timedelta(minutes=i))
    assert len(list_backups(library_path)) == 15
    removed = rotate(library_path, now=now)
    kept = list_backups(library_path)
    assert len(removed) == 5 and len(kept) == 10
    assert kept[0].taken_at == now and kept[0].workshops == 1


def test_restore_refuses_what_is_not_a_sound_accord_backup(
    repo: Repository, library_path: Path, tmp_path: Path
) -> None:
    repo.add(new_workshop("Keep me"))
    repo.close()
    before = library_path.read_bytes()
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    with pytest.raises(NotADatabaseError, match="not an Accord backup"):
        restore(junk, library_path)
    newer = take_backup(library_path, tmp_path / "newer.sqlite3")
    db = sqlite3.connect(newer)
    db.execute("UPDATE alembic_version SET version_num = '9999'")
    db.commit()
    db.close()
    with pytest.raises(StorageError, match="another version of Accord"):
        restore(newer, library_path)
    assert library_path.read_bytes() == before


def damage(path: Path) -> None:
    """Overwrite the middle of the file: the kind of damage a failing disk leaves."""
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page : 6 * page] = b"\x42" * (4 * page)
    path.write_bytes(bytes(data))


def test_a_damaged_library_is_refused_and_can_be_recovered_from_a_backup(
    library_path: Path,
) -> None:
    from datetime import date

    from storage.backups import newest_good_backup, recover, set_aside
    from storage.engine import resolve_url
    from storage.errors import DamagedLibraryError
    from storage.library import open_library
    from workshop.demo import build_demo_workshop

    repo = open_library(resolve_url(str(library_path)))
    demo = build_demo_workshop(date(2026, 11, 23))
    repo.add(demo)
    repo.close()
    take_backup(library_path)
    # Checkpoint so the damage hits the main file, then damage it.
    sqlite3.connect(library_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    damage(library_path)
    damaged_bytes = library_path.read_bytes()
    with pytest.raises(DamagedLibraryError, match="is damaged"):
        open_library(resolve_url(str(library_path)))
    assert library_path.read_bytes() == damaged_bytes  # refused, not touched

    backup = newest_good_backup(library_path)
    assert backup is not None
    aside = recover(library_path, backup.path)
    assert aside.read_bytes() == damaged_bytes  # kept aside, not deleted
    assert ".damaged-" in aside.name
    repo = open_library(resolve_url(str(library_path)))
    assert repo.get(demo.id).title == demo.title
    repo.close()
    # Starting afresh instead also keeps the damaged file.
    damage(library_path)
    moved = set_aside(library_path)
    assert moved.exists() and not library_path.exists()
    assert aside.read_bytes() == damaged_bytes  # the first damaged copy is still there


def accord_library(path: Path, title: str = "Kept") -> str:
    from storage.engine import resolve_url
    from storage.library import open_library

    repo = open_library(resolve_url(str(path)))
    try:
        w = new_workshop(title)
        repo.add(w)
        return w.id
    finally:
        repo.close()


def titles(path: Path) -> list[str]:
    return column(path, "SELECT title FROM workshops ORDER BY title")


def test_restoring_over_a_damaged_library_keeps_it_aside_and_goes_ahead(
    library_path: Path, tmp_path: Path
) -> None:
    accord_library(library_path, "In the backup")
    backup = take_backup(library_path, tmp_path / "good.sqlite3")
    accord_library(library_path, "Added later")
    sqlite3.connect(library_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    damage(library_path)
    damaged_bytes = library_path.read_bytes()

    kept = restore(backup, library_path)
    assert kept is not None and ".damaged-" in kept.name
    assert kept.read_bytes() == damaged_bytes  # kept aside, byte for byte
    assert titles(library_path) == ["In the backup"]


def test_the_library_a_restore_kept_is_never_rotated_away(
    library_path: Path, tmp_path: Path
) -> None:
    accord_library(library_path, "Before the restore")
    backup = take_backup(library_path, tmp_path / "older.sqlite3")
    kept = restore(backup, library_path)
    assert kept is not None and kept.exists()
    now = datetime.now(UTC) + timedelta(weeks=10)
    for i in range(15):
        take_backup(library_path, now=now - timedelta(minutes=i))
    rotate(library_path, now=now)
    assert len([b for b in list_backups(library_path) if not b.kept]) == 10
    assert kept.exists() and titles(kept) == ["Before the restore"]
    # Still listed, so that the restore can itself be undone from the Backups dialog.
    assert [b.path for b in list_backups(library_path) if b.kept] == [kept]


def test_restoring_into_no_library_keeps_nothing(library_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "source.sqlite3"
    accord_library(source, "From the backup")
    backup = take_backup(source, tmp_path / "b.sqlite3")
    assert restore(backup, library_path) is None
    assert titles(library_path) == ["From the backup"]
    library_path.write_bytes(b"")  # an empty file is no library either
    assert restore(backup, library_path) is None
    assert titles(library_path) == ["From the backup"]


def foreign_database(path: Path, statement: str) -> None:
    db = sqlite3.connect(path)
    db.execute(statement)
    db.commit()
    db.close()


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)",
        "CREATE VIEW answer AS SELECT 42",
        "PRAGMA user_version = 7",
        "PRAGMA application_id = 1234",
    ],
    ids=["table", "view", "user-version", "application-id"],
)
def test_restore_refuses_to_overwrite_another_programs_database(
    library_path: Path, tmp_path: Path, statement: str
) -> None:
    source = tmp_path / "source.sqlite3"
    accord_library(source)
    backup = take_backup(source, tmp_path / "b.sqlite3")
    foreign_database(library_path, statement)
    before = library_path.read_bytes()
    with pytest.raises(NotADatabaseError, match="nothing was restored") as refused:
        restore(backup, library_path)
    assert "\n" not in refused.value.message
    assert library_path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("library")] == [
        library_path.name
    ]


def test_restore_refuses_a_file_that_is_not_a_database(library_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "source.sqlite3"
    accord_library(source)
    backup = take_backup(source, tmp_path / "b.sqlite3")
    library_path.write_text("my thesis\n")
    with pytest.raises(NotADatabaseError, match="nothing was restored"):
        restore(backup, library_path)
    assert library_path.read_text() == "my thesis\n"


@pytest.mark.parametrize(
    "statement",
    ["CREATE VIEW answer AS SELECT 42", "PRAGMA user_version = 7"],
    ids=["view", "user-version"],
)
def test_another_programs_database_without_tables_is_not_made_a_library(
    library_path: Path, statement: str
) -> None:
    from storage.engine import resolve_url
    from storage.library import open_library

    foreign_database(library_path, statement)
    before = library_path.read_bytes()
    with pytest.raises(NotADatabaseError, match="left untouched"):
        open_library(resolve_url(str(library_path)))
    assert library_path.read_bytes() == before


def test_an_empty_database_becomes_a_library(library_path: Path) -> None:
    from storage.engine import resolve_url
    from storage.library import open_library

    sqlite3.connect(library_path).close()
    foreign_database(library_path, "VACUUM")  # a valid SQLite file with nothing in it
    open_library(resolve_url(str(library_path))).close()
    assert titles(library_path) == []


def test_restore_is_refused_while_another_accord_has_the_library_open(
    repo: Repository, library_path: Path, tmp_path: Path
) -> None:
    from storage.errors import LibraryLockedError

    repo.add(new_workshop("Open in a window"))
    backup = take_backup(library_path, tmp_path / "b.sqlite3")
    with pytest.raises(LibraryLockedError, match="in use"):
        restore(backup, library_path)
    repo.close()
    assert restore(backup, library_path) is not None


def partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial" in p.name)


def test_partial_backups_left_by_killed_backups_are_cleaned_up(
    library_path: Path, tmp_path: Path
) -> None:
    import fcntl
    import os

    accord_library(library_path)
    folder = tmp_path / "backups"
    folder.mkdir()
    hour_ago = datetime.now(UTC).timestamp() - 3600
    for i in range(61):
        stale = folder / f"library-20261101-0000{i:02d}-000000.sqlite3.partial"
        stale.write_bytes(b"\0" * 65536)
        journal = stale.with_name(stale.name + "-journal")
        journal.write_bytes(b"\0" * 512)
        for path in (stale, journal):
            os.utime(path, (hour_ago, hour_ago))
    writing = folder / "library-20261101-120000-000000.sqlite3.partial"
    writing.write_bytes(b"\0" * 4096)
    os.utime(writing, (hour_ago, hour_ago))  # slow, but its backup is still running
    just_begun = folder / "library-20261101-120001-000000.sqlite3.partial"
    just_begun.write_bytes(b"")
    with writing.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        taken = take_backup(library_path)
        assert partials(folder) == [writing.name, just_begun.name]
        assert rotate(library_path) == []
    assert taken.exists() and taken.parent == folder
    # Its backup was killed in turn: the next rotation takes it.
    assert rotate(library_path) == [writing]
    assert partials(folder) == [just_begun.name]
