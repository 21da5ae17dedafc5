"""Step 6 — Agreement & signatures: the terms, what is still open, who signs, the signing
itself, what changed since the last signed version, and every version ever signed."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from ui.agreement.output import AgreementOutput
from ui.agreement.signing_panel import SigningPanel, plain
from ui.agreement.version_history import VersionHistory
from ui.common import dialogs, theme
from ui.common.i18n import tr
from ui.common.lifetime import while_alive
from ui.common.widgets import OptionalDateEdit
from ui.editing.binding import bind
from ui.editing.collection_editor import CollectionEditor, compact
from ui.editing.collection_model import Column
from ui.editing.commands import AddItem
from ui.editing.document import WorkshopDocument
from ui.steps.page import StepPage, card
from workshop.agreement import compose, short_digest
from workshop.editing import TEAM_LABELS, parse_term
from workshop.model import Signatory, Team, VersionStatus
from workshop.signatories import leads_from_the_room
from workshop.steps import STEP_INFO, Step
from workshop.versions import Situation, current_draft, situation

MAX_CHANGES_SHOWN = 40


class AgreementPage(StepPage):
    step = Step.AGREEMENT

    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(doc, stack, parent)
        self._confirmed_open: set[str] = set()  # digests signed with open points, on purpose
        self._dirty = True
        self.body.addWidget(self._terms())
        self.open_box, self.open_layout = card(tr("Before signing"))
        self._open_lines: list[QWidget] = []
        self.body.addWidget(self.open_box)
        self.body.addWidget(self._signatories())
        self.signing_box, layout = card(tr("Signing"))
        self.signing = SigningPanel(doc)
        self.signing.sign_requested.connect(self.sign)
        self.signing.restart_requested.connect(self.restart_signing)
        layout.addWidget(self.signing)
        self.body.addWidget(self.signing_box)
        self.changes_box, self.changes_layout = card(tr("Changes"))
        self._change_lines: list[QWidget] = []
        self.body.addWidget(self.changes_box)
        self.history_box, layout = card(tr("Versions"))
        self.history = VersionHistory(doc)
        self.output = AgreementOutput(self, doc)
        self.history.preview_requested.connect(self.output.preview)
        self.history.export_requested.connect(self.output.export)
        self.history.print_requested.connect(self.output.print_version)
        layout.addWidget(self.history)
        self.body.addWidget(self.history_box)
        self.body.addStretch(1)
        self.fields.update(
            effective_date=self.effective_edit,
            term_months=self.term_edit,
            review_date=self.review_edit,
        )
        self.editors["signatories"] = self.signatories_editor
        doc.field_changed.connect(self._changed)
        doc.children_changed.connect(self._changed)
        doc.versions_changed.connect(self._changed)

    # -- terms ---------------------------------------------------------------------------------

    def _terms(self) -> QWidget:
        self.term_error = QLabel()
        self.term_error.setObjectName("InlineError")
        self.term_error.setTextFormat(Qt.TextFormat.PlainText)
        box, layout = card(tr("Terms"), aside=self.term_error)
        self.effective_edit = OptionalDateEdit()
        self.term_edit = QLineEdit()
        self.term_edit.setPlaceholderText(tr("e.g. 12"))
        self.term_edit.setMaximumWidth(120)
        self.review_edit = OptionalDateEdit()
        doc, stack = self.doc, self.stack
        bind(self.effective_edit, doc, stack, "effective_date", tr("effective date"))
        bind(self.term_edit, doc, stack, "term_months", tr("term"), parse_term, self.term_error)
        bind(self.review_edit, doc, stack, "review_date", tr("review date"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.Space.L)
        grid.setVerticalSpacing(theme.Space.S)
        placed = [
            (tr("&Effective from"), self.effective_edit),
            (tr("&Term (months)"), self.term_edit),
            (tr("Re&view on"), self.review_edit),
        ]
        for col, (text, field) in enumerate(placed):
            label = QLabel(text)
            label.setBuddy(field)
            field.setAccessibleName(text.replace("&", ""))
            grid.addWidget(label, 0, col * 2)
            grid.addWidget(field, 0, col * 2 + 1)
        grid.setColumnStretch(6, 1)
        layout.addLayout(grid)
        return box

    # -- signatories ---------------------------------------------------------------------------

    def _signatories(self) -> QWidget:
        self.suggest_button = QPushButton(tr("Add the &Leads from the Room"))
        self.suggest_button.setToolTip(
            tr("Adds the first sales and marketing participants who are not signing yet")
        )
        self.suggest_button.clicked.connect(self.suggest_signatories)
        box, layout = card(tr("Who signs"), aside=self.suggest_button)
        teams = [(team, TEAM_LABELS[team]) for team in Team]
        self.signatories_editor = CollectionEditor(
            self.doc,
            self.stack,
            "signatories",
            [
                Column("name", tr("Name"), tr("signatory name")),
                Column("title", tr("Job title"), tr("signatory job title")),
                Column("team", tr("Team"), tr("signatory team"), choices=teams, width=12),
            ],
            tr("signatory"),
            lambda: Signatory(team=self._missing_team()),
            tr(
                "No one signs yet. Add the sales lead and the marketing lead (and, if you "
                "like, an executive sponsor)."
            ),
        )
        layout.addWidget(compact(self.signatories_editor))
        return box

    def _missing_team(self) -> Team:
        teams = {s.team for s in self.doc.workshop.signatories}
        for team in (Team.SALES, Team.MARKETING):
            if team not in teams:
                return team
        return Team.LEADERSHIP

    def suggest_signatories(self) -> None:
        """Add, as one undo step, the first sales and marketing participants (leads first)."""
        chosen = leads_from_the_room(self.doc.workshop)
        if not chosen:
            dialogs.tell(
                self,
                tr(
                    "There is no sales or marketing participant left to add; type the "
                    "signatories into the table."
                ),
            )
            return
        self.stack.beginMacro(tr("Add signatories from the room"))
        for signatory in chosen:
            self.stack.push(
                AddItem(
                    self.doc,
                    "signatories",
                    signatory,
                    len(self.doc.workshop.signatories),
                    tr("signatory"),
                )
            )
        self.stack.endMacro()

    # -- keeping up ----------------------------------------------------------------------------

    def _changed(self, *_args: Any) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Show where the agreement stands, composed once for every card."""
        self._dirty = False
        now = situation(self.doc.workshop)
        self._show_open_points(now)
        self.signing.refresh(now)
        self._show_changes(now)
        self.history.refresh(now.versions)

    def _replace_lines(self, layout: Any, old: list[QWidget], new: list[QWidget]) -> None:
        for widget in old:
            layout.removeWidget(widget)
            widget.deleteLater()
        old[:] = new
        for widget in new:
            layout.addWidget(widget)

    def _show_open_points(self, now: Situation) -> None:
        found = now.open_points
        lines: list[QWidget] = []
        if not found:
            lines.append(
                plain(
                    tr("Nothing is missing: the agreement is ready to sign."),
                    theme.Type.BODY,
                    theme.Tone.GOOD,
                )
            )
        else:
            lines.append(
                plain(
                    tr(
                        "{n} points are still open. Each link takes you to the field that "
                        "closes it."
                    ).format(n=len(found)),
                    theme.Type.CAPTION,
                    theme.Tone.NEUTRAL,
                )
            )
            color = theme.tone(theme.Tone.GAP).name()
            for gap in found:
                step = STEP_INFO[gap.step].title
                link = QLabel(
                    f"{html.escape(step)}: <a href='{html.escape(gap.target)}' "
                    f"style='color:{color}'>{html.escape(gap.message)}</a>"
                )
                link.setTextFormat(Qt.TextFormat.RichText)
                link.setWordWrap(True)
                link.setTextInteractionFlags(
                    Qt.TextInteractionFlag.LinksAccessibleByMouse
                    | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                )
                link.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                link.setAccessibleName(f"{step}: {gap.message}")
                link.linkActivated.connect(
                    lambda _h, s=gap.step, t=gap.target: self._open_point(s, t)
                )
                lines.append(link)
        self.open_box.setAccessibleName(tr("Before signing"))
        self._replace_lines(self.open_layout, self._open_lines, lines)

    def _open_point(self, step: Step, target: str) -> None:
        if step is Step.AGREEMENT:
            self.go_to(target)
        else:
            self.elsewhere.emit(step.value, target)

    def _show_changes(self, now: Situation) -> None:
        signed, draft = now.signed, now.draft
        lines: list[QWidget] = []
        if signed is None or draft is None:
            self.changes_box.hide()
            self._replace_lines(self.changes_layout, self._change_lines, lines)
            return
        self.changes_box.show()
        found = now.changes
        lines.append(
            plain(
                tr("Version {n} changes these points of version {m}:").format(
                    n=draft.number, m=signed.number
                ),
                theme.Type.LABEL,
            )
        )
        for change in found[:MAX_CHANGES_SHOWN]:
            lines.append(plain("• " + change.sentence()))
        if len(found) > MAX_CHANGES_SHOWN:
            lines.append(
                plain(
                    tr("… and {n} more.").format(n=len(found) - MAX_CHANGES_SHOWN),
                    theme.Type.CAPTION,
                    theme.Tone.NEUTRAL,
                )
            )
        self._replace_lines(self.changes_layout, self._change_lines, lines)

    # -- signing -------------------------------------------------------------------------------

    def sign(self, position: int) -> None:
        w = self.doc.workshop
        agreement = compose(w)
        draft = current_draft(w, agreement)
        if draft is None or draft.status is VersionStatus.SIGNED:
            return
        if position >= len(draft.signatories):
            return
        signatory = draft.signatories[position]
        if any(not s.name.strip() for s in draft.signatories):
            dialogs.tell(self, tr("Give every signatory a name before anyone signs."))
            return
        if agreement.contains_open_points and draft.digest not in self._confirmed_open:
            if not dialogs.ask(
                self,
                tr("Sign with open points?"),
                tr(
                    "The agreement still has {n} open points. If you sign now, the printed "
                    "agreement says that it contains open points."
                ).format(n=len(agreement.open_points)),
                tr("Sign Anyway"),
            ):
                return
            self._confirmed_open.add(draft.digest)
        statement = tr(
            "I have read and agree to version {n} of the agreement “{title}” (digest {digest})."
        ).format(n=draft.number, title=w.title, digest=short_digest(draft.digest))
        from ui.agreement import sign_dialog  # the pad loads when someone signs

        signature = sign_dialog.ask_signature(self, signatory, statement)
        if signature is None:
            return
        # Until the library has it, nobody can sign again (the same person twice, say).
        self.signing.set_busy(signatory.name)
        self.doc.sign(
            draft,
            position,
            signature,
            while_alive(self, self._signed),
            while_alive(self, self._sign_failed),
        )

    def _signed(self, version: Any) -> None:
        self.refresh()
        if version.status is VersionStatus.SIGNED:
            self.signing.status.setText(
                tr("Version {n} is signed by everyone and locked.").format(n=version.number)
            )

    def _sign_failed(self, message: str) -> None:
        dialogs.tell(self, message)
        self.refresh()

    def restart_signing(self) -> None:
        if not dialogs.ask(
            self,
            tr("Start signing again?"),
            tr(
                "The signatures given to the earlier text are set aside, and everyone signs "
                "the agreement as it reads now."
            ),
            tr("Start Again"),
        ):
            return
        self.doc.discard_draft(
            while_alive(self, self.refresh), while_alive(self, self._sign_failed)
        )
