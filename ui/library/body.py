"""The library part of the home screen: the table and its states (empty, no match, error).

Built when the library arrives, after the window has painted its first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QStackedWidget,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.icons import icon
from ui.common.widgets import EmptyState, row_table
from ui.library.columns import CLIENT, DATE, ID_ROLE, PEOPLE, STATUS, TITLE, UPDATED
from ui.library.filtering import LibraryFilter

if TYPE_CHECKING:
    from ui.library.home import HomePage


class LibraryBody:
    def __init__(self, home: HomePage, stack: QStackedWidget) -> None:
        self.home = home
        self.proxy = LibraryFilter(home)
        self.table = row_table(
            tr("Workshop library"), theme.Space.M, QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        # Delete acts on the table only, so it never eats a Delete key in a text field.
        delete = QAction(self.table)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._delete_current)
        self.table.addAction(delete)

        self.empty = EmptyState(
            "presentation",
            tr("No workshops yet"),
            tr(
                "A workshop walks sales and marketing through seven steps to a signed "
                "performance agreement. Start by planning one: give it a title, then add "
                "the people who will be in the room."
            ),
            tr("Plan your first workshop"),
        )
        assert self.empty.button is not None
        self.empty.button.clicked.connect(home.new_requested)
        self.no_match = EmptyState(
            "search", tr("No workshop matches"), tr("Try another word, or clear the search.")
        )
        self.error = EmptyState(
            "circle-alert",
            tr("Accord could not open the library"),
            "",
            tr("Open another library…"),
            tone=theme.Tone.ERROR,
        )
        assert self.error.button is not None
        self.error.button.clicked.connect(home.choose_library_requested)
        others = QHBoxLayout()
        self.other_buttons = []
        for text, signal in (
            (tr("Start a new library…"), home.new_library_requested),
            (tr("Try again"), home.retry_requested),
        ):
            button = QPushButton(text)
            button.clicked.connect(signal)
            others.addWidget(button)
            self.other_buttons.append(button)
        self.error.column.addLayout(others)
        self.error.column.setAlignment(others, Qt.AlignmentFlag.AlignHCenter)
        # Only for a damaged library: recover it, or keep it aside and start afresh.
        self.recover_button = QPushButton(tr("Restore the newest backup"))
        self.recover_button.clicked.connect(home.recover_requested)
        self.afresh_button = QPushButton(tr("Keep it aside and start a new library"))
        self.afresh_button.clicked.connect(home.afresh_requested)
        damaged = QHBoxLayout()
        damaged.addWidget(self.recover_button)
        damaged.addWidget(self.afresh_button)
        self.error.column.addLayout(damaged)
        self.error.column.setAlignment(damaged, Qt.AlignmentFlag.AlignHCenter)
        for w in (self.empty, self.no_match, self.error, self.table):
            stack.addWidget(w)

    def configure_columns(self) -> None:
        hh = self.table.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not from the contents: 10,000 rows stay instant.
        fm = self.home.fontMetrics()
        pad = 3 * theme.Space.M  # cell margins and the sort arrow
        samples = (
            (CLIENT, "Harbourline Software GmbH"),
            (DATE, "30 Sep 2026"),
            (STATUS, tr("In progress")),
            (PEOPLE, tr("People")),
            (UPDATED, tr("Last changed")),
        )
        for col, sample in samples:
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            hh.resizeSection(col, fm.horizontalAdvance(sample) + pad)
        self.table.sortByColumn(UPDATED, Qt.SortOrder.DescendingOrder)

    # -- selection and actions --------------------------------------------------------------

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return str(index.siblingAtColumn(TITLE).data(ID_ROLE))

    def select(self, source_index: QModelIndex) -> None:
        index = self.proxy.mapFromSource(source_index)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def rename_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.table.edit(index.siblingAtColumn(TITLE))

    def _delete_current(self) -> None:
        current = self.current_id()
        if current:
            self.home.delete_requested.emit(current)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.home.open_requested.emit(str(index.siblingAtColumn(TITLE).data(ID_ROLE)))

    def _context_menu(self, pos: Any) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        workshop_id = str(index.siblingAtColumn(TITLE).data(ID_ROLE))
        home = self.home
        menu = QMenu(self.table)
        entries = (
            ("folder-open", tr("Open"), "Return", home.open_requested),
            ("pencil", tr("Rename"), "F2", None),
            ("copy", tr("Duplicate"), "Ctrl+D", home.duplicate_requested),
            ("trash-2", tr("Delete…"), "Del", home.delete_requested),
        )
        for icon_name, text, keys, signal in entries:
            action = QAction(icon(icon_name), text, menu)
            action.setShortcut(QKeySequence(keys))
            if signal is None:
                action.triggered.connect(self.rename_current)
            else:
                action.triggered.connect(lambda _c=False, s=signal: s.emit(workshop_id))
            menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
