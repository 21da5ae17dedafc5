"""The repository stores the whole workshop aggregate and every single edit."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.engine import resolve_url
from storage.errors import UnknownWorkshopError
from storage.library import open_library
from storage.repository import Repository
from workshop.demo import build_demo_workshop
from workshop.editing import new_workshop
from workshop.model import (
    AgreementVersion,
    Participant,
    RaciRole,
    Signatory,
    Signature,
    SignatureKind,
    Team,
    VersionStatus,
    Workshop,
)


def _without_stamps(w: Workshop) -> Workshop:
    return replace(w, created_at=None, updated_at=None)


def test_round_trip_of_a_fully_populated_workshop(repo: Repository) -> None:
    demo = build_demo_workshop(date(2026, 11, 23))
    demo.versions = [
        AgreementVersion(
            number=1,
            status=VersionStatus.SIGNED,
            snapshot='{"k": "v"}',
            digest="ab" * 32,
            created_at=datetime(2026, 11, 30, 10, 0, tzinfo=UTC),
            signed_at=datetime(2026, 11, 30, 11, 0, tzinfo=UTC),
            signatories=[
                Signatory(
                    name="Zoë Müller",
                    title="VP Marketing",
                    team=Team.MARKETING,
                    signature=Signature(
                        kind=SignatureKind.DRAWN,
                        strokes=[[(0.0, 1.5), (2.25, 3.0)], [(4.0, 4.0)]],
                        signed_at=datetime(2026, 11, 30, 11, 0, tzinfo=UTC),
                    ),
                ),
                Signatory(name="Unsigned Person", team=Team.SALES),
            ],
        )
    ]
    repo.add(demo)
    loaded = repo.get(demo.id)
    assert _without_stamps(loaded) == _without_stamps(demo)
    assert loaded.created_at is not None and loaded.updated_at is not None
    # Exact decimals survive (no float rounding).
    assert loaded.funnel.marketing_share == demo.funnel.marketing_share
    assert isinstance(loaded.goal.target, Decimal)


def test_a_party_may_hold_accountable_and_responsible_together(repo: Repository) -> None:
    w = build_demo_workshop(date(2026, 11, 23))
    repo.add(w)
    activity, party = w.activities[0], w.parties[0]
    both = frozenset({RaciRole.ACCOUNTABLE, RaciRole.RESPONSIBLE})
    repo.set_roles(w.id, activity.id, party.id, both)
    assert repo.get(w.id).activities[0].roles[party.id] == both
    repo.set_roles(w.id, activity.id, party.id, frozenset())
    assert party.id not in repo.get(w.id).activities[0].roles


def test_children_keep_their_order_through_insert_move_and_remove(repo: Repository) -> None:
    w = new_workshop("Order")
    repo.add(w)
    names = ["Ana", "Ben", "Cleo"]
    for i, name in enumerate(names):
        repo.add_child(w.id, "participants", Participant(name=name), i)
    repo.add_child(w.id, "participants", Participant(name="First"), 0)
    repo.add_child(w.id, "participants", Participant(name="Middle"), 2)
    assert [p.name for p in repo.get(w.id).participants] == [
        "First",
        "Ana",
        "Middle",
        "Ben",
        "Cleo",
    ]
    ids = [p.id for p in repo.get(w.id).participants]
    repo.remove_child(w.id, "participants", ids[2])
    repo.reorder(w.id, "participants", list(reversed([i for i in ids if i != ids[2]])))
    assert [p.name for p in repo.get(w.id).participants] == ["Cleo", "Ben", "Ana", "First"]


def test_field_edits_are_committed_and_touch_updated_at(
    repo: Repository, library_path: Path
) -> None:
    w = new_workshop("Edits")
    repo.add(w)
    before = repo.get(w.id).updated_at
    repo.update_workshop(w.id, {"client": "Ünïcode GmbH", "goal.target": Decimal("4.80")})
    # Another connection (another process) sees it: it is committed, not pending.
    raw = sqlite3.connect(library_path)
    row = raw.execute("SELECT client, goal_target FROM workshops WHERE id = ?", (w.id,)).fetchone()
    raw.close()
    assert row == ("Ünïcode GmbH", "4.80")
    after = repo.get(w.id).updated_at
    assert before is not None and after is not None and after >= before


def test_summaries_are_newest_first_and_skip_deleted(repo: Repository) -> None:
    first, second = new_workshop("First"), new_workshop("Second")
    repo.add(first)
    repo.add(second)
    repo.add_child(first.id, "participants", Participant(name="Ana"), 0)
    assert [s.title for s in repo.summaries()] == ["First", "Second"]
    assert repo.summaries()[0].participant_count == 1
    repo.delete(first.id)
    assert [s.title for s in repo.summaries()] == ["Second"]
    with pytest.raises(UnknownWorkshopError):
        repo.get(first.id)
    repo.restore(first.id)
    assert repo.get(first.id).participants[0].name == "Ana"


TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # no lone surrogates: not valid UTF-8
    max_size=200,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=TEXT.filter(lambda t: t.strip()), name=TEXT, email=TEXT)
def test_any_unicode_is_stored_literally(
    repo: Repository, title: str, name: str, email: str
) -> None:
    w = Workshop(title=title, participants=[Participant(name=name, email=email)])
    repo.add(w)
    loaded = repo.get(w.id)
    assert loaded.title == title
    assert loaded.participants[0].name == name
    assert loaded.participants[0].email == email


def test_markup_sql_and_a_100_kb_paste_survive(repo: Repository) -> None:
    nasty = "<b>bold</b> '; DROP TABLE workshops; -- \u202eRTL عربى 🎉 " + "x" * 100_000
    w = new_workshop("Nasty")
    repo.add(w)
    repo.update_workshop(w.id, {"notes": nasty})
    assert repo.get(w.id).notes == nasty
    assert len(repo.summaries()) == 1


def test_library_path_with_spaces_and_non_ascii(tmp_path: Path) -> None:
    folder = tmp_path / "Client files" / "Bibliothèque 東京"
    folder.mkdir(parents=True)
    path = folder / "my library.sqlite3"
    for text in (str(path), f"sqlite:///{path}"):
        repository = open_library(resolve_url(text))
        repository.add(new_workshop(f"via {text[:6]}"))
        repository.close()
    reopened = open_library(resolve_url(str(path)))
    assert len(reopened.summaries()) == 2
    reopened.close()


def test_a_durable_commit_writes_the_log_through_to_the_library_file(
    repo: Repository, library_path: Path
) -> None:
    w = new_workshop("Signed today")
    repo.add(w)
    wal = library_path.with_name(library_path.name + "-wal")
    repo.commit_durably()
    # Everything is in the main file now: a reader that ignores the log still sees it.
    copy = library_path.with_name("main-file-only.sqlite3")
    copy.write_bytes(library_path.read_bytes())
    db = sqlite3.connect(copy)
    assert db.execute("SELECT title FROM workshops").fetchall() == [("Signed today",)]
    db.close()
    assert wal.exists()  # WAL mode stays on; only its content was checkpointed


# -- bit rot inside a stored text: read with U+FFFD, named, never a failure --------------------

TITLE_MARK = "Title-7f3a-Nordlicht Kick-off"
WHAT_MARK = "Commitment-7f3a: 40 MQLs a month, scored A or B"
ROT = b"\xff\xfe\x80\xc0\xc1\xf5\xf8\xfd"  # 8 bytes, none of them valid UTF-8 here


def _rot(path: Path, marker: str, at: int = 6, rot: bytes = ROT) -> None:
    """Overwrite bytes inside the one stored copy of ``marker`` in the library file, the way
    a failing disk would: the page and its record stay as they were."""
    data = bytearray(path.read_bytes())
    needle = marker.encode("utf-8")
    assert data.count(needle) == 1, marker
    start = data.index(needle) + at
    data[start : start + len(rot)] = rot
    path.write_bytes(bytes(data))


def _stored_damaged(library_path: Path) -> Workshop:
    w = build_demo_workshop(date(2026, 11, 23))
    w.versions = []
    w.title = TITLE_MARK
    w.commitments[0].what = WHAT_MARK
    w.kpis[0].target = Decimal("123456789")
    repo = open_library(resolve_url(str(library_path)))
    try:
        repo.add(w)
    finally:
        repo.close()  # the last connection checkpoints the journal into the file
    _rot(library_path, TITLE_MARK)
    _rot(library_path, WHAT_MARK)
    _rot(library_path, "123456789", at=2, rot=b"\xff\xfe")
    db = sqlite3.connect(library_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"  # it cannot see it
    finally:
        db.close()
    return w


def test_damaged_text_is_read_with_replacement_characters_and_named(library_path: Path) -> None:
    from storage.text_decoding import damage_warning
    from workshop.agreement import canonical, compose
    from workshop.portable import dumps

    stored = _stored_damaged(library_path)
    repo = open_library(resolve_url(str(library_path)))
    try:
        listed = repo.summaries()
        assert "\ufffd" in listed[0].title and type(listed[0].title) is str
        assert repo.damaged(stored.id) == ["“title”"]
        w = repo.get(stored.id)
        assert w.title.startswith("Title-") and "\ufffd" in w.title and type(w.title) is str
        assert w.title.endswith("ht Kick-off")
        assert "\ufffd" in w.commitments[0].what and w.commitments[0].what.endswith("or B")
        assert w.kpis[0].target is not None and w.kpis[0].target.is_nan()
        assert w.participants == stored.participants  # everything else as stored
        assert repo.damaged(stored.id) == [
            "“title”",
            "“what” of item 1 of commitments",
            "“target” of item 1 of KPIs",
        ]
        assert damage_warning(repo.damaged(stored.id), w.title).startswith("Some text of “Title-")
        canonical(compose(w))  # the agreement composes
        dumps(w)  # and the workshop exports
        repo.update_workshop(stored.id, {"title": "Mended"})
        repo.get(stored.id)
        assert repo.damaged(stored.id) == [
            "“what” of item 1 of commitments",
            "“target” of item 1 of KPIs",
        ]
    finally:
        repo.close()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rot=st.binary(min_size=8, max_size=8), at=st.integers(0, 20))
def test_any_eight_bytes_inside_a_stored_text_never_stop_a_read(
    tmp_path_factory: pytest.TempPathFactory, rot: bytes, at: int
) -> None:
    from workshop.portable import dumps

    library = tmp_path_factory.mktemp("rot") / "library.sqlite3"
    w = build_demo_workshop(date(2026, 11, 23))
    w.versions = []
    w.title = TITLE_MARK
    repo = open_library(resolve_url(str(library)))
    try:
        repo.add(w)
    finally:
        repo.close()
    _rot(library, TITLE_MARK, at=at, rot=rot)
    repo = open_library(resolve_url(str(library)))
    try:
        back = repo.get(w.id)
        dumps(back)
        assert len(back.title) <= len(TITLE_MARK)
        if "\ufffd" in back.title and "\ufffd" not in rot.decode("utf-8", "ignore"):
            assert repo.damaged(w.id) == ["“title”"]
    finally:
        repo.close()


def test_damaged_json_reads_as_nothing_and_is_named(library_path: Path) -> None:
    w = build_demo_workshop(date(2026, 11, 23))
    w.versions = [
        AgreementVersion(
            number=1,
            signatories=[
                Signatory(
                    name="Zoë Müller",
                    signature=Signature(
                        kind=SignatureKind.DRAWN, strokes=[[(0.4242, 0.5), (0.6, 0.7)]]
                    ),
                )
            ],
        )
    ]
    w.votes[0].tallies = {o: 9191917 + i for i, o in enumerate(w.votes[0].options)}
    repo = open_library(resolve_url(str(library_path)))
    try:
        repo.add(w)
    finally:
        repo.close()
    _rot(library_path, "0.4242", at=0, rot=b"\xff\xfe")
    _rot(library_path, "9191917", at=0, rot=b"\xc0")
    repo = open_library(resolve_url(str(library_path)))
    try:
        back = repo.get(w.id)
        signature = back.versions[0].signatories[0].signature
        assert signature is not None and signature.strokes == []
        assert back.votes[0].tallies == {} and back.votes[0].options == w.votes[0].options
        assert repo.damaged(w.id) == [
            "“tallies” of item 1 of votes",
            "“signature.strokes” of signatory 1 of item 1 of agreement versions",
        ]
    finally:
        repo.close()
