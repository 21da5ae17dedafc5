"""The presenter view for the projector: the step the room is on, the questions for the
room, what the room has agreed so far, the timer and — on the Shared goal step — the live
funnel numbers, in type large enough to read from the back of the room.

It follows the open workshop live; the facilitator keeps working in the main window.
F11 toggles full screen, Escape closes it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from ui.common.i18n import tr
from ui.common.text import shorten
from ui.editing.document import WorkshopDocument
from ui.room import presenter_text as content
from ui.room.clock import RoomClock
from workshop.guidance import guidance
from workshop.steps import STEP_INFO, STEPS, Step
from workshop.timer import Level, countdown_text

SMALLEST = 0.6  # type shrinks to fit a long text down to this share of its size, no further


def _label(role: str, rich: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(role)
    # The room's words are shown as typed: plain text, or escaped inside rich text.
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class PresenterWindow(QWidget):
    closed = Signal()

    def __init__(
        self, doc: WorkshopDocument, clock: RoomClock, step: Step, parent: Any = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.doc, self.clock, self.step = doc, clock, step
        self.setWindowTitle(tr("Accord — presenter view"))
        self.setObjectName("Presenter")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(tr("Presenter view"))
        self._shown: tuple[Any, ...] = ()
        self._item_id = clock.item_id
        self._base = self._unit = 1.0

        self.position = _label("Muted")
        self.title = _label("Title")
        self.digits = _label("Digits")
        self.digits.setWordWrap(False)
        self.digits.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.digits.setAccessibleName(tr("Time left"))
        self.agenda_now = _label("Now")
        self.agenda_now.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.following = _label("Muted")
        self.following.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.questions_heading = _label("Heading")
        self.questions_heading.setText(tr("Questions for the room").upper())
        self.questions = _label("Questions", rich=True)
        self.agreed_heading = _label("Heading")
        self.funnel = _label("Funnel", rich=True)
        self.agreed = _label("Agreed", rich=True)

        where = QVBoxLayout()
        where.setSpacing(0)
        where.addWidget(self.position)
        where.addWidget(self.title)
        clock_box = QVBoxLayout()
        clock_box.setSpacing(0)
        clock_box.addWidget(self.digits)
        clock_box.addWidget(self.agenda_now)
        clock_box.addWidget(self.following)
        top = QHBoxLayout()
        top.addLayout(where, 1)
        top.addLayout(clock_box, 1)

        left = self.left_layout = QVBoxLayout()
        left.addWidget(self.questions_heading)
        left.addWidget(self.questions)
        left.addStretch(1)
        panel = QFrame()
        panel.setObjectName("Panel")
        right = QVBoxLayout(panel)
        right.addWidget(self.agreed_heading)
        right.addWidget(self.funnel)
        right.addWidget(self.agreed)
        right.addStretch(1)
        self.right_layout = right
        self.columns = QHBoxLayout()
        self.columns.addLayout(left, 1)
        self.columns.addWidget(panel, 1)

        self.outer = QVBoxLayout(self)
        # The window takes the screen's size; long text shrinks instead (see _fit).
        self.outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.outer.addLayout(top)
        self.outer.addLayout(self.columns, 1)

        self._actions()
        doc.field_changed.connect(self._content_changed)
        doc.children_changed.connect(self._content_changed)
        clock.changed.connect(self.refresh_clock)
        self._following = True
        self.refresh()

    # -- keys ------------------------------------------------------------------------------

    def _actions(self) -> None:
        def add(keys: str, slot: Any) -> None:
            action = QAction(self)
            action.setShortcuts([QKeySequence(keys)])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        add("Esc", self.close)
        add("F11", self.toggle_full_screen)
        # The timer answers here too: the facilitator may be looking at this window.
        add("F6", self.clock.toggle)
        add("Shift+F6", lambda: self.clock.extend())
        add("Ctrl+F6", self.clock.reset)
        add("F7", self.clock.advance)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def place(self, avoid: Any) -> None:
        """Full screen on a screen other than ``avoid``'s (the projector); with one screen,
        a large window beside the main one (F11 makes it full screen)."""
        screens = QGuiApplication.screens()
        own = avoid.screen() if avoid is not None else None
        others = [s for s in screens if s is not own]
        if others and own is not None:
            self.setGeometry(others[0].geometry())
            self.showFullScreen()
            return
        area = (own or QGuiApplication.primaryScreen()).availableGeometry()
        width = min(area.width() * 4 // 5, 1600)
        height = min(area.height() * 4 // 5, width * 9 // 16)
        self.resize(width, height)
        self.move(area.center() - self.rect().center())
        self.show()

    # -- following -------------------------------------------------------------------------

    def show_step(self, step: Step) -> None:
        self.step = step
        self.refresh()

    def _content_changed(self, *_args: Any) -> None:
        self.refresh()

    def refresh(self) -> None:
        w, step = self.doc.workshop, self.step
        where = tr("Step {n} of {all}").format(n=STEPS.index(step) + 1, all=len(STEPS))
        self.position.setText(" · ".join(t for t in (where.upper(), shorten(w.title, 60)) if t))
        self.title.setText(STEP_INFO[step].title)
        if content.shows_agenda(step):
            self.agreed_heading.setText(tr("Today's agenda").upper())
            lines = content.agenda_lines(w, self._item_id)
        else:
            self.agreed_heading.setText(tr("Agreed so far").upper())
            lines = content.agreed_lines(w, step)
        funnel = content.funnel_numbers(w) if content.shows_funnel(step) else None
        shown = (step, guidance(step).questions, lines, funnel)
        if shown != self._shown:  # lay the texts out again only when what they say changed
            self._shown = shown
            self._fit()
        self.refresh_clock()

    def _px(self, size: float) -> int:
        return max(round(size * self._unit), 11)

    def _render(self) -> None:
        if not self._shown:
            return
        step, questions, lines, funnel = self._shown
        numbered = [(f"{n}.", q) for n, q in enumerate(questions, 1)]
        self.questions.setText(content.rows_html(numbered, self._px))
        if content.shows_agenda(step):  # times beside titles: the whole agenda fits on the wall
            self.agreed.setText(content.rows_html(lines, self._px, content.MUTED, self._px(24)))
        else:
            self.agreed.setText(content.stacked_html(lines, self._px))
        self.funnel.setVisible(content.shows_funnel(step))
        self.funnel.setText(
            content.funnel_html(funnel, self._px) if content.shows_funnel(step) else ""
        )

    def visible_text(self) -> str:
        """Everything the room reads, as plain text (what a person sees, for checks)."""
        parts = []
        for label in self.findChildren(QLabel):
            if not label.isVisible() and self.isVisible():
                continue
            if label.textFormat() == Qt.TextFormat.RichText:
                document = QTextDocument()
                document.setHtml(label.text())
                parts.append(document.toPlainText())
            else:
                parts.append(label.text())
        return "\n".join(parts)

    def refresh_clock(self) -> None:
        clock, timer = self.clock, self.clock.timer
        item = clock.item
        if clock.item_id != self._item_id:  # another item runs: the agenda list marks it
            self._item_id = clock.item_id
            self.refresh()
            return
        if item is None:
            self.digits.setText("")
            self.agenda_now.setText("")
        else:
            self.digits.setText(countdown_text(timer.remaining()))
            paused = "" if timer.running else tr(" · paused")
            self.agenda_now.setText(shorten(item.title, 90) + paused)
        level = timer.level() if item is not None else Level.CALM
        if self.digits.property("level") != level.value:
            self.digits.setProperty("level", level.value)
            self.digits.style().unpolish(self.digits)
            self.digits.style().polish(self.digits)
        following = clock.next_item
        self.following.setText(
            tr("Next: {title}").format(title=shorten(following.title, 60))
            if following is not None
            else ""
        )

    # -- type that fills the screen ------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle(event.size())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def _restyle(self, size: QSize) -> None:
        """Sizes in pixels relative to a 1920×1080 projector: there, questions are 34 px and
        the step title 68 px — readable from about 10 m on a 2 m wide screen."""
        self._base = max(min(size.width() / 1920, size.height() / 1080), 0.4)
        self._fit()

    def _fit(self) -> None:
        """Full-size type; a long text shrinks it until it fits (down to SMALLEST)."""
        self._unit = self._base
        self._apply_style()
        while self._clipped() and self._unit > self._base * SMALLEST:
            self._unit *= 0.92
            self._apply_style()

    def _clipped(self) -> bool:
        layout = self.layout()
        if layout is None or not self.isVisible():
            return False
        layout.activate()
        self.right_layout.activate()  # the panel's own layout, inside the window's
        return any(
            label.isVisible() and label.heightForWidth(label.width()) > label.height()
            for label in (self.questions, self.agreed, self.title)
        )

    def _apply_style(self) -> None:
        px = self._px
        self.setStyleSheet(content.stylesheet(px, QFont().family()))
        margin = px(72)
        self.outer.setContentsMargins(margin, px(48), margin, px(48))
        self.outer.setSpacing(px(40))
        self.columns.setSpacing(px(64))
        self.left_layout.setSpacing(px(28))
        self.right_layout.setContentsMargins(px(44), px(36), px(44), px(36))
        self.right_layout.setSpacing(px(24))
        self._render()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._following:
            self._following = False
            self.doc.field_changed.disconnect(self._content_changed)
            self.doc.children_changed.disconnect(self._content_changed)
            self.clock.changed.disconnect(self.refresh_clock)
        super().closeEvent(event)
        self.closed.emit()
