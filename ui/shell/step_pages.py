"""The page each workshop step is edited on: one entry per step of :mod:`workshop.steps`
(here in the shell, which may use every room: the pages live in steps, room and agreement)."""

from __future__ import annotations

from ui.agreement.page import AgreementPage
from ui.room.page import RoomPage
from ui.steps.accountability import AccountabilityPage
from ui.steps.goal import GoalPage
from ui.steps.language import LanguagePage
from ui.steps.page import StepPage
from ui.steps.responsibilities import ResponsibilitiesPage
from ui.steps.transparency import TransparencyPage
from workshop.steps import Step

PAGES: dict[Step, type[StepPage]] = {
    Step.ROOM: RoomPage,
    Step.GOAL: GoalPage,
    Step.LANGUAGE: LanguagePage,
    Step.RESPONSIBILITIES: ResponsibilitiesPage,
    Step.ACCOUNTABILITY: AccountabilityPage,
    Step.TRANSPARENCY: TransparencyPage,
    Step.AGREEMENT: AgreementPage,
}
