"""File ▸ Signing Identity…: create or import the identity that seals agreement PDFs, export
its certificate for recipients, and keep the list of trusted certificates.

Key generation and PKCS#12 encryption run through the window's task runner; the passphrase
only passes through to :mod:`exporters.identity` and is never kept or written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ui.common import dialogs, theme
from ui.common.i18n import tr
from ui.common.lifetime import while_alive
from ui.sealing.identity_pages import CreatePage, DetailsPage, NoIdentityPage, Pages
from ui.sealing.trust_list import TrustList
from workshop.errors import AccordError, ValidationError

if TYPE_CHECKING:
    from exporters.certificates import CertificateInfo
    from ui.common.tasks import TaskRunner
    from ui.shell.bridge import Shell

IDENTITIES = "Identity files (*.p12 *.pfx);;All files (*)"
CERTIFICATE_TYPES = "Certificate, text (*.pem);;Certificate, binary (*.cer)"


class IdentityDialog(QDialog):
    def __init__(self, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(tr("Signing Identity"))
        self.resize(560, 600)
        self.none_page = NoIdentityPage()
        self.details_page = DetailsPage()
        self.create_page = CreatePage()
        self.pages = Pages(self.none_page, self.details_page, self.create_page)
        form = self.create_page
        self.fields = self.details_page.fields
        self.name, self.organization, self.email = form.name, form.organization, form.email
        self.passphrase, self.repeat, self.error = form.passphrase, form.repeat, form.error
        self.create_button = form.create_button
        self.start_create = self.none_page.create_button
        self.replace_button = self.details_page.replace_button
        self.none_page.create_button.clicked.connect(lambda: self.show_create())
        self.none_page.import_button.clicked.connect(lambda: self.import_identity())
        self.details_page.export_button.clicked.connect(lambda: self.export_certificate())
        self.details_page.replace_button.clicked.connect(lambda: self.show_create())
        self.details_page.import_button.clicked.connect(lambda: self.import_identity())
        form.create_button.clicked.connect(self.create_identity)
        form.back_button.clicked.connect(self.show_identity)

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

    # -- showing ---------------------------------------------------------------------------

    def show_identity(self) -> None:
        from exporters.identity import current

        info = current()
        if info is None:
            self.pages.setCurrentWidget(self.none_page)
        else:
            self.details_page.fill(info)
            self.pages.setCurrentWidget(self.details_page)
        self.trust.refresh()

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
        self.create_page.clear_secrets()
        self.pages.setCurrentWidget(self.create_page)
        self.name.setFocus()

    # -- actions ---------------------------------------------------------------------------

    def create_identity(self) -> None:
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

        self.runner.submit(work, while_alive(self, self._created), while_alive(self, self._failed))

    def _refuse(self, exc: ValidationError) -> None:
        self.error.setText(exc.message)
        edit = self.create_page.edit_for(exc.field)
        if edit is not None:
            edit.setFocus()
            edit.selectAll()

    def _created(self, _info: Any) -> None:
        self.create_button.setEnabled(True)
        self.create_page.clear_secrets()
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

        self.runner.submit(work, while_alive(self, self._created), while_alive(self, self._failed))

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


def open_identity(shell: Shell) -> IdentityDialog:
    """Show the window's Signing Identity dialog (one, reused)."""
    window = shell.widget()
    dialog = window.findChild(IdentityDialog) or IdentityDialog(shell.runner, window)
    dialog.show_identity()
    dialog.show()
    dialog.activateWindow()
    return dialog
