"""The trust list as a widget: whose seals verify as "trusted", with Add… and Remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import dialogs
from ui.common.i18n import tr
from workshop.errors import AccordError

CERTIFICATES = "Certificates (*.pem *.cer *.crt *.der);;All files (*)"
FINGERPRINT = Qt.ItemDataRole.UserRole


class TrustList(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Trusted certificates"))
        self.list.setMinimumHeight(90)
        self.add_button = QPushButton(tr("&Add Certificate…"))
        self.remove_button = QPushButton(tr("&Remove"))
        self.add_button.clicked.connect(lambda: self.add())
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        from exporters.certificates import format_date
        from exporters.trust import entries

        self.list.clear()
        for entry in entries():
            info = entry.info
            label = tr("{who} — until {end}").format(
                who=info.subject, end=format_date(info.not_after)[:10]
            )
            if entry.own:
                label = tr("{label} (your identity)").format(label=label)
            item = QListWidgetItem(label)
            item.setData(FINGERPRINT, "" if entry.own else info.fingerprint)
            item.setToolTip(tr("SHA-256 fingerprint {f}").format(f=info.fingerprint.upper()))
            self.list.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        self.remove_button.setEnabled(item is not None and bool(item.data(FINGERPRINT)))

    def add(self, path: str | None = None) -> None:
        from exporters.trust import trust_file

        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, tr("Trust a certificate"), "", tr(CERTIFICATES)
            )
        if not path:
            return
        try:
            trust_file(Path(path))
        except AccordError as exc:
            dialogs.tell(self, exc.message)
            return
        self.refresh()
        self.changed.emit()

    def remove_selected(self) -> None:
        from exporters.trust import remove

        item = self.list.currentItem()
        if item is None or not item.data(FINGERPRINT):
            return
        remove(str(item.data(FINGERPRINT)))
        self.refresh()
        self.changed.emit()
