"""The agreement snapshot: composed from a workshop, one canonical text, one digest."""

from __future__ import annotations

import copy
import json
import random
import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.agreement import (
    Agreement,
    SnapshotError,
    canonical,
    compose,
    digest,
    from_snapshot,
    open_points,
    short_digest,
)
from workshop.demo import build_demo_workshop
from workshop.model import Signatory, Team, Workshop

DAY = date(2026, 11, 23)


def test_demo_agreement_holds_every_section() -> None:
    w = build_demo_workshop(DAY)
    a = compose(w)
    assert a.title == w.title
    assert a.goal.target == w.goal.target
    assert (a.funnel.deals, a.funnel.sqls, a.funnel.mqls, a.funnel.mqls_per_month) == (
        27,
        108,
        432,
        36,
    )
    assert [d.stage for d in a.definitions] == [d.stage for d in w.definitions]
    assert [r.activity for r in a.raci] == [x.name for x in w.activities]
    assert len(a.commitments) == len(w.commitments)
    assert len(a.kpis) == len(w.kpis)
    assert len(a.meetings) == len(w.meetings)
    assert len(a.escalation) == len(w.escalation)
    assert [s.name for s in a.signatories] == [s.name for s in w.signatories]
    assert a.parties == tuple(p.name for p in w.parties)


def test_raci_cells_name_parties_and_put_accountable_first() -> None:
    w = build_demo_workshop(DAY)
    a = compose(w)
    cells = [cell for row in a.raci for cell in row.roles]
    assert cells, "the demo has roles"
    assert {c.party for c in cells} <= set(a.parties)
    assert all(c.roles.split("/")[0] in "ARCI" for c in cells)
    assert not any(c.roles.startswith("R/A") for c in cells)


def test_same_content_same_digest_whatever_the_ids() -> None:
    w = build_demo_workshop(DAY)
    twin = copy.deepcopy(w)
    for item in twin.kpis + twin.definitions:  # ids never reach the agreement
        item.id = "x" + item.id[1:]
    assert digest(compose(w)) == digest(compose(twin))
    assert len(digest(compose(w))) == 64


def test_digest_is_pinned_for_a_fixed_agreement() -> None:
    """Same content, same digest on every machine: the canonical text is fixed byte for byte."""
    a = Agreement(title="Ünïcode Ltd", term_months=12, goal=compose(Workshop()).goal)
    text = canonical(a)
    assert text.startswith('{"client":"","commitments":[],"definitions":[]')
    assert '"term_months":12' in text and '"title":"Ünïcode Ltd"' in text
    assert digest(a) == digest(from_snapshot(text))


def test_canonical_text_does_not_depend_on_dict_order() -> None:
    text = canonical(compose(build_demo_workshop(DAY)))
    data = json.loads(text)
    keys = list(data)
    random.Random(4).shuffle(keys)
    shuffled = json.dumps({k: data[k] for k in keys}, ensure_ascii=False)
    assert canonical(from_snapshot(shuffled)) == text


def test_unicode_is_normalised_to_nfc() -> None:
    w = Workshop(title=unicodedata.normalize("NFD", "Café Müller"))
    nfc = Workshop(title="Café Müller")
    assert canonical(compose(w)) == canonical(compose(nfc))


def test_numbers_have_one_spelling() -> None:
    a, b = Workshop(), Workshop()
    a.goal.target, b.goal.target = Decimal("1.50"), Decimal("1.5")
    assert digest(compose(a)) == digest(compose(b))
    a.goal.target, b.goal.target = Decimal("1E+6"), Decimal("1000000")
    assert digest(compose(a)) == digest(compose(b))
    assert '"target":"1000000"' in canonical(compose(a))


def test_a_change_changes_the_digest() -> None:
    w = build_demo_workshop(DAY)
    before = digest(compose(w))
    w.kpis[0].target = (w.kpis[0].target or Decimal(0)) + 1
    assert digest(compose(w)) != before


