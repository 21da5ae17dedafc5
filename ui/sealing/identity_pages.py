"""The three faces of the Signing Identity dialog: none yet, the identity's details, and the
form that creates one. Widgets only; the dialog decides what happens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr

if TYPE_CHECKING:
    from exporters.certificates import CertificateInfo


def _column(page: QWidget, *items: QWidget | QHBoxLayout | QFormLayout) -> None:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    for item in items:
        if isinstance(item, QWidget):
            layout.addWidget(item)
        else:
            layout.addLayout(item)
    layout.addStretch(1)


def _row(*buttons: QPushButton, leading_stretch: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    if leading_stretch:
        row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    if not leading_stretch:
        row.addStretch(1)
    return row


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    theme.apply(label, theme.Type.CAPTION, theme.Tone.NEUTRAL)
    label.setWordWrap(True)
    return label


def _title(text: str) -> QLabel:
    label = QLabel(text)
    theme.apply(label, theme.Type.SUBTITLE)
    return label


class Pages(QWidget):
    """One page shown at a time, like a stacked widget, but only as tall as the page shown
    (hidden pages take no room), so what follows sits right under it."""

    def __init__(self, *pages: QWidget) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._pages = pages
        for page in pages:
            layout.addWidget(page)
        self._current = pages[0]
        self.setCurrentWidget(pages[0])

    def setCurrentWidget(self, shown: QWidget) -> None:
        self._current = shown
        for page in self._pages:
            page.setVisible(page is shown)

    def currentWidget(self) -> QWidget:
        return self._current


class NoIdentityPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        text = QLabel(
            tr(
                "A signing identity seals the agreement PDFs you export, so anyone can check "
                "later that a file is exactly what was signed. Create one here, or import the "
                ".p12 or .pfx file your company gave you."
            )
        )
        text.setWordWrap(True)
        self.create_button = QPushButton(tr("&Create Identity…"))
        self.import_button = QPushButton(tr("&Import .p12 or .pfx…"))
        _column(
            self,
            _title(tr("No signing identity yet")),
            text,
            _row(self.create_button, self.import_button),
        )


class DetailsPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (
            ("name", tr("Name")),
            ("organization", tr("Organization")),
            ("email", tr("Email")),
            ("valid", tr("Valid")),
            ("issuer", tr("Issued by")),
            ("fingerprint", tr("Fingerprint")),
        ):
            value = QLabel()
            value.setTextFormat(Qt.TextFormat.PlainText)  # names are shown as typed
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)
        self.export_button = QPushButton(tr("&Export Certificate…"))
        self.export_button.setToolTip(tr("Give this file to recipients so they can trust you."))
        self.replace_button = QPushButton(tr("Create &New…"))
        self.import_button = QPushButton(tr("&Import…"))
        _column(
            self,
            _title(tr("Your signing identity")),
            form,
            _row(self.export_button, self.replace_button, self.import_button),
        )

    def fill(self, info: CertificateInfo) -> None:
        from exporters.certificates import format_date

        f = self.fields
        f["name"].setText(info.name)
        f["organization"].setText(info.organization or "—")
        f["email"].setText(info.email or "—")
        f["valid"].setText(
            tr("{start} to {end}").format(
                start=format_date(info.not_before), end=format_date(info.not_after)
            )
        )
        f["issuer"].setText(tr("itself (self-signed)") if info.self_signed else info.issuer)
        f["fingerprint"].setText(info.short_fingerprint)
        f["fingerprint"].setToolTip(info.fingerprint.upper())


class CreatePage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        note = _caption(
            tr(
                "Accord makes a key and a certificate in your name, locked with a passphrase "
                "you choose. The passphrase is never stored: if you lose it, create a new "
                "identity."
            )
        )
        self.name = QLineEdit()
        self.organization = QLineEdit()
        self.email = QLineEdit()
        self.passphrase = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.passphrase, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.email.setPlaceholderText(tr("optional"))
        self.organization.setPlaceholderText(tr("optional"))
        form = QFormLayout()
        for label, edit in (
            (tr("&Name"), self.name),
            (tr("&Organization"), self.organization),
            (tr("&Email"), self.email),
            (tr("&Passphrase"), self.passphrase),
            (tr("&Repeat passphrase"), self.repeat),
        ):
            edit.setAccessibleName(label.replace("&", ""))
            form.addRow(label, edit)
        self.error = QLabel()
        theme.apply(self.error, theme.Type.BODY, theme.Tone.ERROR)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(tr("Problem"))
        self.create_button = QPushButton(tr("Create &Identity"))
        self.create_button.setDefault(True)
        self.back_button = QPushButton(tr("Back"))
        _column(
            self,
            _title(tr("Create a signing identity")),
            note,
            form,
            self.error,
            _row(self.back_button, self.create_button, leading_stretch=True),
        )

    def edit_for(self, field: str) -> QLineEdit | None:
        return {
            "name": self.name,
            "organization": self.organization,
            "email": self.email,
            "passphrase": self.passphrase,
            "repeat": self.repeat,
        }.get(field)

    def clear_secrets(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
