"""The leads the room suggests as signatories."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workshop.editing import new_workshop
from workshop.model import Participant, Signatory, Team
from workshop.signatories import leads_from_the_room


def room(*people: Participant, signing: tuple[Signatory, ...] = ()) -> list[Signatory]:
    w = new_workshop("Signing")
    w.participants = list(people)
    w.signatories = list(signing)
    return leads_from_the_room(w)


def test_the_head_of_each_team_before_the_others() -> None:
    chosen = room(
        Participant(name="Ana", title="Account executive", team=Team.SALES),
        Participant(name="Ben", title="Head of Sales", team=Team.SALES),
        Participant(name="Cleo", title="CMO", team=Team.MARKETING),
        Participant(name="Dan", title="Head of Operations", team=Team.OTHER),
    )
    assert [(s.name, s.title, s.team) for s in chosen] == [
        ("Ben", "Head of Sales", Team.SALES),
        ("Cleo", "CMO", Team.MARKETING),
    ]


def test_a_team_already_signing_and_people_already_signing_are_skipped() -> None:
    chosen = room(
        Participant(name="Ana", team=Team.SALES),
        Participant(name="Ben", title="head", team=Team.MARKETING),
        Participant(name="Cleo", team=Team.MARKETING),
        signing=(Signatory(name="Zoe", team=Team.SALES), Signatory(name=" ben ", team=Team.OTHER)),
    )
    assert [s.name for s in chosen] == ["Cleo"]


def test_no_one_left_and_no_names() -> None:
    assert room() == []
    assert room(Participant(name="  ", team=Team.SALES)) == []


people = st.lists(
    st.builds(
        Participant,
        name=st.sampled_from(["Ana", "ana", "Ben", " ", "Cleo"]),
        title=st.sampled_from(["", "Head of Sales", "VP"]),
        team=st.sampled_from(Team),
    ),
    max_size=6,
)


@given(people, people)
def test_at_most_one_new_signatory_per_team_from_the_room(
    participants: list[Participant], signing: list[Participant]
) -> None:
    signatories = tuple(Signatory(name=p.name, team=p.team) for p in signing)
    chosen = room(*participants, signing=signatories)
    teams = [s.team for s in chosen]
    assert len(teams) == len(set(teams)) and set(teams) <= {Team.SALES, Team.MARKETING}
    assert not set(teams) & {s.team for s in signatories}
    already = {s.name.strip().casefold() for s in signatories}
    for s in chosen:
        assert s.name.strip() and s.name.strip().casefold() not in already
        assert any(p.name == s.name and p.team is s.team for p in participants)
