"""Step 5 — Transparency: what flows between the teams, meetings, shadowing, allies and how
the agreement is announced."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.widgets import OptionalDateEdit
from ui.editing.binding import bind
from ui.editing.collection_editor import CollectionEditor, compact
from ui.editing.collection_model import Column, Kind
from ui.editing.delegates import NumberDelegate
from ui.editing.document import WorkshopDocument
from ui.steps.language import caption, text_box
from ui.steps.page import StepPage, card
from workshop.editing import TEAM_LABELS
from workshop.errors import ValidationError
from workshop.model import Ally, Meeting, ShadowingItem, SharingItem, SharingKind, Team
from workshop.steps import Step

WHAT, FROM, TO, KIND, CHANNEL, FREQUENCY = range(6)
TITLE, CADENCE, ATTENDEES, DURATION, FIRST_DATE, AGENDA = range(6)
LONGEST_MEETING = 600
_MINUTES = re.compile(r"^(\d{1,6})\s*(?:min|mins|minutes)?\.?$", re.IGNORECASE)

KIND_LABELS: dict[SharingKind, str] = {
    SharingKind.REPORT: tr("Report"),
    SharingKind.FEEDBACK: tr("Feedback loop"),
}


def clean_minutes(text: str) -> int | None:
    """A meeting's length as stored: a whole number of minutes, or None when left blank."""
    text = text.strip()
    if not text:
        return None
    match = _MINUTES.match(text)
    minutes = int(match.group(1)) if match else 0
    if not 1 <= minutes <= LONGEST_MEETING:
        raise ValidationError(
            tr(
                "“{text}” is not a meeting length: type the whole number of minutes, "
                "from 1 to {most} (for example 45)."
            ).format(text=text, most=LONGEST_MEETING),
            field="duration_minutes",
        )
    return minutes


