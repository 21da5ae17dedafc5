"""Step 1 — Shared goal: one measurable goal, the team objectives under it, the reverse funnel."""

from __future__ import annotations

from workshop.dates import long_date
from workshop.funnel import unusual
from workshop.i18n import _
from workshop.model import Objective, Workshop
from workshop.step.common import by_team, item_path, named, number
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
    g, f = w.goal, w.funnel
    funnel = (f.revenue_target, f.average_deal, f.marketing_share, f.mql_to_sql, f.sql_to_won)
    return bool(
        g.statement.strip()
        or g.metric.strip()
        or g.target is not None
        or g.deadline
        or w.objectives
        or any(v is not None for v in funnel)
    )


def _gaps(w: Workshop) -> list[Gap]:
    g, gaps = w.goal, []
    checks = (
        (g.statement.strip(), "goal.statement", _("State the shared goal in one sentence.")),
        (g.metric.strip(), "goal.metric", _("Say how the shared goal is measured (its metric).")),
        (g.target is not None, "goal.target", _("Give the shared goal a target number.")),
        (g.deadline is not None, "goal.deadline", _("Give the shared goal a deadline.")),
    )
    gaps = [Gap(Step.GOAL, message, target) for ok, target, message in checks if not ok]
    if not any(o.supports_goal for o in w.objectives):
        gaps.append(
            Gap(Step.GOAL, _("No team objective supports the shared goal yet."), "objectives")
        )
    for o in w.objectives:
        name = named(o.statement, _("An objective"))
        if not o.supports_goal:
            gaps.append(
                Gap(
                    Step.GOAL,
                    _("{name} is not linked to the shared goal.").format(name=name),
                    item_path("objectives", o.id, "supports_goal"),
                )
            )
        if not o.metric.strip() or o.target is None:
            gaps.append(
                Gap(
                    Step.GOAL,
                    _("{name} needs a metric and a target.").format(name=name),
                    item_path("objectives", o.id, "metric" if not o.metric.strip() else "target"),
                )
            )
    gaps.extend(Gap(Step.GOAL, message, f"funnel.{field}") for field, message in unusual(w.funnel))
    return gaps


def _summary(w: Workshop) -> list[Line]:
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
                f"{len(w.objectives)} ({by_team([o.team for o in w.objectives])})",
            )
        )
    return lines


SPEC = StepSpec(
    step=Step.GOAL,
    title=_("Shared goal"),
    purpose=_(
        "Agree one measurable business goal both teams own, then the objectives each team "
        "sets under it. The reverse funnel turns the goal into the lead volume marketing "
        "commits to."
    ),
    started=_started,
    gaps=_gaps,
    summary=_summary,
    guidance=Guidance(
        purpose=_(
            "Two teams pull together only when they chase the same number, so this step fixes "
            "one measurable goal and the team objectives that feed it. Working the funnel "
            "backwards from the revenue target then gives the monthly MQL volume marketing will "
            "commit to."
        ),
        questions=(
            _(
                "If we could move just one business number this year, which would it be, where "
                "does it stand today, and by when must it change?"
            ),
            _("What share of that number do we expect from deals that marketing sourced?"),
            _("What is our average deal size, and how many SQLs end up as won deals?"),
            _("Out of every ten MQLs, how many does sales turn into SQLs today?"),
            _(
                "Which objective does each team set for itself, and how does each one move the "
                "shared goal?"
            ),
            _("Is there an objective on the wall that serves no goal, or a goal nobody works on?"),
        ),
        example=_(
            "Grow new ARR from 4.0 M to 4.8 M EUR by 31 Dec; marketing-sourced share 60 %. "
            "2.88 M EUR ÷ 40 k EUR average deal = 72 deals; at 25 % SQL→won that is 288 SQLs; "
            "at 30 % MQL→SQL, 960 MQLs, or 80 MQLs a month over 12 months."
        ),
    ),
    agenda=AgendaDefault(
        _("One shared goal and the reverse funnel"),
        35,
        _("Agree the number first, then work the funnel back to monthly MQLs."),
    ),
    presenter=Presenter(funnel=True),
    parking=(
        MoveTarget(Step.GOAL, "objectives", _("team objective"), lambda t: Objective(statement=t)),
    ),
)
