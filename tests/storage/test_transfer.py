"""Workshop files between libraries: lossless, and the library is untouched by any failure."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Container, Iterator
from dataclasses import fields
from pathlib import Path

import pytest

from storage.backups import list_backups
from storage.engine import resolve_url
from storage.library import open_library
from storage.repository import Repository
from storage.transfer import ImportConflictError, export_workshop, import_workshop
from tests.workshop.test_portable import signed_workshop
from workshop.model import (
    Workshop,
)
from workshop.portable import ImportFileError, digest_matches, loads


def signed_demo() -> Workshop:
    """The demo workshop with a signed agreement version (shared with the file-format tests)."""
    return signed_workshop()


def content_hash(library: Path) -> str:
    db = sqlite3.connect(library)
    try:
        return hashlib.sha256("\n".join(db.iterdump()).encode("utf-8")).hexdigest()
    finally:
        db.close()


def roles_by_party_position(w: Workshop) -> list[dict[int, frozenset[str]]]:
    position = {p.id: i for i, p in enumerate(w.parties)}
    return [{position[p]: frozenset(r) for p, r in a.roles.items()} for a in w.activities]


def count(repo: Repository) -> int:
    return len(repo.summaries())


@pytest.fixture
def other(tmp_path: Path) -> Iterator[tuple[Repository, Path]]:
    path = tmp_path / "other" / "library.sqlite3"
    path.parent.mkdir()
    repository = open_library(resolve_url(str(path)))
    yield repository, path
    repository.close()


@pytest.fixture
def exported(repo: Repository, tmp_path: Path) -> tuple[Workshop, Path]:
    w = signed_demo()
    repo.add(w)
    stored = repo.get(w.id)
    path = tmp_path / "Offsite Köln.accord.json"
    export_workshop(repo, w.id, path)
    return stored, path


def assert_same(a: Workshop, b: Workshop, *, except_: Container[str] = ()) -> None:
    for f in fields(Workshop):
        if f.name not in except_:
            assert getattr(a, f.name) == getattr(b, f.name), f.name


def test_export_then_import_into_a_fresh_library_is_lossless(
    exported: tuple[Workshop, Path], other: tuple[Repository, Path]
) -> None:
    stored, path = exported
    target, _ = other
    new_id = import_workshop(target, path)
    assert new_id == stored.id
    back = target.get(new_id)
    # updated_at is the moment of the import (the library lists newest change first).
    assert_same(back, stored, except_={"updated_at"})
    assert back.updated_at is not None and stored.updated_at is not None
    assert back.updated_at >= stored.updated_at
    assert back.created_at == stored.created_at
    assert back.versions[0].signatories[0].signature == stored.versions[0].signatories[0].signature
    assert digest_matches(back.versions[0])


def test_export_is_atomic_and_readable(exported: tuple[Workshop, Path]) -> None:
    stored, path = exported
    assert loads(path.read_bytes()) == stored
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".partial")] == []


def test_importing_again_without_a_choice_is_refused_and_changes_nothing(
    repo: Repository, library_path: Path, exported: tuple[Workshop, Path]
) -> None:
    _, path = exported
    before, n = content_hash(library_path), count(repo)
    with pytest.raises(ImportConflictError) as caught:
        import_workshop(repo, path)
    assert caught.value.message == (
        "A workshop with this id is already in the library; import it as a copy or replace it."
    )
    assert count(repo) == n
    assert content_hash(library_path) == before


def test_import_as_copy_gets_new_ids(repo: Repository, exported: tuple[Workshop, Path]) -> None:
    stored, path = exported
    new_id = import_workshop(repo, path, as_copy=True)
    assert new_id != stored.id and count(repo) == 2
    copy = repo.get(new_id)
    assert copy.title == f"{stored.title} (imported)"
    assert {p.id for p in copy.participants}.isdisjoint(p.id for p in stored.participants)
    assert {v.id for v in copy.versions}.isdisjoint(v.id for v in stored.versions)
    assert copy.versions[0].signatories[0].id != stored.versions[0].signatories[0].id
    assert roles_by_party_position(copy) == roles_by_party_position(stored)
    assert [p.name for p in copy.participants] == [p.name for p in stored.participants]
    assert copy.versions[0].digest == stored.versions[0].digest
    assert repo.get(stored.id) == stored  # the original is untouched


def test_replace_keeps_the_id_and_takes_the_files_content(
    repo: Repository, library_path: Path, exported: tuple[Workshop, Path], tmp_path: Path
) -> None:
    stored, path = exported
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["workshop"]["title"] = "Offsite, as agreed in the room"
    doc["workshop"]["kpis"] = doc["workshop"]["kpis"][:2]
    edited = tmp_path / "edited.accord.json"
    edited.write_text(json.dumps(doc), encoding="utf-8")
    backups_before = len(list_backups(library_path))
    assert import_workshop(repo, edited, as_copy=False) == stored.id
    assert count(repo) == 1
    now = repo.get(stored.id)
    assert now.title == "Offsite, as agreed in the room"
    assert [k.id for k in now.kpis] == [k.id for k in stored.kpis[:2]]
    assert_same(now, stored, except_={"title", "kpis", "updated_at"})
    assert len(list_backups(library_path)) == backups_before + 1


def test_replace_after_the_workshop_was_deleted(
    repo: Repository, exported: tuple[Workshop, Path]
) -> None:
    stored, path = exported
    repo.delete(stored.id)
    with pytest.raises(ImportConflictError):
        import_workshop(repo, path)  # its id is still taken among deleted workshops
    assert import_workshop(repo, path, as_copy=False) == stored.id
    assert count(repo) == 1


def test_a_malformed_file_leaves_the_library_as_it_was(
    repo: Repository, library_path: Path, exported: tuple[Workshop, Path], tmp_path: Path
) -> None:
    _, path = exported
    before = content_hash(library_path)
    backups = len(list_backups(library_path))
    broken = tmp_path / "broken.accord.json"
    text = path.read_text(encoding="utf-8")
    for bad in (
        text[: len(text) // 2],
        text.replace('"status": "open"', '"status": "someday"', 1),
        b"\x00\xff" * 10,
    ):
        if isinstance(bad, bytes):
            broken.write_bytes(bad)
        else:
            broken.write_text(bad, encoding="utf-8")
        for choice in (None, True, False):
            with pytest.raises(ImportFileError):
                import_workshop(repo, broken, as_copy=choice)
    assert content_hash(library_path) == before
    assert len(list_backups(library_path)) == backups  # nothing to back up for a refusal


def test_a_file_over_the_limit_is_refused(repo: Repository, tmp_path: Path) -> None:
    big = tmp_path / "big.accord.json"
    with big.open("wb") as f:
        f.truncate(20 * 1024 * 1024 + 1)  # sparse: no need to write 20 MB
    with pytest.raises(ImportFileError, match="larger than 20 MB"):
        import_workshop(repo, big)


def test_a_missing_file_is_one_sentence(repo: Repository, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="cannot be read"):
        import_workshop(repo, tmp_path / "nowhere.accord.json")


def test_a_tampered_signed_snapshot_is_detected(
    exported: tuple[Workshop, Path], other: tuple[Repository, Path], tmp_path: Path
) -> None:
    _, path = exported
    doc = json.loads(path.read_text(encoding="utf-8"))
    version = doc["workshop"]["versions"][0]
    version["snapshot"] = version["snapshot"].replace("4800000", "4000000")  # an edited target
    tampered = tmp_path / "tampered.accord.json"
    tampered.write_text(json.dumps(doc), encoding="utf-8")
    target, _ = other
    new_id = import_workshop(target, tampered)
    assert not digest_matches(target.get(new_id).versions[0])


def test_replacing_removes_every_child_of_the_old_workshop(
    repo: Repository, library_path: Path, exported: tuple[Workshop, Path]
) -> None:
    stored, _ = exported
    repo.add(Workshop(id=stored.id, title="Replaced"), replace=True)
    db = sqlite3.connect(library_path)
    try:
        assert db.execute("SELECT title FROM workshops").fetchall() == [("Replaced",)]
        for table in ("participants", "raci_roles", "signatories", "signatures"):
            assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    finally:
        db.close()
