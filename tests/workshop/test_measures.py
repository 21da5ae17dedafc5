"""Measures: every one survives plain JSON, the workshop file and the agreement snapshot;
anything else is refused in one sentence."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop import measures as ms
from workshop import portable
from workshop.agreement import canonical, compose, digest, from_snapshot
from workshop.demo import build_demo_workshop
from workshop.model import Commitment, Kpi, Workshop

PERS = st.sampled_from(list(ms.Per))
MEASURES: st.SearchStrategy[ms.Measure] = st.one_of(
    st.builds(ms.StageCount, st.sampled_from(list(ms.Stage)), PERS),
    st.sampled_from(ms.CONVERSIONS).flatmap(
        lambda pair: st.builds(ms.Conversion, st.just(pair[0]), st.just(pair[1]), PERS)
    ),
    st.builds(ms.TimeBetween, st.sampled_from(list(ms.Span)), st.none(), st.none(), PERS),
    st.builds(
        ms.TimeBetween,
        st.sampled_from(list(ms.Span)),
        st.integers(1, ms.MAX_WINDOW_HOURS),
        st.decimals(0, 100, places=2).map(
            lambda d: Decimal(
                ms.to_dict(ms.TimeBetween(ms.Span.SQL_TO_WON, 1, d))["at_least_percent"]
            )
        ),
        PERS,
    ),
    st.builds(ms.RevenueWon, st.booleans(), PERS),
    st.just(ms.ByHand()),
)


@given(MEASURES)
def test_any_measure_round_trips_through_json(measure: ms.Measure) -> None:
    data = json.loads(json.dumps(ms.to_dict(measure)))
    assert ms.from_dict(data) == measure
    line = ms.describe(measure)
    assert line and "\n" not in line


@given(MEASURES, MEASURES)
def test_any_measure_round_trips_through_the_file_and_the_snapshot(
    first: ms.Measure, second: ms.Measure
) -> None:
    w = Workshop(title="Measured")
    w.commitments.append(Commitment(what="c", measure=first))
    w.kpis.append(Kpi(name="k", measure=second))
    again = portable.loads(portable.dumps(w))
    assert again.commitments[0].measure == first
    assert again.kpis[0].measure == second
    text = canonical(compose(w))
    agreement = from_snapshot(text)
    assert agreement.commitments[0].measure == first
    assert agreement.kpis[0].measure == second
    assert canonical(agreement) == text


def test_an_agreement_without_measures_keeps_its_text_and_digest() -> None:
    """Snapshots signed before measures existed hold no "measure" key; they read back and
    compose to the same text."""
    w = Workshop(title="Old")
    w.commitments.append(Commitment(what="c", target=Decimal(5)))
    w.kpis.append(Kpi(name="k"))
    text = canonical(compose(w))
    assert '"measure"' not in text
    assert canonical(from_snapshot(text)) == text
    assert digest(from_snapshot(text)) == digest(compose(w))


def test_the_demo_measures_what_the_crm_can_tell() -> None:
    w = build_demo_workshop(date(2026, 11, 2))
    by_what = {c.what: c.measure for c in w.commitments}
    assert by_what["First follow-up of every MQL"] == ms.TimeBetween(
        ms.Span.MQL_TO_FIRST_TOUCH, 24, Decimal(90)
    )
    assert all(c.measure is not None for c in w.commitments)
    assert all(k.measure is not None for k in w.kpis)


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {"kind": "nope"},
        {"kind": ["stage_count"]},
        {"kind": "stage_count", "stage": "lead"},
        {"kind": "stage_count", "extra": 1},
        {"kind": "conversion", "from": "won", "to": "mql"},
        {"kind": "time_between", "within_hours": 24},
        {"kind": "time_between", "within_hours": 0, "at_least_percent": "90"},
        {"kind": "time_between", "within_hours": 24, "at_least_percent": "101"},
        {"kind": "time_between", "within_hours": 24, "at_least_percent": 90},
        {"kind": "revenue_won", "pro_rata_goal": "yes"},
    ],
)
def test_what_is_no_measure_is_refused_in_one_sentence(data: object) -> None:
    with pytest.raises(ms.MeasureError) as caught:
        ms.from_dict(data)
    assert caught.value.message.endswith(".") and "\n" not in caught.value.message


def test_a_workshop_file_with_an_unknown_measure_is_refused_in_one_sentence() -> None:
    w = Workshop(title="t")
    w.kpis.append(Kpi(name="k", measure=ms.ByHand()))
    text = portable.dumps(w).replace('"by_hand"', '"guess"')
    with pytest.raises(portable.ImportFileError) as caught:
        portable.loads(text)
    assert caught.value.message.startswith("“measure” of item 1 of KPIs is not a measure")


def test_a_workshop_file_written_before_measures_still_reads() -> None:
    w = Workshop(title="t")
    w.commitments.append(Commitment(what="c"))
    data = json.loads(portable.dumps(w))
    del data["workshop"]["commitments"][0]["measure"]
    assert portable.loads(json.dumps(data)).commitments[0].measure is None
