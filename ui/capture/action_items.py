"""Action items: what, who owns it (a participant), by when, status and the step it came
from. Open items past their due date are marked overdue (icon, colour, tooltip, count)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.capture.parking import step_choices
from ui.common import theme
from ui.common.i18n import tr
from ui.editing.collection_editor import CollectionEditor
from ui.editing.collection_model import CollectionModel, Column, Index, Kind
from ui.editing.delegates import ChoiceDelegate
from ui.editing.document import WorkshopDocument
from workshop.action_items import STATUS_LABELS, is_overdue, owner_name
from workshop.model import ActionItem
from workshop.steps import Step

WHAT, OWNER, DUE, STATUS, STEP = range(5)


class ActionItemsModel(CollectionModel):
    """Shows owners by name and marks overdue items; ``today`` is asked each time."""

    today: Callable[[], date] = date.today

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        item: ActionItem = self.item_at(index.row())
        column = index.column()
        if column == OWNER and role == Qt.ItemDataRole.DisplayRole:
            return owner_name(self.doc.workshop, item.owner_id) or tr("Nobody yet")
        if column == OWNER and role == Qt.ItemDataRole.ForegroundRole and item.owner_id is None:
            return theme.tone(theme.Tone.NEUTRAL)
        if column == DUE and is_overdue(item, self.today()):
            if role == Qt.ItemDataRole.ForegroundRole:
                return theme.tone(theme.Tone.ERROR)
            if role == Qt.ItemDataRole.DecorationRole:
                from ui.common.icons import icon

                return icon("triangle-alert", theme.tone(theme.Tone.ERROR))
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Overdue: it was due {day}.").format(day=super().data(index))
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return tr("Due: {day}, overdue").format(day=super().data(index))
        return super().data(index, role)

    def overdue(self) -> int:
        today = self.today()
        return sum(1 for row in range(self.rowCount()) if is_overdue(self.item_at(row), today))


def owner_choices(doc: WorkshopDocument) -> list[tuple[str | None, str]]:
    """Who can own an action item: nobody yet, or anyone in the room (read when asked)."""
    people = [
        (p.id, p.name.strip() or tr("(unnamed participant)")) for p in doc.workshop.participants
    ]
    return [(None, tr("Nobody yet")), *people]


class ActionItemsPanel(QWidget):
    def __init__(
        self,
        doc: WorkshopDocument,
        stack: QUndoStack,
        current_step: Callable[[], Step],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.doc, self.current_step = doc, current_step
        self.editor = CollectionEditor(
            doc,
            stack,
            "action_items",
            [
                Column("what", tr("What"), tr("action item")),
                Column("owner_id", tr("Owner"), tr("action item owner"), width=14),
                Column("due", tr("Due"), tr("due date"), kind=Kind.DATE, width=11),
                Column(
                    "status",
                    tr("Status"),
                    tr("action item status"),
                    choices=list(STATUS_LABELS.items()),
                    width=9,
                ),
                Column(
                    "step",
                    tr("Step"),
                    tr("step of an action item"),
                    choices=step_choices(),
                    width=14,
                ),
            ],
            tr("action item"),
            lambda: ActionItem(step=self.current_step().value),
            tr("No action items yet. Each one needs an owner in the room and a due date."),
            model_type=ActionItemsModel,
        )
        self.model: ActionItemsModel = self.editor.model  # type: ignore[assignment]
        self.table = self.editor.table
        self.table.setItemDelegateForColumn(
            OWNER, ChoiceDelegate(lambda: owner_choices(doc), self.table)
        )
        self.overdue_label = theme.apply(QLabel(), theme.Type.CAPTION, theme.Tone.ERROR)
        self.overdue_label.setAccessibleName(tr("Overdue action items"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.Space.M, theme.Space.M, theme.Space.M, theme.Space.M)
        layout.setSpacing(theme.Space.S)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.overdue_label)
        doc.children_changed.connect(self._changed)
        self._changed("action_items")

    def add(self) -> None:
        """A new action item from the current step, its text ready to type."""
        self.editor.add()

    def _changed(self, collection: str) -> None:
        if collection not in {"action_items", "participants"}:
            return
        rows = self.model.rowCount()
        if collection == "participants" and rows:  # owners are shown by name
            self.model.dataChanged.emit(
                self.model.index(0, OWNER), self.model.index(rows - 1, OWNER)
            )
        late = self.model.overdue()
        self.overdue_label.setText(tr("{n} action item(s) overdue.").format(n=late) if late else "")
        self.overdue_label.setVisible(bool(late))
