"""Step 4 — Accountability: what each team commits to, the shared KPIs, and what happens
when a commitment is missed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common import theme
from ui.common.i18n import tr
from ui.common.text import shorten
from ui.editing.collection_editor import CollectionEditor, compact
from ui.editing.collection_model import CollectionModel, Column, Index, Kind
from ui.editing.commands import SetItemField
from ui.editing.document import WorkshopDocument
from ui.steps.page import StepPage, card
from workshop.editing import TEAM_LABELS
from workshop.errors import ValidationError
from workshop.funnel import plan
from workshop.model import Commitment, EscalationStep, Kpi, Team
from workshop.numbers import parse_number
from workshop.steps import Step
from workshop.summary import number

_MQL_UNITS = {"mql", "mqls"}


def funnel_figure(doc: WorkshopDocument) -> tuple[int | None, str]:
    """The reverse funnel's MQLs per month, or ``None`` and why it cannot be worked out."""
    try:
        return plan(doc.workshop.funnel).mqls_per_month, ""
    except ValidationError as exc:
        return None, exc.message


class CommitmentModel(CollectionModel):
    """Typing a target on a commitment that follows the funnel takes it over by hand:
    the new target and ``follows_funnel`` off, as one undo step."""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.is_gone(index):
            return super().setData(index, value, role)
        column, item = self.columns[index.column()], self.item_at(index.row())
        if column.field != "target" or not item.follows_funnel:
            return super().setData(index, value, role)
        try:
            target = parse_number(str(value), column.label)
        except ValidationError as exc:
            self.invalid.emit(exc.message)
            return False
        if target == item.target:
            return True
        self.undo_stack.beginMacro(tr("Override the funnel's MQL target"))
        self.undo_stack.push(
            SetItemField(self.doc, "commitments", item.id, "target", target, column.label)
        )
        self.undo_stack.push(
            SetItemField(
                self.doc, "commitments", item.id, "follows_funnel", False, tr("funnel link")
            )
        )
        self.undo_stack.endMacro()
        return True


class CommitmentEditor(CollectionEditor):
    """The commitments table, on a :class:`CommitmentModel`."""

    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, columns: list[Column]) -> None:
        super().__init__(
            doc,
            stack,
            "commitments",
            columns,
            tr("commitment"),
            Commitment,
            tr(
                "No commitments yet. Marketing usually commits to a number of MQLs a month "
                "(the reverse funnel's figure); sales to how fast and how often it follows "
                "each one up, and to returning the leads it rejects with a reason."
            ),
        )
        plain = self.model
        doc.children_changed.disconnect(plain._on_changed)
        old_selection = self.table.selectionModel()
        self.model = CommitmentModel(doc, stack, "commitments", columns, self)
        self.table.setModel(self.model)
        old_selection.deleteLater()
        plain.deleteLater()
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.invalid.connect(self._invalid)


