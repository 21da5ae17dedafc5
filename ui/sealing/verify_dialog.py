"""File ▸ Verify a PDF… (or a PDF dropped on the window): the seal's verdict in plain words.

Verification and the library lookup of the agreement digest run through the window's task
runner; the dialog shows "Checking…" until the verdict arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.lifetime import while_alive
from workshop.errors import AccordError

if TYPE_CHECKING:
    from exporters.verdict_text import LibraryMatch
    from exporters.verify import Verdict
    from storage.repository import Repository
    from ui.common.tasks import TaskRunner
    from ui.shell.bridge import Shell

PDF_FILES = "PDF files (*.pdf);;All files (*)"


def _plain(kind: theme.Type, tone: theme.Tone | None = None) -> QLabel:
    """A label that shows text exactly as given (never as markup)."""
    label = QLabel()
    theme.apply(label, kind, tone)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class VerifyDialog(QDialog):
    def __init__(
        self,
        runner: TaskRunner,
        repository: Callable[[], Repository | None] = lambda: None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.repository = repository
        self.path = ""
        self.setWindowTitle(tr("Verify a PDF"))
        self.resize(560, 340)
        self.headline = _plain(theme.Type.TITLE)
        self.headline.setAccessibleName(tr("Verdict"))
        self.file = _plain(theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.text = _plain(theme.Type.BODY)
        self.text.setAccessibleName(tr("What the seal shows"))
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(tr("Technical details"))
        self.details.setVisible(False)
        self.details_button = QPushButton(tr("Show &Details"))
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.another = buttons.addButton(
            tr("Verify &Another PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.HelpRole)
        self.another.clicked.connect(lambda: self.check())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.Space.S)
        layout.addWidget(self.headline)
        layout.addWidget(self.file)
        layout.addSpacing(theme.Space.S)
        layout.addWidget(self.text)
        layout.addWidget(self.details, 1)
        layout.addStretch(0)
        layout.addWidget(buttons)

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(tr("Hide &Details") if shown else tr("Show &Details"))

    def _show(self, headline: str, tone: theme.Tone, text: str, details: str = "") -> None:
        theme.apply(self.headline, theme.Type.TITLE, tone)
        self.headline.setText(headline)
        self.text.setText(text)
        self.details.setPlainText(details)
        self.details_button.setEnabled(bool(details))

    def check(self, path: str | None = None) -> None:
        """Verify ``path`` (or a file the user picks) and show the verdict."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Verify a PDF"), "", tr(PDF_FILES))
        if not path:
            return
        self.path = path
        self.file.setText(path)
        self._show(tr("Checking…"), theme.Tone.NEUTRAL, tr("Checking the seal of this file."))
        self.another.setEnabled(False)
        repo = self.repository()

        def work() -> tuple[Verdict, LibraryMatch | None]:
            from exporters.trust import trusted_certificates
            from exporters.verdict_text import LibraryMatch
            from exporters.verify import verify_file

            verdict = verify_file(Path(path), trusted_certificates())
            match = None
            if verdict.digest and repo is not None:
                try:
                    found = repo.version_with_digest(verdict.digest)
                except AccordError:
                    found = None  # the verdict stands without the library
                if found is not None:
                    match = LibraryMatch(found[0], found[1].number)
            return verdict, match

        self.runner.submit(work, while_alive(self, self._verified), while_alive(self, self._failed))

    def _verified(self, result: tuple[Verdict, LibraryMatch | None]) -> None:
        from exporters.verdict_text import headline, sentences
        from exporters.verify import Outcome

        verdict, match = result
        tone = {
            Outcome.INTACT: theme.Tone.GOOD,
            Outcome.MODIFIED: theme.Tone.GAP,
            Outcome.BROKEN: theme.Tone.ERROR,
        }[verdict.outcome]
        self._show(headline(verdict), tone, "\n\n".join(sentences(verdict, match)), verdict.detail)
        self.another.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.another.setEnabled(True)
        if isinstance(exc, AccordError):
            self._show(tr("Not a readable PDF"), theme.Tone.ERROR, exc.message)
        else:
            raise exc


def open_verification(shell: Shell, path: str | None = None) -> VerifyDialog | None:
    """Show the window's verification dialog (one, reused) and check ``path``."""
    window = shell.widget()
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, tr("Verify a PDF"), "", tr(PDF_FILES))
        if not path:
            return None
    dialog = window.findChild(VerifyDialog)
    if dialog is None:
        dialog = VerifyDialog(shell.runner, shell.repository, window)
    dialog.show()
    dialog.activateWindow()
    dialog.check(path)
    return dialog
