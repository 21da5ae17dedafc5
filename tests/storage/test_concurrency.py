"""Two Accord windows on one library: SQLite's locking keeps every edit and the file sound."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from storage.engine import resolve_url
from storage.library import open_library
from workshop.editing import new_workshop
from workshop.model import Participant


def test_two_libraries_open_on_one_file_write_at_once_without_loss(library_path: Path) -> None:
    first = open_library(resolve_url(str(library_path)))
    second = open_library(resolve_url(str(library_path)))
    w = new_workshop("Shared file")
    first.add(w)
    errors: list[BaseException] = []

    def write(repo, tag: str) -> None:  # type: ignore[no-untyped-def]
        try:
            for n in range(150):
                repo.add_child(w.id, "participants", Participant(name=f"{tag}{n}"), n)
                repo.update_workshop(w.id, {"notes": f"{tag}{n}"})
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=write, args=(first, "a")),
        threading.Thread(target=write, args=(second, "b")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    people = {p.name for p in second.get(w.id).participants}
    assert people == {f"a{n}" for n in range(150)} | {f"b{n}" for n in range(150)}
    first.close()
    second.close()
    db = sqlite3.connect(library_path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
