"""What every step page shares: its heading, purpose, a message line and cards."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui import theme
from ui.document import WorkshopDocument
from workshop.steps import STEP_INFO, Step


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


class StepPage(QScrollArea):
    step: Step

    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc, self.stack = doc, stack
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        info = STEP_INFO[self.step]
        self.setAccessibleName(info.title)
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(theme.Space.XXL, theme.Space.XL, theme.Space.XXL, theme.Space.XL)
        outer.setSpacing(theme.Space.L)
        heading = theme.apply(QLabel(info.title), theme.Type.TITLE)
        purpose = theme.apply(QLabel(info.purpose), theme.Type.BODY, theme.Tone.NEUTRAL)
        purpose.setWordWrap(True)
        purpose.setMaximumWidth(820)
        self.message = QLabel()
        self.message.setObjectName("InlineError")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(lambda: self.message.setVisible(False))
        header = QVBoxLayout()
        header.setSpacing(theme.Space.XS)
        header.addWidget(heading)
        header.addWidget(purpose)
        outer.addLayout(header)
        outer.addWidget(self.message)
        self.body = QVBoxLayout()
        self.body.setSpacing(theme.Space.L)
        outer.addLayout(self.body, 1)
        self.setWidget(content)

    def show_message(self, text: str) -> None:
        """A rejected entry, explained next to where it was typed; fades after a while."""
        self.message.setText(text)
        self.message.setVisible(True)
        self._message_timer.start(8000)
