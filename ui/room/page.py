"""Step 0 — Room & agenda: the workshop's details, the time-boxed agenda with the room's
timer, and who is in the room."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.widgets import OptionalDateEdit
from ui.editing.binding import bind
from ui.editing.collection_editor import CollectionEditor
from ui.editing.collection_model import Column
from ui.editing.document import WorkshopDocument
from ui.room.agenda_editor import AgendaPanel
from ui.room.clock import room_clock
from ui.room.timer import TimerPanel
from ui.steps.page import StepPage, card
from workshop.editing import TEAM_LABELS, clean_title, email_problem
from workshop.model import Participant, Team
from workshop.steps import Step

NAME, TITLE, TEAM, EMAIL = range(4)
WIDEST = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX: no maximum width


class AgendaRow(QWidget):
    """The agenda with the timer beside it when the page is wide enough to show every column
    of the agenda; otherwise the timer goes above the agenda, laid out across, so that no
    column hides behind a sideways scroll bar on a laptop screen."""

    def __init__(self, agenda: AgendaPanel, timer: TimerPanel) -> None:
        super().__init__()
        self.agenda, self.timer = agenda, timer
        self.timer_width = 17 * self.fontMetrics().averageCharWidth() + 120
        self.line = QFrame()
        self.line.setFrameShape(QFrame.Shape.VLine)
        self.line.setFrameShadow(QFrame.Shadow.Plain)
        self.line.setStyleSheet("color: palette(mid);")
        # Bottom to top when stacked: the timer (added last) comes first.
        self.arrangement = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.arrangement.setContentsMargins(0, 0, 0, 0)
        self.arrangement.setSpacing(theme.Space.L)
        self.arrangement.addWidget(agenda, 1)
        self.arrangement.addWidget(self.line)
        self.arrangement.addWidget(timer)
        self._arrange(True)

    @property
    def side_by_side(self) -> bool:
        return self.arrangement.direction() is QBoxLayout.Direction.LeftToRight

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        beside = self.timer_width + self.line.sizeHint().width() + 2 * theme.Space.L
        self._arrange(event.size().width() >= self.agenda.wanted_width() + beside)

    def _arrange(self, side_by_side: bool) -> None:
        self.arrangement.setDirection(
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.BottomToTop
        )
        self.line.setVisible(side_by_side)
        self.timer.set_wide(not side_by_side)
        if side_by_side:
            self.timer.setFixedWidth(self.timer_width)
        else:
            self.timer.setMinimumWidth(0)
            self.timer.setMaximumWidth(WIDEST)


class RoomPage(StepPage):
    step = Step.ROOM

    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(doc, stack, parent)
        self.body.addWidget(self._details())
        self.body.addWidget(self._agenda(), 1)
        self.body.addWidget(self._participants(), 1)
        doc.children_changed.connect(self._participants_changed)
        self._participants_changed("participants")
        self.fields.update(
            title=self.title_edit,
            client=self.client_edit,
            date=self.date_edit,
            location=self.location_edit,
            facilitator=self.facilitator_edit,
            notes=self.notes_edit,
        )
        self.editors["participants"] = self.people_editor
        self.editors["agenda"] = self.agenda.editor

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

    # -- agenda and timer ----------------------------------------------------------------------

    def _agenda(self) -> QWidget:
        box, layout = card(tr("Agenda"))
        self.clock = room_clock(self.doc, self.stack)
        self.agenda = AgendaPanel(self.doc, self.stack, self.clock)
        self.timer_panel = TimerPanel(self.clock)
        self.agenda_row = AgendaRow(self.agenda, self.timer_panel)
        layout.addWidget(self.agenda_row, 1)
        return box

    # -- participants ------------------------------------------------------------------------

    def _participants(self) -> QWidget:
        box, layout = card(tr("Participants"))
        self.team_summary = theme.apply(QLabel(), theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.team_gap = theme.apply(QLabel(), theme.Type.CAPTION, theme.Tone.GAP)
        self.team_gap.setWordWrap(True)
        self.team_gap.setTextFormat(Qt.TextFormat.PlainText)
        teams = [(team, TEAM_LABELS[team]) for team in Team]
        self.people_editor = CollectionEditor(
            self.doc,
            self.stack,
            "participants",
            [
                Column("name", tr("Name"), tr("participant name")),
                Column("title", tr("Job title"), tr("participant job title")),
                Column("team", tr("Team"), tr("participant team"), choices=teams, width=12),
                Column(
                    "email",
                    tr("E-mail (optional)"),
                    tr("participant e-mail"),
                    clean=str.strip,
                    check=email_problem,
                ),
            ],
            tr("participant"),
            lambda: Participant(team=self._suggested_team()),
            tr(
                "No one is in the room yet. Add the sales and marketing leads first — "
                "they are the ones who will sign the agreement."
            ),
            add_keys="Ctrl+Shift+N",
            remove_keys="Ctrl+Shift+Backspace",
        )
        editor = self.people_editor
        # On this page, adding a person works from anywhere in the window.
        editor.add_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        editor.bar.insertSpacing(editor.bar.count() - 1, theme.Space.M)
        editor.bar.insertWidget(editor.bar.count() - 1, self.team_summary)
        self.people, self.table = editor.model, editor.table
        self.add_action, self.remove_action = editor.add_action, editor.remove_action
        layout.addWidget(editor, 1)
        layout.addWidget(self.team_gap)
        return box

    def _suggested_team(self) -> Team:
        present = Counter(p.team for p in self.doc.workshop.participants)
        for team in (Team.SALES, Team.MARKETING):
            if not present[team]:
                return team
        return Team.OTHER

    def _participants_changed(self, collection: str) -> None:
        if collection != "participants":
            return
        people = self.doc.workshop.participants
        counts = Counter(p.team for p in people)
        parts = [f"{counts[team]} {TEAM_LABELS[team].lower()}" for team in Team if counts[team]]
        self.team_summary.setText(" · ".join(parts))
        missing = [TEAM_LABELS[t] for t in (Team.SALES, Team.MARKETING) if not counts[t]]
        if people and missing:
            self.team_gap.setText(
                tr("No one from {teams} yet: both teams need a voice in the room.").format(
                    teams=tr(" or ").join(missing).lower()
                )
            )
        self.team_gap.setVisible(bool(people and missing))
