"""The proxy that filters the library as you type; sorting is the source model's job."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from workshop.text import fold

if TYPE_CHECKING:
    from ui.library.model import LibraryModel

Index = QModelIndex | QPersistentModelIndex


class LibraryFilter(QSortFilterProxyModel):
    """Filters on title, client and status, ignoring case and accents.

    Which rows match is worked out for all rows at once when the query changes, so
    ``filterAcceptsRow`` is a list lookup; sorting is passed to the source model, which
    sorts its list in one pass instead of thousands of Python comparisons.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._accepted: list[bool] = []
        self._revision = -1

    def library(self) -> LibraryModel:
        return self.sourceModel()  # type: ignore[return-value]

    def set_query(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self._revision = -1
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.sourceModel() is not None and column >= 0:
            self.library().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        library = self.library()
        if self._revision != library.revision:
            self._accepted = library.matching_rows(self._words)
            self._revision = library.revision
        return self._accepted[source_row]
