"""Column numbers and item roles of the library table (shared by model and home screen)."""

from PySide6.QtCore import Qt

TITLE, CLIENT, DATE, STATUS, PEOPLE, UPDATED = range(6)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
