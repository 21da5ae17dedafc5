"""File ▸ Take-home Outputs: the workshop summary PDF, the action items CSV and the review
calendar, built and written off the GUI thread from a copy of the workshop."""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui.common.i18n import tr
from workshop.errors import AccordError

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow
    from workshop.model import Workshop

MESSAGE_MS = 10_000


def suggested_name(title: str, what: str, suffix: str) -> str:
    stem = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip()[:60] or "workshop"
    return f"{stem} - {what}{suffix}"


class TakeHomeOutputs(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_notes: list[str] = []  # what the last calendar could not map
        self.notes_box: QMessageBox | None = None

    def _snapshot(self) -> Callable[[], Workshop] | None:
        """How the worker gets the workshop: a copy of the open one, or read from the library."""
        w = self.window
        if w.view is not None:
            snapshot = copy.deepcopy(w.view.doc.workshop)
            return lambda: snapshot
        workshop_id = w.home.current_id()
        if w.library is None or workshop_id is None:
            return None
        repo = w.library.repository
        return lambda: repo.get(workshop_id)

    def _ask(self, title: str, what: str, suffix: str, filter_: str) -> str:
        w = self.window
        name = tr("workshop")
        if w.view is not None:
            name = w.view.doc.workshop.title
        elif w.library is not None and (selected := w.home.current_id()) is not None:
            with contextlib.suppress(AccordError):  # gone meanwhile: the export says so
                name = w.library.repository.summary(selected).title
        path, _ = QFileDialog.getSaveFileName(w, title, suggested_name(name, what, suffix), filter_)
        if path and not path.lower().endswith(suffix):
            path += suffix
        return path

    def summary_pdf(self, path: str | None = None) -> None:
        def build(workshop: Workshop) -> tuple[bytes, list[str]]:
            from exporters.pdf_process import shared  # ReportLab runs there, not here

            return shared().summary(workshop, date.today()), []

        self._export(
            path or self._ask(tr("Save workshop summary"), tr("summary"), ".pdf",
                              tr("PDF files (*.pdf)")),
            build,
            tr("Workshop summary saved to {file}."),
        )  # fmt: skip

    def actions_csv(self, path: str | None = None) -> None:
        def build(workshop: Workshop) -> tuple[bytes, list[str]]:
            from exporters.actions_csv import actions_csv

            return actions_csv(workshop, date.today()), []

        self._export(
            path or self._ask(tr("Save action items"), tr("action items"), ".csv",
                              tr("CSV files (*.csv)")),
            build,
            tr("Action items saved to {file}."),
        )  # fmt: skip

    def calendar(self, path: str | None = None) -> None:
        def build(workshop: Workshop) -> tuple[bytes, list[str]]:
            from exporters.calendar_ics import calendar_ics
            from exporters.ics_zone import local_zone_name

            result = calendar_ics(workshop, datetime.now(UTC), local_zone_name())
            return result.data, result.notes

        self._export(
            path or self._ask(tr("Save review calendar"), tr("calendar"), ".ics",
                              tr("Calendar files (*.ics)")),
            build,
            tr("Calendar saved to {file}."),
        )  # fmt: skip

    def _export(
        self,
        path: str,
        build: Callable[[Workshop], tuple[bytes, list[str]]],
        done_text: str,
    ) -> None:
        w = self.window
        source = self._snapshot()
        if not path or source is None:
            return

        def work() -> list[str]:
            from exporters.files import write_atomically

            data, notes = build(source())
            write_atomically(Path(path), data)
            return notes

        def done(notes: list[str]) -> None:
            self.last_notes = notes
            message = done_text.format(file=path)
            w.statusBar().showMessage(message, MESSAGE_MS)
            if notes:
                # Plain text: the notes quote titles and cadences as typed.
                text = message + "\n\n" + "\n".join(f"• {n}" for n in notes)
                from PySide6.QtCore import Qt  # its enums cost ~30 ms: not at start-up

                box = QMessageBox(QMessageBox.Icon.Information, tr("Accord"), text, parent=w)
                box.setTextFormat(Qt.TextFormat.PlainText)
                box.open()
                self.notes_box = box

        w.runner.submit(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AccordError):
            self.window.report(exc.message)
        elif isinstance(exc, OSError):
            self.window.report(
                tr("The file could not be written ({reason}); choose another place.").format(
                    reason=exc.strerror or exc
                )
            )
        else:
            raise exc
