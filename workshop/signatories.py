"""Who signs: the leads the room suggests as signatories."""

from __future__ import annotations

from workshop.model import Signatory, Team, Workshop

SIGNING_TEAMS = (Team.SALES, Team.MARKETING)


def leads_from_the_room(workshop: Workshop) -> list[Signatory]:
    """One new signatory for each of sales and marketing that has none yet: the first named
    participant of that team whose title says "head" (else the first named one), unless
    that person already signs. Empty when there is no one left to add."""
    signing = {s.name.strip().casefold() for s in workshop.signatories}
    teams = {s.team for s in workshop.signatories}
    chosen = []
    for team in SIGNING_TEAMS:
        if team in teams:
            continue
        people = [p for p in workshop.participants if p.team is team and p.name.strip()]
        people.sort(key=lambda p: "head" not in p.title.casefold())
        for person in people:
            if person.name.strip().casefold() not in signing:
                chosen.append(Signatory(name=person.name, title=person.title, team=team))
                break
    return chosen
