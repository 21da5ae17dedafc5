"""The proxy that filters the library as you type and sorts it by column."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from ui.library_columns import SEARCH_ROLE, SORT_ROLE
from workshop.text import fold

Index = QModelIndex | QPersistentModelIndex


class LibraryFilter(QSortFilterProxyModel):
    """Filters on title, client and status, ignoring case and accents."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_query(self, text: str) -> None:
        needle = fold(text.strip())
        if needle == self._needle:
            return
        self.beginFilterChange()
        self._needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        text = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE)
        return all(word in text for word in self._needle.split())
