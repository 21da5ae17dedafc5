"""The few questions and messages Accord puts to the user, in one place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ui.common.i18n import tr


def ask(parent: Any, title: str, text: str, ok_label: str, detail: str = "") -> bool:
    """A yes/no question whose default answer is the safe one (No)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    ok = box.addButton(ok_label, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def tell(parent: Any, text: str, title: str = "") -> None:
    """One sentence saying what happened and what to do."""
    box = QMessageBox(QMessageBox.Icon.Warning, title or tr("Accord"), text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
