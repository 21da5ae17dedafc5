"""The home screen: the library of workshops, newest first, filtered as you type.

Its first frame (heading, search, "New workshop", and a note that the library is opening)
needs nothing heavy; the table and its states are built when the library arrives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.icons import icon

# Key codes, without loading the whole Qt namespace before the first frame.
Key_Escape, Key_Return, Key_Enter, Key_Down = 0x01000000, 0x01000004, 0x01000005, 0x01000015

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from ui.library.body import LibraryBody
    from ui.library.filtering import LibraryFilter
    from ui.library.open_library import Library


def _centred(label: QLabel) -> QWidget:
    holder = QWidget()
    rows = QVBoxLayout(holder)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(label)
    row.addStretch(1)
    rows.addStretch(1)
    rows.addLayout(row)
    rows.addStretch(2)
    return holder


class HomePage(QWidget):
    open_requested = Signal(str)
    new_requested = Signal()
    delete_requested = Signal(str)
    duplicate_requested = Signal(str)
    retry_requested = Signal()
    choose_library_requested = Signal()
    new_library_requested = Signal()
    recover_requested = Signal()
    afresh_requested = Signal()
    selection_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self._body: LibraryBody | None = None

        title = theme.apply(QLabel(tr("Workshops")), theme.Type.TITLE)
        self.count = theme.apply(QLabel(""), theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search title, client or status…"))
        self.search.setAccessibleName(tr("Search workshops"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.new_button = QPushButton(tr("New workshop"))
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

        self.loading = _centred(
            theme.apply(
                QLabel(tr("Opening your library…")), theme.Type.SUBTITLE, theme.Tone.NEUTRAL
            )
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.loading)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.Space.XXL, theme.Space.XL, theme.Space.XXL, theme.Space.L)
        layout.setSpacing(theme.Space.L)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        self.search.setEnabled(False)
        self.new_button.setEnabled(False)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        """Down or Enter in the search field go to the results; Escape clears the search."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Key_Escape and self.search.text():
                self.search.clear()
                return True
            to_results = key in (Key_Down, Key_Return, Key_Enter) and self.library is not None
            if to_results and self.stack.currentWidget() is self.table:
                if self.current_id() is None:
                    self.body.select(self.proxy.mapToSource(self.proxy.index(0, 0)))
                self.table.setFocus()
                if key != Key_Down:
                    self.open_requested.emit(self.current_id() or "")
                return True
        return super().eventFilter(watched, event)

    def decorate(self) -> None:
        """Icons, added once the first frame is on screen."""
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.new_button.setIcon(icon("plus", "#ffffff"))

    # -- the library part, built on first need ---------------------------------------------

    @property
    def body(self) -> LibraryBody:
        if self._body is None:
            from ui.library.body import LibraryBody

            self._body = LibraryBody(self, self.stack)
        return self._body

    @property
    def table(self) -> QTableView:
        return self.body.table

    @property
    def proxy(self) -> LibraryFilter:
        return self.body.proxy

    @property
    def empty(self) -> Any:
        return self.body.empty

    @property
    def no_match(self) -> Any:
        return self.body.no_match

    @property
    def error(self) -> Any:
        return self.body.error

    # -- state -------------------------------------------------------------------------------

    def show_error(self, message: str, damaged: bool = False, backup: bool = False) -> None:
        self.error.set_text(message)
        self.body.recover_button.setVisible(damaged)
        self.body.recover_button.setEnabled(backup)
        self.body.recover_button.setToolTip("" if backup else tr("There is no backup to restore."))
        self.body.afresh_button.setVisible(damaged)
        for button in self.body.other_buttons:  # a damaged file needs a decision, not a retry
            button.setVisible(not damaged)
        self.stack.setCurrentWidget(self.error)
        self.search.setEnabled(False)
        self.new_button.setEnabled(False)

    def show_loading(self) -> None:
        self.stack.setCurrentWidget(self.loading)

    def set_library(self, library: Library) -> None:
        self.library = library
        self.proxy.setSourceModel(library.model)
        self.body.configure_columns()
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_a: self.selection_changed.emit()
        )
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
            self.count.setText(tr("0 of {n} workshops match").format(n=total))
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
            if self.current_id() is None:  # keep a visible current row for the keyboard
                self.body.select(self.proxy.mapToSource(self.proxy.index(0, 0)))
        self.selection_changed.emit()

    def _filter(self, text: str) -> None:
        if self.library is None:
            return
        self.proxy.set_query(text)
        self._update_state()

    # -- selection ---------------------------------------------------------------------------

    def current_id(self) -> str | None:
        if self._body is None or self.stack.currentWidget() is not self._body.table:
            return None
        return self._body.current_id()

    def select(self, workshop_id: str) -> None:
        if self.library is None:
            return
        row = self.library.model.row_of(workshop_id)
        if row is not None:
            self.body.select(self.library.model.index(row, 0))

    def rename_current(self) -> None:
        self.body.rename_current()
