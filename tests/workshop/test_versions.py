"""Agreement versions: the live draft, signed versions read from their snapshot, amendments."""

from __future__ import annotations

import datetime as dt
from datetime import date
from decimal import Decimal

import pytest

from workshop.agreement import compose, digest
from workshop.demo import build_demo_workshop
from workshop.demo_history import with_history
from workshop.model import VersionStatus, Workshop
from workshop.versions import (
    UnknownVersionError,
    all_versions,
    changes,
    changes_since_signed,
    current_draft,
    export_target,
)

SIGNED_ON = dt.datetime(2026, 12, 1, 12, 40, tzinfo=dt.UTC)


def demo() -> Workshop:
    return with_history(build_demo_workshop(date(2026, 11, 23)), SIGNED_ON)


def test_nothing_signed_means_a_draft_version_one() -> None:
    w = build_demo_workshop(date(2026, 11, 23))
    draft = current_draft(w)
    assert draft is not None
    assert (draft.number, draft.status) == (1, VersionStatus.DRAFT)
    assert draft.digest == digest(compose(w))
    assert [s.name for s in draft.signatories] == [s.name for s in w.signatories]


def test_demo_has_signed_v1_and_draft_amendment_v2() -> None:
    w = demo()
    versions = all_versions(w)
    assert [(v.number, v.status) for v in versions] == [
        (1, VersionStatus.SIGNED),
        (2, VersionStatus.DRAFT),
    ]
    assert all(s.signature and s.signature.strokes for s in versions[0].signatories)


def test_changes_since_v1_name_each_field() -> None:
    sentences = [c.sentence() for c in changes_since_signed(demo())]
    assert sentences == [
        "Commitments — “First follow-up of every MQL”, target: 48 → 24",
        "KPIs — “Sales-cycle length”: added.",
        "Signatories — “Zoë Müller”: added.",
    ]


def test_signed_version_exports_as_signed_even_after_edits() -> None:
    w = demo()
    w.title = "Renamed afterwards"
    agreement, version = export_target(w, 1)
    assert version.status is VersionStatus.SIGNED
    assert agreement.title == "Sales & Marketing Alignment Offsite"
    assert digest(agreement) == version.digest
    newest, draft = export_target(w)
    assert (draft.number, newest.title) == (2, "Renamed afterwards")


def test_no_draft_when_the_workshop_says_what_was_signed() -> None:
    w = demo()
    for c in w.commitments:
        if c.what == "First follow-up of every MQL":
            c.target = Decimal("48")
    w.kpis = [k for k in w.kpis if k.name != "Sales-cycle length"]
    w.signatories = w.signatories[:2]
    assert current_draft(w) is None
    assert [v.number for v in all_versions(w)] == [1]
    assert export_target(w)[1].number == 1


def test_unknown_version_is_one_sentence() -> None:
    with pytest.raises(UnknownVersionError, match=r"has no agreement version 7 \(it has: 1, 2\)"):
        export_target(demo(), 7)


def test_removed_and_renamed_items() -> None:
    w = build_demo_workshop(date(2026, 11, 23))
    old = compose(w)
    removed = w.definitions.pop()
    w.meetings[0].title = "Renamed meeting"
    found = [c.sentence() for c in changes(old, compose(w))]
    assert f"Definitions — “{removed.stage}”: removed." in found
    assert any(s.startswith("Meetings — “Renamed meeting”, title: ") for s in found)
    assert changes(old, old) == []


def test_situation_composes_once_what_the_separate_calls_give() -> None:
    from workshop.versions import last_signed, situation, stale_signatures

    w = demo()
    now = situation(w)
    assert now.agreement == compose(w)
    assert now.draft is not None and now.draft.digest == digest(compose(w))
    assert now.signed is last_signed(w)
    assert now.stale == stale_signatures(w)
    assert now.changes == changes_since_signed(w)
    assert [v.number for v in now.versions] == [v.number for v in all_versions(w)]
    assert [g.message for g in now.open_points] == list(now.agreement.open_points)
