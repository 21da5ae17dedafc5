"""File ▸ Backups…: the library's backups, with Restore and Open Backup Folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from storage.backups import Backup, backup_folder, list_backups
from ui.common import dialogs, theme
from ui.common.i18n import tr


def _size(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


class BackupsDialog(QDialog):
    restore_requested = Signal(str)  # the backup file to restore

    def __init__(self, library: Path, parent: Any = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(tr("Backups"))
        self.resize(560, 380)
        self.backups: list[Backup] = list_backups(library)
        intro = theme.apply(
            QLabel(
                tr(
                    "Accord backs up the library every 30 minutes while you work, and before "
                    "every restore. Restoring replaces the library with the chosen backup; "
                    "the library as it is now is backed up first."
                )
            ),
            theme.Type.BODY,
            theme.Tone.NEUTRAL,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 3)
        self.table.setAccessibleName(tr("Backups"))
        self.table.setHorizontalHeaderLabels([tr("Taken"), tr("Size"), tr("Workshops")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, b in enumerate(self.backups):
            taken = b.taken_at.astimezone().strftime("%d %b %Y %H:%M:%S")
            for col, text in enumerate((taken, _size(b.size), str(b.workshops))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.backups:
            self.table.selectRow(0)
        self.empty = QLabel(tr("No backups yet: the first one is taken after your first change."))
        self.empty.setVisible(not self.backups)

        self.restore_button = QPushButton(tr("&Restore…"))
        self.restore_button.setEnabled(bool(self.backups))
        self.restore_button.clicked.connect(self._restore)
        folder = QPushButton(tr("Open Backup &Folder"))
        folder.clicked.connect(self._open_folder)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(folder)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)

    def _restore(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.backups):
            return
        backup = self.backups[row]
        when = backup.taken_at.astimezone().strftime("%d %b %Y %H:%M")
        if dialogs.ask(
            self,
            tr("Restore backup"),
            tr("Replace the library with the backup from {when}?").format(when=when),
            tr("Restore"),
            tr("The library as it is now is backed up first, so this can be undone."),
        ):
            self.restore_requested.emit(str(backup.path))
            self.accept()

    def _open_folder(self) -> None:
        folder = backup_folder(self.library)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