class FunnelNotes(QWidget):
    """Under the commitments: which one follows the reverse funnel, or which one was taken
    over by hand (with a way back)."""

    def __init__(
        self, doc: WorkshopDocument, stack: QUndoStack, table: QWidget, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.doc, self.stack, self.table = doc, stack, table
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(theme.Space.XS)
        self.buttons: dict[str, QPushButton] = {}
        self.labels: list[QLabel] = []
        self._linked: set[str] = set()  # seen following the funnel while this page is open
        doc.children_changed.connect(self._children_changed)
        doc.field_changed.connect(self._field_changed)
        self.refresh()

    def _children_changed(self, collection: str) -> None:
        if collection == "commitments":
            self.refresh()

    def _field_changed(self, path: str) -> None:
        if path.startswith("funnel."):
            self.refresh()

    def _linked_to_funnel(self, c: Commitment) -> bool:
        if c.follows_funnel:
            self._linked.add(c.id)
            return True
        mqls = c.committed_by is Team.MARKETING and c.unit.strip().lower() in _MQL_UNITS
        return mqls or c.id in self._linked

    def refresh(self) -> None:
        while (taken := self.rows.takeAt(0)) is not None:
            if (widget := taken.widget()) is not None:
                widget.deleteLater()
        self.buttons, self.labels = {}, []
        figure, why = funnel_figure(self.doc)
        for c in self.doc.items("commitments"):
            if self._linked_to_funnel(c):
                self._line(c, figure, why)
        self.setVisible(bool(self.labels))

    def _line(self, c: Commitment, figure: int | None, why: str) -> None:
        name = f"“{shorten(c.what, 60)}”" if c.what.strip() else tr("A commitment")
        shown = number(Decimal(figure)) if figure is not None else ""
        if c.follows_funnel:
            text = (
                tr("{name} follows the reverse funnel ({n} MQLs per month).")
                if figure is not None
                else tr("{name} follows the reverse funnel, which cannot be worked out yet.")
            )
        else:
            text = (
                tr("{name} is overridden: the reverse funnel says {n} per month.")
                if figure is not None
                else tr("{name} is overridden; the reverse funnel cannot be worked out yet.")
            )
        label = QLabel(text.format(name=name, n=shown))
        tone = theme.Tone.NEUTRAL if c.follows_funnel else theme.Tone.GAP
        theme.apply(label, theme.Type.CAPTION, tone)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.labels.append(label)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(theme.Space.M)
        line.addWidget(label, 1)
        if not c.follows_funnel:
            button = QPushButton(tr("Follow the funnel again"))
            button.setEnabled(figure is not None)
            button.setToolTip(
                tr("Set the target back to the reverse funnel's figure")
                if figure is not None
                else why
            )
            button.clicked.connect(lambda _c=False, item_id=c.id: self.follow(item_id))
            self.buttons[c.id] = button
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.rows.addWidget(row)

    def follow(self, commitment_id: str) -> None:
        """The commitment follows the funnel again, with the funnel's figure as its target."""
        figure, _why = funnel_figure(self.doc)
        if figure is None:
            return
        label = tr("commitment target")
        self.stack.beginMacro(tr("Follow the reverse funnel again"))
        self.stack.push(
            SetItemField(self.doc, "commitments", commitment_id, "target", Decimal(figure), label)
        )
        self.stack.push(
            SetItemField(
                self.doc, "commitments", commitment_id, "follows_funnel", True, tr("funnel link")
            )
        )
        self.stack.endMacro()
        self.table.setFocus()  # the button that was pressed is gone


class AccountabilityPage(StepPage):
    step = Step.ACCOUNTABILITY

    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(doc, stack, parent)
        self.body.addWidget(self._commitments())
        self.body.addWidget(self._kpis())
        self.body.addWidget(self._escalation())
        self.body.addStretch(1)
        self.editors.update(
            commitments=self.commitment_editor,
            kpis=self.kpi_editor,
            escalation=self.escalation_editor,
        )

    def _commitments(self) -> QWidget:
        box, layout = card(tr("What each team commits to"))
        teams = [(team, TEAM_LABELS[team]) for team in Team]
        self.commitment_editor = CommitmentEditor(
            self.doc,
            self.stack,
            [
                Column("committed_by", tr("Who"), tr("who commits"), choices=teams, width=8),
                Column("what", tr("Commitment"), tr("commitment")),
                Column("target", tr("Target"), tr("commitment target"), kind=Kind.NUMBER, width=6),
                Column("unit", tr("Unit"), tr("commitment unit"), width=7),
                Column("period", tr("Period"), tr("commitment period"), width=9),
                Column("measured_by", tr("Measured by"), tr("how it is measured")),
                Column("data_source", tr("Data source"), tr("commitment data source")),
            ],
        )
        self.funnel_notes = FunnelNotes(self.doc, self.stack, self.commitment_editor.table)
        layout.addWidget(compact(self.commitment_editor))
        layout.addWidget(self.funnel_notes)
        return box

    def _kpis(self) -> QWidget:
        box, layout = card(tr("Shared KPIs"))
        self.kpi_editor = CollectionEditor(
            self.doc,
            self.stack,
            "kpis",
            [
                Column("name", tr("KPI"), tr("KPI name")),
                Column("target", tr("Target"), tr("KPI target"), kind=Kind.NUMBER, width=6),
                Column("unit", tr("Unit"), tr("KPI unit"), width=8),
                Column("owner", tr("Owner"), tr("KPI owner")),
                Column("data_source", tr("Data source"), tr("KPI data source")),
                Column("cadence", tr("Reviewed"), tr("KPI review cadence"), width=9),
            ],
            tr("KPI"),
            Kpi,
            tr(
                "No shared KPIs yet. Add the figures both teams review together, each with "
                "a target, an owner and where the number comes from."
            ),
        )
        layout.addWidget(compact(self.kpi_editor))
        return box

    def _escalation(self) -> QWidget:
        box, layout = card(tr("When a commitment is missed"))
        self.escalation_editor = CollectionEditor(
            self.doc,
            self.stack,
            "escalation",
            [
                Column("what", tr("Step"), tr("escalation step")),
                Column("who", tr("Who acts"), tr("who acts")),
                Column("within", tr("Within"), tr("how soon"), width=14),
            ],
            tr("escalation step"),
            EscalationStep,
            tr(
                "No escalation path yet. Add the steps taken when a commitment is missed, "
                "lightest first — a word between the leads, then a joint review, then the "
                "executive sponsor."
            ),
        )
        layout.addWidget(compact(self.escalation_editor))
        return box
