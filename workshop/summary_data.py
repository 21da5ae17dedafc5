"""The workshop summary people take home, prepared for printing: every figure worked out and
every label resolved to text, so the renderer only lays it out.

:func:`prepare_summary` reads a :class:`~workshop.model.Workshop` once and returns a
:class:`SummaryData` that holds no reference to it (frozen, and safe to hand to another
thread or process).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workshop.action_items import ActionRow, action_rows, by_owner, step_title
from workshop.model import Team, Workshop
from workshop.outcomes import AgendaPlan, agenda_plan, decisions
from workshop.steps import STEP_INFO, STEPS, Step
from workshop.summary import Line, captured
from workshop.voting import Ranked, dots_placed, outcome, ranking


@dataclass(frozen=True)
class Person:
    """Someone in the room, as the summary names them."""

    name: str
    team: Team


@dataclass(frozen=True)
class StepOutcome:
    """What one step produced, as labelled lines (none: nothing captured yet)."""

    title: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class VoteResult:
    subject: str
    outcome: str  # one sentence: who leads, or that the vote is still open
    dots_placed: int
    dots_per_participant: int
    revealed: bool
    ranking: tuple[Ranked, ...]  # empty until the result is revealed
    options: int


@dataclass(frozen=True)
class ParkedIssue:
    text: str
    raised_in: str  # the step's title, or ""
    resolved: bool


@dataclass(frozen=True)
class SummaryData:
    title: str
    client: str
    date: dt.date | None
    location: str
    facilitator: str
    people: tuple[Person, ...]  # the named participants, in the room's order
    today: dt.date  # the summary's "as of" day; it decides what is overdue
    agenda: AgendaPlan
    outcomes: tuple[StepOutcome, ...]  # each step but the room, in step order
    votes: tuple[VoteResult, ...]
    decisions: tuple[tuple[str, str], ...]  # (kind, decision)
    actions: tuple[tuple[str, tuple[ActionRow, ...]], ...]  # by owner
    parking_lot: tuple[ParkedIssue, ...]  # open issues first


def _vote(workshop: Workshop, index: int) -> VoteResult:
    vote = workshop.votes[index]
    return VoteResult(
        subject=vote.subject,
        outcome=outcome(vote),
        dots_placed=dots_placed(vote),
        dots_per_participant=vote.dots_per_participant,
        revealed=vote.revealed,
        ranking=tuple(ranking(vote)) if vote.revealed else (),
        options=len(vote.options),
    )


def prepare_summary(workshop: Workshop, today: dt.date) -> SummaryData:
    """The summary of ``workshop`` as of ``today``."""
    w = workshop
    return SummaryData(
        title=w.title,
        client=w.client,
        date=w.date,
        location=w.location,
        facilitator=w.facilitator,
        people=tuple(Person(p.name, p.team) for p in w.participants if p.name),
        today=today,
        agenda=agenda_plan(w),
        outcomes=tuple(
            StepOutcome(STEP_INFO[step].title, tuple(captured(w, step)))
            for step in STEPS
            if step is not Step.ROOM
        ),
        votes=tuple(_vote(w, n) for n in range(len(w.votes))),
        decisions=tuple(decisions(w)),
        actions=tuple((owner, tuple(rows)) for owner, rows in by_owner(action_rows(w, today))),
        parking_lot=tuple(
            ParkedIssue(p.text, step_title(p.step), p.resolved)
            for p in sorted(w.parking_lot, key=lambda p: p.resolved)  # open ones first
        ),
    )
