"""What every step page shares: its heading, purpose, a message line and cards."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.common import theme
from ui.common.i18n import tr
from ui.editing.document import WorkshopDocument
from ui.steps.side_panel import GapBox, GuidanceBox
from workshop.gaps import gaps
from workshop.guidance import guidance
from workshop.steps import STEP_INFO, Step

SIDE_WIDTH = 340  # the side panel's width on a wide screen
SIDE_MIN_WIDTH = 260  # ... and on a laptop, where the step's tables need the room


def card(title: str, aside: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A framed section with a heading (and ``aside`` at its right, e.g. a message line);
    returns the frame and its layout."""
    frame = QFrame()
    frame.setObjectName("Card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(theme.Space.L, theme.Space.M, theme.Space.L, theme.Space.L)
    layout.setSpacing(theme.Space.M)
    heading = QHBoxLayout()
    heading.addWidget(theme.apply(QLabel(title), theme.Type.SUBTITLE))
    heading.addStretch(1)
    if aside is not None:
        heading.addWidget(aside)
    layout.addLayout(heading)
    return frame, layout


class StepPage(QWidget):
    """A step: its content (scrolling) and, beside it, guidance and the step's gaps."""

    step: Step
    # Take the user to a field on another step: (step value, gap target).
    elsewhere = Signal(str, str)

    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc, self.stack = doc, stack
        info = STEP_INFO[self.step]
        self.setAccessibleName(info.title)
        # Where each gap target leads: a field path, or a collection's editor.
        self.fields: dict[str, QWidget] = {}
        self.editors: dict[str, Any] = {}

        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(theme.Space.XXL, theme.Space.XL, theme.Space.XL, theme.Space.XL)
        outer.setSpacing(theme.Space.L)
        outer.addWidget(theme.apply(QLabel(info.title), theme.Type.TITLE))
        self.body = QVBoxLayout()
        self.body.setSpacing(theme.Space.L)
        outer.addLayout(self.body, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        self.scroll_area.setAccessibleName(info.title)

        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, theme.Space.XL, theme.Space.XL, theme.Space.XL)
        column.setSpacing(theme.Space.L)
        self.guidance = GuidanceBox(guidance(self.step))
        self.gap_box = GapBox()
        self.gap_box.activated.connect(self.go_to)
        column.addWidget(self.guidance)
        column.addWidget(self.gap_box)
        column.addStretch(1)
        self.side = QScrollArea()
        self.side.setWidgetResizable(True)
        self.side.setFrameShape(QFrame.Shape.NoFrame)
        self.side.setWidget(side)
        self.side.setFixedWidth(SIDE_WIDTH)
        self.side.setAccessibleName(tr("Guidance and gaps"))
        self.side.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.scroll_area, 1)
        row.addWidget(self.side)
        doc.field_changed.connect(self.refresh_gaps)
        doc.children_changed.connect(self.refresh_gaps)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        # Full width from a 1300-pixel page up, narrowing to the minimum at 1100 pixels.
        wanted = int(SIDE_MIN_WIDTH + (self.width() - 1100) * 0.4)
        wanted = max(SIDE_MIN_WIDTH, min(SIDE_WIDTH, wanted))
        if self.side.width() != wanted:
            self.side.setFixedWidth(wanted)

    def refresh_gaps(self, *_args: Any) -> None:
        # Only the page on screen does the work; the others catch up when shown.
        if self.isVisible():
            self.gap_box.show_gaps(gaps(self.doc.workshop, self.step))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh_gaps()

    def go_to(self, target: str) -> None:
        """Take the keyboard to what a gap names: ``path``, ``collection`` or
        ``collection/item-id/field``."""
        collection, _, rest = target.partition("/")
        if collection in self.editors:
            editor = self.editors[collection]
            if rest:
                item_id, _, field = rest.partition("/")
                editor.focus_item(item_id, field)
            else:
                editor.table.setFocus()
            return
        widget = self.fields.get(target)
        if widget is not None:
            self.scroll_area.ensureWidgetVisible(widget)
            widget.setFocus()
