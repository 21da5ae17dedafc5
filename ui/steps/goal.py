"""Step 1 — Shared goal: one measurable goal, the team objectives that feed it, and the
reverse funnel that turns the revenue target into marketing's monthly MQL commitment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ui.common import theme
from ui.common.i18n import tr
from ui.common.widgets import OptionalDateEdit
from ui.editing.binding import bind
from ui.editing.collection_editor import CollectionEditor
from ui.editing.collection_model import Column, Kind
from ui.editing.document import WorkshopDocument
from ui.steps.funnel_panel import INPUTS, FunnelPanel
from ui.steps.page import StepPage, card
from workshop.editing import TEAM_LABELS
from workshop.model import Objective, Team
from workshop.numbers import parse_number
from workshop.steps import Step
from workshop.summary import number

TEAM, STATEMENT, METRIC, BASELINE, TARGET, DEADLINE, SUPPORTS = range(7)


class ErrorLine(QLabel):
    """Why a typed number was not stored, under its field; takes no room when empty."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("InlineError")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        theme.apply(self, theme.Type.CAPTION)
        self.setVisible(False)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))


class GroupedNumber(QObject):
    """Shows a stored number with thousands separators ("4,800,000") while its field is not
    being typed in. Installed before :func:`bind`, so it acts after the binding has shown
    the stored value."""

    def __init__(self, edit: QLineEdit, doc: WorkshopDocument, path: str) -> None:
        super().__init__(edit)
        self.edit, self.doc, self.path = edit, doc, path
        edit.installEventFilter(self)
        doc.field_changed.connect(self._changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.tidy()
        return False

    def _changed(self, path: str) -> None:
        if path == self.path and not self.edit.hasFocus():
            self.tidy()

    def tidy(self) -> None:
        value = self.doc.value(self.path)
        if value is not None:
            self.edit.setText(number(value))


class GoalPage(StepPage):
    step = Step.GOAL

    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(doc, stack, parent)
        self.body.addWidget(self._goal())
        self.body.addWidget(self._objectives(), 1)
        self.body.addWidget(self._funnel())
        self.fields.update(
            {
                "goal.statement": self.statement_edit,
                "goal.metric": self.metric_edit,
                "goal.baseline": self.baseline_edit,
                "goal.target": self.target_edit,
                "goal.unit": self.unit_edit,
                "goal.deadline": self.deadline_edit,
            }
        )
        self.fields.update({spec.path: self.funnel.inputs[spec.field] for spec in INPUTS})
        self.editors["objectives"] = self.objectives_editor

    # -- the shared goal ---------------------------------------------------------------------

    def _goal(self) -> QWidget:
        box, layout = card(tr("Shared goal"))
        self.statement_edit = QPlainTextEdit()
        self.statement_edit.setPlaceholderText(
            tr("The one result both teams chase, in a sentence everyone can repeat")
        )
        self.statement_edit.setTabChangesFocus(True)
        self.statement_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + theme.Space.M)
        self.metric_edit = QLineEdit()
        self.metric_edit.setPlaceholderText(tr("e.g. Annual recurring revenue"))
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText(tr("e.g. EUR, customers, %"))
        self.baseline_edit = QLineEdit()
        self.baseline_edit.setPlaceholderText(tr("Where it stands today"))
        self.target_edit = QLineEdit()
        self.target_edit.setPlaceholderText(tr("Where it must get to"))
        self.deadline_edit = OptionalDateEdit()
        self.baseline_error, self.target_error = ErrorLine(), ErrorLine()

        doc, stack = self.doc, self.stack
        grouped = [
            GroupedNumber(self.baseline_edit, doc, "goal.baseline"),
            GroupedNumber(self.target_edit, doc, "goal.target"),
        ]
        bind(self.statement_edit, doc, stack, "goal.statement", tr("shared goal"))
        bind(self.metric_edit, doc, stack, "goal.metric", tr("goal metric"))
        bind(
            self.baseline_edit,
            doc,
            stack,
            "goal.baseline",
            tr("goal baseline"),
            lambda text: parse_number(text, tr("the baseline")),
            self.baseline_error,
        )
        bind(
            self.target_edit,
            doc,
            stack,
            "goal.target",
            tr("goal target"),
            lambda text: parse_number(text, tr("the target")),
            self.target_error,
        )
        bind(self.unit_edit, doc, stack, "goal.unit", tr("goal unit"))
        for tidy in grouped:
            tidy.tidy()
        bind(self.deadline_edit, doc, stack, "goal.deadline", tr("goal deadline"))

        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.Space.L)
        grid.setVerticalSpacing(theme.Space.S)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        statement_label = self._label(tr("&Statement"), self.statement_edit)
        statement_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(statement_label, 0, 0)
        grid.addWidget(self.statement_edit, 0, 1, 1, 3)
        placed: list[tuple[int, int, str, QWidget]] = [
            (1, 0, tr("&Metric"), self.metric_edit),
            (1, 2, tr("&Unit"), self.unit_edit),
            (2, 0, tr("&Baseline"), self.baseline_edit),
            (2, 2, tr("&Target"), self.target_edit),
            (4, 0, tr("&Deadline"), self.deadline_edit),
        ]
        for row, col, text, field in placed:
            grid.addWidget(self._label(text, field), row, col)
            grid.addWidget(field, row, col + 1)
        grid.addWidget(self.baseline_error, 3, 1)
        grid.addWidget(self.target_error, 3, 3)
        layout.addLayout(grid)
        return box

    def _label(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        field.setAccessibleName(text.replace("&", ""))
        return label

    # -- team objectives ---------------------------------------------------------------------

    def _objectives(self) -> QWidget:
        box, layout = card(tr("Team objectives"))
        teams = [(team, TEAM_LABELS[team]) for team in Team]
        self.objectives_editor = CollectionEditor(
            self.doc,
            self.stack,
            "objectives",
            [
                Column("team", tr("Team"), tr("objective team"), choices=teams, width=10),
                Column("statement", tr("Objective"), tr("objective")),
                Column("metric", tr("Metric"), tr("objective metric")),
                Column(
                    "baseline", tr("Baseline"), tr("objective baseline"), kind=Kind.NUMBER, width=8
                ),
                Column("target", tr("Target"), tr("objective target"), kind=Kind.NUMBER, width=8),
                Column(
                    "deadline", tr("Deadline"), tr("objective deadline"), kind=Kind.DATE, width=10
                ),
                Column(
                    "supports_goal",
                    tr("Supports goal"),
                    tr("link to the shared goal"),
                    kind=Kind.CHECK,
                    width=11,
                ),
            ],
            tr("objective"),
            lambda: Objective(team=Team.MARKETING, supports_goal=True),
            tr(
                "No team objectives yet. Add what each team sets out to do, and tick "
                "Supports goal for every one that moves the shared goal."
            ),
        )
        self.objectives = self.objectives_editor.model
        layout.addWidget(self.objectives_editor, 1)
        return box

    # -- reverse funnel ----------------------------------------------------------------------

    def _funnel(self) -> QWidget:
        box, layout = card(tr("Reverse funnel"))
        intro = theme.apply(
            QLabel(
                tr(
                    "Work back from the revenue target: how many deals marketing must source, "
                    "and so how many SQLs and MQLs the period needs."
                )
            ),
            theme.Type.BODY,
            theme.Tone.NEUTRAL,
        )
        assert isinstance(intro, QLabel)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.funnel = FunnelPanel(self.doc, self.stack)
        layout.addWidget(self.funnel)
        return box
