"""An open workshop: the step navigator in a sidebar and one page per step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.icons import icon
from ui.common.text import plain, shorten, tooltip
from ui.editing.document import WorkshopDocument
from ui.shell.save_bar import SaveProblemBar
from ui.shell.step_pages import PAGES
from ui.steps.page import StepPage
from workshop.progress import completion
from workshop.steps import STEP_INFO, STEPS, Completion, Step

STEP_ROLE = Qt.ItemDataRole.UserRole + 1
_MARKS = {
    Completion.EMPTY: ("circle", theme.Tone.NEUTRAL, "not started"),
    Completion.STARTED: ("circle-dashed", theme.Tone.GAP, "started"),
    Completion.COMPLETE: ("circle-check-big", theme.Tone.GOOD, "complete"),
}


class WorkshopView(QWidget):
    home_requested = Signal()
    step_changed = Signal(str)

    def __init__(self, doc: WorkshopDocument, undo_stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.undo_stack = undo_stack

        sidebar = QFrame()
        sidebar.setObjectName("Sidebar")
        sidebar.setFixedWidth(260)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, theme.Space.L, 0, theme.Space.L)
        side.setSpacing(theme.Space.S)
        self.back = QPushButton(icon("house"), tr("All workshops"))
        self.back.setFlat(True)
        self.back.setAccessibleName(tr("Back to all workshops"))
        self.back.clicked.connect(self.home_requested)
        self.title = plain(theme.apply(QLabel(), theme.Type.SUBTITLE))
        self.title.setWordWrap(True)
        self.client = plain(theme.apply(QLabel(), theme.Type.CAPTION, theme.Tone.NEUTRAL))
        self.client.setWordWrap(True)
        head = QVBoxLayout()
        head.setContentsMargins(theme.Space.L, 0, theme.Space.L, theme.Space.S)
        head.setSpacing(theme.Space.XS)
        head.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        head.addSpacing(theme.Space.S)
        head.addWidget(self.title)
        head.addWidget(self.client)
        side.addLayout(head)

        self.steps = QListWidget()
        self.steps.setObjectName("StepList")
        self.steps.setAccessibleName(tr("Workshop steps"))
        self.steps.setIconSize(QSize(18, 18))
        self.steps.setFont(theme.font(theme.Type.BODY))
        for number, step in enumerate(STEPS):
            item = QListWidgetItem(f"{number + 1}  {STEP_INFO[step].title}")
            item.setData(STEP_ROLE, step.value)
            self.steps.addItem(item)
        side.addWidget(self.steps, 1)
        self.saved = theme.apply(QLabel(), theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.saved.setContentsMargins(theme.Space.L, 0, theme.Space.L, 0)
        self.saved.setAccessibleName(tr("Save status"))
        self.saved.setWordWrap(True)  # "Not saved yet — retrying …" is wider than the sidebar
        side.addWidget(self.saved)

        self.pages = QStackedWidget()
        self._pages: dict[Step, StepPage] = {}
        for step in STEPS:
            page = PAGES[step](doc, self.undo_stack)
            self._pages[step] = page
            self.pages.addWidget(page)
            page.elsewhere.connect(self._go_elsewhere)

        self.save_bar = SaveProblemBar(doc)
        main = QVBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        main.addWidget(self.save_bar)
        main.addWidget(self.pages, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addLayout(main, 1)

        self.steps.currentRowChanged.connect(self._show_row)
        doc.field_changed.connect(self._refresh)
        doc.children_changed.connect(self._refresh)
        doc.versions_changed.connect(self._refresh)
        # Bound methods (not lambdas): Qt drops them when this view goes, the document stays.
        doc.saved.connect(self._on_saved)
        doc.save_failed.connect(self._on_save_failed)
        self._on_highlight = self.palette().color(QPalette.ColorRole.HighlightedText)
        self._refresh()
        self._set_saved(True)
        self.steps.setCurrentRow(0)
        # The step list is as tall as its steps: a long title must not squeeze it.
        rows = self.steps.sizeHintForRow(0) * len(STEPS) + 4 * theme.Space.S
        self.steps.setMinimumHeight(rows)

    # -- focus ---------------------------------------------------------------------------------

    def focus_start(self, fresh: bool) -> None:
        """Where the keyboard starts: a new workshop's next field, else the step list."""
        page = self._pages[Step.ROOM]
        if fresh and self.current_step is Step.ROOM:
            page.client_edit.setFocus()  # type: ignore[attr-defined]
        else:
            self.steps.setFocus()

    def set_side_visible(self, visible: bool) -> None:
        """Guidance and gaps beside every step (hidden to give tables the whole width)."""
        for page in self._pages.values():
            page.side.setVisible(visible)

    def focus_title(self) -> None:
        self.show_step(Step.ROOM)
        page = self._pages[Step.ROOM]
        page.title_edit.setFocus()  # type: ignore[attr-defined]
        page.title_edit.selectAll()  # type: ignore[attr-defined]

    # -- navigation ------------------------------------------------------------------------

    @property
    def current_step(self) -> Step:
        return STEPS[max(self.steps.currentRow(), 0)]

    def page(self, step: Step) -> StepPage:
        return self._pages[step]

    def show_step(self, step: Step) -> None:
        self.steps.setCurrentRow(STEPS.index(step))

    def focus_item(self, step: Step, collection: str, item_id: str) -> None:
        """Show ``step`` with the keyboard on one item of one of its lists."""
        self.show_step(step)
        editor = self.page(step).editors.get(collection)
        if editor is not None and hasattr(editor, "focus_item"):
            editor.focus_item(item_id)

    def agreement_output(self, what: str) -> None:
        self.show_step(Step.AGREEMENT)
        page: Any = self.page(Step.AGREEMENT)
        page.refresh()
        version = page.history.selected()
        if version is not None:
            getattr(page.output, what)(version.number)

    def _go_elsewhere(self, step: str, target: str) -> None:
        self.show_step(Step(step))
        self.page(Step(step)).go_to(target)

    def next_step(self, delta: int) -> None:
        row = self.steps.currentRow() + delta
        if 0 <= row < len(STEPS):
            self.steps.setCurrentRow(row)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.pages.setCurrentIndex(row)
        self.step_changed.emit(STEPS[row].value)

    # -- state -----------------------------------------------------------------------------

    def _refresh(self, *_args: Any) -> None:
        w = self.doc.workshop
        self.title.setText(shorten(w.title, 140))
        self.title.setToolTip(tooltip(w.title) if len(w.title) > 140 else "")
        self.client.setText(shorten(w.client, 140))
        for row, step in enumerate(STEPS):
            state = completion(w, step)
            name, tone, words = _MARKS[state]
            item = self.steps.item(row)
            item.setIcon(icon(name, theme.tone(tone), selected=self._on_highlight))
            item.setToolTip(
                tr("{step}: {state}").format(step=STEP_INFO[step].title, state=tr(words))
            )
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, tr(words))

    def _on_saved(self) -> None:
        self._set_saved(True)

    def _on_save_failed(self, _message: str) -> None:
        self._set_saved(False)

    def _set_saved(self, ok: bool) -> None:
        if ok:
            self.saved.setText(tr("All changes saved"))
            theme.apply(self.saved, theme.Type.CAPTION, theme.Tone.NEUTRAL)
        else:
            self.saved.setText(tr("Not saved yet — retrying every few seconds"))
            theme.apply(self.saved, theme.Type.CAPTION, theme.Tone.ERROR)
