"""Dot voting: starting a vote, adding each participant's dots, ranking the result.

Only the total per option is stored with the workshop (``Vote.tallies``); a participant's
own dots are checked against the vote's rules as they are entered and then added in.
Ranking uses standard competition ranking: options with the same dots share a place and
the next place is skipped (1, 2, 2, 4).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from workshop.errors import ValidationError
from workshop.i18n import _
from workshop.model import Vote, Workshop
from workshop.text import fold

MOST_DOTS = 20  # per participant
MOST_OPTIONS = 40


@dataclass(frozen=True)
class Ranked:
    option: str
    dots: int
    place: int  # 1 = most dots; options with equal dots share a place
    tied: bool  # another option has the same dots


def clean_options(lines: list[str]) -> list[str]:
    """The options as stored: trimmed, blanks and repeats (ignoring case and accents)
    dropped, in the order given."""
    options: list[str] = []
    seen: set[str] = set()
    for line in lines:
        option = " ".join(line.split())
        if option and fold(option) not in seen:
            options.append(option)
            seen.add(fold(option))
    if len(options) < 2:
        raise ValidationError(
            _("A vote needs at least two different options: add one per line."), field="options"
        )
    if len(options) > MOST_OPTIONS:
        raise ValidationError(
            _("A vote can have at most {most} options; split it into two votes.").format(
                most=MOST_OPTIONS
            ),
            field="options",
        )
    return options


def start_vote(subject: str, options: list[str], dots_per_participant: int) -> Vote:
    """A new vote, not yet revealed, with no dots placed."""
    subject = " ".join(subject.split())
    if not subject:
        raise ValidationError(_("Say what the room is voting on."), field="subject")
    if not 1 <= dots_per_participant <= MOST_DOTS:
        raise ValidationError(
            _("Give each participant from 1 to {most} dots.").format(most=MOST_DOTS),
            field="dots_per_participant",
        )
    cleaned = clean_options(options)
    return Vote(
        subject=subject,
        dots_per_participant=dots_per_participant,
        options=cleaned,
        tallies=dict.fromkeys(cleaned, 0),
    )


def _check_counts(vote: Vote, dots: Mapping[str, int]) -> None:
    unknown = [option for option in dots if option not in vote.options]
    if unknown:
        raise ValidationError(
            _("“{option}” is not one of this vote's options.").format(option=unknown[0])
        )
    negative = [option for option, n in dots.items() if n < 0]
    if negative:
        raise ValidationError(_("Dots cannot be negative (“{option}”).").format(option=negative[0]))


def add_ballot(vote: Vote, dots: Mapping[str, int]) -> dict[str, int]:
    """The tallies after one participant places ``dots`` (option -> dots).

    A participant may use fewer dots than allowed, never more; the vote is unchanged.
    """
    _check_counts(vote, dots)
    used = sum(dots.values())
    if used > vote.dots_per_participant:
        raise ValidationError(
            _(
                "That is {used} dots; each participant has {most}. Take some away and record again."
            ).format(used=used, most=vote.dots_per_participant),
            field="tallies",
        )
    if used == 0:
        raise ValidationError(
            _("No dots placed yet: give at least one option a dot."), field="tallies"
        )
    tallies = {option: vote.tallies.get(option, 0) for option in vote.options}
    for option, n in dots.items():
        tallies[option] += n
    return tallies


def set_totals(vote: Vote, totals: Mapping[str, int]) -> dict[str, int]:
    """The tallies when the room counted the dots itself (a total per option)."""
    _check_counts(vote, totals)
    return {option: totals.get(option, 0) for option in vote.options}


def ranking(vote: Vote) -> list[Ranked]:
    """The options, most dots first; equal dots keep the order the options were listed in."""
    counts = [(option, max(vote.tallies.get(option, 0), 0)) for option in vote.options]
    ordered = sorted(counts, key=lambda pair: -pair[1])  # stable: listed order breaks ties
    totals = [n for _option, n in ordered]
    return [Ranked(option, n, totals.index(n) + 1, totals.count(n) > 1) for option, n in ordered]


def leaders(vote: Vote) -> list[str]:
    """The option(s) in first place, or none while no dot has been placed."""
    ranked = ranking(vote)
    if not ranked or ranked[0].dots == 0:
        return []
    return [r.option for r in ranked if r.place == 1]


def dots_placed(vote: Vote) -> int:
    return sum(max(n, 0) for n in vote.tallies.values())


def outcome(vote: Vote) -> str:
    """One sentence saying how the vote came out (or that it is still open)."""
    if not vote.revealed:
        return _("Voting still open ({dots} dots placed).").format(dots=dots_placed(vote))
    top = leaders(vote)
    if not top:
        return _("No dots were placed.")
    if len(top) == 1:
        return _("“{option}” came first.").format(option=top[0])
    return _("Tie for first place: {options}.").format(options=", ".join(f"“{o}”" for o in top))


def candidate_lists(workshop: Workshop) -> dict[str, list[str]]:
    """Lists in the workshop the room may want to prioritise, by name (empty ones left out)."""
    lists = {
        _("Team objectives"): [o.statement for o in workshop.objectives],
        _("Overlap activities"): [a.name for a in workshop.activities],
        _("Open parking-lot items"): [p.text for p in workshop.parking_lot if not p.resolved],
        _("Commitments"): [c.what for c in workshop.commitments],
        _("Shared KPIs"): [k.name for k in workshop.kpis],
    }
    return {
        name: [" ".join(t.split()) for t in texts if t.strip()]
        for name, texts in lists.items()
        if any(t.strip() for t in texts)
    }
