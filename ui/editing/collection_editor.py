"""A table of one of the workshop's lists with its toolbar: add, remove, move up and down.

Every change is an undoable command; a row added and left empty with Escape is taken back;
values that look wrong are kept and explained under the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.icons import icon
from ui.common.widgets import row_table
from ui.editing.collection_model import CollectionModel, Column, Kind
from ui.editing.commands import AddItem, MoveItem, RemoveItem
from ui.editing.delegates import ChoiceDelegate, DateDelegate, NumberDelegate
from ui.editing.document import WorkshopDocument


class CollectionEditor(QWidget):
    def __init__(
        self,
        doc: WorkshopDocument,
        stack: QUndoStack,
        collection: str,
        columns: Sequence[Column],
        noun: str,
        new_item: Callable[[], Any],
        empty_hint: str,
        add_keys: str = "Insert",
        remove_keys: str = "Ctrl+Delete",
        parent: Any = None,
        model_type: type[CollectionModel] = CollectionModel,
    ) -> None:
        super().__init__(parent)
        self.doc, self.stack, self.collection = doc, stack, collection
        self.noun, self.new_item = noun, new_item
        # ``model_type``: a CollectionModel that adds columns of its own (computed, read-only).
        self.model = model_type(doc, stack, collection, columns, self)
        edit = QAbstractItemView.EditTrigger
        self.table = row_table(
            noun.capitalize(),
            theme.Space.S,
            edit.DoubleClicked | edit.EditKeyPressed | edit.AnyKeyPressed,
        )
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(150)
        self._delegates(columns)
        self._widths(columns)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._just_added = ""
        self.table.itemDelegate().closeEditor.connect(self._editor_closed)

        self.add_action = self._action(
            "plus", tr("Add {noun}").format(noun=noun), add_keys, self.add
        )
        self.remove_action = self._action(
            "trash-2", tr("Remove {noun}").format(noun=noun), remove_keys, self.remove
        )
        self.up_action = self._action(
            "arrow-up", tr("Move up"), "Alt+Up", lambda: self.move_rows(-1)
        )
        self.down_action = self._action(
            "arrow-down", tr("Move down"), "Alt+Down", lambda: self.move_rows(1)
        )
        self.bar = QHBoxLayout()
        self.bar.setSpacing(theme.Space.XS)
        for action in (self.add_action, self.remove_action, self.up_action, self.down_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAccessibleName(action.text())
            if action is self.add_action:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.bar.addWidget(button)
        self.bar.addStretch(1)

        self.empty_hint = theme.apply(QLabel(empty_hint), theme.Type.BODY, theme.Tone.NEUTRAL)
        self.empty_hint.setWordWrap(True)
        self.notes = theme.apply(QLabel(), theme.Type.CAPTION, theme.Tone.GAP)
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.model.invalid.connect(self._invalid)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.Space.S)
        self.column = layout  # pages add widgets of their own around the table
        layout.addLayout(self.bar)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        doc.children_changed.connect(self._changed)
        self._changed(collection)

    # -- construction ------------------------------------------------------------------------

    def _delegates(self, columns: Sequence[Column]) -> None:
        for n, column in enumerate(columns):
            delegate: QAbstractItemDelegate | None = None
            if column.reads is Kind.CHOICE:
                delegate = ChoiceDelegate(column.choices, self.table)
            elif column.reads is Kind.NUMBER:
                delegate = NumberDelegate(self.table)
            elif column.reads is Kind.DATE:
                delegate = DateDelegate(self.table)
            if delegate is not None:
                self.table.setItemDelegateForColumn(n, delegate)

    def _widths(self, columns: Sequence[Column]) -> None:
        header = self.table.horizontalHeader()
        em = self.fontMetrics().horizontalAdvance("n")
        for n, column in enumerate(columns):
            if column.width:
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(n, column.width * em + 2 * theme.Space.M)
            else:
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch)

    def _action(self, icon_name: str, text: str, keys: str, slot: Any) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setShortcuts([QKeySequence(keys)])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({shortcut})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- user intents -----------------------------------------------------------------------

    def add(self) -> None:
        current = self.table.currentIndex()
        index = current.row() + 1 if current.isValid() else self.model.rowCount()
        item = self.new_item()
        self.stack.push(AddItem(self.doc, self.collection, item, index, self.noun))
        self._just_added = item.id
        first = next((n for n, c in enumerate(self.model.columns) if c.reads is Kind.TEXT), 0)
        self.focus_item(item.id, self.model.columns[first].field)

    def remove(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            item = self.model.item_at(index.row())
            self.stack.push(RemoveItem(self.doc, self.collection, item.id, self.noun))

    def move_rows(self, delta: int) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        to = index.row() + delta
        if not 0 <= to < self.model.rowCount():
            return
        item = self.model.item_at(index.row())
        self.stack.push(MoveItem(self.doc, self.collection, item.id, to, self.noun))
        self._select(self.model.index(to, index.column()))

    def focus_item(self, item_id: str, field: str = "") -> None:
        """Select ``item_id``'s row and start editing ``field`` (used to jump to a gap)."""
        fields = [c.field for c in self.model.columns]
        column = fields.index(field) if field in fields else 0
        index = self.model.index(self.model.row_of(item_id), column)
        self._select(index)
        self.table.setFocus()
        if self.model.columns[column].reads is not Kind.CHECK:
            self.table.edit(index)

    def _select(self, index: Any) -> None:
        self.table.scrollTo(index)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    # -- feedback -----------------------------------------------------------------------------

    def _editor_closed(self, _editor: Any, hint: Any) -> None:
        """Escape on a row just added, with nothing typed, takes the row back."""
        added, self._just_added = self._just_added, ""
        if hint != QAbstractItemDelegate.EndEditHint.RevertModelCache or not added:
            return
        top = self.stack.command(self.stack.index() - 1)
        if isinstance(top, AddItem) and top.item.id == added:
            item = self.doc.item(self.collection, added)
            fresh = self.new_item()
            texts = [c.field for c in self.model.columns if c.reads is Kind.TEXT]
            if all(getattr(item, f) == getattr(fresh, f) for f in texts):
                self.stack.undo()

    def _invalid(self, message: str) -> None:
        self.notes.setText(message)
        self.notes.setVisible(True)

    def _changed(self, collection: str) -> None:
        if collection != self.collection:
            return
        warnings = self.model.warnings()
        self.notes.setText("\n".join(warnings))
        self.notes.setVisible(bool(warnings))
        self.empty_hint.setVisible(self.model.rowCount() == 0)
        self._update_buttons()

    def _update_buttons(self, *_args: Any) -> None:
        index = self.table.currentIndex()
        has = index.isValid()
        self.remove_action.setEnabled(has)
        self.up_action.setEnabled(has and index.row() > 0)
        self.down_action.setEnabled(has and index.row() < self.model.rowCount() - 1)


FEWEST_ROWS, MOST_ROWS = 4, 8  # a table is as tall as its rows, within these bounds


def compact(editor: CollectionEditor) -> CollectionEditor:
    """Make ``editor``'s table as tall as its rows (at least a few, at most a screenful), so
    a long page scrolls as a whole instead of squeezing every table."""
    table, model = editor.table, editor.model

    def fit(*_args: Any) -> None:
        rows = min(max(model.rowCount(), FEWEST_ROWS), MOST_ROWS)
        table.setFixedHeight(
            table.horizontalHeader().sizeHint().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )

    model.rowsInserted.connect(fit)
    model.rowsRemoved.connect(fit)
    model.modelReset.connect(fit)
    fit()
    return editor
