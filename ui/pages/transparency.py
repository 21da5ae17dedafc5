"""Transparency (not yet editable here: shows what the room captured)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoStack

from ui.document import WorkshopDocument
from ui.pages.placeholder import PlaceholderPage
from workshop.steps import Step


class TransparencyPage(PlaceholderPage):
    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(Step.TRANSPARENCY, doc, stack, parent)
