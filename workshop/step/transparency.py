"""Step 5 — Transparency: what each side shares, how often, and in which meetings."""

from __future__ import annotations

from workshop.i18n import _
from workshop.model import Meeting, SharingItem, SharingKind, Team, Workshop
from workshop.step.common import TEAM_NAMES, item_path, named, one_line
from workshop.step.spec import (
    AgendaDefault,
    Gap,
    Guidance,
    Line,
    MoveTarget,
    Presenter,
    Step,
    StepSpec,
)


def _started(w: Workshop) -> bool:
    return bool(w.sharing or w.meetings or w.shadowing or w.allies or w.announcement.strip())


def _gaps(w: Workshop) -> list[Gap]:
    gaps = []
    shared = {(s.from_team, s.to_team) for s in w.sharing if s.what.strip()}
    for a, b, text in (
        (Team.SALES, Team.MARKETING, _("Nothing flows from sales to marketing yet.")),
        (Team.MARKETING, Team.SALES, _("Nothing flows from marketing to sales yet.")),
    ):
        if (a, b) not in shared:
            gaps.append(Gap(Step.TRANSPARENCY, text, "sharing"))
    if not any(s.kind is SharingKind.FEEDBACK for s in w.sharing if s.what.strip()):
        gaps.append(
            Gap(
                Step.TRANSPARENCY,
                _("Add a feedback loop (pains, objections, lost deals; campaigns, messaging)."),
                "sharing",
            )
        )
    if not w.meetings:
        gaps.append(Gap(Step.TRANSPARENCY, _("Agree at least one recurring meeting."), "meetings"))
    for m in w.meetings:
        if not m.cadence.strip():
            gaps.append(
                Gap(
                    Step.TRANSPARENCY,
                    _("Say how often {name} meets.").format(name=named(m.title, _("a meeting"))),
                    item_path("meetings", m.id, "cadence"),
                )
            )
    if not w.announcement.strip():
        gaps.append(
            Gap(
                Step.TRANSPARENCY,
                _("Plan how the agreement is announced inside the company."),
                "announcement",
            )
        )
    return gaps


def _summary(w: Workshop) -> list[Line]:
    lines: list[Line] = [
        (
            _("{a} → {b}").format(a=TEAM_NAMES[s.from_team], b=TEAM_NAMES[s.to_team]).capitalize(),
            f"{s.what} ({s.frequency})" if s.frequency else s.what,
        )
        for s in w.sharing
        if s.what
    ]
    lines.extend((m.title, m.cadence) for m in w.meetings if m.title)
    return lines


SPEC = StepSpec(
    step=Step.TRANSPARENCY,
    title=_("Transparency"),
    purpose=_(
        "Decide what each side shares, how often, and in which meetings — so progress and "
        "problems are visible before the next review."
    ),
    started=_started,
    gaps=_gaps,
    summary=_summary,
    guidance=Guidance(
        purpose=_(
            "Trust grows when each team can see what the other is doing and hears about problems "
            "early. This step settles what flows in each direction and how often, the meetings "
            "both teams attend, shadowing, allies, and how the agreement is announced."
        ),
        questions=(
            _("Which reports and lead lists does marketing send to sales, and how often?"),
            _(
                "What does sales pass back to marketing about pain points, objections and lost "
                "deals?"
            ),
            _("Which regular meetings will someone from the other team join, and how often?"),
            _("Who will spend half a day shadowing the other team in the next month?"),
            _("Who on each team will champion this agreement and speak up when it slips?"),
            _(
                "How and when do we announce the agreement to everyone else, and who reports on "
                "its progress?"
            ),
        ),
        example=_(
            "Every Monday marketing posts the MQL list and campaign calendar in the shared "
            "channel; every Friday sales sends the five objections heard most that week. One "
            "marketer joins the weekly pipeline call, an SDR joins the monthly campaign review, "
            "and each quarter every marketer spends half a day listening in on sales calls."
        ),
    ),
    agenda=AgendaDefault(_("Transparency: what we share, and when"), 25),
    presenter=Presenter(),
    parking=(
        MoveTarget(Step.TRANSPARENCY, "sharing", _("shared item"), lambda t: SharingItem(what=t)),
        MoveTarget(
            Step.TRANSPARENCY, "meetings", _("meeting"), lambda t: Meeting(title=one_line(t))
        ),
    ),
)
