"""The home screen: the library of workshops, newest first, filtered as you type."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.i18n import tr
from ui.icons import icon
from ui.library_columns import CLIENT, DATE, ID_ROLE, PEOPLE, STATUS, TITLE, UPDATED
from ui.library_filter import LibraryFilter
from ui.widgets import EmptyState

if TYPE_CHECKING:
    from ui.library import Library


class HomePage(QWidget):
    open_requested = Signal(str)
    new_requested = Signal()
    delete_requested = Signal(str)
    duplicate_requested = Signal(str)
    retry_requested = Signal()
    choose_library_requested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.proxy = LibraryFilter(self)

        title = theme.apply(QLabel(tr("Workshops")), theme.Type.TITLE)
        self.count = theme.apply(QLabel(""), theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search title, client or status…"))
        self.search.setAccessibleName(tr("Search workshops"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(280)
        self.search.textChanged.connect(self._filter)
        self.new_button = QPushButton(icon("plus", "#ffffff"), tr("New workshop"))
        self.new_button.setObjectName("Primary")
        self.new_button.setAccessibleName(tr("New workshop"))
        self.new_button.clicked.connect(self.new_requested)

        header = QHBoxLayout()
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(title)
        heading.addWidget(self.count)
        header.addLayout(heading)
        header.addStretch(1)
        header.addWidget(self.search)
        header.addSpacing(theme.Space.S)
        header.addWidget(self.new_button)

        self.table = QTableView()
        self.table.setAccessibleName(tr("Workshop library"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setSortingEnabled(True)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() + 2 * theme.Space.M
        )
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.loading = EmptyState(
            "library-big", tr("Opening your library…"), tr("This takes a moment.")
        )
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
        self.empty.button.clicked.connect(self.new_requested)
        self.no_match = EmptyState(
            "search", tr("No workshop matches"), tr("Try another word, or clear the search.")
        )
        self.error = EmptyState(
            "info", tr("Accord could not open the library"), "", tr("Try again")
        )
        assert self.error.button is not None
        self.error.button.clicked.connect(self.retry_requested)
        self.choose = QPushButton(tr("Open another library…"))
        self.choose.clicked.connect(self.choose_library_requested)
        self.error.layout().addWidget(self.choose, 0, Qt.AlignmentFlag.AlignHCenter)

        self.stack = QStackedWidget()
        for w in (self.loading, self.empty, self.no_match, self.error, self.table):
            self.stack.addWidget(w)
        self.stack.setCurrentWidget(self.loading)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.Space.XXL, theme.Space.XL, theme.Space.XXL, theme.Space.L)
        layout.setSpacing(theme.Space.L)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        self.search.setEnabled(False)
        self.new_button.setEnabled(False)

    # -- state -------------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.error.text.setText(message)
        self.stack.setCurrentWidget(self.error)
        self.search.setEnabled(False)
        self.new_button.setEnabled(False)

    def show_loading(self) -> None:
        self.stack.setCurrentWidget(self.loading)

    def set_library(self, library: Library) -> None:
        self.library = library
        self.proxy.setSourceModel(library.model)
        hh = self.table.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the font, not from the contents: 10,000 rows stay instant.
        fm = self.fontMetrics()
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
        for signal in (
            library.model.modelReset,
            library.model.rowsInserted,
            library.model.rowsRemoved,
        ):
            signal.connect(self._update_state)
        self.search.setEnabled(True)
        self.new_button.setEnabled(True)
        self._update_state()

    def _update_state(self, *_args: Any) -> None:
        if self.library is None:
            return
        total = self.library.model.rowCount()
        shown = self.proxy.rowCount()
        if total == 0:
            self.stack.setCurrentWidget(self.empty)
            self.count.setText(tr("Your library is empty"))
        elif shown == 0:
            self.stack.setCurrentWidget(self.no_match)
            self.count.setText(tr("{n} workshops in your library").format(n=total))
        else:
            self.stack.setCurrentWidget(self.table)
            if shown == total:
                text = (
                    tr("1 workshop in your library")
                    if total == 1
                    else tr("{n} workshops in your library").format(n=total)
                )
            else:
                text = tr("{shown} of {n} workshops match").format(shown=shown, n=total)
            self.count.setText(text)

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_state()

    # -- selection and actions --------------------------------------------------------------

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or self.stack.currentWidget() is not self.table:
            return None
        return str(index.siblingAtColumn(TITLE).data(ID_ROLE))

    def select(self, workshop_id: str) -> None:
        if self.library is None:
            return
        row = self.library.model.row_of(workshop_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.library.model.index(row, TITLE))
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

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(str(index.siblingAtColumn(TITLE).data(ID_ROLE)))

    def _context_menu(self, pos: Any) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        workshop_id = str(index.siblingAtColumn(TITLE).data(ID_ROLE))
        menu = QMenu(self)
        entries = (
            ("folder-open", tr("Open"), QKeySequence("Return"), self.open_requested),
            ("pencil", tr("Rename"), QKeySequence("F2"), None),
            ("copy", tr("Duplicate"), QKeySequence("Ctrl+D"), self.duplicate_requested),
            ("trash-2", tr("Delete…"), QKeySequence.StandardKey.Delete, self.delete_requested),
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
