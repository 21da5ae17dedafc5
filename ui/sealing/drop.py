"""A PDF dropped on the window is verified. Light at import: the verification dialog loads
only when a PDF is dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from ui.shell.bridge import Shell


def dropped_pdf(mime: QMimeData) -> str | None:
    """The local .pdf file in a drag, if it carries exactly one."""
    if not mime.hasUrls():
        return None
    files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
    if len(files) == 1 and files[0].lower().endswith(".pdf"):
        return files[0]
    return None


class PdfDrop(QObject):
    """Watches the window for drags: takes one local PDF, lets anything else pass."""

    def __init__(self, shell: Shell) -> None:
        window = shell.widget()
        super().__init__(window)
        self.shell = shell
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.DragEnter:
            enter: QDragEnterEvent = event  # type: ignore[assignment]
            if dropped_pdf(enter.mimeData()) is not None:
                enter.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            drop: QDropEvent = event  # type: ignore[assignment]
            path = dropped_pdf(drop.mimeData())
            if path is not None:
                from ui.sealing.verify_dialog import open_verification

                drop.acceptProposedAction()
                open_verification(self.shell, path)
                return True
        return super().eventFilter(watched, event)
