"""Step 0 — Room & agenda: the workshop's details and who is in the room."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ui import theme
from ui.binding import bind
from ui.collection_model import CollectionModel, Column
from ui.commands import AddItem, MoveItem, RemoveItem
from ui.delegates import ChoiceDelegate
from ui.document import WorkshopDocument
from ui.i18n import tr
from ui.icons import icon
from ui.pages.base import StepPage, card
from ui.widgets import OptionalDateEdit, row_table
from workshop.editing import TEAM_LABELS, clean_title, email_problem
from workshop.model import Participant, Team
from workshop.steps import Step

NAME, TITLE, TEAM, EMAIL = range(4)


class RoomPage(StepPage):
    step = Step.ROOM

    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(doc, stack, parent)
        self.body.addWidget(self._details())
        self.body.addWidget(self._participants(), 1)
        doc.children_changed.connect(self._participants_changed)
        self._participants_changed("participants")

    # -- details -------------------------------------------------------------------------------

    def _details(self) -> QWidget:
        self.title_edit = QLineEdit()
        self.title_error = QLabel()
        self.title_error.setObjectName("InlineError")
        self.title_error.setTextFormat(Qt.TextFormat.PlainText)
        # Shown beside the card's heading, so an error does not make the form jump.
        box, layout = card(tr("Workshop details"), aside=self.title_error)
        self.client_edit = QLineEdit()
        self.client_edit.setPlaceholderText(tr("Company the workshop is for"))
        self.date_edit = OptionalDateEdit()
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText(tr("Room, venue or city"))
        self.facilitator_edit = QLineEdit()
        self.facilitator_edit.setPlaceholderText(tr("Who runs the session"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(
            tr("Logistics, pre-reads, anything the facilitator should remember")
        )
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + theme.Space.M)

        doc, stack = self.doc, self.stack
        bind(self.title_edit, doc, stack, "title", tr("title"), clean_title, self.title_error)
        bind(self.client_edit, doc, stack, "client", tr("client"))
        bind(self.date_edit, doc, stack, "date", tr("date"))
        bind(self.location_edit, doc, stack, "location", tr("location"))
        bind(self.facilitator_edit, doc, stack, "facilitator", tr("facilitator"))
        bind(self.notes_edit, doc, stack, "notes", tr("notes"))

        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.Space.L)
        grid.setVerticalSpacing(theme.Space.S)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        placed: list[tuple[int, int, str, QWidget]] = [
            (0, 0, tr("&Title"), self.title_edit),
            (1, 0, tr("&Client"), self.client_edit),
            (2, 0, tr("&Facilitator"), self.facilitator_edit),
            (0, 2, tr("&Date"), self.date_edit),
            (1, 2, tr("&Location"), self.location_edit),
        ]
        for row, col, text, field in placed:
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", ""))
            grid.addWidget(label, row, col)
            grid.addWidget(field, row, col + 1)
        notes_label = QLabel(tr("&Notes"))
        notes_label.setBuddy(self.notes_edit)
        notes_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.notes_edit.setAccessibleName(tr("Notes"))
        grid.addWidget(notes_label, 3, 0)
        grid.addWidget(self.notes_edit, 3, 1, 1, 3)
        layout.addLayout(grid)
        return box

    # -- participants ------------------------------------------------------------------------

    def _participants(self) -> QWidget:
        box, layout = card(tr("Participants"))
        self.team_summary = theme.apply(QLabel(), theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.team_gap = theme.apply(QLabel(), theme.Type.CAPTION, theme.Tone.GAP)
        self.team_gap.setWordWrap(True)
        self.team_gap.setTextFormat(Qt.TextFormat.PlainText)

        teams = [(team, TEAM_LABELS[team]) for team in Team]
        self.people = CollectionModel(
            self.doc,
            self.stack,
            "participants",
            [
                Column("name", tr("Name"), tr("participant name")),
                Column("title", tr("Job title"), tr("participant job title")),
                Column("team", tr("Team"), tr("participant team"), choices=teams),
                Column(
                    "email",
                    tr("E-mail (optional)"),
                    tr("participant e-mail"),
                    clean=str.strip,
                    check=email_problem,
                ),
            ],
            self,
        )
        self.people.invalid.connect(self.show_message)
        edit = QAbstractItemView.EditTrigger
        self.table = row_table(
            tr("Participants"),
            theme.Space.S,
            edit.DoubleClicked | edit.EditKeyPressed | edit.AnyKeyPressed,
        )
        self.table.setModel(self.people)
        self.table.setItemDelegateForColumn(TEAM, ChoiceDelegate(teams, self.table))
        self.table.setTabKeyNavigation(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(TEAM, QHeaderView.ResizeMode.Fixed)
        hh.resizeSection(TEAM, 130)
        hh.setSectionResizeMode(EMAIL, QHeaderView.ResizeMode.Stretch)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.table.setMinimumHeight(180)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._just_added = ""
        self.table.itemDelegate().closeEditor.connect(self._editor_closed)

        self.empty_hint = theme.apply(
            QLabel(
                tr(
                    "No one is in the room yet. Add the sales and marketing leads first — "
                    "they are the ones who will sign the agreement."
                )
            ),
            theme.Type.BODY,
            theme.Tone.NEUTRAL,
        )
        self.empty_hint.setWordWrap(True)

        self.add_action = self._action(
            "user-plus", tr("Add participant"), "Ctrl+Shift+A", self.add_participant
        )
        self.remove_action = self._action(
            "user-minus", tr("Remove participant"), "Ctrl+Shift+Backspace", self.remove_participant
        )
        self.up_action = self._action("arrow-up", tr("Move up"), "Alt+Up", lambda: self._move(-1))
        self.down_action = self._action(
            "arrow-down", tr("Move down"), "Alt+Down", lambda: self._move(1)
        )
        bar = QHBoxLayout()
        bar.setSpacing(theme.Space.XS)
        for action in (self.add_action, self.remove_action, self.up_action, self.down_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAccessibleName(action.text())
            if action is self.add_action:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            bar.addWidget(button)
        bar.addSpacing(theme.Space.M)
        bar.addWidget(self.team_summary)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(self.team_gap)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        self._update_buttons()
        return box

    def _action(self, icon_name: str, text: str, keys: str, slot: Any) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{text} ({QKeySequence(keys).toString(QKeySequence.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def add_participant(self) -> None:
        row = self.table.currentIndex().row() + 1 if self.table.currentIndex().isValid() else None
        index = len(self.doc.workshop.participants) if row is None else row
        person = Participant(team=self._suggested_team())
        self.stack.push(AddItem(self.doc, "participants", person, index, tr("participant")))
        model_index = self.people.index(self.people.row_of(person.id), NAME)
        self._just_added = person.id
        self.table.scrollTo(model_index)
        self.table.selectionModel().setCurrentIndex(
            model_index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setFocus()
        self.table.edit(model_index)

    def _editor_closed(self, _editor: Any, hint: Any) -> None:
        """Escape on a row just added, with nothing typed, takes the row back."""
        added, self._just_added = self._just_added, ""
        if hint != QAbstractItemDelegate.EndEditHint.RevertModelCache or not added:
            return
        top = self.stack.command(self.stack.index() - 1)
        if isinstance(top, AddItem) and top.item.id == added:
            person = self.doc.item("participants", added)
            if not (person.name or person.title or person.email):
                self.stack.undo()

    def _suggested_team(self) -> Team:
        present = Counter(p.team for p in self.doc.workshop.participants)
        for team in (Team.SALES, Team.MARKETING):
            if not present[team]:
                return team
        return Team.OTHER

    def remove_participant(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        item = self.people.item_at(index.row())
        label = (
            tr("participant “{name}”").format(name=item.name) if item.name else tr("participant")
        )
        self.stack.push(RemoveItem(self.doc, "participants", item.id, label))

    def _move(self, delta: int) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        to = index.row() + delta
        if not 0 <= to < self.people.rowCount():
            return
        item = self.people.item_at(index.row())
        self.stack.push(MoveItem(self.doc, "participants", item.id, to, tr("participant")))
        self.table.selectionModel().setCurrentIndex(
            self.people.index(to, index.column()),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _update_buttons(self, *_args: Any) -> None:
        index = self.table.currentIndex()
        has = index.isValid()
        rows = self.people.rowCount()
        self.remove_action.setEnabled(has)
        self.up_action.setEnabled(has and index.row() > 0)
        self.down_action.setEnabled(has and index.row() < rows - 1)

    def _participants_changed(self, collection: str) -> None:
        if collection != "participants":
            return
        people = self.doc.workshop.participants
        counts = Counter(p.team for p in people)
        parts = [f"{counts[team]} {TEAM_LABELS[team].lower()}" for team in Team if counts[team]]
        self.team_summary.setText(" · ".join(parts))
        missing = [TEAM_LABELS[t] for t in (Team.SALES, Team.MARKETING) if not counts[t]]
        notes = []
        if people and missing:
            notes.append(
                tr("No one from {teams} yet: both teams need a voice in the room.").format(
                    teams=tr(" or ").join(missing).lower()
                )
            )
        notes.extend(self.people.warnings())
        self.team_gap.setText("\n".join(notes))
        self.team_gap.setVisible(bool(notes))
        self.empty_hint.setVisible(not people)
        self._update_buttons()
