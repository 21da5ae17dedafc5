"""What one signature means: the draft stored at the first, locked at the last, never two
texts' signatures mixed, never a version number used twice."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.model import (
    AgreementVersion,
    Signatory,
    Signature,
    SignatureKind,
    Team,
    VersionStatus,
)
from workshop.signing import SigningRefused, StaleSignatures, sign, stored_draft

NOW = datetime(2026, 11, 24, 10, 30, tzinfo=UTC)


def draft(digest: str = "abc", n: int = 2, number: int = 1) -> AgreementVersion:
    people = [Signatory(name=f"Person {i}", team=Team.SALES) for i in range(n)]
    return AgreementVersion(number=number, snapshot="{}", digest=digest, signatories=people)


def typed(name: str = "Ana") -> Signature:
    return Signature(kind=SignatureKind.TYPED, typed_name=name)


def test_the_first_signature_stores_the_draft_and_changes_nothing_given() -> None:
    d = draft()
    before = copy.deepcopy(d)
    done = sign([], d, 0, typed(), NOW)
    assert done.insert is not None and done.discard is None
    assert done.insert.digest == d.digest and done.insert.created_at == NOW
    assert all(s.signature is None for s in done.insert.signatories)
    assert done.version.id == done.insert.id and done.signatory.id == done.insert.signatories[0].id
    assert done.signatory.signature is not None and done.signatory.signature.signed_at == NOW
    assert done.version.status is VersionStatus.DRAFT and not done.locked
    assert d == before


def test_the_last_signature_locks_the_version() -> None:
    first = sign([], draft(), 0, typed(), NOW).version
    when = datetime(2026, 11, 25, tzinfo=UTC)
    done = sign([first], draft(), 1, Signature(signed_at=when), NOW)
    assert done.insert is None and done.discard is None
    assert done.locked and done.version.status is VersionStatus.SIGNED
    assert done.version.signed_at == when
    assert [s.signature is not None for s in done.version.signatories] == [True, True]
    assert first.status is VersionStatus.DRAFT  # what was given is left as it was


def test_a_changed_text_replaces_an_unsigned_draft_but_not_a_signed_one() -> None:
    unsigned = draft("old")
    done = sign([unsigned], draft("new"), 0, typed(), NOW)
    assert done.discard is unsigned and done.insert is not None
    assert done.insert.digest == "new"
    signed_once = sign([], draft("old"), 0, typed(), NOW).version
    with pytest.raises(StaleSignatures, match="start the signing again"):
        sign([signed_once], draft("new"), 1, typed(), NOW)


def test_refusals() -> None:
    signed = sign([], draft(n=1), 0, typed(), NOW).version
    with pytest.raises(SigningRefused, match="Version 1 of this agreement is already signed"):
        sign([signed], draft(n=1), 0, typed(), NOW)
    first = sign([], draft(), 0, typed(), NOW).version
    with pytest.raises(SigningRefused, match="Person 0 has already signed"):
        sign([first], draft(), 0, typed(), NOW)
    with pytest.raises(SigningRefused, match="not on this agreement version"):
        sign([first], draft(), 2, typed(), NOW)


@given(st.data())
def test_signing_everyone_in_any_order_locks_exactly_at_the_last(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 5))
    order = data.draw(st.permutations(range(n)))
    versions: list[AgreementVersion] = []
    for k, position in enumerate(order, start=1):
        done = sign(versions, draft(n=n), position, typed(), NOW)
        assert (done.insert is not None) == (k == 1)
        assert done.locked == (k == n)
        assert sum(s.signature is not None for s in done.version.signatories) == k
        versions = [done.version]
    assert stored_draft(versions) is None


@given(st.lists(st.sampled_from(["a", "b"]), min_size=1, max_size=6))
def test_a_draft_never_holds_signatures_of_two_texts(digests: list[str]) -> None:
    versions: list[AgreementVersion] = []
    for position, digest in enumerate(digests):
        try:
            done = sign(versions, draft(digest, n=8), position, typed(), NOW)
        except StaleSignatures:
            assert versions and versions[0].digest != digest
            continue
        versions = [done.version]
        assert {versions[0].digest} == {digest}
