"""The library as a table model, and the proxy that filters it as you type."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from ui.common import theme
from ui.common.i18n import tr
from ui.common.text import tooltip
from ui.library.columns import (
    CLIENT,
    DATE,
    ID_ROLE,
    PEOPLE,
    SEARCH_ROLE,
    SORT_ROLE,
    STATUS,
    SUMMARY_ROLE,
    TITLE,
    UPDATED,
)
from workshop.editing import STATUS_LABELS
from workshop.model import WorkshopStatus, WorkshopSummary
from workshop.text import fold

Index = QModelIndex | QPersistentModelIndex
_STATUS_TONES = {
    WorkshopStatus.PLANNED: theme.Tone.NEUTRAL,
    WorkshopStatus.IN_PROGRESS: theme.Tone.ACCENT,
    WorkshopStatus.SIGNED: theme.Tone.GOOD,
}


def when(moment: datetime) -> str:
    local = moment.astimezone()
    today = datetime.now().astimezone().date()
    if local.date() == today:
        return tr("Today {time}").format(time=local.strftime("%H:%M"))
    return local.strftime("%d %b %Y")


class LibraryModel(QAbstractTableModel):
    """One row per workshop summary; the title is editable (rename)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WorkshopSummary] = []
        self._search: list[str] = []
        self._order: tuple[int, Qt.SortOrder] = (UPDATED, Qt.SortOrder.DescendingOrder)
        self.revision = 0  # bumped on every change, before Qt is told
        self.headers = [
            tr("Title"),
            tr("Client"),
            tr("Date"),
            tr("Status"),
            tr("People"),
            tr("Last changed"),
        ]
        self.rename_handler: Any = None  # callable(id, new_title) -> bool, set by the page

    # -- content ------------------------------------------------------------------------

    def reset(self, rows: list[WorkshopSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._search = [self._search_text(r) for r in self._rows]
        self._apply_order()
        self.revision += 1
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python in one pass (10,000 rows in milliseconds), keeping selections."""
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].id if i.isValid() else None for i in persistent]
        self._apply_order()
        self.revision += 1
        rows = {r.id: n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(rows[i], p.column()) if i in rows else QModelIndex()
                for p, i in zip(persistent, ids, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _apply_order(self) -> None:
        column, order = self._order
        pairs = sorted(
            zip(self._rows, self._search, strict=True),
            key=lambda pair: self._sort_key(pair[0], column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._rows = [p[0] for p in pairs]
        self._search = [p[1] for p in pairs]

    def matching_rows(self, words: list[str]) -> list[bool]:
        """Which rows contain every one of ``words`` (already folded)."""
        return [all(w in text for w in words) for text in self._search]

    def upsert(self, summary: WorkshopSummary) -> None:
        row = self.row_of(summary.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, summary)
            self._search.insert(0, self._search_text(summary))
            self.revision += 1
            self.endInsertRows()
        else:
            self._rows[row] = summary
            self._search[row] = self._search_text(summary)
            self.revision += 1
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def remove(self, workshop_id: str) -> None:
        row = self.row_of(workshop_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._search[row]
        self.revision += 1
        self.endRemoveRows()

    def row_of(self, workshop_id: str) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == workshop_id:
                return i
        return None

    def summary(self, row: int) -> WorkshopSummary:
        return self._rows[row]

    @staticmethod
    def _search_text(s: WorkshopSummary) -> str:
        return fold(" ".join((s.title, s.client, STATUS_LABELS[s.status])))

    # -- Qt model API -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == TITLE:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(s, col, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ToolTipRole and col in (TITLE, CLIENT):
            return tooltip(s.title if col == TITLE else s.client)
        if role == Qt.ItemDataRole.ForegroundRole and col == STATUS:
            return QBrush(theme.tone(_STATUS_TONES[s.status]))
        if role == Qt.ItemDataRole.FontRole and col == TITLE:
            return theme.font(theme.Type.LABEL)
        if role == ID_ROLE:
            return s.id
        if role == SUMMARY_ROLE:
            return s
        if role == SEARCH_ROLE:
            return self._search[index.row()]
        if role == SORT_ROLE:
            return self._sort_key(s, col)
        return None

    def _display(self, s: WorkshopSummary, col: int, editing: bool) -> Any:
        if col == TITLE:
            return s.title
        if col == CLIENT:
            return s.client
        if col == DATE:
            return f"{s.date.day} {s.date:%b %Y}" if s.date else ""
        if col == STATUS:
            return STATUS_LABELS[s.status]
        if col == PEOPLE:
            return str(s.participant_count)
        return when(s.updated_at)

    @staticmethod
    def _sort_key(s: WorkshopSummary, col: int) -> Any:
        if col == DATE:
            return s.date.isoformat() if s.date else ""
        if col == UPDATED:
            return s.updated_at.isoformat()
        if col == PEOPLE:
            return s.participant_count
        if col == STATUS:
            return list(WorkshopStatus).index(s.status)
        return (s.title if col == TITLE else s.client).casefold()

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != TITLE or not index.isValid():
            return False
        if self.rename_handler is None:
            return False
        return bool(self.rename_handler(self._rows[index.row()].id, str(value)))
