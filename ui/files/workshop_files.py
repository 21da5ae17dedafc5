"""File ▸ Export Workshop…, Import Workshop… and New from Template…: portable
``.accord.json`` files, read and written off the GUI thread."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui.common.i18n import tr
from workshop.errors import AccordError

if TYPE_CHECKING:
    from ui.shell.bridge import Shell

FILES = "Accord workshop files (*.accord.json *.json);;All files (*)"


def file_name(title: str) -> str:
    """A safe file name from a workshop title."""
    stem = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip()[:60] or "workshop"
    return f"{stem}.accord.json"


class WorkshopFiles(QObject):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget())
        self.shell = shell

    def export_workshop(self, path: str | None = None) -> None:
        w = self.shell
        workshop_id, repo = w.chosen_workshop(), w.repository()
        if repo is None or workshop_id is None:
            return
        if path is None:
            title = repo.summary(workshop_id).title
            path, _ = QFileDialog.getSaveFileName(
                w.widget(), tr("Export workshop"), file_name(title), tr(FILES)
            )
        if not path:
            return

        def work() -> None:
            from storage.transfer import export_workshop

            export_workshop(repo, workshop_id, Path(path))

        def done(_r: Any) -> None:
            w.say(tr("Workshop exported to {file}.").format(file=path), 8000)

        w.runner.submit(work, done, self._failed)

    def import_workshop(self, path: str | None = None, as_copy: bool | None = None) -> None:
        w = self.shell
        repo = w.repository()
        if repo is None:
            return
        if path is None:
            title = tr("New from template") if as_copy else tr("Import workshop")
            path, _ = QFileDialog.getOpenFileName(w.widget(), title, "", tr(FILES))
        if not path:
            return
        library = w.library_path()

        def work() -> str:
            from storage.transfer import import_workshop

            return import_workshop(repo, Path(path), as_copy, library)

        def done(workshop_id: str) -> None:
            w.refresh_library()
            w.open_workshop(workshop_id)
            w.say(tr("Workshop imported."), 8000)

        def failed(exc: BaseException) -> None:
            from storage.transfer import ImportConflictError

            if isinstance(exc, ImportConflictError) and as_copy is None:
                choice = self.ask_copy_or_replace()
                if choice is not None:
                    self.import_workshop(path, as_copy=choice)
                return
            self._failed(exc)

        w.runner.submit(work, done, failed)

    def ask_copy_or_replace(self) -> bool | None:
        """True: import as a copy; False: replace; None: cancel."""
        box = QMessageBox(self.shell.widget())
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Workshop already in the library"))
        box.setText(tr("This workshop is already in the library."))
        box.setInformativeText(
            tr("Import it as a copy (both are kept), or replace the one in the library?")
        )
        copy = box.addButton(tr("Import as Copy"), QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(copy)
        box.exec()
        clicked = box.clickedButton()
        return True if clicked is copy else False if clicked is replace else None

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AccordError):
            self.shell.report(exc.message)
        elif isinstance(exc, OSError):
            self.shell.report(
                tr("The file could not be read or written ({reason}).").format(
                    reason=exc.strerror or exc
                )
            )
        else:
            raise exc
