"""What a step has captured so far, as short labelled lines (for read-only overviews)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import Decimal

from workshop.dates import long_date
from workshop.i18n import _
from workshop.model import RaciRole, Team, Workshop
from workshop.numbers import exceptional
from workshop.steps import Step

Line = tuple[str, str]

_TEAM = {
    Team.SALES: _("sales"),
    Team.MARKETING: _("marketing"),
    Team.LEADERSHIP: _("leadership"),
    Team.OTHER: _("other"),
}


def number(value: Decimal | int | None) -> str:
    """``1,200`` or ``4.8``: grouped thousands, no trailing zeros; any stored number is
    written, however large or odd (``NaN``, ``1E+200``)."""
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        odd = exceptional(value)
        if odd is not None:
            return odd
        value = value.normalize()
        text = f"{value:,f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return f"{value:,}"


def _by_team(teams: list[Team]) -> str:
    counts = Counter(teams)
    return ", ".join(f"{counts[t]} {_TEAM[t]}" for t in Team if counts[t])


def _goal(w: Workshop) -> list[Line]:
    g = w.goal
    lines: list[Line] = []
    if g.statement:
        lines.append((_("Shared goal"), g.statement))
    if g.metric or g.target is not None:
        target = f"{g.metric}: {number(g.baseline)} → {number(g.target)} {g.unit}".strip()
        if g.deadline:
            target += _(" by {date}").format(date=long_date(g.deadline))
        lines.append((_("Measured as"), target))
    if w.objectives:
        lines.append(
            (
                _("Team objectives"),
                f"{len(w.objectives)} ({_by_team([o.team for o in w.objectives])})",
            )
        )
    return lines


def _language(w: Workshop) -> list[Line]:
    lines: list[Line] = []
    if w.definitions:
        lines.append((_("Lifecycle stages"), " → ".join(d.stage for d in w.definitions)))
    if w.ideal_customer_profile:
        lines.append((_("Ideal customer"), w.ideal_customer_profile))
    if w.personas:
        lines.append((_("Personas"), ", ".join(p.name for p in w.personas)))
    return lines


def _responsibilities(w: Workshop) -> list[Line]:
    if not w.activities:
        return []
    names = {p.id: p.name for p in w.parties}
    lines: list[Line] = []
    for a in w.activities:
        accountable = [
            names.get(party, "?")
            for party, roles in a.roles.items()
            if RaciRole.ACCOUNTABLE in roles
        ]
        lines.append((a.name, _("accountable: {who}").format(who=", ".join(accountable) or "—")))
    return lines


def _accountability(w: Workshop) -> list[Line]:
    lines: list[Line] = []
    for c in w.commitments:
        if not c.what:
            continue
        target = " ".join(t for t in (number(c.target), c.unit, c.period) if t and t != "—")
        lines.append(
            (_TEAM[c.committed_by].capitalize(), f"{c.what} — {target}" if target else c.what)
        )
    if w.kpis:
        lines.append((_("Shared KPIs"), ", ".join(k.name for k in w.kpis)))
    for n, s in enumerate(w.escalation, start=1):
        lines.append(
            (_("Escalation {n}").format(n=n), " — ".join(t for t in (s.what, s.who, s.within) if t))
        )
    return lines


def _transparency(w: Workshop) -> list[Line]:
    lines: list[Line] = [
        (
            _("{a} → {b}").format(a=_TEAM[s.from_team], b=_TEAM[s.to_team]).capitalize(),
            f"{s.what} ({s.frequency})" if s.frequency else s.what,
        )
        for s in w.sharing
        if s.what
    ]
    lines.extend((m.title, m.cadence) for m in w.meetings if m.title)
    return lines


def _agreement(w: Workshop) -> list[Line]:
    lines: list[Line] = []
    if w.signatories:
        names = ", ".join(s.name for s in w.signatories if s.name.strip())
        lines.append((_("Signatories"), names))
    for v in w.versions:
        signed = long_date(v.signed_at.date()) if v.signed_at else ""
        state = _("signed {date}").format(date=signed) if signed else _("being signed")
        lines.append((_("Version {n}").format(n=v.number), state))
    return lines


_SUMMARIES: dict[Step, Callable[[Workshop], list[Line]]] = {
    Step.ROOM: lambda w: [],
    Step.GOAL: _goal,
    Step.LANGUAGE: _language,
    Step.RESPONSIBILITIES: _responsibilities,
    Step.ACCOUNTABILITY: _accountability,
    Step.TRANSPARENCY: _transparency,
    Step.AGREEMENT: _agreement,
}


def captured(workshop: Workshop, step: Step) -> list[Line]:
    """Labelled lines saying what ``step`` holds in ``workshop`` (empty if nothing yet)."""
    return _SUMMARIES[step](workshop)
