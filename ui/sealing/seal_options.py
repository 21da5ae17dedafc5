"""The sealing part of exporting an agreement: a "Seal with my identity" choice and the
passphrase prompt (the sealing itself runs in the PDF helper, :mod:`exporters.pdf_process`).

A passphrase the user asks to remember stays in this process's memory only, until Accord
quits or the passphrase turns out not to unlock the identity; it is never written anywhere.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr

_remembered: str | None = None  # this session only; never stored


def forget_passphrase() -> None:
    global _remembered
    _remembered = None


def has_identity() -> bool:
    from exporters.identity import certificate_path, identity_path

    return identity_path().is_file() and certificate_path().is_file()


class PassphraseDialog(QDialog):
    def __init__(self, parent: Any = None, who: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Unlock Signing Identity"))
        text = (
            tr("Type the passphrase of your signing identity ({who}) to seal the PDF.").format(
                who=who
            )
            if who
            else tr("Type the passphrase of your signing identity to seal the PDF.")
        )
        intro = QLabel(text)
        intro.setTextFormat(Qt.TextFormat.PlainText)  # the name is shown as typed
        intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(tr("Passphrase"))
        self.remember = QCheckBox(tr("&Remember until Accord quits"))
        self.remember.setToolTip(tr("Kept in memory only; it is never written to disk."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Seal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)


def ask_passphrase(parent: Any = None) -> str | None:
    """The passphrase remembered this session, or asked for; None if the user cancels."""
    global _remembered
    if _remembered is not None:
        return _remembered
    from exporters.identity import current

    info = current()
    dialog = PassphraseDialog(parent, info.subject if info else "")
    if not dialog.exec():  # cancelled
        return None
    passphrase = dialog.passphrase.text()
    if dialog.remember.isChecked():
        _remembered = passphrase
    return passphrase


class SealOptions(QWidget):
    """The "Seal with my identity" checkbox for the agreement export dialog.

    On by default when an identity exists and the version is signed; otherwise off and
    disabled, with a line saying why.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(tr("Seal with my &identity"))
        self.check.setToolTip(
            tr("Adds a tamper-evident seal: anyone can check later that the PDF is unchanged.")
        )
        self.note = theme.apply(QLabel(), theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.note)
        self.set_version_signed(True)

    def set_version_signed(self, signed: bool) -> None:
        identity = has_identity()
        usable = identity and signed
        self.check.setEnabled(usable)
        self.check.setChecked(usable)
        if not identity:
            self.note.setText(
                tr("You have no signing identity yet; create one in File ▸ Signing Identity…")
            )
        elif not signed:
            self.note.setText(tr("Only a signed version can be sealed."))
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
