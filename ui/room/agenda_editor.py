"""The agenda on the Room page: items with their planned times, the session's start and end,
the planned total against the time available, and plan versus actual once items have run."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.text import tooltip
from ui.editing.binding import bind
from ui.editing.collection_editor import CollectionEditor
from ui.editing.collection_model import Column
from ui.editing.commands import AddItem
from ui.editing.document import WorkshopDocument
from ui.room.agenda_model import (
    ACTUAL,
    PLANNED,
    TIME,
    VERSUS,
    AgendaModel,
    MinutesDelegate,
    actual_minutes,
    planned_minutes,
)
from ui.room.clock import RoomClock
from workshop.agenda import (
    available_minutes,
    clean_start_time,
    clock_text,
    duration_text,
    fit_text,
    parse_clock,
    plan_agenda,
    variance_text,
)
from workshop.defaults import half_day_agenda
from workshop.errors import ValidationError
from workshop.model import AgendaItem
from workshop.steps import STEP_INFO, STEPS

STRETCH_CHARS = 16  # the narrowest a title or notes column may be before the table scrolls


def _time_edit(placeholder: str, name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00:00") * 3)
    return edit


class AgendaPanel(QWidget):
    """Start and end of the session, the agenda table, and how the plan fits."""

    def __init__(
        self, doc: WorkshopDocument, stack: QUndoStack, clock: RoomClock, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.doc, self.stack, self.clock = doc, stack, clock
        steps = [(None, tr("— free item (break, lunch…)"))] + [
            (step, STEP_INFO[step].title) for step in STEPS
        ]
        self.editor = CollectionEditor(
            doc,
            stack,
            "agenda",
            [
                Column("title", tr("Agenda item"), tr("agenda item")),
                Column("step", tr("Step"), tr("agenda step"), choices=steps, width=13),
                Column(
                    "planned_minutes",
                    tr("Planned"),
                    tr("planned minutes"),
                    clean=planned_minutes,
                    width=6,
                ),
                Column(
                    "actual_minutes",
                    tr("Actual"),
                    tr("actual minutes"),
                    clean=actual_minutes,
                    width=6,
                ),
                Column("notes", tr("Notes"), tr("agenda notes")),
            ],
            tr("agenda item"),
            AgendaItem,
            tr("No agenda yet. Add items one by one, or start from the standard half-day agenda."),
            add_keys="Ctrl+Shift+I",
            remove_keys="Ctrl+Shift+Delete",
            model_type=AgendaModel,
        )
        self.model, self.table = self.editor.model, self.editor.table
        for column in (PLANNED, ACTUAL):
            self.table.setItemDelegateForColumn(column, MinutesDelegate(self.table))
        header = self.table.horizontalHeader()
        em = self.fontMetrics().horizontalAdvance("n")
        for column, chars in ((TIME, 12), (VERSUS, 7)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, chars * em + 2 * theme.Space.M)
        # A half-day agenda shows whole, without scrolling inside the page.
        rows = 10
        self.table.setMinimumHeight(
            header.sizeHint().height() + rows * self.table.verticalHeader().defaultSectionSize() + 4
        )
        header.moveSection(TIME, 0)  # shown first; the model keeps the fields first

        self.time_action = QAction(tr("Time this item"), self)
        self.time_action.setShortcuts([QKeySequence("Ctrl+Shift+T")])
        self.time_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.time_action.setToolTip(tr("Run the timer for the selected item (Ctrl+Shift+T)"))
        self.time_action.triggered.connect(self.time_selected)
        self.editor.addAction(self.time_action)
        time_button = QToolButton()
        time_button.setDefaultAction(self.time_action)
        time_button.setAccessibleName(self.time_action.text())
        self.editor.bar.insertWidget(self.editor.bar.count() - 1, time_button)

        self.standard_button = QPushButton(tr("Add the standard half-day agenda"))
        self.standard_button.setObjectName("Primary")
        self.standard_button.clicked.connect(self.add_standard)
        self.standard_row = QWidget()
        row = QHBoxLayout(self.standard_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.standard_button)
        row.addStretch(1)
        inner = self.editor.column
        inner.insertWidget(inner.indexOf(self.editor.empty_hint) + 1, self.standard_row)

        self.fit = theme.apply(QLabel(), theme.Type.BODY, theme.Tone.NEUTRAL)
        self.fit.setTextFormat(Qt.TextFormat.PlainText)
        self.fit.setWordWrap(True)
        self.fit.setAccessibleName(tr("Planned against available time"))
        self.review = theme.apply(QLabel(), theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.review.setTextFormat(Qt.TextFormat.PlainText)

        self.start_edit = _time_edit("09:00", tr("Starts at"))
        self.start_error = QLabel()
        self.start_error.setObjectName("InlineError")
        self.start_error.setTextFormat(Qt.TextFormat.PlainText)
        bind(
            self.start_edit,
            doc,
            stack,
            "start_time",
            tr("start time"),
            clean_start_time,
            self.start_error,
        )
        self.end_edit = _time_edit("13:00", tr("Ends at"))
        self.end_edit.editingFinished.connect(self._end_typed)
        self.end_edit.textEdited.connect(self._end_edited)

        times = QHBoxLayout()
        times.setSpacing(theme.Space.S)
        for text, edit in ((tr("&Starts at"), self.start_edit), (tr("Ends &at"), self.end_edit)):
            label = QLabel(text)
            label.setBuddy(edit)
            times.addWidget(label)
            times.addWidget(edit)
            times.addSpacing(theme.Space.M)
        times.addWidget(self.fit, 1)
        times.addWidget(self.start_error)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.Space.S)
        layout.addLayout(times)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.review)

        doc.children_changed.connect(self._agenda_changed)
        doc.field_changed.connect(self._field_changed)
        clock.options_changed.connect(self._refresh)
        clock.changed.connect(self._clock_changed)
        self._refresh()
        self._clock_changed()

    def wanted_width(self) -> int:
        """The width at which every column shows without scrolling sideways: the fixed
        columns as set, each stretching one (title, notes) at least ``STRETCH_CHARS`` wide."""
        header = self.table.horizontalHeader()
        em = self.fontMetrics().horizontalAdvance("n")
        width = 0
        for column in range(header.count()):
            if header.sectionResizeMode(column) is QHeaderView.ResizeMode.Stretch:
                width += STRETCH_CHARS * em
            else:
                width += header.sectionSize(column)
        scroll_bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return width + 2 * self.table.frameWidth() + scroll_bar

    # -- intents -------------------------------------------------------------------------

    def add_standard(self) -> None:
        """The standard half-day agenda, after any items already there; one undo step."""
        items = half_day_agenda()
        self.stack.beginMacro(tr("Add the standard half-day agenda"))
        try:
            start = len(self.doc.workshop.agenda)
            for n, item in enumerate(items):
                self.stack.push(AddItem(self.doc, "agenda", item, start + n, tr("agenda item")))
        finally:
            self.stack.endMacro()
        self.table.setFocus()

    def time_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.clock.go_to(self.model.item_at(index.row()).id)

    def _end_edited(self, text: str) -> None:
        try:
            self.clock.set_ends_at(parse_clock(text))
        except ValidationError as exc:
            self.start_error.setText(exc.message)
            return
        self.start_error.setText("")

    def _end_typed(self) -> None:
        self.start_error.setText("")
        self.end_edit.setText(clock_text(self.clock.ends_at))

    # -- following -----------------------------------------------------------------------

    def _clock_changed(self) -> None:
        model = self.model
        assert isinstance(model, AgendaModel)
        model.set_running(self.clock.item_id if self.clock.item is not None else None)

    def _agenda_changed(self, collection: str) -> None:
        if collection == "agenda":
            self._refresh()

    def _field_changed(self, path: str) -> None:
        if path == "start_time":
            self._refresh()

    def _refresh(self) -> None:
        w = self.doc.workshop
        plan = plan_agenda(w.agenda, w.start_time)
        self.standard_row.setVisible(not w.agenda)
        if not self.end_edit.hasFocus():
            self.end_edit.setText(clock_text(self.clock.ends_at))
        if plan.start is None:
            self.fit.setText(tr("Planned {total}.").format(total=duration_text(plan.planned_total)))
            theme.apply(self.fit, theme.Type.BODY, theme.Tone.NEUTRAL)
        else:
            available = available_minutes(plan.start, self.clock.ends_at)
            self.fit.setText(fit_text(plan.planned_total, available))
            over = plan.planned_total > available
            theme.apply(self.fit, theme.Type.BODY, theme.Tone.GAP if over else theme.Tone.NEUTRAL)
        if plan.recorded:
            self.review.setText(
                tr("{n} of {all} items run: {actual} against {planned} planned ({diff}).").format(
                    n=plan.recorded,
                    all=len(w.agenda),
                    actual=duration_text(plan.actual_total),
                    planned=duration_text(plan.planned_of_recorded),
                    diff=variance_text(plan.actual_total - plan.planned_of_recorded),
                )
            )
        self.review.setVisible(bool(plan.recorded))
        self.fit.setToolTip(tooltip(self.fit.text()))
