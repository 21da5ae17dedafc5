"""Signing through the repository: drafts stored at the first signature, locked at the last."""

from __future__ import annotations

import datetime as dt
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from storage.errors import SignedVersionError, StaleSignaturesError
from workshop.demo import build_demo_workshop
from workshop.demo_history import sample_strokes, with_history
from workshop.model import Signature, SignatureKind, VersionStatus, WorkshopStatus
from workshop.versions import all_versions, current_draft, stale_signatures

DAY = date(2026, 11, 23)


def drawn(seed: float = 1.0) -> Signature:
    return Signature(kind=SignatureKind.DRAWN, strokes=sample_strokes(0.4, seed))


def sign_all(repo: Any, workshop_id: str) -> None:
    w = repo.get(workshop_id)
    draft = current_draft(w)
    assert draft is not None
    for i in range(len(draft.signatories)):
        repo.sign(workshop_id, draft, i, drawn(i))


def test_first_signature_stores_the_draft_and_last_locks_it(repo: Any) -> None:
    w = build_demo_workshop(DAY)
    repo.add(w)
    draft = current_draft(w)
    assert draft is not None and len(draft.signatories) == 3
    stored = repo.sign(w.id, draft, 0, drawn())
    assert stored.status is VersionStatus.DRAFT
    again = repo.get(w.id)
    assert [v.status for v in again.versions] == [VersionStatus.DRAFT]
    assert again.versions[0].digest == draft.digest
    assert again.versions[0].signatories[0].signature.strokes == drawn().strokes
    repo.sign(w.id, draft, 1, Signature(kind=SignatureKind.TYPED, typed_name="José Álvarez"))
    last = repo.sign(w.id, draft, 2, drawn(3))
    assert last.status is VersionStatus.SIGNED and last.signed_at is not None
    final = repo.get(w.id)
    assert final.status is WorkshopStatus.SIGNED
    assert final.versions[0].snapshot == draft.snapshot
    assert current_draft(final) is None  # nothing changed since


def test_signing_twice_or_a_signed_version_raises(repo: Any) -> None:
    w = build_demo_workshop(DAY)
    repo.add(w)
    draft = current_draft(w)
    assert draft is not None
    repo.sign(w.id, draft, 0, drawn())
    with pytest.raises(SignedVersionError, match="already signed"):
        repo.sign(w.id, draft, 0, drawn())
    sign_all_rest = [1, 2]
    for i in sign_all_rest:
        repo.sign(w.id, draft, i, drawn())
    with pytest.raises(SignedVersionError):
        repo.sign(w.id, draft, 0, drawn())
    version = repo.get(w.id).versions[0]
    with pytest.raises(SignedVersionError, match="cannot be changed"):
        repo.update_version(version.id, {"digest": "0" * 64})
    assert repo.get(w.id).versions[0].digest == draft.digest


def test_the_library_itself_refuses_to_change_a_signed_version(
    repo: Any, library_path: Path
) -> None:
    w = with_history(build_demo_workshop(DAY), dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    repo.add(w)
    repo.close()
    conn = sqlite3.connect(library_path)
    for sql in (
        "UPDATE agreement_versions SET digest = 'x'",
        "UPDATE signatories SET name = 'Someone else'",
        "UPDATE signatures SET typed_name = 'forged'",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="signed agreement version"):
            conn.execute(sql)
    conn.close()


def test_editing_after_signing_starts_an_amendment(repo: Any) -> None:
    w = build_demo_workshop(DAY)
    repo.add(w)
    sign_all(repo, w.id)
    repo.update_workshop(w.id, {"term_months": 24})
    amended = repo.get(w.id)
    versions = all_versions(amended)
    assert [(v.number, v.status) for v in versions] == [
        (1, VersionStatus.SIGNED),
        (2, VersionStatus.DRAFT),
    ]
    sign_all(repo, w.id)
    assert [v.status for v in repo.get(w.id).versions] == [VersionStatus.SIGNED] * 2


def test_changing_the_text_mid_signing_refuses_until_restarted(repo: Any) -> None:
    w = build_demo_workshop(DAY)
    repo.add(w)
    first = current_draft(w)
    assert first is not None
    repo.sign(w.id, first, 0, drawn())
    repo.update_workshop(w.id, {"title": "Changed while signing"})
    changed = repo.get(w.id)
    assert [s.name for s in stale_signatures(changed)] == ["Tobias Brandt"]
    draft = current_draft(changed)
    assert draft is not None and all(s.signature is None for s in draft.signatories)
    with pytest.raises(StaleSignaturesError, match="start the signing again"):
        repo.sign(w.id, draft, 1, drawn())
    repo.discard_draft(w.id)
    repo.sign(w.id, draft, 1, drawn())
    assert repo.get(w.id).versions[0].digest == draft.digest


def test_version_with_digest_finds_the_signed_version(repo: Any) -> None:
    w = with_history(build_demo_workshop(DAY), dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    repo.add(w)
    found = repo.version_with_digest(w.versions[0].digest)
    assert found is not None
    title, version = found
    assert (title, version.number) == (w.title, 1)
    assert [s.name for s in version.signatories] == ["Tobias Brandt", "José Álvarez"]
    assert repo.version_with_digest("0" * 64) is None


def test_signing_is_written_through_to_the_library_file(repo: Any, library_path: Path) -> None:
    """Signing forces a durable commit: the main file alone (no log) holds the signed version."""
    w = build_demo_workshop(DAY)
    repo.add(w)
    sign_all(repo, w.id)
    copy = library_path.with_name("main-file-only.sqlite3")
    copy.write_bytes(library_path.read_bytes())
    conn = sqlite3.connect(copy)
    status = conn.execute("SELECT status FROM agreement_versions").fetchall()
    conn.close()
    assert status == [("signed",)]
