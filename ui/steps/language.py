"""Step 2 — Common language: lifecycle stages in shared words, the ideal customer, personas."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from ui.common import theme
from ui.common.i18n import tr
from ui.editing.binding import bind
from ui.editing.collection_editor import CollectionEditor, compact
from ui.editing.collection_model import Column
from ui.editing.document import WorkshopDocument
from ui.steps.page import StepPage, card
from workshop.model import Definition, Persona
from workshop.steps import Step

STAGE, CRITERIA, DECIDED_BY, HANDOFF = range(4)
PERSONA_NAME, PERSONA_ROLE, PAINS, GOALS = range(4)


def caption(text: str) -> QLabel:
    """A short explanation in the app's own words, wrapped, shown literally."""
    label = QLabel(text)
    theme.apply(label, theme.Type.CAPTION, theme.Tone.NEUTRAL)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def text_box(name: str, placeholder: str, lines: int) -> QPlainTextEdit:
    """A multi-line field that Tab leaves, about ``lines`` lines high."""
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 2 * theme.Space.M)
    return edit


class LanguagePage(StepPage):
    step = Step.LANGUAGE

    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(doc, stack, parent)
        self.body.addWidget(self._stages())
        self.body.addWidget(self._profile())
        self.body.addWidget(self._personas())
        self.body.addStretch(1)
        self.fields["ideal_customer_profile"] = self.profile_edit
        self.editors["definitions"] = self.stages_editor
        self.editors["personas"] = self.personas_editor

    def _stages(self) -> QWidget:
        box, layout = card(tr("Lifecycle stages"))
        layout.addWidget(
            caption(
                tr(
                    "One row per stage a lead passes through, top to bottom. Write what must "
                    "be true to enter it, who makes that call and what happens at hand-off."
                )
            )
        )
        self.stages_editor = compact(
            CollectionEditor(
                self.doc,
                self.stack,
                "definitions",
                [
                    Column("stage", tr("Stage"), tr("stage name"), width=14),
                    Column("entry_criteria", tr("Entry criteria"), tr("entry criteria")),
                    Column("decided_by", tr("Who decides"), tr("who decides")),
                    Column("handoff", tr("Hand-off"), tr("hand-off")),
                ],
                tr("lifecycle stage"),
                Definition,
                tr(
                    "No stages yet. Start with lead, MQL, SAL, SQL, opportunity and customer, "
                    "then rename them to the words your teams already use."
                ),
            )
        )
        self.stages, self.stages_table = self.stages_editor.model, self.stages_editor.table
        layout.addWidget(self.stages_editor)
        return box

    def _profile(self) -> QWidget:
        box, layout = card(tr("Ideal customer profile"))
        label = QLabel(tr("&Who both teams are going after"))
        self.profile_edit = text_box(
            tr("Ideal customer profile"),
            tr("Industry, company size, region, the trigger that makes them buy, deal breakers"),
            6,
        )
        label.setBuddy(self.profile_edit)
        bind(
            self.profile_edit,
            self.doc,
            self.stack,
            "ideal_customer_profile",
            tr("ideal customer profile"),
        )
        layout.addWidget(label)
        layout.addWidget(self.profile_edit)
        return box

    def _personas(self) -> QWidget:
        box, layout = card(tr("Personas"))
        layout.addWidget(
            caption(
                tr(
                    "The people inside that customer who buy or use what you sell: what hurts "
                    "them and what they want to achieve."
                )
            )
        )
        self.personas_editor = compact(
            CollectionEditor(
                self.doc,
                self.stack,
                "personas",
                [
                    Column("name", tr("Name"), tr("persona name"), width=14),
                    Column("role", tr("Role"), tr("persona role"), width=16),
                    Column("pains", tr("Pains"), tr("persona pains")),
                    Column("goals", tr("Goals"), tr("persona goals")),
                ],
                tr("persona"),
                Persona,
                tr("No personas yet. Add the two or three people you most often sell to."),
            )
        )
        self.personas, self.personas_table = (
            self.personas_editor.model,
            self.personas_editor.table,
        )
        layout.addWidget(self.personas_editor)
        return box
