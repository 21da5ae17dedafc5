"""The reverse-funnel calculator: six inputs typed as people write them, and, live beside
them, the deals, SQLs and MQLs the revenue target needs — or one sentence on what is missing.

Storing an input goes through :func:`ui.steps.funnel_sync.push_funnel_edit`, so marketing's MQL
commitment follows the MQLs per month in the same undo step.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import count
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.editing.document import WorkshopDocument
from ui.steps.funnel_sync import overridden, push_funnel_edit
from workshop import funnel
from workshop.funnel import FunnelInputError, FunnelPlan
from workshop.summary import number

_sessions = count(1)


class Reads(StrEnum):
    AMOUNT = "amount"
    RATE = "rate"
    MONTHS = "months"


@dataclass(frozen=True)
class Input:
    field: str
    label: str  # untranslated (tr() at use), with a mnemonic
    placeholder: str
    reads: Reads

    @property
    def path(self) -> str:
        return f"funnel.{self.field}"


INPUTS: tuple[Input, ...] = (
    Input("revenue_target", "&Revenue target for the period", "800,000", Reads.AMOUNT),
    Input("average_deal", "Avera&ge deal size", "18,000", Reads.AMOUNT),
    Input("marketing_share", "Mar&keting-sourced share", "60 %", Reads.RATE),
    Input("mql_to_sql", "M&QL → SQL rate", "25 %", Reads.RATE),
    Input("sql_to_won", "SQL → &won rate", "25 %", Reads.RATE),
    Input("months", "Period length in m&onths", "12", Reads.MONTHS),
)


def parse(spec: Input, text: str) -> Any:
    """What ``text`` stores for ``spec``; raises :class:`FunnelInputError`."""
    if spec.reads is Reads.AMOUNT:
        return funnel.parse_amount(text, spec.field)
    if spec.reads is Reads.RATE:
        return funnel.parse_rate(text, spec.field)
    return funnel.parse_months(text)


def shown(spec: Input, value: Any) -> str:
    """A stored value as the field shows it when not being typed in."""
    if value is None:
        return ""
    if spec.reads is Reads.RATE:
        return funnel.format_rate(value)
    if spec.reads is Reads.AMOUNT:
        return number(value)
    return str(value)


def typical(field: str) -> str:
    low, high = funnel.TYPICAL[field]
    return tr("typical {low}–{high} %").format(low=number(low * 100), high=number(high * 100))


def _label(text: str, kind: theme.Type, tone: theme.Tone | None = None) -> QLabel:
    label = QLabel(text)
    theme.apply(label, kind, tone)
    return label


def _caption(tone: theme.Tone | None = None) -> QLabel:
    """A line under an input that shows only when it has something to say."""
    label = _label("", theme.Type.CAPTION, tone)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class FunnelPanel(QWidget):
    """Inputs at the left, what they ask for at the right."""

    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc, self.stack = doc, stack
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.warnings: dict[str, QLabel] = {}
        self._specs = {spec.field: spec for spec in INPUTS}
        self._pending: dict[str, str] = {}  # field -> why what is typed is not stored
        self._session: dict[str, int] = {}
        self._updating = False

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.Space.XL)
        row.addLayout(self._input_grid(), 3)
        row.addWidget(self._outputs(), 2, Qt.AlignmentFlag.AlignTop)
        doc.field_changed.connect(self._field_changed)
        doc.children_changed.connect(self._children_changed)
        self.refresh()
        self._children_changed("commitments")

    # -- construction ------------------------------------------------------------------------

    def _input_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.Space.M)
        grid.setVerticalSpacing(theme.Space.XS)
        grid.setColumnStretch(1, 1)
        row = 0
        for spec in INPUTS:
            edit = QLineEdit()
            edit.setPlaceholderText(tr("e.g. {example}").format(example=spec.placeholder))
            text = tr(spec.label)
            edit.setAccessibleName(text.replace("&", ""))
            edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * 12))
            label = QLabel(text)
            label.setBuddy(edit)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            if spec.field in funnel.TYPICAL:
                hint = typical(spec.field)
                grid.addWidget(_label(hint, theme.Type.CAPTION, theme.Tone.NEUTRAL), row, 2)
                edit.setAccessibleDescription(hint)
            error = _caption()
            error.setObjectName("InlineError")
            grid.addWidget(error, row + 1, 1, 1, 2)
            self.errors[spec.field] = error
            if spec.reads is Reads.RATE:
                warning = _caption(theme.Tone.GAP)
                grid.addWidget(warning, row + 2, 1, 1, 2)
                self.warnings[spec.field] = warning
            row += 3
            self.inputs[spec.field] = edit
            self._session[spec.field] = next(_sessions)
            edit.installEventFilter(self)
            edit.textEdited.connect(lambda text, f=spec.field: self._edited(f, text))
            edit.setText(shown(spec, self.doc.value(spec.path)))
        return grid

    def _outputs(self) -> QWidget:
        self.outputs = QStackedWidget()
        self.outputs.setAccessibleName(tr("What the funnel needs"))
        table = QWidget()
        grid = QGridLayout(table)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(theme.Space.L)
        grid.setVerticalSpacing(theme.Space.S)
        self.period_header = _label("", theme.Type.CAPTION, theme.Tone.NEUTRAL)
        month_header = _label(tr("Per month"), theme.Type.CAPTION, theme.Tone.NEUTRAL)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        grid.addWidget(self.period_header, 0, 1, right)
        grid.addWidget(month_header, 0, 2, right)
        self.figures: dict[str, QLabel] = {}
        stages = (
            ("deals", tr("Marketing-sourced deals")),
            ("sqls", tr("SQLs")),
            ("mqls", tr("MQLs")),
        )
        for n, (stage, text) in enumerate(stages, start=1):
            name = QLabel(text)
            name.setWordWrap(True)
            grid.addWidget(name, n, 0)
            for column, key in ((1, stage), (2, f"{stage}_per_month")):
                commitment = key == "mqls_per_month"
                figure = _label(
                    "",
                    theme.Type.DISPLAY if commitment else theme.Type.TITLE,
                    theme.Tone.ACCENT if commitment else None,
                )
                grid.addWidget(figure, n, column, right)
                self.figures[key] = figure
        self.note = _label("", theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.note.setWordWrap(True)
        grid.addWidget(self.note, len(stages) + 1, 0, 1, 3)
        grid.setColumnStretch(0, 1)
        self.message = _label("", theme.Type.BODY, theme.Tone.NEUTRAL)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.outputs.addWidget(table)
        self.outputs.addWidget(self.message)
        return self.outputs

    # -- typing ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            for field, edit in self.inputs.items():
                if edit is watched:
                    self._session[field] = next(_sessions)  # the next typing is a new step
                    if field not in self._pending:
                        self._show(field, keep_typed=False)  # the stored value, formatted
        return False

    def _edited(self, field: str, text: str) -> None:
        if self._updating:
            return
        spec = self._specs[field]
        try:
            value = parse(spec, text)
        except FunnelInputError as exc:
            self._pending[field] = exc.message
            self.refresh()
            return
        self._pending.pop(field, None)
        if value != self.doc.value(spec.path):
            label = tr(spec.label).replace("&", "")
            push_funnel_edit(self.doc, self.stack, spec.path, value, label, self._session[field])
        self.refresh()

    def _field_changed(self, path: str) -> None:
        field = path.removeprefix("funnel.")
        if field in self._specs:
            self._show(field)
            self.refresh()

    def _show(self, field: str, keep_typed: bool = True) -> None:
        """Show the stored value, unless (``keep_typed``) the text typed already means it."""
        spec, edit = self._specs[field], self.inputs[field]
        value = self.doc.value(spec.path)
        if keep_typed:
            try:
                if parse(spec, edit.text()) == value:
                    return
            except FunnelInputError:
                pass
        self._pending.pop(field, None)
        self._updating = True
        try:
            edit.setText(shown(spec, value))
        finally:
            self._updating = False

    def _children_changed(self, collection: str) -> None:
        if collection != "commitments":
            return
        commitments = self.doc.items("commitments")
        if any(c.follows_funnel for c in commitments):
            note = tr("Marketing's MQL commitment follows the MQLs per month.")
        elif any(overridden(c) for c in commitments):
            note = tr(
                "Marketing's MQL commitment was set by hand on the Accountability step; "
                "it no longer follows these numbers."
            )
        else:
            note = tr("Marketing's MQL commitment will be set to the MQLs per month.")
        self.note.setText(note)

    # -- what the funnel needs -------------------------------------------------------------

    def refresh(self) -> None:
        inputs = self.doc.workshop.funnel
        flagged = dict(funnel.unusual(inputs))
        for field, error in self.errors.items():
            message = self._pending.get(field, "")
            error.setText(message)
            error.setVisible(bool(message))
            if field in self.warnings:
                warning = flagged.get(field, "") if not message else ""
                self.warnings[field].setText(warning)
                self.warnings[field].setVisible(bool(warning))
        problem = next((self._pending[f] for f in funnel.FIELDS if f in self._pending), "")
        result: FunnelPlan | None = None
        if not problem:
            try:
                result = funnel.plan(inputs)
            except FunnelInputError as exc:
                problem = exc.message
        if result is None:
            self.message.setText(problem)
            self.outputs.setCurrentWidget(self.message)
            self.outputs.setAccessibleDescription(problem)
            return
        months = result.months
        self.period_header.setText(
            tr("For 1 month") if months == 1 else tr("For {n} months").format(n=months)
        )
        for key, figure in self.figures.items():
            figure.setText(number(getattr(result, key)))
        self.outputs.setCurrentIndex(0)
        self.outputs.setAccessibleDescription(
            tr("{deals} deals, {sqls} SQLs and {mqls} MQLs; {per_month} MQLs per month").format(
                deals=result.deals,
                sqls=result.sqls,
                mqls=result.mqls,
                per_month=result.mqls_per_month,
            )
        )
