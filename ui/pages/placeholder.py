"""A step whose editing screens are not part of this version: its purpose and, read-only,
what the room has captured for it so far."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFormLayout, QLabel

from ui import theme
from ui.document import WorkshopDocument
from ui.i18n import tr
from ui.pages.base import StepPage, card
from ui.text import shorten
from workshop.steps import Step
from workshop.summary import captured

_LATER = {
    Step.AGREEMENT: "Composing, signing and printing the agreement arrives in a later version "
    "of Accord.",
}


class PlaceholderPage(StepPage):
    def __init__(
        self, step: Step, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None
    ) -> None:
        self.step = step
        super().__init__(doc, stack, parent)
        box, layout = card(tr("Not in this version yet"))
        note = tr(
            _LATER.get(
                step,
                "Editing this step arrives in a later version of Accord. What the room has "
                "captured for it so far is shown below.",
            )
        )
        text = theme.apply(QLabel(note), theme.Type.BODY, theme.Tone.NEUTRAL)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.body.addWidget(box)

        self.captured_box, captured_layout = card(tr("Captured so far"))
        self.lines = QFormLayout()
        self.lines.setHorizontalSpacing(theme.Space.L)
        self.lines.setVerticalSpacing(theme.Space.S)
        captured_layout.addLayout(self.lines)
        self.body.addWidget(self.captured_box)
        self.body.addStretch(1)
        doc.field_changed.connect(self.refresh)
        doc.children_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: Any) -> None:
        while self.lines.rowCount():
            self.lines.removeRow(0)
        lines = captured(self.doc.workshop, self.step)
        for label, value in lines:
            name = theme.apply(QLabel(shorten(label, 60)), theme.Type.LABEL)
            shown = QLabel(shorten(value, 600))
            for widget in (name, shown):
                widget.setTextFormat(Qt.TextFormat.PlainText)
                widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            self.lines.addRow(name, shown)
        self.captured_box.setVisible(bool(lines))
