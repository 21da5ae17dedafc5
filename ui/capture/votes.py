"""The workshop's dot votes: each with its outcome; start a new one or open one to enter
dots or see the ranking."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.icons import icon
from ui.common.text import shorten, tooltip
from ui.editing.commands import RemoveItem
from ui.editing.document import WorkshopDocument
from workshop.voting import outcome

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class VotesPanel(QWidget):
    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc, self.stack = doc, stack
        self.dialog: Any = None
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Votes"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.itemActivated.connect(lambda _item: self.open_vote())
        self.list.currentRowChanged.connect(self._update)
        self.empty = theme.apply(
            QLabel(
                tr(
                    "No votes yet. When the room must choose between candidate goals, "
                    "objections or activities, let everyone place dots."
                )
            ),
            theme.Type.BODY,
            theme.Tone.NEUTRAL,
        )
        self.empty.setWordWrap(True)
        self.new_button = QPushButton(icon("plus"), tr("New Vote…"))
        self.new_button.clicked.connect(self.new_vote)
        self.open_button = QPushButton(tr("Open"))
        self.open_button.clicked.connect(self.open_vote)
        self.remove_button = QPushButton(icon("trash-2"), tr("Remove"))
        self.remove_button.setAccessibleName(tr("Remove vote"))
        self.remove_button.clicked.connect(self.remove_vote)
        bar = QHBoxLayout()
        bar.setSpacing(theme.Space.XS)
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addWidget(self.remove_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.Space.M, theme.Space.M, theme.Space.M, theme.Space.M)
        layout.setSpacing(theme.Space.S)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        doc.children_changed.connect(self._changed)
        self._changed("votes")

    def _changed(self, collection: str) -> None:
        if collection != "votes":
            return
        current = self.list.currentItem()
        keep = current.data(ID_ROLE) if current is not None else None
        self.list.clear()
        for vote in self.doc.workshop.votes:
            item = QListWidgetItem(f"{shorten(vote.subject, 120)}\n{shorten(outcome(vote), 160)}")
            item.setData(ID_ROLE, vote.id)
            item.setToolTip(tooltip(vote.subject))
            item.setIcon(icon("circle-check-big" if vote.revealed else "circle-dashed"))
            self.list.addItem(item)
            if vote.id == keep:
                self.list.setCurrentItem(item)
        self.empty.setVisible(not self.doc.workshop.votes)
        self._update()

    def _update(self, *_args: Any) -> None:
        has = self.list.currentItem() is not None
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def new_vote(self) -> None:
        self._run(None)

    def open_vote(self) -> None:
        vote_id = self.selected_id()
        if vote_id is not None:
            self._run(vote_id)

    def remove_vote(self) -> None:
        vote_id = self.selected_id()
        if vote_id is not None:
            self.stack.push(RemoveItem(self.doc, "votes", vote_id, tr("vote")))

    def _run(self, vote_id: str | None) -> None:
        from ui.capture.vote_dialog import VoteDialog

        self.dialog = VoteDialog(self.doc, self.stack, vote_id, self.window())
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
