"""The parking lot: issues the room comes back to later.

A line at the top takes a new issue (Ctrl+Shift+P from any step puts the keyboard there);
each parked issue can be resolved, turned into an action item, or moved into a step's
content. Every change is undoable; turning or moving is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.icons import icon
from ui.editing.collection_editor import CollectionEditor
from ui.editing.collection_model import CollectionModel, Column, Index, Kind
from ui.editing.commands import AddItem, SetItemField
from ui.editing.document import WorkshopDocument
from workshop.model import ParkingLotItem
from workshop.parking import MoveTarget, as_action_item, park, targets_for
from workshop.steps import STEP_INFO, STEPS, Step

TEXT, STEP, RESOLVED = range(3)


def step_choices() -> list[tuple[Step, str]]:
    return [(step, STEP_INFO[step].title) for step in STEPS]


class ParkingModel(CollectionModel):
    """Resolved issues are shown greyed out, so the open ones stand out."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and 0 <= index.row() < self.rowCount()
            and self.item_at(index.row()).resolved
        ):
            return theme.tone(theme.Tone.NEUTRAL)
        return super().data(index, role)


class ParkingPanel(QWidget):
    moved = Signal(str, str, str)  # step value, collection, new item id

    def __init__(
        self,
        doc: WorkshopDocument,
        stack: QUndoStack,
        current_step: Callable[[], Step],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.doc, self.stack, self.current_step = doc, stack, current_step
        self.capture = QLineEdit()
        self.capture.setPlaceholderText(tr("Park an issue to come back to…"))
        self.capture.setAccessibleName(tr("New parking-lot issue"))
        self.capture.setClearButtonEnabled(True)
        self.capture.returnPressed.connect(self.park_typed)
        self.park_button = QPushButton(tr("Park"))
        self.park_button.setAccessibleName(tr("Park the issue"))
        self.park_button.clicked.connect(self.park_typed)
        row = QHBoxLayout()
        row.setSpacing(theme.Space.S)
        row.addWidget(self.capture, 1)
        row.addWidget(self.park_button)

        self.editor = CollectionEditor(
            doc,
            stack,
            "parking_lot",
            [
                Column("text", tr("Issue"), tr("parked issue")),
                Column(
                    "step",
                    tr("Raised in"),
                    tr("step of a parked issue"),
                    choices=step_choices(),
                    width=20,
                ),
                Column("resolved", tr("Resolved"), tr("resolved"), kind=Kind.CHECK, width=6),
            ],
            tr("parking-lot issue"),
            lambda: ParkingLotItem(step=self.current_step().value),
            tr("Nothing parked. When a discussion drifts, park it here and move on."),
            model_type=ParkingModel,
        )
        # The line above adds; the editor's own buttons (remove, move) join this panel's.
        for button in self.editor.findChildren(QToolButton):
            if button.defaultAction() is self.editor.add_action:
                button.hide()
        self.model, self.table = self.editor.model, self.editor.table

        self.resolve_action = self._action("circle-check-big", tr("Resolve"), self.toggle_resolved)
        self.to_action_action = self._action(
            "clipboard-list", tr("Make Action Item"), self.make_action_item
        )
        self.move_menu = QMenu(tr("Move into a step"), self)
        for step in STEPS:
            for target in targets_for(step):
                text = tr("{step}: {what}").format(step=STEP_INFO[step].title, what=target.noun)
                action = self.move_menu.addAction(text)
                action.triggered.connect(lambda _c=False, t=target: self.move_to(t))
        self.move_button = QToolButton()
        self.move_button.setText(tr("Move into Step"))
        self.move_button.setIcon(icon("arrow-up"))
        self.move_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.move_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.move_button.setMenu(self.move_menu)
        self.move_button.setAccessibleName(tr("Move the issue into a step's content"))
        bar = self.editor.bar
        for at, action in enumerate((self.resolve_action, self.to_action_action)):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAccessibleName(action.text())
            bar.insertWidget(at, button)
        bar.insertWidget(2, self.move_button)
        bar.insertSpacing(3, theme.Space.L)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.Space.M, theme.Space.M, theme.Space.M, theme.Space.M)
        layout.setSpacing(theme.Space.S)
        layout.addLayout(row)
        layout.addWidget(self.editor, 1)
        self.table.selectionModel().currentRowChanged.connect(self._update)
        doc.children_changed.connect(self._update)
        self._update()

    def _action(self, icon_name: str, text: str, slot: Any) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.triggered.connect(slot)
        return action

    # -- user intents -----------------------------------------------------------------------

    def focus_capture(self) -> None:
        self.capture.setFocus()
        self.capture.selectAll()

    def park_typed(self) -> None:
        item = park(self.capture.text(), self.current_step())
        if item is None:
            return
        index = len(self.doc.items("parking_lot"))
        self.stack.push(AddItem(self.doc, "parking_lot", item, index, tr("parking-lot issue")))
        self.capture.clear()
        self.table.scrollToBottom()

    def selected(self) -> ParkingLotItem | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        item: ParkingLotItem = self.model.item_at(index.row())
        return item

    def toggle_resolved(self) -> None:
        item = self.selected()
        if item is not None:
            self.stack.push(
                SetItemField(
                    self.doc, "parking_lot", item.id, "resolved", not item.resolved, tr("resolved")
                )
            )

    def make_action_item(self) -> None:
        item = self.selected()
        if item is None:
            return
        action = as_action_item(item)
        self.stack.beginMacro(tr("Make an action item of a parked issue"))
        count = len(self.doc.items("action_items"))
        self.stack.push(AddItem(self.doc, "action_items", action, count, tr("action item")))
        if not item.resolved:
            self.stack.push(
                SetItemField(self.doc, "parking_lot", item.id, "resolved", True, tr("resolved"))
            )
        self.stack.endMacro()
        self.moved.emit("", "action_items", action.id)

    def move_to(self, target: MoveTarget) -> None:
        item = self.selected()
        if item is None:
            return
        new = target.make(item.text)
        self.stack.beginMacro(tr("Move a parked issue into {what}").format(what=target.noun))
        count = len(self.doc.items(target.collection))
        self.stack.push(AddItem(self.doc, target.collection, new, count, target.noun))
        self.stack.push(
            SetItemField(self.doc, "parking_lot", item.id, "step", target.step.value, tr("step"))
        )
        if not item.resolved:
            self.stack.push(
                SetItemField(self.doc, "parking_lot", item.id, "resolved", True, tr("resolved"))
            )
        self.stack.endMacro()
        self.moved.emit(target.step.value, target.collection, new.id)

    def _update(self, *_args: Any) -> None:
        item = self.selected()
        has = item is not None
        self.resolve_action.setEnabled(has)
        self.to_action_action.setEnabled(has)
        self.move_button.setEnabled(has)
        reopen = item is not None and item.resolved
        self.resolve_action.setText(tr("Reopen") if reopen else tr("Resolve"))
