"""Every version of the agreement, signed ones as they were signed, with what to do with one:
preview it, export it to PDF, print it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.agreement.signing_panel import when
from ui.common import theme
from ui.common.i18n import tr
from ui.editing.document import WorkshopDocument
from workshop.agreement import short_digest
from workshop.model import AgreementVersion, VersionStatus
from workshop.portable import digest_matches
from workshop.versions import all_versions

HEADERS = ("Version", "Status", "Signed", "Signed by", "Digest")


def status_text(version: AgreementVersion) -> str:
    if version.status is VersionStatus.SIGNED:
        text = tr("Signed")
        if not digest_matches(version):
            text += " — " + tr("digest does not match — not the signed text")
    elif any(s.signature for s in version.signatories):
        text = tr("Draft, being signed")
    else:
        text = tr("Draft")
    if version.contains_open_points:
        text += " · " + tr("contains open points")
    return text


class VersionHistory(QWidget):
    """The versions table; the buttons act on the selected version."""

    preview_requested = Signal(int)  # a version number
    export_requested = Signal(int)
    print_requested = Signal(int)

    def __init__(self, doc: WorkshopDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.versions: list[AgreementVersion] = []
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(tr("Agreement versions"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda *_: self._emit(self.preview_requested))

        self.preview_button = QPushButton(tr("&Preview…"))
        self.export_button = QPushButton(tr("E&xport PDF…"))
        self.print_button = QPushButton(tr("P&rint…"))
        for button, signal in (
            (self.preview_button, self.preview_requested),
            (self.export_button, self.export_requested),
            (self.print_button, self.print_requested),
        ):
            button.clicked.connect(lambda _c=False, s=signal: self._emit(s))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.Space.S)
        column.addWidget(self.table)
        column.addLayout(buttons)

    def selected(self) -> AgreementVersion | None:
        row = self.table.currentRow()
        return self.versions[row] if 0 <= row < len(self.versions) else None

    def _emit(self, signal: Any) -> None:
        version = self.selected()
        if version is not None:
            signal.emit(version.number)

    def refresh(self, versions: list[AgreementVersion] | None = None) -> None:
        """Show ``versions`` (all of the workshop's when not given)."""
        keep = self.selected()
        self.versions = versions if versions is not None else all_versions(self.doc.workshop)
        self.table.setRowCount(len(self.versions))
        for row, v in enumerate(self.versions):
            signers = ", ".join(s.name for s in v.signatories if s.signature is not None)
            cells = (
                tr("Version {n}").format(n=v.number),
                status_text(v),
                when(v.signed_at),
                signers,
                short_digest(v.digest),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(v.digest if col == 4 else text)
                if col == 1 and not digest_matches(v):
                    item.setForeground(theme.tone(theme.Tone.ERROR))
                self.table.setItem(row, col, item)
        self.table.setFixedHeight(
            self.table.horizontalHeader().height()
            + max(len(self.versions), 1) * self.table.verticalHeader().defaultSectionSize()
            + 2 * self.table.frameWidth()
        )
        numbers = [v.number for v in self.versions]
        wanted = keep.number if keep is not None and keep.number in numbers else None
        row = numbers.index(wanted) if wanted is not None else len(numbers) - 1
        if row >= 0:
            self.table.selectRow(row)
        for button in (self.preview_button, self.export_button, self.print_button):
            button.setEnabled(bool(self.versions))
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
