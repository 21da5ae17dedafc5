"""The signing card: who signs the version being drafted, their signatures as they come in,
and what to do when the text changes half-way through."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.agreement.signature_pad import SignaturePad
from ui.common import theme
from ui.common.i18n import tr
from ui.editing.document import WorkshopDocument
from workshop.agreement import short_digest
from workshop.editing import TEAM_LABELS
from workshop.model import AgreementVersion, Signatory, SignatureKind, VersionStatus
from workshop.versions import Situation

Ask = Callable[[QWidget, Signatory, str], Any]


def when(moment: datetime | None) -> str:
    """A signing time as people read it, with its zone spelt out."""
    if moment is None:
        return ""
    local = moment.astimezone()
    return f"{local.day} " + local.strftime("%b %Y, %H:%M ") + (local.tzname() or "")


def plain(text: str, kind: theme.Type = theme.Type.BODY, tone: Any = None) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return theme.apply(label, kind, tone) if tone is not None else theme.apply(label, kind)


def signature_view(signatory: Signatory) -> QWidget:
    """A stored signature, small and read-only: drawn strokes or a typed name."""
    signature = signatory.signature
    assert signature is not None
    if signature.kind is SignatureKind.TYPED:
        from ui.agreement.sign_dialog import script_font

        label = QLabel(signature.typed_name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = script_font()
        font.setPointSizeF(label.font().pointSizeF() * 1.8)
        label.setFont(font)
        label.setAccessibleName(tr("Typed signature of {name}").format(name=signatory.name))
        return label
    pad = SignaturePad(read_only=True)
    pad.set_strokes(signature.strokes)
    pad.setFixedSize(180, 60)
    pad.setAccessibleName(tr("Signature of {name}").format(name=signatory.name))
    return pad


class SigningPanel(QWidget):
    """Lists the draft's signatories with a Sign button each, or the finished signatures."""

    sign_requested = Signal(int)  # the signatory's position on the draft
    restart_requested = Signal()

    def __init__(self, doc: WorkshopDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(theme.Space.M)
        self.sign_buttons: list[QPushButton] = []
        self.draft: AgreementVersion | None = None
        self._content: QWidget | None = None

    def refresh(self, now: Situation) -> None:
        if self._content is not None:
            self.layout_.removeWidget(self._content)
            self._content.deleteLater()
        self._content = QWidget()
        column = QVBoxLayout(self._content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(theme.Space.M)
        self.sign_buttons = []
        self.draft = now.draft
        signed = now.signed
        self.status = plain("", theme.Type.LABEL)
        column.addWidget(self.status)
        if self.draft is None:
            assert signed is not None
            self.status.setText(
                tr("Version {n} is signed by everyone and locked.").format(n=signed.number)
            )
            column.addWidget(
                plain(
                    tr(
                        "Editing the workshop starts an amendment, version {n}, which is "
                        "signed again."
                    ).format(n=signed.number + 1),
                    theme.Type.CAPTION,
                    theme.Tone.NEUTRAL,
                )
            )
            self._rows(column, signed.signatories, None)
        else:
            self._draft(column, now)
        self.layout_.addWidget(self._content)

    def set_busy(self, name: str) -> None:
        """While ``name``'s signature is being stored: no Sign button can be pressed."""
        for button in self.sign_buttons:
            button.setEnabled(False)
        self.status.setText(tr("Storing the signature of {name}…").format(name=name))

    def _draft(self, column: QVBoxLayout, now: Situation) -> None:
        draft, signed = now.draft, now.signed
        assert draft is not None
        kind = (
            tr("amendment of version {n}").format(n=signed.number)
            if signed
            else tr("not signed yet")
        )
        self.status.setText(
            tr("Version {n} — draft, {kind} · digest {digest}").format(
                n=draft.number, kind=kind, digest=short_digest(draft.digest)
            )
        )
        stale = now.stale
        if stale:
            banner = QFrame()
            banner.setObjectName("Card")
            row = QHBoxLayout(banner)
            names = ", ".join(s.name for s in stale)
            row.addWidget(
                plain(
                    tr(
                        "The agreement changed after {names} signed, so those signatures "
                        "are for an earlier text. Start the signing again so everyone signs "
                        "the same text."
                    ).format(names=names),
                    theme.Type.BODY,
                    theme.Tone.GAP,
                ),
                1,
            )
            restart = QPushButton(tr("Start Signing &Again"))
            restart.setAccessibleName(tr("Start signing again"))
            restart.clicked.connect(self.restart_requested)
            row.addWidget(restart)
            column.addWidget(banner)
        open_points = now.agreement.open_points
        if open_points:
            column.addWidget(
                plain(
                    tr(
                        "{n} open points remain (listed above). Signing is still possible "
                        "after you confirm it; the agreement will then say that it contains "
                        "open points."
                    ).format(n=len(open_points)),
                    theme.Type.CAPTION,
                    theme.Tone.GAP,
                )
            )
        if not draft.signatories:
            column.addWidget(
                plain(
                    tr("Add the people who sign in the table above."),
                    theme.Type.CAPTION,
                    theme.Tone.NEUTRAL,
                )
            )
        self._rows(column, draft.signatories, None if stale else draft)

    def _rows(
        self, column: QVBoxLayout, people: list[Signatory], draft: AgreementVersion | None
    ) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.Space.L)
        grid.setVerticalSpacing(theme.Space.S)
        grid.setColumnStretch(0, 1)
        for i, person in enumerate(people):
            team = TEAM_LABELS.get(person.team, person.team)
            who = " · ".join(p for p in (person.name or tr("(no name)"), person.title, team) if p)
            grid.addWidget(plain(who), i, 0)
            if person.signature is not None:
                grid.addWidget(signature_view(person), i, 1, Qt.AlignmentFlag.AlignLeft)
                grid.addWidget(
                    plain(
                        tr("Signed {when}").format(when=when(person.signature.signed_at)),
                        theme.Type.CAPTION,
                        theme.Tone.GOOD,
                    ),
                    i,
                    2,
                )
            elif draft is not None and draft.status is VersionStatus.DRAFT:
                button = QPushButton(tr("Sign…"))
                button.setAccessibleName(tr("Sign as {name}").format(name=person.name))
                button.setEnabled(bool(person.name.strip()))
                button.clicked.connect(lambda _c=False, n=i: self.sign_requested.emit(n))
                self.sign_buttons.append(button)
                grid.addWidget(button, i, 2, Qt.AlignmentFlag.AlignRight)
        column.addLayout(grid)
