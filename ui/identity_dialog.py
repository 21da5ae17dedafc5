"""File ▸ Signing Identity…: create or import the identity that seals agreement PDFs, export
its certificate for recipients, and keep the list of trusted certificates.

Key generation and PKCS#12 encryption run through the window's task runner; the passphrase
only passes through to :mod:`exporters.identity` and is never kept or written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, theme
from ui.i18n import tr
from ui.trust_list import TrustList
from workshop.errors import AccordError, ValidationError

if TYPE_CHECKING:
    from exporters.certificates import CertificateInfo
    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

IDENTITIES = "Identity files (*.p12 *.pfx);;All files (*)"
CERTIFICATE_TYPES = "Certificate, text (*.pem);;Certificate, binary (*.cer)"


class IdentityDialog(QDialog):
    def __init__(self, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(tr("Signing Identity"))
        self.resize(560, 600)
        self.pages = QStackedWidget()
        self.none_page = self._none_page()
        self.details_page = self._details_page()
        self.create_page = self._create_page()
        for page in (self.none_page, self.details_page, self.create_page):
            self.pages.addWidget(page)

        self.trust = TrustList()
        trust_title = theme.apply(QLabel(tr("Trusted certificates")), theme.Type.SUBTITLE)
        trust_note = theme.apply(
            QLabel(
                tr(
                    "Seals made with these certificates verify as coming from a known signer. "
                    "Add a certificate only after checking its fingerprint with its owner."
                )
            ),
            theme.Type.CAPTION,
            theme.Tone.NEUTRAL,
        )
        trust_note.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.Space.M)
        layout.addWidget(self.pages)
        layout.addSpacing(theme.Space.S)
        layout.addWidget(trust_title)
        layout.addWidget(trust_note)
        layout.addWidget(self.trust, 1)
        layout.addWidget(close)
        self.show_identity()

    # -- pages -----------------------------------------------------------------------------

    def _none_page(self) -> QWidget:
        page = QWidget()
        title = theme.apply(QLabel(tr("No signing identity yet")), theme.Type.SUBTITLE)
        text = QLabel(
            tr(
                "A signing identity seals the agreement PDFs you export, so anyone can check "
                "later that a file is exactly what was signed. Create one here, or import the "
                ".p12 or .pfx file your company gave you."
            )
        )
        text.setWordWrap(True)
        self.start_create = QPushButton(tr("&Create Identity…"))
        self.start_import = QPushButton(tr("&Import .p12 or .pfx…"))
        self.start_create.clicked.connect(lambda: self.show_create())
        self.start_import.clicked.connect(lambda: self.import_identity())
        row = QHBoxLayout()
        row.addWidget(self.start_create)
        row.addWidget(self.start_import)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _details_page(self) -> QWidget:
        page = QWidget()
        title = theme.apply(QLabel(tr("Your signing identity")), theme.Type.SUBTITLE)
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
        self.replace_button = QPushButton(tr("Create &New…"))
        self.import_button = QPushButton(tr("&Import…"))
        self.export_button.setToolTip(tr("Give this file to recipients so they can trust you."))
        self.export_button.clicked.connect(lambda: self.export_certificate())
        self.replace_button.clicked.connect(lambda: self.show_create())
        self.import_button.clicked.connect(lambda: self.import_identity())
        row = QHBoxLayout()
        for button in (self.export_button, self.replace_button, self.import_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _create_page(self) -> QWidget:
        page = QWidget()
        title = theme.apply(QLabel(tr("Create a signing identity")), theme.Type.SUBTITLE)
        note = theme.apply(
            QLabel(
                tr(
                    "Accord makes a key and a certificate in your name, locked with a "
                    "passphrase you choose. The passphrase is never stored: if you lose it, "
                    "create a new identity."
                )
            ),
            theme.Type.CAPTION,
            theme.Tone.NEUTRAL,
        )
        note.setWordWrap(True)
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
        self.error = theme.apply(QLabel(), theme.Type.BODY, theme.Tone.ERROR)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(tr("Problem"))
        self.create_button = QPushButton(tr("Create &Identity"))
        self.create_button.setDefault(True)
        self.back_button = QPushButton(tr("Back"))
        self.create_button.clicked.connect(self.create)
        self.back_button.clicked.connect(self.show_identity)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.create_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # -- showing ---------------------------------------------------------------------------

    def show_identity(self) -> None:
        from exporters.identity import current

        info = current()
        if info is None:
            self.pages.setCurrentWidget(self.none_page)
        else:
            self._fill(info)
            self.pages.setCurrentWidget(self.details_page)
        self.trust.refresh()

    def _fill(self, info: CertificateInfo) -> None:
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

    def show_create(self) -> None:
        from exporters.identity import current

        if current() is not None and not dialogs.ask(
            self,
            tr("Replace signing identity"),
            tr("Create a new identity in place of the current one?"),
            tr("Create New"),
            tr(
                "The current identity is kept aside, and its certificate stays in your trust "
                "list, so PDFs you sealed with it still verify."
            ),
        ):
            return
        self.error.clear()
        for edit in (self.passphrase, self.repeat):
            edit.clear()
        self.pages.setCurrentWidget(self.create_page)
        self.name.setFocus()

    # -- actions ---------------------------------------------------------------------------

    def create(self) -> None:
        from exporters.identity import check_details, check_passphrase

        name, organization, email = self.name.text(), self.organization.text(), self.email.text()
        passphrase = self.passphrase.text()
        try:
            check_details(name, organization, email)
            check_passphrase(passphrase, self.repeat.text())
        except ValidationError as exc:
            self._refuse(exc)
            return
        self.error.clear()
        self.create_button.setEnabled(False)

        def work() -> CertificateInfo:
            from exporters.identity import create_identity

            return create_identity(name, organization, email, passphrase)

        self.runner.submit(work, self._created, self._failed)

    def _refuse(self, exc: ValidationError) -> None:
        self.error.setText(exc.message)
        edit = {
            "name": self.name,
            "organization": self.organization,
            "email": self.email,
            "passphrase": self.passphrase,
            "repeat": self.repeat,
        }.get(exc.field)
        if edit is not None:
            edit.setFocus()
            edit.selectAll()

    def _created(self, _info: Any) -> None:
        self.create_button.setEnabled(True)
        for edit in (self.passphrase, self.repeat):
            edit.clear()
        self.show_identity()

    def _failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        if isinstance(exc, ValidationError) and self.pages.currentWidget() is self.create_page:
            self._refuse(exc)
        elif isinstance(exc, AccordError):
            dialogs.tell(self, exc.message)
        elif isinstance(exc, OSError):
            dialogs.tell(
                self,
                tr("The identity could not be saved ({reason}).").format(
                    reason=exc.strerror or exc
                ),
            )
        else:
            raise exc

    def import_identity(self, path: str | None = None, passphrase: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, tr("Import signing identity"), "", tr(IDENTITIES)
            )
        if not path:
            return
        if passphrase is None:
            passphrase, ok = QInputDialog.getText(
                self,
                tr("Import signing identity"),
                tr("Passphrase of {file}:").format(file=Path(path).name),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return
        from exporters.identity import current

        if current() is not None and not dialogs.ask(
            self,
            tr("Replace signing identity"),
            tr("Use the imported identity in place of the current one?"),
            tr("Replace"),
            tr("The current identity is kept aside and its certificate stays trusted."),
        ):
            return
        secret = passphrase

        def work() -> CertificateInfo:
            from exporters.identity import import_identity

            return import_identity(Path(path), secret)

        self.runner.submit(work, self._created, self._failed)

    def export_certificate(self, path: str | None = None) -> None:
        from exporters.identity import current, export_certificate

        info = current()
        if info is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, tr("Export certificate"), f"{info.name}.pem", tr(CERTIFICATE_TYPES)
            )
        if not path:
            return
        try:
            export_certificate(Path(path))
        except (AccordError, OSError) as exc:
            self._failed(exc)


def open_identity(window: MainWindow) -> IdentityDialog:
    """Show the window's Signing Identity dialog (one, reused)."""
    dialog = window.findChild(IdentityDialog) or IdentityDialog(window.runner, window)
    dialog.show_identity()
    dialog.show()
    dialog.activateWindow()
    return dialog
