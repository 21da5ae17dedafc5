"""Every step the domain declares has exactly one page, and that page edits that step."""

from __future__ import annotations

from ui.shell.step_pages import PAGES
from ui.steps.page import StepPage
from workshop.steps import SPECS, STEPS


def test_every_declared_step_has_its_page() -> None:
    assert list(PAGES) == list(SPECS) == list(STEPS)
    for step, page in PAGES.items():
        assert issubclass(page, StepPage)
        assert page.step is step, page.__name__
