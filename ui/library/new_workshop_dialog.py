"""The dialog that creates a workshop: title (required), client, date, place, facilitator."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.widgets import OptionalDateEdit
from workshop.editing import new_workshop
from workshop.errors import ValidationError
from workshop.model import Workshop


class NewWorkshopDialog(QDialog):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("New workshop"))
        self.setMinimumWidth(460)
        self.workshop: Workshop | None = None

        heading = theme.apply(QLabel(tr("Plan a new workshop")), theme.Type.SUBTITLE)
        hint = theme.apply(
            QLabel(tr("Only the title is needed now; you can fill in the rest later.")),
            theme.Type.CAPTION,
            theme.Tone.NEUTRAL,
        )
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("e.g. Sales & marketing alignment offsite"))
        self.title_error = QLabel()
        self.title_error.setObjectName("InlineError")
        self.title_error.setTextFormat(Qt.TextFormat.PlainText)
        self.title_error.setVisible(False)
        self.client = QLineEdit()
        self.client.setPlaceholderText(tr("Company the workshop is for"))
        self.date = OptionalDateEdit()
        self.date.set_value(date.today())
        self.location = QLineEdit()
        self.location.setPlaceholderText(tr("Room, venue or city"))
        self.facilitator = QLineEdit()
        self.facilitator.setPlaceholderText(tr("Who runs the session"))

        form = QFormLayout()
        form.setSpacing(theme.Space.S)
        for label, field in (
            (tr("&Title"), self.title),
            ("", self.title_error),
            (tr("&Client"), self.client),
            (tr("&Date"), self.date),
            (tr("&Location"), self.location),
            (tr("&Facilitator"), self.facilitator),
        ):
            if label:
                form.addRow(label, field)
                field.setAccessibleName(label.replace("&", ""))
            else:
                form.addRow(field)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(tr("Create workshop"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.title.textEdited.connect(lambda _t: self.title_error.setVisible(False))

        layout = QVBoxLayout(self)
        layout.setSpacing(theme.Space.M)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.workshop = new_workshop(
                self.title.text(),
                self.client.text(),
                self.date.value(),
                self.location.text(),
                self.facilitator.text(),
            )
        except ValidationError as exc:
            self.title_error.setText(exc.message)
            self.title_error.setVisible(True)
            self.title.setFocus()
            return
        super().accept()
