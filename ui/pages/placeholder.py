"""A step whose capture screens are not part of this version: its purpose, and what's next."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel

from ui import theme
from ui.document import WorkshopDocument
from ui.i18n import tr
from ui.pages.base import StepPage, card
from workshop.steps import Step


def placeholder_page(
    step: Step, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None
) -> StepPage:
    page_class = type(f"{step.name.title()}Placeholder", (StepPage,), {"step": step})
    page: StepPage = page_class(doc, stack, parent)
    box, layout = card(tr("Not in this version yet"))
    text = theme.apply(
        QLabel(
            tr(
                "Capturing this step in Accord is still to be built. Until then, note what "
                "the room agrees in the workshop notes on the Room & agenda step."
            )
        ),
        theme.Type.BODY,
        theme.Tone.NEUTRAL,
    )
    text.setWordWrap(True)
    layout.addWidget(text)
    page.body.addWidget(box)
    page.body.addStretch(1)
    return page