class TransparencyPage(StepPage):
    step = Step.TRANSPARENCY

    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(doc, stack, parent)
        self.teams = [(team, TEAM_LABELS[team]) for team in Team]
        self.body.addWidget(self._sharing())
        self.body.addWidget(self._meetings())
        self.body.addWidget(self._shadowing())
        self.body.addWidget(self._allies())
        self.body.addWidget(self._announcement())
        self.body.addStretch(1)
        self.editors.update(
            sharing=self.sharing_editor,
            meetings=self.meetings_editor,
            shadowing=self.shadowing_editor,
            allies=self.allies_editor,
        )
        self.fields.update(
            announcement=self.announcement_edit, announcement_date=self.announcement_date
        )

    def _editor(
        self, collection: str, columns: list[Column], noun: str, new: Any, hint: str
    ) -> CollectionEditor:
        return compact(CollectionEditor(self.doc, self.stack, collection, columns, noun, new, hint))

    def _sharing(self) -> QWidget:
        box, layout = card(tr("What each side shares"))
        layout.addWidget(
            caption(
                tr(
                    "Reports keep the other team up to date. A feedback loop sends back what "
                    "one team learns: sales tells marketing about pains, objections and why "
                    "deals were lost; marketing tells sales about campaigns, messaging and "
                    "new assets."
                )
            )
        )
        self.sharing_editor = self._editor(
            "sharing",
            [
                Column("what", tr("What"), tr("what is shared")),
                Column("from_team", tr("From"), tr("who shares"), choices=self.teams, width=10),
                Column("to_team", tr("To"), tr("who receives"), choices=self.teams, width=10),
                Column(
                    "kind",
                    tr("Kind"),
                    tr("kind of sharing"),
                    choices=list(KIND_LABELS.items()),
                    width=12,
                ),
                Column("channel", tr("How"), tr("how it is shared")),
                Column("frequency", tr("How often"), tr("how often"), width=11),
            ],
            tr("shared item"),
            lambda: SharingItem(
                from_team=Team.SALES, to_team=Team.MARKETING, kind=SharingKind.FEEDBACK
            ),
            tr("Nothing is shared yet. Start with one thing sales passes back to marketing."),
        )
        self.sharing, self.sharing_table = self.sharing_editor.model, self.sharing_editor.table
        layout.addWidget(self.sharing_editor)
        return box

    def _meetings(self) -> QWidget:
        box, layout = card(tr("Recurring meetings"))
        self.meetings_editor = self._editor(
            "meetings",
            [
                Column("title", tr("Meeting"), tr("meeting title")),
                Column("cadence", tr("How often"), tr("meeting cadence"), width=11),
                Column("attendees", tr("Who attends"), tr("meeting attendees")),
                Column(
                    "duration_minutes",
                    tr("Minutes"),
                    tr("meeting length"),
                    clean=clean_minutes,
                    width=7,
                ),
                Column(
                    "first_date",
                    tr("First on"),
                    tr("first meeting date"),
                    kind=Kind.DATE,
                    width=11,
                ),
                Column("agenda", tr("Agenda"), tr("meeting agenda")),
            ],
            tr("meeting"),
            Meeting,
            tr("No meetings yet. A short weekly pipeline review both teams join is a good start."),
        )
        self.meetings_table = self.meetings_editor.table
        self.meetings = self.meetings_editor.model
        self.meetings_table.setItemDelegateForColumn(
            DURATION, NumberDelegate(self.meetings_table, strict=False)
        )
        layout.addWidget(self.meetings_editor)
        return box

    def _shadowing(self) -> QWidget:
        box, layout = card(tr("Shadowing"))
        layout.addWidget(
            caption(tr("Who sits in on the other team's work — a sales call, a campaign review.")),
        )
        self.shadowing_editor = self._editor(
            "shadowing",
            [
                Column("who", tr("Who"), tr("who shadows")),
                Column("whose_work", tr("Whose work"), tr("whose work")),
                Column("when", tr("When"), tr("when")),
            ],
            tr("shadowing visit"),
            ShadowingItem,
            tr("No one shadows anyone yet. Pair one marketer with a sales call to begin."),
        )
        self.shadowing = self.shadowing_editor.model
        layout.addWidget(self.shadowing_editor)
        return box

    def _allies(self) -> QWidget:
        box, layout = card(tr("Allies"))
        layout.addWidget(
            caption(tr("People on each team who speak up for the agreement when it is tested.")),
        )
        self.allies_editor = self._editor(
            "allies",
            [
                Column("name", tr("Name"), tr("ally name")),
                Column("team", tr("Team"), tr("ally team"), choices=self.teams, width=11),
                Column("role", tr("Role"), tr("ally role")),
            ],
            tr("ally"),
            lambda: Ally(team=self._team_without_ally()),
            tr("No allies yet. Name at least one person in sales and one in marketing."),
        )
        self.allies = self.allies_editor.model
        layout.addWidget(self.allies_editor)
        return box

    def _team_without_ally(self) -> Team:
        present = Counter(a.team for a in self.doc.workshop.allies)
        return next((t for t in (Team.SALES, Team.MARKETING) if not present[t]), Team.SALES)

    def _announcement(self) -> QWidget:
        box, layout = card(tr("Internal announcement"))
        self.announcement_edit = text_box(
            tr("Internal announcement"),
            tr("Who announces the agreement, to whom, through which channel, and what it says"),
            4,
        )
        self.announcement_date = OptionalDateEdit()
        self.announcement_date.setAccessibleName(tr("Announcement date"))
        doc, stack = self.doc, self.stack
        bind(self.announcement_edit, doc, stack, "announcement", tr("announcement"))
        bind(self.announcement_date, doc, stack, "announcement_date", tr("announcement date"))

        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.Space.L)
        grid.setVerticalSpacing(theme.Space.S)
        text_label = QLabel(tr("Ho&w it is announced"))
        text_label.setBuddy(self.announcement_edit)
        date_label = QLabel(tr("Announce &on"))
        date_label.setBuddy(self.announcement_date)
        grid.addWidget(text_label, 0, 0, 1, 2)
        grid.addWidget(self.announcement_edit, 1, 0, 1, 3)
        grid.addWidget(date_label, 2, 0)
        grid.addWidget(self.announcement_date, 2, 1)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        return box
