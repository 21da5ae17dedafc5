"""Dot voting with the room: start a vote, enter each participant's dots (or the totals the
room counted), then reveal the ranking.

The dialog keeps who has voted only while it is open; the workshop stores the total per
option, updated (undoably) each time a participant's dots are recorded. The totals stay
hidden until the ranking is revealed, so early dots do not sway later voters.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.text import plain
from ui.editing.commands import AddItem, SetItemField
from ui.editing.document import WorkshopDocument
from workshop.errors import ValidationError
from workshop.model import Vote
from workshop.voting import (
    MOST_DOTS,
    add_ballot,
    candidate_lists,
    dots_placed,
    outcome,
    ranking,
    set_totals,
    start_vote,
)

MOST_TOTAL = 9999


def dots_text(n: int) -> str:
    return tr("1 dot") if n == 1 else tr("{n} dots").format(n=n)


def _label(text: str, kind: theme.Type = theme.Type.BODY, tone: Any = None) -> QLabel:
    label = plain(theme.apply(QLabel(text), kind, tone))
    label.setWordWrap(True)
    return label


class VoteDialog(QDialog):
    def __init__(
        self,
        doc: WorkshopDocument,
        stack: QUndoStack,
        vote_id: str | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.doc, self.stack = doc, stack
        self.vote_id = vote_id
        self.voted: set[int] = set()  # rows of the participant list already recorded
        self.setWindowTitle(tr("Dot vote"))
        self.resize(640, 560)
        self.pages = QStackedWidget()
        self.setup_page = self._setup()
        self.ballot_page = QWidget()
        self.result_page = QWidget()
        for page in (self.setup_page, self.ballot_page, self.result_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.Space.XL, theme.Space.L, theme.Space.XL, theme.Space.L)
        layout.addWidget(self.pages)
        if vote_id is None:
            self.pages.setCurrentWidget(self.setup_page)
        elif self.vote.revealed:
            self.show_results()
        else:
            self.show_ballots()

    @property
    def vote(self) -> Vote:
        assert self.vote_id is not None
        vote: Vote = self.doc.item("votes", self.vote_id)
        return vote

    # -- starting a vote ------------------------------------------------------------------------

    def _setup(self) -> QWidget:
        page = QWidget()
        self.subject = QLineEdit()
        self.subject.setAccessibleName(tr("What the room votes on"))
        self.subject.setPlaceholderText(tr("Which activity do we fix first?"))
        self.source = QComboBox()
        self.source.setAccessibleName(tr("Take the options from"))
        self.source.addItem(tr("Type them below"), None)
        self.lists = candidate_lists(self.doc.workshop)
        for name in self.lists:
            self.source.addItem(name, name)
        self.source.activated.connect(self._fill_options)
        self.options = QPlainTextEdit()
        self.options.setAccessibleName(tr("Options, one per line"))
        self.options.setPlaceholderText(tr("One option per line"))
        self.options.setTabChangesFocus(True)
        self.dots = QSpinBox()
        self.dots.setRange(1, MOST_DOTS)
        self.dots.setValue(3)
        self.dots.setAccessibleName(tr("Dots per participant"))
        self.dots.setMaximumWidth(8 * self.fontMetrics().averageCharWidth() + 40)
        self.setup_error = _label("", theme.Type.CAPTION, theme.Tone.ERROR)
        self.setup_error.setObjectName("InlineError")
        self.setup_error.hide()
        self.start_button = QPushButton(tr("Start Vote"))
        self.start_button.setObjectName("Primary")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        cancel = QPushButton(tr("Cancel"))
        cancel.clicked.connect(self.reject)

        form = QFormLayout()
        form.setSpacing(theme.Space.M)
        form.addRow(tr("&Vote on"), self.subject)
        form.addRow(tr("&Options from"), self.source)
        form.addRow(tr("O&ptions"), self.options)
        form.addRow(tr("&Dots each"), self.dots)
        for field in (self.subject, self.source, self.options, self.dots):
            buddy = form.labelForField(field)
            if isinstance(buddy, QLabel):
                buddy.setBuddy(field)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.Space.M)
        layout.addWidget(_label(tr("Start a dot vote"), theme.Type.TITLE))
        layout.addWidget(
            _label(
                tr(
                    "Each participant spreads their dots over the options, several on one if "
                    "they like. You enter each person's dots; the ranking stays hidden until "
                    "you reveal it."
                ),
                tone=theme.Tone.NEUTRAL,
            )
        )
        layout.addLayout(form, 1)
        layout.addWidget(self.setup_error)
        layout.addLayout(buttons)
        return page

    def _fill_options(self, _index: int) -> None:
        name = self.source.currentData()
        if name is not None:
            self.options.setPlainText("\n".join(self.lists[name]))
            if not self.subject.text().strip():
                self.subject.setText(tr("Which {list} come first?").format(list=name.lower()))

    def start(self) -> None:
        try:
            vote = start_vote(
                self.subject.text(), self.options.toPlainText().splitlines(), self.dots.value()
            )
        except ValidationError as exc:
            self.setup_error.setText(exc.message)
            self.setup_error.show()
            return
        count = len(self.doc.items("votes"))
        self.stack.push(AddItem(self.doc, "votes", vote, count, tr("vote")))
        self.vote_id = vote.id
        self.show_ballots()

    # -- entering dots ----------------------------------------------------------------------------

    def _replace(self, old: QWidget) -> QWidget:
        page = QWidget()
        index = self.pages.indexOf(old)
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(old)
        old.deleteLater()
        return page

    def show_ballots(self) -> None:
        vote = self.vote
        self.ballot_page = page = self._replace(self.ballot_page)
        self.participant = QComboBox()
        self.participant.setAccessibleName(tr("Whose dots"))
        for person in self.doc.workshop.participants:
            self.participant.addItem(person.name.strip() or tr("(unnamed participant)"))
        self.participant.addItem(tr("Someone else"))
        self.totals_mode = QCheckBox(tr("Enter the totals the room counted instead"))
        self.totals_mode.toggled.connect(self._mode_changed)
        self.spins: dict[str, QSpinBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.Space.L)
        grid.setVerticalSpacing(theme.Space.S)
        for row, option in enumerate(vote.options):
            spin = QSpinBox()
            spin.setRange(0, vote.dots_per_participant)
            spin.setAccessibleName(tr("Dots for {option}").format(option=option[:80]))
            spin.valueChanged.connect(self._count)
            name = _label(option)
            name.setBuddy(spin)
            grid.addWidget(name, row, 0)
            grid.addWidget(spin, row, 1)
            self.spins[option] = spin
        grid.setColumnStretch(0, 1)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, theme.Space.S, 0)
        holder_layout.addLayout(grid)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName(tr("Dots for each option"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.left = _label("", theme.Type.LABEL)
        self.progress = _label("", theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.progress.setAccessibleName(tr("Voting progress"))
        self.ballot_error = _label("", theme.Type.CAPTION, theme.Tone.ERROR)
        self.ballot_error.hide()
        self.record_button = QPushButton(tr("Record Dots"))
        self.record_button.setObjectName("Primary")
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.record)
        self.reveal_button = QPushButton(tr("Reveal Ranking"))
        self.reveal_button.clicked.connect(self.reveal)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.accept)
        who = QHBoxLayout()
        who.addWidget(QLabel(tr("Dots of")))
        who.addWidget(self.participant, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(close)
        buttons.addStretch(1)
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.Space.M)
        layout.addWidget(_label(vote.subject, theme.Type.TITLE))
        layout.addWidget(
            _label(
                tr("Each participant has {dots}.").format(
                    dots=dots_text(vote.dots_per_participant)
                ),
                tone=theme.Tone.NEUTRAL,
            )
        )
        layout.addLayout(who)
        layout.addWidget(self.totals_mode)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.left)
        layout.addWidget(self.ballot_error)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.pages.setCurrentWidget(page)
        self._count()
        next(iter(self.spins.values())).setFocus()

    def _mode_changed(self, totals: bool) -> None:
        vote = self.vote
        self.participant.setEnabled(not totals)
        self.record_button.setText(tr("Save Totals") if totals else tr("Record Dots"))
        for option, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setRange(0, MOST_TOTAL if totals else vote.dots_per_participant)
            spin.setValue(vote.tallies.get(option, 0) if totals else 0)
            spin.blockSignals(False)
        self.ballot_error.hide()
        self._count()

    def _count(self, *_args: Any) -> None:
        vote = self.vote
        used = sum(spin.value() for spin in self.spins.values())
        if self.totals_mode.isChecked():
            self.left.setText(tr("{n} dots in total.").format(n=used))
            theme.apply(self.left, theme.Type.LABEL, None)
        else:
            left = vote.dots_per_participant - used
            self.left.setText(
                tr("{dots} left.").format(dots=dots_text(left))
                if left >= 0
                else tr("{dots} too many.").format(dots=dots_text(-left))
            )
            theme.apply(self.left, theme.Type.LABEL, theme.Tone.ERROR if left < 0 else None)
        self.progress.setText(
            tr(
                "{voted} participant(s) recorded in this sitting · {dots} dots placed so far."
            ).format(voted=len(self.voted), dots=dots_placed(vote))
        )

    def record(self) -> None:
        vote = self.vote
        dots = {option: spin.value() for option, spin in self.spins.items()}
        try:
            if self.totals_mode.isChecked():
                tallies = set_totals(vote, dots)
            else:
                tallies = add_ballot(vote, {o: n for o, n in dots.items() if n})
        except ValidationError as exc:
            self.ballot_error.setText(exc.message)
            self.ballot_error.show()
            return
        self.ballot_error.hide()
        self.stack.push(SetItemField(self.doc, "votes", vote.id, "tallies", tallies, tr("dots")))
        if not self.totals_mode.isChecked():
            self.voted.add(self.participant.currentIndex())
            self._next_voter()
            for spin in self.spins.values():
                spin.setValue(0)
            next(iter(self.spins.values())).setFocus()
        self._count()

    def _next_voter(self) -> None:
        last = self.participant.count() - 1  # "Someone else" may vote any number of times
        current = self.participant.currentIndex()
        if current < last:
            self.participant.setItemText(current, "✓ " + self.participant.itemText(current))
        for row in range(self.participant.count()):
            if row not in self.voted or row == last:
                self.participant.setCurrentIndex(row)
                return

    # -- the ranking -------------------------------------------------------------------------------

    def reveal(self) -> None:
        vote = self.vote
        self.stack.push(SetItemField(self.doc, "votes", vote.id, "revealed", True, tr("ranking")))
        self.show_results()

    def reopen(self) -> None:
        vote = self.vote
        self.stack.push(SetItemField(self.doc, "votes", vote.id, "revealed", False, tr("ranking")))
        self.show_ballots()

    def show_results(self) -> None:
        vote = self.vote
        self.result_page = page = self._replace(self.result_page)
        ranked = ranking(vote)
        top = max((r.dots for r in ranked), default=0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.Space.L)
        grid.setVerticalSpacing(theme.Space.S)
        self.result_rows: list[tuple[str, str, int]] = []
        for row, r in enumerate(ranked):
            place = f"{r.place}." + (" =" if r.tied else "")
            kind = theme.Type.LABEL if r.place == 1 else theme.Type.BODY
            grid.addWidget(_label(place, theme.Type.SUBTITLE), row, 0)
            grid.addWidget(_label(r.option, kind), row, 1)
            bar = QProgressBar()
            bar.setRange(0, max(top, 1))
            bar.setValue(r.dots)
            bar.setTextVisible(False)
            bar.setFixedHeight(self.fontMetrics().height())
            bar.setAccessibleName(f"{r.option[:80]}: {dots_text(r.dots)}")
            grid.addWidget(bar, row, 2)
            grid.addWidget(_label(dots_text(r.dots), kind), row, 3)
            self.result_rows.append((place, r.option, r.dots))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, theme.Space.S, 0)
        holder_layout.addLayout(grid)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName(tr("Ranking"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.outcome = _label(outcome(vote), theme.Type.SUBTITLE, theme.Tone.ACCENT)
        self.outcome.setAccessibleName(tr("Outcome"))
        more = QPushButton(tr("Enter More Dots"))
        more.clicked.connect(self.reopen)
        close = QPushButton(tr("Close"))
        close.setObjectName("Primary")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(more)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.Space.M)
        layout.addWidget(_label(vote.subject, theme.Type.TITLE))
        layout.addWidget(self.outcome)
        layout.addWidget(
            _label(
                tr("{dots} dots placed. “=” marks options tied on the same number of dots.").format(
                    dots=dots_placed(vote)
                ),
                theme.Type.CAPTION,
                theme.Tone.NEUTRAL,
            )
        )
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.pages.setCurrentWidget(page)
        close.setFocus()
