"""The bar above a workshop's steps while the library refuses changes (locked, read-only,
disk full): it says why, keeps every edit in the window and retries, and never takes the
keyboard — a dialog would swallow what the facilitator is typing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ui.common import theme
from ui.common.i18n import tr
from ui.common.icons import pixmap
from ui.editing.document import WorkshopDocument


class SaveProblemBar(QFrame):
    def __init__(self, doc: WorkshopDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("SaveProblemBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(tr("Changes not saved"))
        picture = QLabel()
        picture.setPixmap(pixmap("triangle-alert", 20, theme.tone(theme.Tone.ERROR)))
        self.message = theme.apply(QLabel(), theme.Type.BODY, theme.Tone.ERROR)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.detail = theme.apply(QLabel(), theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.detail.setWordWrap(True)
        self.retry_button = QPushButton(tr("Try Again Now"))
        # Clicking it must not move the keyboard out of the field being typed in.
        self.retry_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.retry_button.clicked.connect(doc.retry)
        words = QVBoxLayout()
        words.setSpacing(theme.Space.XS)
        words.addWidget(self.message)
        words.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(theme.Space.L, theme.Space.S, theme.Space.L, theme.Space.S)
        row.setSpacing(theme.Space.M)
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()
        # Bound methods: Qt drops them when the bar goes, the document stays.
        doc.save_failed.connect(self.show_problem)
        doc.saved.connect(self.hide)

    def show_problem(self, message: str) -> None:
        self.message.setText(message)
        pending = self.doc.unsaved
        waiting = (
            tr("One change is waiting")
            if pending == 1
            else tr("{n} changes are waiting").format(n=pending)
        )
        self.detail.setText(
            tr(
                "{waiting} in this window and will be stored as soon as the library accepts "
                "it again; Accord retries every few seconds. Keep working: nothing is lost "
                "unless you close Accord."
            ).format(waiting=waiting)
        )
        self.show()
