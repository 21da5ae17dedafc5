"""Small shared widgets: an optional date field and a labelled empty state."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import theme
from ui.i18n import tr
from ui.icons import pixmap

_NO_DATE = QDate(1900, 1, 1)


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

    def keyPressEvent(self, event: Any) -> None:  # Delete/Backspace on the whole field clears it
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.lineEdit().selectedText() == self.lineEdit().text()
        ):
            self.setDate(_NO_DATE)
            return
        super().keyPressEvent(event)


class EmptyState(QWidget):
    """A friendly explanation of what to do next, with one action button."""

    def __init__(
        self, icon_name: str, title: str, text: str, action: str = "", parent: Any = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(theme.Space.M)
        self.picture = QLabel()
        self.picture.setPixmap(pixmap(icon_name, 56, theme.tone(theme.Tone.NEUTRAL)))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = theme.apply(QLabel(title), theme.Type.SUBTITLE)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = theme.apply(QLabel(text), theme.Type.BODY, theme.Tone.NEUTRAL)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setMaximumWidth(460)
        for w in (self.picture, self.title, self.text):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button: QPushButton | None = None
        if action:
            self.button = QPushButton(action)
            self.button.setObjectName("Primary")
            layout.addSpacing(theme.Space.S)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
