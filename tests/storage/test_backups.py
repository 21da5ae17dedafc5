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
from workshop.editing import new_workshop
from workshop.model import Participant


def names(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return [r[0] for r in db.execute("SELECT name FROM participants ORDER BY name")]
    finally:
        db.close()


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
        db = sqlite3.connect(backup)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db.close()
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
