"""The panel beside a step page: the facilitator's guidance and the step's gaps.

Gaps are links: activating one takes the keyboard to the field that closes it.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QToolButton, QVBoxLayout, QWidget

from ui.common import theme
from ui.common.i18n import tr
from workshop.gaps import Gap
from workshop.guidance import Guidance

MAX_SHOWN = 8


def _plain(text: str, kind: theme.Type = theme.Type.BODY, tone: Any = None) -> QLabel:
    label = theme.apply(QLabel(text), kind, tone)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class GuidanceBox(QFrame):
    """Purpose, questions for the room and an example; folds to its purpose."""

    def __init__(self, guidance: Guidance, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.Space.L, theme.Space.M, theme.Space.L, theme.Space.M)
        layout.setSpacing(theme.Space.S)
        self.toggle = QToolButton()
        self.toggle.setText(tr("Guidance"))
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setFont(theme.font(theme.Type.SUBTITLE))
        self.toggle.setAccessibleName(tr("Show or hide the questions for the room"))
        self.toggle.setObjectName("Disclosure")
        self.toggle.toggled.connect(
            lambda on: self.toggle.setArrowType(
                Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow
            )
        )
        layout.addWidget(self.toggle)
        layout.addWidget(_plain(guidance.purpose))
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(theme.Space.XS)
        details.addWidget(_plain(tr("Ask the room"), theme.Type.LABEL))
        for n, question in enumerate(guidance.questions, start=1):
            details.addWidget(_plain(f"{n}. {question}"))
        details.addSpacing(theme.Space.XS)
        details.addWidget(_plain(tr("A good answer looks like"), theme.Type.LABEL))
        details.addWidget(_plain(guidance.example, theme.Type.BODY, theme.Tone.NEUTRAL))
        layout.addWidget(self.details)
        self.toggle.toggled.connect(self.details.setVisible)


class GapBox(QFrame):
    """What the step still lacks; each line takes you to the field that closes it."""

    activated = Signal(str)  # a gap's target

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(theme.Space.L, theme.Space.M, theme.Space.L, theme.Space.M)
        self.rows.setSpacing(theme.Space.XS)
        self.title = theme.apply(QLabel(), theme.Type.SUBTITLE)
        self.rows.addWidget(self.title)
        self._lines: list[QWidget] = []

    def show_gaps(self, gaps: list[Gap]) -> None:
        for widget in self._lines:
            self.rows.removeWidget(widget)
            widget.deleteLater()
        self._lines = []
        if not gaps:
            self.title.setText(tr("No gaps"))
            done = _plain(tr("Nothing is missing on this step."), tone=theme.Tone.GOOD)
            self._lines.append(done)
        else:
            self.title.setText(tr("Gaps ({n})").format(n=len(gaps)))
            color = theme.tone(theme.Tone.GAP).name()
            for gap in gaps[:MAX_SHOWN]:
                # Rich text only for the link itself; the message (it may quote what was
                # typed) is escaped, so it shows literally.
                link = QLabel(
                    f"<a href='{html.escape(gap.target)}' style='color:{color}'>"
                    f"{html.escape(gap.message)}</a>"
                )
                link.setTextFormat(Qt.TextFormat.RichText)
                link.setWordWrap(True)
                link.setTextInteractionFlags(
                    Qt.TextInteractionFlag.LinksAccessibleByMouse
                    | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                )
                link.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                link.setToolTip(tr("Go to the field"))
                link.setAccessibleName(gap.message)
                link.linkActivated.connect(lambda _h, t=gap.target: self.activated.emit(t))
                self._lines.append(link)
            if len(gaps) > MAX_SHOWN:
                more = tr("… and {n} more.").format(n=len(gaps) - MAX_SHOWN)
                self._lines.append(_plain(more, theme.Type.CAPTION, theme.Tone.NEUTRAL))
        for widget in self._lines:
            self.rows.addWidget(widget)
