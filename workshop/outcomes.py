"""What a workshop produced, prepared for the summary people take home: the agenda as planned
against what it took, and the decisions the room made (vote results, settled parking-lot
issues, signed agreement versions)."""

from __future__ import annotations

from dataclasses import dataclass

from workshop.action_items import step_title
from workshop.dates import long_date
from workshop.i18n import _
from workshop.model import VersionStatus, Workshop
from workshop.voting import outcome


@dataclass(frozen=True)
class AgendaRow:
    title: str
    step: str  # the step's title, or ""
    planned: int
    actual: int | None
    notes: str

    @property
    def difference(self) -> int | None:
        return None if self.actual is None else self.actual - self.planned


@dataclass(frozen=True)
class AgendaPlan:
    rows: list[AgendaRow]
    planned: int
    actual: int  # of the items that have an actual time
    timed: int  # how many items have one

    @property
    def difference(self) -> int:
        """Over (+) or under (−) plan, counting only the items that were timed."""
        return self.actual - sum(r.planned for r in self.rows if r.actual is not None)


def agenda_plan(workshop: Workshop) -> AgendaPlan:
    rows = [
        AgendaRow(
            title=item.title,
            step=step_title(item.step),
            planned=item.planned_minutes,
            actual=item.actual_minutes,
            notes=item.notes,
        )
        for item in workshop.agenda
    ]
    timed = [r for r in rows if r.actual is not None]
    return AgendaPlan(
        rows=rows,
        planned=sum(r.planned for r in rows),
        actual=sum(r.actual or 0 for r in timed),
        timed=len(timed),
    )


def signed_minutes(value: int | None) -> str:
    """``+5 min``, ``−3 min``, ``on time``; an em dash for nothing measured."""
    if value is None:
        return "—"
    if value == 0:
        return _("on time")
    return ("+" if value > 0 else "−") + _("{n} min").format(n=abs(value))


def decisions(workshop: Workshop) -> list[tuple[str, str]]:
    """(kind, what was decided), in the order the room got there."""
    found: list[tuple[str, str]] = []
    for vote in workshop.votes:
        if vote.revealed:
            found.append((_("Vote"), f"{vote.subject} — {outcome(vote)}"))
    for item in workshop.parking_lot:
        if item.resolved:
            where = step_title(item.step)
            text = (
                _("{issue} — settled under {step}").format(issue=item.text, step=where)
                if where
                else item.text
            )
            found.append((_("Parking lot"), text))
    for version in workshop.versions:
        if version.status is VersionStatus.SIGNED:
            when = long_date(version.signed_at.date()) if version.signed_at else ""
            found.append(
                (
                    _("Agreement"),
                    _("Version {n} signed {when}").format(n=version.number, when=when).strip(),
                )
            )
    return found
