"""The step registry: every step is declared completely, in one place, and whatever differs
from step to step (gaps, summary, guidance, parking targets, the default agenda, the
presenter) follows the declaration."""

from __future__ import annotations

import dataclasses
from datetime import date
from enum import StrEnum

import pytest

from workshop import steps
from workshop.defaults import half_day_agenda
from workshop.demo import build_demo_workshop
from workshop.editing import new_workshop
from workshop.gaps import gaps
from workshop.guidance import guidance
from workshop.model import ActionItem, Workshop
from workshop.parking import MOVE_TARGETS, targets_for
from workshop.progress import completion
from workshop.step.spec import (
    AgendaDefault,
    Completion,
    Gap,
    Guidance,
    MoveTarget,
    Presenter,
    StepSpec,
)
from workshop.steps import SPECS, STEPS, Step
from workshop.summary import captured

EMPTY = new_workshop("Empty")
DEMO = build_demo_workshop(date(2026, 3, 2))


def test_every_step_is_declared_once_in_the_methods_order() -> None:
    assert list(SPECS) == list(Step) == list(STEPS)
    assert all(spec.step is step for step, spec in SPECS.items())


@pytest.mark.parametrize("step", STEPS)
def test_every_spec_is_complete(step: Step) -> None:
    spec = SPECS[step]
    for f in dataclasses.fields(StepSpec):
        assert getattr(spec, f.name) is not None, f.name
    assert spec.title.strip() and len(spec.purpose) > 60
    assert isinstance(spec.guidance, Guidance)
    assert 3 <= len(spec.guidance.questions) <= 6 and spec.guidance.example.strip()
    assert isinstance(spec.agenda, AgendaDefault)
    assert spec.agenda.title.strip() and spec.agenda.minutes > 0
    assert isinstance(spec.presenter, Presenter)
    for w in (EMPTY, DEMO):
        assert isinstance(spec.started(w), bool)
        found = spec.gaps(w)
        assert all(isinstance(g, Gap) and g.step is step for g in found)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in spec.summary(w))


@pytest.mark.parametrize("step", STEPS)
def test_parking_targets_make_items_of_their_own_list(step: Step) -> None:
    for target in SPECS[step].parking:
        assert target.step is step
        item = target.make("  a parked\nthought  ")
        kinds = {type(x) for x in getattr(DEMO, target.collection)}
        assert kinds == {type(item)}, target.collection


def test_everything_a_step_has_goes_with_it() -> None:
    assert list(MOVE_TARGETS) == [t for spec in SPECS.values() for t in spec.parking]
    agenda = [i for i in half_day_agenda() if i.step is not None]
    assert [(i.step, i.title, i.planned_minutes) for i in agenda] == [
        (s.step.value, s.agenda.title, s.agenda.minutes) for s in SPECS.values()
    ]


class Extra(StrEnum):
    FOLLOW_UP = "follow_up"


def _follow_up_gaps(w: Workshop) -> list[Gap]:
    if w.action_items:
        return []
    return [Gap(Extra.FOLLOW_UP, "Give every action an owner.", "action_items")]  # type: ignore[arg-type]


FOLLOW_UP = StepSpec(
    step=Extra.FOLLOW_UP,  # type: ignore[arg-type]
    title="Follow-up",
    purpose="What happens after the workshop: who reviews what, when, and with whom. " * 2,
    started=lambda w: bool(w.action_items),
    gaps=_follow_up_gaps,
    summary=lambda w: [("Actions", str(len(w.action_items)))],
    guidance=Guidance("Why. What.", ("Who?", "When?", "How?"), "Monthly review."),
    agenda=AgendaDefault("Follow-up: the first review", 20, "Put the date in everyone's diary."),
    presenter=Presenter(),
    parking=(
        MoveTarget(
            Extra.FOLLOW_UP,  # type: ignore[arg-type]
            "action_items",
            "action",
            lambda t: ActionItem(what=t),
        ),
    ),
)


def test_adding_a_step_is_one_declaration(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new step declared once is picked up by gaps, summary, guidance, parking targets,
    the default agenda and the navigator's marks, with no change to any of them."""
    monkeypatch.setitem(SPECS, Extra.FOLLOW_UP, FOLLOW_UP)
    step: Step = Extra.FOLLOW_UP  # type: ignore[assignment]
    w = new_workshop("After")
    assert [g.message for g in gaps(w, step)] == ["Give every action an owner."]
    assert completion(w, step) is Completion.EMPTY
    w.action_items.append(ActionItem(what="Book the review"))
    assert gaps(w, step) == [] and completion(w, step) is Completion.COMPLETE
    assert steps.started(w, step)
    assert captured(w, step) == [("Actions", "1")]
    assert guidance(step) is FOLLOW_UP.guidance
    assert targets_for(step) == list(FOLLOW_UP.parking)
    agenda = half_day_agenda()
    (item,) = [i for i in agenda if i.step == "follow_up"]
    assert (item.title, item.planned_minutes, item.notes) == (
        "Follow-up: the first review",
        20,
        "Put the date in everyone's diary.",
    )
    assert [i.step for i in agenda][-2:] == ["follow_up", None]  # before the wrap-up


def test_a_step_cannot_be_declared_twice() -> None:
    room = SPECS[Step.ROOM]
    with pytest.raises(ValueError, match="twice"):
        steps._declared([room, room])
