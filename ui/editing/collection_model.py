"""A table model over one of a workshop's collections (participants, objectives, ...).

Edits become undoable commands; the model follows the document's change signals with
proper begin/end calls, so selections and editors survive undo and redo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack

from ui.common.i18n import tr
from ui.common.text import tooltip
from ui.editing.commands import SetItemField
from ui.editing.document import WorkshopDocument
from workshop.errors import ValidationError
from workshop.numbers import parse_number
from workshop.summary import number

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class Kind(StrEnum):
    TEXT = "text"
    NUMBER = "number"  # Decimal | None, typed as people write numbers
    DATE = "date"  # datetime.date | None
    CHECK = "check"  # bool, a check box
    CHOICE = "choice"  # an enum, from a drop-down


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    label: str  # what an edit of this column is called in Edit ▸ Undo
    choices: Sequence[tuple[StrEnum | None, str]] = ()  # for enum fields: (value, label)
    clean: Callable[[str], Any] | None = None  # validates typed text; raises ValidationError
    check: Callable[[Any], str] | None = None  # a warning about a kept value, or ""
    kind: Kind = Kind.TEXT
    width: int = 0  # characters; 0 = share the remaining width

    @property
    def reads(self) -> Kind:
        return Kind.CHOICE if self.choices else self.kind


def _shown(column: Column, value: Any) -> str:
    kind = column.reads
    if value is None or kind is Kind.CHECK:
        return ""
    if kind is Kind.CHOICE:
        return str(dict(column.choices).get(value, value))
    if kind is Kind.NUMBER:
        return number(value)
    if kind is Kind.DATE:
        return f"{value.day} {value:%b %Y}"
    return str(value)


def _one_extra(longer: list[str], shorter: list[str]) -> int | None:
    """Where ``longer`` is ``shorter`` with one id inserted, the index of that id."""
    if len(longer) != len(shorter) + 1:
        return None
    at = next(
        (i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter)
    )
    return at if longer[:at] + longer[at + 1 :] == shorter else None


class CollectionModel(QAbstractTableModel):
    invalid = Signal(str)  # a rejected edit, in one sentence

    def __init__(
        self,
        doc: WorkshopDocument,
        undo_stack: QUndoStack,
        collection: str,
        columns: Sequence[Column],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.doc, self.undo_stack, self.collection = doc, undo_stack, collection
        self.columns = list(columns)
        # The model's own copy of the list: Qt reads rows between begin… and end…, when
        # the document has already changed.
        self._items: list[Any] = list(doc.items(collection))
        doc.children_changed.connect(self._on_changed)

    # -- following the document ----------------------------------------------------------

    def _on_changed(self, collection: str) -> None:
        if collection != self.collection:
            return
        new_items = list(self.doc.items(collection))
        new_ids = [item.id for item in new_items]
        old_ids = [item.id for item in self._items]
        if new_ids == old_ids:
            self._items = new_items
            if new_ids:
                last = self.index(len(new_ids) - 1, len(self.columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        at = _one_extra(new_ids, old_ids)
        if at is not None:
            self.beginInsertRows(QModelIndex(), at, at)
            self._items = new_items
            self.endInsertRows()
            return
        at = _one_extra(old_ids, new_ids)
        if at is not None:
            self.beginRemoveRows(QModelIndex(), at, at)
            self._items = new_items
            self.endRemoveRows()
            return
        # A move (or anything else): keep persistent indexes pointing at the same items.
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids_at = [old_ids[i.row()] if 0 <= i.row() < len(old_ids) else None for i in persistent]
        self._items = new_items
        moved = [
            self.index(new_ids.index(item_id), i.column()) if item_id in new_ids else QModelIndex()
            for i, item_id in zip(persistent, ids_at, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # -- reading -------------------------------------------------------------------------

    def item_at(self, row: int) -> Any:
        return self._items[row]

    def warnings(self) -> list[str]:
        """Every warning about a value in the collection, in row order."""
        found = []
        for item in self._items:
            for column in self.columns:
                if column.check is not None:
                    message = column.check(getattr(item, column.field))
                    if message:
                        found.append(message)
        return found

    def row_of(self, item_id: str) -> int:
        return next(i for i, item in enumerate(self._items) if item.id == item_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].reads is Kind.CHECK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self.item_at(index.row())
        column = self.columns[index.column()]
        value = getattr(item, column.field)
        kind = column.reads
        if role == Qt.ItemDataRole.DisplayRole:
            return _shown(column, value)
        if role == Qt.ItemDataRole.EditRole:
            return ("" if value is None else str(value)) if kind is Kind.NUMBER else value
        if role == Qt.ItemDataRole.CheckStateRole and kind is Kind.CHECK:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and kind is Kind.NUMBER:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        warning = column.check(value) if column.check is not None else ""
        if role == Qt.ItemDataRole.DecorationRole and warning:
            from ui.common import theme
            from ui.common.icons import icon

            return icon("triangle-alert", theme.tone(theme.Tone.GAP))
        if role == Qt.ItemDataRole.ToolTipRole and warning:
            return tooltip(warning)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > 40:
            return tooltip(value)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{column.header}: {value}"
        if role == ID_ROLE:
            return item.id
        return None

    # -- editing -------------------------------------------------------------------------

    def is_gone(self, index: Index) -> bool:
        """Whether ``index``'s row has left the document: an editor that closes after its row
        was removed or its addition undone commits into nothing, and is discarded."""
        if not 0 <= index.row() < len(self._items):
            return True
        return not self.doc.has_item(self.collection, self._items[index.row()].id)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        if self.is_gone(index):
            return False
        column = self.columns[index.column()]
        item = self.item_at(index.row())
        if role == Qt.ItemDataRole.CheckStateRole and column.reads is Kind.CHECK:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column.reads is Kind.CHOICE:
            chosen = [choice for choice, _label in column.choices if choice == value]
            if not chosen:
                self.invalid.emit(
                    tr("“{value}” is not one of the choices for {name}.").format(
                        value=value, name=column.label
                    )
                )
                return False
            value = chosen[0]
        elif column.reads is Kind.NUMBER:
            try:
                value = parse_number(str(value), column.label)
            except ValidationError as exc:
                self.invalid.emit(exc.message)
                return False
        elif column.clean is not None:
            try:
                value = column.clean(str(value))
            except ValidationError as exc:
                self.invalid.emit(exc.message)
                return False
        if value == getattr(item, column.field):
            return True
        self.undo_stack.push(
            SetItemField(self.doc, self.collection, item.id, column.field, value, column.label)
        )
        return True
