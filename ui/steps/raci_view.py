"""The RACI matrix on screen: a grid of cells edited with single keys or a small menu.

Keys, with a cell selected: R, A, C or I switches that role on or off; Delete or Backspace
clears the cell; Enter, Space or F2 opens the list of roles (as a double-click or a right
click does).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from ui.common import theme
from ui.common.i18n import tr
from ui.steps.raci_model import ORDER, RaciModel, role_name
from workshop.model import RaciRole

_LETTERS = {role.value: role for role in ORDER}
_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_MENU_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_F2)
_ROW_LINES = 2


class RaciView(QTableView):
    def __init__(self, model: RaciModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.raci = model
        self.setModel(model)
        self.setAccessibleName(tr("Who does what (RACI matrix)"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        height = self.fontMetrics().height() + 2 * theme.Space.S
        rows = self.verticalHeader()
        rows.setDefaultSectionSize(height)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        columns = self.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        columns.setTextElideMode(Qt.TextElideMode.ElideRight)  # the full name is its tooltip
        columns.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("R/A/C/I") * 2)
        self.doubleClicked.connect(lambda index: self.open_menu(index))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda at: self.open_menu(self.indexAt(at), self.viewport().mapToGlobal(at))
        )
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._fit)
        self._fit()

    def _fit(self, *_args: Any) -> None:
        """As tall as its rows (at least a few), so the page scrolls rather than the grid."""
        rows = max(self.raci.rowCount(), _ROW_LINES)
        header = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(
            header + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth()
        )

    # -- keys and mouse ------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if index.isValid() and plain:
            role = _LETTERS.get(event.text().upper())
            if role is not None:
                self.raci.toggle(index, role)
                return
            if event.key() in _CLEAR_KEYS:
                self.raci.clear(index)
                return
            if event.key() in _MENU_KEYS:
                self.open_menu(index)
                return
        super().keyPressEvent(event)

    # -- the role menu -------------------------------------------------------------------

    def role_menu(self, index: QModelIndex) -> QMenu:
        """Checkable R, A, C, I for one cell, and Clear; choosing one changes the cell."""
        menu = QMenu(self)
        menu.setAccessibleName(tr("Roles"))
        held = self.raci.roles_at(index)
        for role in ORDER:
            action = QAction(f"&{role.value}  {role_name(role)}", menu)
            action.setCheckable(True)
            action.setChecked(role in held)
            action.triggered.connect(lambda _on, r=role: self._toggle(index, r))
            menu.addAction(action)
        menu.addSeparator()
        clear = menu.addAction(tr("C&lear"))
        clear.setEnabled(bool(held))
        clear.triggered.connect(lambda: self.raci.clear(index))
        return menu

    def _toggle(self, index: QModelIndex, role: RaciRole) -> None:
        self.raci.toggle(index, role)

    def open_menu(self, index: QModelIndex, at: QPoint | None = None) -> None:
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        if at is None:
            rect = self.visualRect(index)
            at = self.viewport().mapToGlobal(rect.bottomLeft())
        menu = self.role_menu(index)
        menu.exec(at)
        menu.deleteLater()
