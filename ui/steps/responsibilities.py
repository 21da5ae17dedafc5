"""Step 3 — Shared responsibilities: the activities both teams touch, and who does what."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.common import theme
from ui.common.i18n import tr
from ui.editing.collection_editor import CollectionEditor, compact
from ui.editing.collection_model import Column
from ui.editing.commands import RemoveParty
from ui.editing.document import WorkshopDocument
from ui.steps.page import StepPage, card
from ui.steps.raci_model import RaciModel
from ui.steps.raci_view import RaciView
from workshop.model import Activity, Party
from workshop.steps import Step

NAME, DESCRIPTION, OVERLAP = range(3)
_PARTY_ROWS = 4
_PARTIES_WIDTH = 240


class PartyEditor(CollectionEditor):
    """The matrix's columns; removing a party takes its roles along (and undo brings them
    back)."""

    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(
            doc,
            stack,
            "parties",
            [Column("name", tr("Party"), tr("party name"), clean=str.strip)],
            tr("party"),
            Party,
            tr("No parties yet: add the teams that share the work."),
            parent=parent,
        )
        rows = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(0)
        self.table.setFixedHeight(header + _PARTY_ROWS * rows + 2 * self.table.frameWidth())

    def remove(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            party = self.model.item_at(index.row())
            self.stack.push(RemoveParty(self.doc, party.id, self.noun))


class ResponsibilitiesPage(StepPage):
    step = Step.RESPONSIBILITIES

    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(doc, stack, parent)
        self.body.addWidget(self._activities())
        self.body.addWidget(self._matrix())
        self.body.addStretch(1)
        self.editors["activities"] = self.activity_editor
        self.editors["parties"] = self.party_editor
        doc.children_changed.connect(self._changed)
        self._changed("activities")

    # -- activities ----------------------------------------------------------------------

    def _activities(self) -> QWidget:
        box, layout = card(tr("Activities where the teams overlap"))
        self.activity_editor = CollectionEditor(
            self.doc,
            self.stack,
            "activities",
            [
                Column("name", tr("Activity"), tr("activity name")),
                Column("description", tr("What it involves"), tr("activity description")),
                Column("overlap", tr("Where the teams overlap"), tr("where the teams overlap")),
            ],
            tr("activity"),
            Activity,
            tr(
                "No activities yet. Add the pieces of work both teams touch — events, lead "
                "scoring, content, follow-up, retention — then say below who does what."
            ),
        )
        layout.addWidget(compact(self.activity_editor))
        return box

    # -- who does what -------------------------------------------------------------------

    def _matrix(self) -> QWidget:
        box, layout = card(tr("Who does what"))
        top = QHBoxLayout()
        top.setSpacing(theme.Space.L)
        self.party_editor = PartyEditor(self.doc, self.stack)
        self.party_editor.setFixedWidth(_PARTIES_WIDTH)
        top.addWidget(self.party_editor, 0, Qt.AlignmentFlag.AlignTop)
        legend = QVBoxLayout()
        legend.setSpacing(theme.Space.XS)
        for letter, text in (
            ("R", tr("Responsible — does the work")),
            ("A", tr("Accountable — owns the result and signs it off; exactly one")),
            ("C", tr("Consulted — asked before decisions")),
            ("I", tr("Informed — told what was decided")),
        ):
            line = QHBoxLayout()
            line.setSpacing(theme.Space.S)
            line.addWidget(theme.apply(QLabel(letter), theme.Type.LABEL))
            meaning = QLabel(text)
            theme.apply(meaning, theme.Type.BODY)
            meaning.setWordWrap(True)
            line.addWidget(meaning, 1)
            legend.addLayout(line)
        legend.addStretch(1)
        top.addLayout(legend, 1)
        layout.addLayout(top)

        self.hint = QLabel(
            tr(
                "Select a cell and type R, A, C or I to switch that role on or off; "
                "Delete clears the cell; Enter, a double-click or a right-click opens "
                "the list of roles."
            )
        )
        theme.apply(self.hint, theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.raci = RaciModel(self.doc, self.stack, self)
        self.matrix = RaciView(self.raci)
        layout.addWidget(self.matrix)
        self.matrix_empty = QLabel()
        theme.apply(self.matrix_empty, theme.Type.BODY, theme.Tone.NEUTRAL)
        self.matrix_empty.setWordWrap(True)
        layout.addWidget(self.matrix_empty)
        return box

    def _changed(self, collection: str) -> None:
        if collection not in ("activities", "parties"):
            return
        if not self.raci.rowCount():
            message = tr("Add an activity above to fill in who does what.")
        elif not self.raci.columnCount():
            message = tr("Add a party (a team such as Sales or Marketing) to fill in the matrix.")
        else:
            message = ""
        self.matrix_empty.setText(message)
        self.matrix_empty.setVisible(bool(message))

    # -- gaps ----------------------------------------------------------------------------

    def go_to(self, target: str) -> None:
        """``activities/<id>/roles`` selects that activity's row in the matrix."""
        parts = target.split("/")
        if len(parts) == 3 and parts[0] == "activities" and parts[2] == "roles":
            self.focus_roles(parts[1])
            return
        super().go_to(target)

    def focus_roles(self, activity_id: str) -> None:
        if not self.raci.columnCount():
            self.party_editor.table.setFocus()
            return
        index = self.raci.index(self.raci.row_of(activity_id), 0)
        self.matrix.setCurrentIndex(index)
        self.matrix.scrollTo(index)
        self.scroll_area.ensureWidgetVisible(self.matrix)
        self.matrix.setFocus()
