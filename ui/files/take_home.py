"""File ▸ Take-home Outputs: one entry per output :mod:`exporters.outputs` declares (the
workshop summary PDF, the action items CSV, the review calendar …), built and written off the
GUI thread from a copy of the workshop."""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui.common.i18n import tr
from workshop.errors import AccordError

if TYPE_CHECKING:
    from ui.shell.bridge import Shell
    from workshop.model import Workshop


def suggested_name(title: str, what: str, suffix: str) -> str:
    stem = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip()[:60] or "workshop"
    return f"{stem} - {what}{suffix}"


def output_actions(parent: QObject, export: Callable[[str], None]) -> list[QAction]:
    """File ▸ Take-home Outputs: one action per output :mod:`exporters.outputs` declares, in
    its order, calling ``export(name)`` when triggered."""
    from exporters.outputs import OUTPUTS

    actions: list[QAction] = []
    for output in OUTPUTS.values():
        action = QAction(tr(output.menu_text), parent)
        action.triggered.connect(lambda _checked=False, name=output.name: export(name))
        actions.append(action)
    return actions


class TakeHomeOutputs(QObject):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget())
        self.shell = shell
        self.last_notes: list[str] = []  # what the last calendar could not map
        self.notes_box: QMessageBox | None = None

    def _snapshot(self) -> Callable[[], Workshop] | None:
        """How the worker gets the workshop: a copy of the open one, or read from the library."""
        w = self.shell
        view = w.workshop()
        if view is not None:
            snapshot = copy.deepcopy(view.doc.workshop)
            return lambda: snapshot
        workshop_id, repo = w.chosen_workshop(), w.repository()
        if repo is None or workshop_id is None:
            return None
        return lambda: repo.get(workshop_id)

    def _ask(self, title: str, what: str, suffix: str, filter_: str) -> str:
        w = self.shell
        name = tr("workshop")
        view, repo = w.workshop(), w.repository()
        if view is not None:
            name = view.doc.workshop.title
        elif repo is not None and (selected := w.chosen_workshop()) is not None:
            with contextlib.suppress(AccordError):  # gone meanwhile: the export says so
                name = repo.summary(selected).title
        suggested = suggested_name(name, what, suffix)
        path, _ = QFileDialog.getSaveFileName(w.widget(), title, suggested, filter_)
        if path and not path.lower().endswith(suffix):
            path += suffix
        return path

    def actions(self) -> list[QAction]:
        """The menu's entries, one per output, on the window."""
        return output_actions(self.shell.widget(), self.export)

    def summary_pdf(self, path: str | None = None) -> None:
        self.export("summary", path)

    def actions_csv(self, path: str | None = None) -> None:
        self.export("actions", path)

    def calendar(self, path: str | None = None) -> None:
        self.export("calendar", path)

    def export(self, name: str, path: str | None = None) -> None:
        """Write the output ``name`` of :mod:`exporters.outputs` to ``path`` (asked for
        when None), built off the GUI thread."""
        from exporters.outputs import OUTPUTS, BuildOptions

        output = OUTPUTS[name]
        path = path or self._ask(
            tr(output.dialog_title), tr(output.file_label), output.suffix, tr(output.file_filter)
        )
        w = self.shell
        source = self._snapshot()
        if not path or source is None:
            return

        def work() -> list[str]:
            from exporters.files import write_atomically

            built = output.build(source(), BuildOptions.current(helper_process=True))
            write_atomically(Path(path), built.data)
            return list(built.notes)

        def done(notes: list[str]) -> None:
            self.last_notes = notes
            message = tr(output.saved).format(file=path)
            w.say(message)
            if notes:
                # Plain text: the notes quote titles and cadences as typed.
                text = message + "\n\n" + "\n".join(f"• {n}" for n in notes)
                from PySide6.QtCore import Qt  # its enums cost ~30 ms: not at start-up

                box = QMessageBox(
                    QMessageBox.Icon.Information, tr("Accord"), text, parent=w.widget()
                )
                box.setTextFormat(Qt.TextFormat.PlainText)
                box.open()
                self.notes_box = box

        w.runner.submit(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AccordError):
            self.shell.report(exc.message)
        elif isinstance(exc, OSError):
            self.shell.report(
                tr("The file could not be written ({reason}); choose another place.").format(
                    reason=exc.strerror or exc
                )
            )
        else:
            raise exc
