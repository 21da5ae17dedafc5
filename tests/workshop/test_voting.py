"""Dot voting: rules for starting a vote and placing dots, tallies, ranking and ties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.demo import build_demo_workshop
from workshop.errors import ValidationError
from workshop.model import ParkingLotItem, Vote
from workshop.voting import (
    add_ballot,
    candidate_lists,
    clean_options,
    leaders,
    outcome,
    ranking,
    set_totals,
    start_vote,
)


def test_a_new_vote_has_every_option_at_zero_and_is_hidden() -> None:
    vote = start_vote("  What first? ", ["  A ", "B", "", "A", "C  c"], 3)
    assert vote.subject == "What first?"
    assert vote.options == ["A", "B", "C c"]
    assert vote.tallies == {"A": 0, "B": 0, "C c": 0}
    assert not vote.revealed


@pytest.mark.parametrize(
    ("subject", "options", "dots", "field"),
    [
        ("", ["A", "B"], 3, "subject"),
        ("X", ["A"], 3, "options"),
        ("X", ["A", " a", "A "], 3, "options"),
        ("X", ["A", "B"], 0, "dots_per_participant"),
        ("X", ["A", "B"], 21, "dots_per_participant"),
        ("X", [str(n) for n in range(41)], 3, "options"),
    ],
)
def test_a_vote_that_cannot_work_is_refused_with_a_sentence(
    subject: str, options: list[str], dots: int, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        start_vote(subject, options, dots)
    assert caught.value.field == field
    assert caught.value.message.endswith(".")


def test_ballots_add_up_and_never_exceed_the_dots_per_participant() -> None:
    vote = start_vote("Which first?", ["A", "B", "C"], 3)
    vote.tallies = add_ballot(vote, {"A": 2, "B": 1})
    vote.tallies = add_ballot(vote, {"C": 3})
    vote.tallies = add_ballot(vote, {"A": 1})  # fewer dots than allowed is fine
    assert vote.tallies == {"A": 3, "B": 1, "C": 3}
    before = dict(vote.tallies)
    with pytest.raises(ValidationError, match="4 dots; each participant has 3"):
        add_ballot(vote, {"A": 2, "B": 2})
    with pytest.raises(ValidationError, match="at least one"):
        add_ballot(vote, {"A": 0})
    with pytest.raises(ValidationError, match="negative"):
        add_ballot(vote, {"A": -1, "B": 2})
    with pytest.raises(ValidationError, match="not one of"):
        add_ballot(vote, {"Z": 1})
    assert vote.tallies == before


def test_ranking_puts_most_dots_first_and_ties_share_a_place() -> None:
    vote = Vote(
        subject="s",
        options=["A", "B", "C", "D", "E"],
        tallies={"A": 4, "B": 9, "C": 4, "D": 9, "E": 1},
        revealed=True,
    )
    ranked = [(r.option, r.dots, r.place, r.tied) for r in ranking(vote)]
    assert ranked == [
        ("B", 9, 1, True),
        ("D", 9, 1, True),
        ("A", 4, 3, True),
        ("C", 4, 3, True),
        ("E", 1, 5, False),
    ]
    assert leaders(vote) == ["B", "D"]
    assert outcome(vote) == "Tie for first place: “B”, “D”."


def test_a_clear_winner_and_an_empty_vote() -> None:
    vote = Vote(subject="s", options=["A", "B"], tallies={"A": 1, "B": 5}, revealed=True)
    assert leaders(vote) == ["B"]
    assert outcome(vote) == "“B” came first."
    empty = Vote(subject="s", options=["A", "B"], tallies={}, revealed=True)
    assert leaders(empty) == []
    assert outcome(empty) == "No dots were placed."
    hidden = Vote(subject="s", options=["A", "B"], tallies={"A": 2}, revealed=False)
    assert outcome(hidden) == "Voting still open (2 dots placed)."


def test_totals_counted_by_the_room_replace_the_tallies() -> None:
    vote = start_vote("X", ["A", "B"], 2)
    assert set_totals(vote, {"B": 7}) == {"A": 0, "B": 7}
    with pytest.raises(ValidationError):
        set_totals(vote, {"A": -2})


@given(
    st.lists(st.text(min_size=1, max_size=12), min_size=2, max_size=8, unique=True),
    st.data(),
)
def test_ranking_is_a_permutation_with_consistent_places(
    options: list[str], data: st.DataObject
) -> None:
    try:
        options = clean_options(options)
    except ValidationError:
        return
    counts = data.draw(st.lists(st.integers(0, 30), min_size=len(options), max_size=len(options)))
    vote = Vote(subject="s", options=options, tallies=dict(zip(options, counts, strict=True)))
    ranked = ranking(vote)
    assert sorted(r.option for r in ranked) == sorted(options)
    assert [r.dots for r in ranked] == sorted(counts, reverse=True)
    for r in ranked:
        assert r.place == 1 + sum(1 for n in counts if n > r.dots)
        assert r.tied == (counts.count(r.dots) > 1)


def test_the_room_can_vote_on_the_lists_it_already_has() -> None:
    w = build_demo_workshop(__import__("datetime").date(2026, 11, 23))
    w.parking_lot.append(ParkingLotItem(text="  ", resolved=False))
    lists = candidate_lists(w)
    assert lists["Overlap activities"] == [a.name for a in w.activities]
    assert "Do partner-sourced leads" not in " ".join(lists["Open parking-lot items"])
    assert all(text.strip() for texts in lists.values() for text in texts)
