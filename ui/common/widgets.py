"""Small shared widgets: an optional date field and a labelled empty state."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.icons import pixmap

_NO_DATE = QDate(1900, 1, 1)


def row_table(name: str, padding: int, edit: QAbstractItemView.EditTrigger) -> QTableView:
    """A table in Accord's look: whole rows selected one at a time, no grid, no row numbers."""
    table = QTableView()
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(edit)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 2 * padding)
    return table


class OptionalDateEdit(QDateEdit):
    """A date field that can also hold “no date” (shown as *Not set*)."""

    date_changed = Signal(object)  # datetime.date | None, only for user edits

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy")
        self.setMinimumDate(_NO_DATE)
        self.setSpecialValueText(tr("Not set"))
        self.setDate(_NO_DATE)
        self._quiet = False
        self.dateChanged.connect(self._changed)

    def value(self) -> date | None:
        d = self.date()
        return None if d == _NO_DATE else date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self._quiet = True
        try:
            self.setDate(QDate(value.year, value.month, value.day) if value else _NO_DATE)
        finally:
            self._quiet = False

    def _changed(self, _d: QDate) -> None:
        if not self._quiet:
            self.date_changed.emit(self.value())

    def keyPressEvent(self, event: Any) -> None:
        key = event.key()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
            self.open_calendar()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.lineEdit().selectedText() == self.lineEdit().text()
        ):
            self.setDate(_NO_DATE)  # the whole field selected and erased: no date
            return
        if self.value() is None:
            # Starting to type into an empty date starts from today, not from 1900.
            stepping = key in (
                Qt.Key.Key_Up,
                Qt.Key.Key_Down,
                Qt.Key.Key_PageUp,
                Qt.Key.Key_PageDown,
            )
            if stepping or event.text().isdigit():
                self.setDate(QDate.currentDate())
                self.setSelectedSection(QDateEdit.Section.DaySection)
                if stepping:
                    return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab leaves the field (instead of walking day, month and year)."""
        return QWidget.focusNextPrevChild(self, forward)

    def open_calendar(self) -> None:
        """Open the calendar as a click on the arrow would."""
        arrow = QPointF(self.width() - 6, self.height() / 2)
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            event = QMouseEvent(
                kind,
                arrow,
                self.mapToGlobal(arrow),
                Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(self, event)

    def mousePressEvent(self, event: Any) -> None:
        super().mousePressEvent(event)
        if self.value() is None and self.calendarWidget() is not None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())


class EmptyState(QWidget):
    """A friendly explanation of what to do next, with one action button."""

    def __init__(
        self,
        icon_name: str,
        title: str,
        text: str,
        action: str = "",
        tone: theme.Tone = theme.Tone.NEUTRAL,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(theme.Space.M)
        self.column = layout  # more buttons go below the action
        self.picture = QLabel()
        self.picture.setPixmap(pixmap(icon_name, 56, theme.tone(tone)))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = theme.apply(QLabel(title), theme.Type.SUBTITLE)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = theme.apply(QLabel(text), theme.Type.BODY, theme.Tone.NEUTRAL)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setFixedWidth(480)
        self.set_text(text)
        for w in (self.picture, self.title, self.text):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button: QPushButton | None = None
        if action:
            self.button = QPushButton(action)
            self.button.setObjectName("Primary")
            layout.addSpacing(theme.Space.S)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)

    def set_text(self, text: str) -> None:
        """Change the explanation; its height follows the wrapped lines."""
        self.text.setText(text)
        self.text.setMinimumHeight(max(self.text.heightForWidth(self.text.width()), 0))