def test_snapshot_round_trip_is_exact() -> None:
    a = compose(build_demo_workshop(DAY))
    assert from_snapshot(canonical(a)) == a


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        '{"format": "something-else"}',
        '{"format": "accord-agreement/1", "title": 3}',
        '{"format": "accord-agreement/1", "goal": {"target": "lots"}}',
        '{"format": "accord-agreement/1", "effective_date": "2026-13-01"}',
        '{"format": "accord-agreement/1", "surprise": 1}',
        '{"format": "accord-agreement/1", "kpis": {"a": 1}}',
        "[" * 100_000,
    ],
)
def test_unreadable_snapshots_are_refused_with_a_sentence(text: str) -> None:
    with pytest.raises(SnapshotError) as caught:
        from_snapshot(text)
    assert caught.value.message.endswith(".")


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=60, deadline=None)
@given(title=texts, what=texts, name=texts)
def test_any_text_round_trips_and_digests_stably(title: str, what: str, name: str) -> None:
    w = build_demo_workshop(DAY)
    w.title, w.commitments[0].what, w.signatories[0].name = title, what, name
    a = compose(w)
    again = from_snapshot(canonical(a))
    assert canonical(again) == canonical(a)
    assert digest(again) == digest(a)
    assert again.title == unicodedata.normalize("NFC", title)


def test_open_points_for_an_empty_workshop_name_what_matters() -> None:
    messages = [g.message for g in open_points(Workshop())]
    assert "Give the shared goal a target number." in messages
    assert "Marketing has made no commitment yet." in messages
    assert "Sales has made no commitment yet." in messages
    assert "Add the people who sign." in messages
    assert "Give the agreement an effective date." in messages
    assert compose(Workshop()).contains_open_points


def test_signatories_need_sales_and_marketing() -> None:
    w = build_demo_workshop(DAY)
    assert open_points(w) == []
    w.signatories = [Signatory(name="Only Sales", team=Team.SALES)]
    assert [g.message for g in open_points(w)] == ["Add a signatory from marketing."]


def test_short_digest_groups_sixteen_digits() -> None:
    assert short_digest("0123456789abcdef" * 4) == "0123 4567 89ab cdef"


# -- numbers stored before the limits: any Decimal composes, spells and reads back ------------


def _spelled_before(value: Decimal) -> str:
    """How the canonical text spelled a number before it learnt the odd ones (kept for every
    number it could spell, so no signed digest changes)."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


ANY_DECIMAL = st.decimals(allow_nan=True, allow_infinity=True) | st.sampled_from(
    [
        Decimal("1E+28"),
        Decimal("1E+40"),
        Decimal("-1E+120"),
        Decimal("1E+120"),
        Decimal("1E-120"),
        Decimal("1E+121"),
        Decimal("1E+999999999"),
        Decimal("-0"),
        Decimal("-0.000"),
        Decimal("0E+500"),
        Decimal("NaN"),
        Decimal("-NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        Decimal("-Infinity"),
        Decimal("123456789012345678901234567890123"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(value=ANY_DECIMAL)
def test_any_stored_number_has_one_canonical_spelling(value: Decimal) -> None:
    a = Agreement(goal=compose(Workshop()).goal.__class__(target=value))
    text = canonical(a)  # never raises
    spelled = json.loads(text)["goal"]["target"]
    assert len(spelled) < 200
    assert canonical(from_snapshot(text)) == text  # a signed text always reads back
    if value.is_nan():
        assert spelled == "NaN"
    elif value.is_infinite():
        assert spelled == ("-Infinity" if value < 0 else "Infinity")
    elif value and abs(value.adjusted()) > 120:
        assert Decimal(spelled) == value and "E" in spelled
    else:
        assert "E" not in spelled and "e" not in spelled
        if len(value.as_tuple().digits) <= 28:
            assert Decimal(spelled) == value  # exact
        try:
            before = _spelled_before(value)
        except ArithmeticError:
            assert Decimal(spelled) == value  # a whole number too long for 28 digits
        else:
            assert spelled == before


def test_a_huge_target_composes_and_reads_back() -> None:
    w = build_demo_workshop(DAY)
    w.goal.target = Decimal("1E+28")
    w.kpis[0].target = Decimal("-1E+30")
    w.funnel.revenue_target = Decimal("1E+40")
    text = canonical(compose(w))
    assert '"target":"10000000000000000000000000000"' in text
    again = from_snapshot(text)
    assert again.goal.target == Decimal("1E+28")
    assert again.funnel.revenue_target == Decimal("1E+40")


def test_odd_words_other_than_the_canonical_ones_are_still_refused() -> None:
    for word in ("nan", "inf", "sNaN", "-nan"):
        text = canonical(Agreement()).replace('"target":null', f'"target":"{word}"', 1)
        with pytest.raises(SnapshotError):
            from_snapshot(text)
