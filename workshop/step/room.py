"""Step 0 — Room & agenda: who is in the room, where and when, and the time-boxed agenda."""

from __future__ import annotations

from workshop.i18n import _
from workshop.model import AgendaItem, Team, Workshop
from workshop.step.common import one_line
from workshop.step.spec import (
    AgendaDefault,
    Gap,
    Guidance,
    Line,
    MoveTarget,
    Presenter,
    Step,
    StepSpec,
    WallLines,
)


def _started(w: Workshop) -> bool:
    return bool(
        w.client.strip() or w.date or w.location.strip() or w.facilitator.strip() or w.participants
    )


def _gaps(w: Workshop) -> list[Gap]:
    gaps = []
    if not w.client.strip():
        gaps.append(Gap(Step.ROOM, _("Name the client or company the workshop is for."), "client"))
    if w.date is None:
        gaps.append(Gap(Step.ROOM, _("Set the date of the workshop."), "date"))
    if not w.facilitator.strip():
        gaps.append(Gap(Step.ROOM, _("Say who facilitates the session."), "facilitator"))
    teams = {p.team for p in w.participants if p.name.strip()}
    for team, label in ((Team.SALES, _("sales")), (Team.MARKETING, _("marketing"))):
        if team not in teams:
            gaps.append(
                Gap(
                    Step.ROOM,
                    _("No one from {team} is in the room yet.").format(team=label),
                    "participants",
                )
            )
    return gaps


def _summary(w: Workshop) -> list[Line]:
    return []  # the room is its people and agenda, shown as they are rather than as lines


SPEC = StepSpec(
    step=Step.ROOM,
    title=_("Room & agenda"),
    purpose=_(
        "Who is in the room, where and when you meet, and how the session is time-boxed. "
        "Both teams need a voice here: invite the people who lead and do the work."
    ),
    started=_started,
    gaps=_gaps,
    summary=_summary,
    guidance=Guidance(
        purpose=_(
            "A workshop only holds if the people who own the pipeline on both sides take part "
            "and agree on how the day will run. This step produces the list of participants, "
            "a time-boxed agenda and a few ground rules everyone has heard out loud."
        ),
        questions=(
            _("Who leads sales and who leads marketing, and are both here for the whole session?"),
            _(
                "Who does the daily work on leads (SDRs, account executives, campaign or "
                "marketing ops), and who speaks for them today?"
            ),
            _("Do we need an executive sponsor here to settle disputes and back the result?"),
            _("How much time do we give each step, and who keeps the clock?"),
            _(
                "Which ground rules do we agree on: phones away, no blaming the past, side "
                "topics go to the parking lot?"
            ),
            _("What must be decided before we leave today, and what can wait for a follow-up?"),
        ),
        example=_(
            "Acme GmbH, 14 March, Munich office, 09:00–16:00. Sales: Jana Weber (VP Sales), two "
            "account executives, the SDR lead. Marketing: Tom Berger (CMO), demand-gen manager, "
            "marketing ops. Sponsor: the COO. Goal 45 min, language 60, RACI 60, SLAs 75, "
            "sharing 45, agreement 30. Rule: criticise the process, not the person."
        ),
    ),
    agenda=AgendaDefault(
        _("Welcome, goals for today and ground rules"),
        15,
        _("Introductions; what must be decided before we leave."),
    ),
    presenter=Presenter(lines=WallLines.AGENDA),
    parking=(
        MoveTarget(Step.ROOM, "agenda", _("agenda item"), lambda t: AgendaItem(title=one_line(t))),
    ),
)
