"""Getting an agreement version out of Accord: preview it, export it to PDF (sealed if the
user has an identity), print it. Building, sealing and writing run off the GUI thread;
the preview shows exactly the bytes that are exported."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from ui.common import dialogs
from ui.common.i18n import tr
from ui.common.lifetime import alive
from ui.common.settings import PAGE_SIZE, Settings
from ui.editing.document import WorkshopDocument
from workshop import __version__
from workshop.errors import AccordError
from workshop.model import AgreementVersion, VersionStatus
from workshop.versions import export_target

PAGE_SIZES = ("A4", "Letter")


def default_page_size() -> str:
    """US Letter where the locale uses it (the Americas' letter countries), A4 elsewhere."""
    letter = {QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico}
    return "Letter" if QLocale().territory() in letter else "A4"


def file_name(title: str, version: AgreementVersion) -> str:
    """A safe default file name: "Agreement v2 – <title>.pdf" without path characters."""
    cleaned = re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", " ", title).strip(" .") or tr("Agreement")
    state = "" if version.status is VersionStatus.SIGNED else " " + tr("draft")
    return f"{tr('Agreement')} v{version.number}{state} – {cleaned[:80]}.pdf"


@dataclass(frozen=True)
class Built:
    """A version built to PDF: the bytes, and what to tell the user about them."""

    data: bytes
    pages: int
    missing_glyphs: tuple[str, ...]
    seal_box: Any
    digest: str
    version: AgreementVersion
    page_size: str


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog (queued signal)."""

    moved = Signal(int, int)


class AgreementOutput(QObject):
    """Preview, export and print for the versions of one open workshop."""

    def __init__(self, owner: QWidget, doc: WorkshopDocument) -> None:
        super().__init__(owner)
        self.owner, self.doc = owner, doc
        self.last_message = ""  # what the last export said (tests read it)
        self._window: QWidget | None = None  # the window of the last request

    def _reply_to(self) -> QWidget | None:
        """Where a late result is told: the page's window, or the window the request came
        from when the page has closed meanwhile (work outlives the page that asked)."""
        if alive(self.owner):
            self._window = self.owner.window()
            return self._window
        return self._window if alive(self._window) else None

    # -- shared ------------------------------------------------------------------------------

    def _settings(self) -> Settings:
        settings = getattr(self.owner.window(), "settings", None)
        return settings if isinstance(settings, Settings) else Settings()

    def page_size(self) -> str:
        chosen = self._settings().get(PAGE_SIZE)
        return chosen if chosen in PAGE_SIZES else default_page_size()

    def _build(self, number: int, page_size: str, then: Callable[[Built], None]) -> None:
        """Build version ``number`` off the GUI thread."""
        workshop = self.doc.workshop
        agreement, version = export_target(workshop, number)
        progress = QProgressDialog(
            tr("Building version {n} of the agreement…").format(n=number),
            "",
            0,
            0,
            self._reply_to(),
        )
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        relay = _Progress()  # no parent: the work may outlive the page that asked for it

        def moved(done: int, total: int) -> None:
            if alive(progress):
                progress.setMaximum(total)
                progress.setValue(min(done, total))

        relay.moved.connect(moved)

        def work() -> Built:
            from exporters.pdf_process import shared

            # In a helper process: building a large PDF here would hold the interpreter
            # lock the window needs (see exporters.pdf_process).
            rendered = shared().render(
                agreement,
                version,
                workshop_id=workshop.id,
                page_size=page_size,
                app_version=__version__,
                progress=relay.moved.emit,
            )
            return Built(
                rendered.data,
                rendered.pages,
                rendered.missing_glyphs,
                rendered.seal_box,
                version.digest,
                version,
                page_size,
            )

        def finish() -> None:
            if alive(progress):
                progress.reset()
                progress.deleteLater()
            relay.deleteLater()

        def done(built: Built) -> None:
            finish()
            then(built)

        def failed(exc: BaseException) -> None:
            finish()
            if not isinstance(exc, AccordError):
                raise exc
            self.last_message = exc.message
            dialogs.tell(self._reply_to(), exc.message)

        self.doc.runner.submit(work, done, failed)

    def _glyph_note(self, built: Built) -> str:
        if not built.missing_glyphs:
            return ""
        return " " + tr(
            "No font could draw these characters, so they show as empty boxes: {chars}"
        ).format(chars=" ".join(built.missing_glyphs))

    # -- export --------------------------------------------------------------------------------

    def export(self, number: int, target: Path | None = None, built: Built | None = None) -> None:
        """Ask for page size, seal and file name, then build, seal and write atomically.
        From the preview (``built``), the previewed bytes are the ones written."""
        _agreement, version = export_target(self.doc.workshop, number)
        options = ExportOptions(self.owner, self.page_size(), version)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        page_size = options.page_size.currentText()
        self._settings().set(PAGE_SIZE, page_size)
        passphrase: str | None = None
        if options.seal.check.isChecked():
            from ui.sealing.seal_options import ask_passphrase

            passphrase = ask_passphrase(self.owner)
            if passphrase is None:
                return
        if target is None:
            suggested = Path.home() / file_name(self.doc.workshop.title, version)
            chosen, _filter = QFileDialog.getSaveFileName(
                self.owner, tr("Export Agreement PDF"), str(suggested), tr("PDF files (*.pdf)")
            )
            if not chosen:
                return
            target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        if built is not None and built.page_size == page_size:
            self._write(built, target, passphrase)
        else:
            self._build(number, page_size, lambda b: self._write(b, target, passphrase))

    def _write(self, built: Built, target: Path, passphrase: str | None) -> None:
        from exporters.files import write_atomically

        def work() -> None:
            data = built.data
            if passphrase is not None:
                from exporters.identity import WrongPassphraseError, identity_path
                from exporters.pdf_process import shared

                try:
                    data = shared().seal(
                        data, built.seal_box, built.digest, passphrase, identity_path()
                    )
                except WrongPassphraseError:
                    from ui.sealing.seal_options import forget_passphrase

                    forget_passphrase()  # so the next attempt asks again
                    raise
            write_atomically(target, data)

        def done(_none: None) -> None:
            self.last_message = tr("Exported version {n} to {path} ({pages} pages).").format(
                n=built.version.number, path=target, pages=built.pages
            ) + self._glyph_note(built)
            window = self._reply_to()
            bar = getattr(window, "statusBar", None)
            if built.missing_glyphs:
                dialogs.tell(window, self.last_message)
            elif callable(bar):
                bar().showMessage(self.last_message, 10_000)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, AccordError):
                raise exc
            self.last_message = exc.message
            dialogs.tell(self._reply_to(), exc.message)

        self.doc.runner.submit(work, done, failed)

    # -- preview -------------------------------------------------------------------------------

    def preview(self, number: int) -> None:
        self._build(number, self.page_size(), self._show_preview)

    def _show_preview(self, built: Built) -> None:
        if not alive(self.owner):
            return  # the workshop closed while it was built: nothing to preview it beside
        dialog = PreviewDialog(built, self.owner)
        dialog.export_requested.connect(lambda: self.export(built.version.number, built=built))
        dialog.print_requested.connect(lambda: self._print(built))
        self.preview_dialog = dialog
        dialog.show()

    # -- print ---------------------------------------------------------------------------------

    def print_version(self, number: int) -> None:
        self._build(number, self.page_size(), self._print)

    def _print(self, built: Built) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if not alive(self.owner):
            return  # the workshop closed while it was built

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(file_name(self.doc.workshop.title, built.version))
        ask = QPrintDialog(printer, self.owner)
        ask.setWindowTitle(tr("Print Agreement"))
        if ask.exec() != QDialog.DialogCode.Accepted:
            return
        message = print_pdf(built.data, printer)
        if message:
            dialogs.tell(self.owner, message)


def print_pdf(data: bytes, printer: Any) -> str:
    """Send the PDF's pages to ``printer``, each scaled to the printable area; returns a
    sentence if printing could not start, else ""."""
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    painter = QPainter()
    if not painter.begin(printer):
        return tr("The printer could not be started; check that it is connected and try again.")
    try:
        dpi = printer.resolution()
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            area = QRectF(printer.pageLayout().paintRectPixels(dpi))
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            image = document.render(index, size)
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
    return ""


class ExportOptions(QDialog):
    """Page size and the seal choice, before the file name."""

    def __init__(self, parent: QWidget, page_size: str, version: AgreementVersion) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export Agreement PDF"))
        self.page_size = QComboBox()
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.setCurrentText(page_size)
        self.page_size.setAccessibleName(tr("Paper size"))
        form = QFormLayout()
        form.addRow(tr("&Paper size"), self.page_size)
        layout = QVBoxLayout(self)
        title = QLabel(
            tr("Version {n} ({state})").format(
                n=version.number,
                state=tr("signed") if version.status is VersionStatus.SIGNED else tr("draft"),
            )
        )
        title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(title)
        layout.addLayout(form)
        from ui.sealing.seal_options import SealOptions

        self.seal = SealOptions()
        self.seal.set_version_signed(version.status is VersionStatus.SIGNED)
        layout.addWidget(self.seal)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class PreviewDialog(QDialog):
    """The PDF as it will be exported, page after page, with Export and Print at hand."""

    export_requested = Signal()
    print_requested = Signal()

    def __init__(self, built: Built, parent: QWidget) -> None:
        super().__init__(parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.setWindowTitle(
            tr("Preview — version {n} ({pages} pages)").format(
                n=built.version.number, pages=built.pages
            )
        )
        self.built = built
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(built.data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(tr("Agreement preview"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        export = buttons.addButton(tr("E&xport PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        print_ = buttons.addButton(tr("P&rint…"), QDialogButtonBox.ButtonRole.ActionRole)
        export.clicked.connect(self.export_requested)
        print_.clicked.connect(self.print_requested)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        if built.missing_glyphs:
            note = QLabel(
                tr(
                    "No font could draw these characters, so they show as empty boxes: {chars}"
                ).format(chars=" ".join(built.missing_glyphs))
            )
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(buttons)
        screen = parent.screen().availableGeometry()
        self.resize(min(900, screen.width() - 80), screen.height() - 80)
