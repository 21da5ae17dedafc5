"""Help (F1) and the About box."""

from __future__ import annotations

import html
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout

from ui.common.i18n import tr
from workshop import __version__
from workshop.steps import STEP_INFO, STEPS

SHORTCUTS = (
    ("F1", "This help"),
    ("Ctrl+N", "Plan a new workshop"),
    ("Ctrl+O", "Back to all workshops"),
    ("Ctrl+F", "Search the library (Down or Enter: to the results; Escape: clear)"),
    ("Enter", "Open the selected workshop"),
    ("F2", "Rename the selected workshop; in a table, edit the current cell"),
    ("Ctrl+D", "Duplicate the selected workshop"),
    ("Delete", "Delete the selected workshop (undo with Ctrl+Z)"),
    ("Ctrl+R", "Reload the library"),
    ("Ctrl+E / Ctrl+I", "Export the workshop to a file / import one"),
    ("Ctrl+PgDown / Ctrl+PgUp", "Next / previous step"),
    ("Ctrl+G", "Show or hide guidance and gaps beside the step"),
    ("Ctrl+Shift+N", "Add a participant (Escape before typing takes it back)"),
    ("Ctrl+Shift+Backspace", "Remove the selected participant"),
    ("Alt+Up / Alt+Down", "Move the selected participant"),
    ("F4 or Alt+Down", "Open the calendar of a date field"),
    ("Ctrl+Shift+E", "Export the agreement version as a PDF (sealed if you have an identity)"),
    ("Ctrl+P", "Print the agreement version"),
    ("Ctrl+Shift+P", "Park an issue for later, from any step"),
    ("Ctrl+Shift+A", "New action item, from any step"),
    ("Ctrl+Shift+L", "Show or hide the capture panel: parking lot, action items, votes"),
    ("F5", "Present: the step, its questions and the timer on a second screen or window"),
    ("F11 / Escape", "In the presenter view: full screen on and off / close it"),
    ("F6", "Start, pause or resume the agenda timer, from any step"),
    ("Shift+F6 / Ctrl+F6", "Give the current agenda item 5 more minutes / reset its timer"),
    ("F7", "Record the time the agenda item took and time the next one"),
    ("Ctrl+Shift+T", "On the agenda: time the selected item"),
    ("Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y", "Undo / redo"),
    ("Ctrl+Q", "Quit (everything is already saved)"),
)


def help_html() -> str:
    steps = "".join(
        f"<li><b>{html.escape(STEP_INFO[s].title)}</b> — {html.escape(STEP_INFO[s].purpose)}</li>"
        for s in STEPS
    )
    keys = "".join(
        f"<tr><td><code>{html.escape(k)}</code></td><td>{html.escape(tr(v))}</td></tr>"
        for k, v in SHORTCUTS
    )
    return (
        f"<h2>{tr('Running a workshop with Accord')}</h2>"
        f"<p>{html.escape(tr('Accord walks sales and marketing through seven steps. Every change is saved as you make it; there is no Save button, and Ctrl+Z undoes any edit.'))}</p>"  # noqa: E501
        f"<p>{html.escape(tr('The last step composes the agreement from the others, lists what is still open, and collects the signatures on a signature pad. A signed version never changes: editing afterwards starts an amendment, signed again. Every version can be previewed, exported as a PDF (sealed with your signing identity) and printed.'))}</p>"  # noqa: E501
        f"<ol>{steps}</ol>"
        f"<h3>{tr('Keyboard')}</h3><table cellpadding='4'>{keys}</table>"
    )


def show_help(parent: Any) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Help"))
    dialog.resize(640, 560)
    browser = QTextBrowser()
    browser.setHtml(help_html())
    browser.setAccessibleName(tr("Help text"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.show()
    return dialog


def about_text() -> str:
    return tr(
        "<h3>Accord {version}</h3>"
        "<p>Runs a sales–marketing alignment workshop and produces the signed "
        "performance agreement.</p>"
        "<p>Works offline; your workshops stay in a library on this computer.</p>"
        "<p><small>Qt {qt} · PySide6 {pyside} · Icons: Lucide (ISC licence)</small></p>"
    ).format(version=__version__, qt=qVersion(), pyside=pyside_version)


def show_about(parent: Any) -> None:
    QMessageBox.about(parent, tr("About Accord"), about_text())
