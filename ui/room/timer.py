"""The timer for the current agenda item: the time left in large digits (amber with a fifth
left, red near the end and past it), start / pause / resume, +5 min, reset, next item, and
the optional chime. A compact badge shows the same clock in the status bar on every step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import theme
from ui.common.i18n import tr
from ui.common.text import shorten
from ui.room.clock import RoomClock
from workshop.agenda import duration_text
from workshop.timer import Level, countdown_text, level_words


def level_color(level: Level, calm: QColor) -> QColor:
    """The colour of the remaining time at ``level`` (``calm`` while there is plenty)."""
    if level is Level.AMBER:
        return theme.tone(theme.Tone.GAP)
    if level in (Level.RED, Level.OVER):
        return theme.tone(theme.Tone.ERROR)
    return calm


def timer_state(clock: RoomClock) -> str:
    """What the start button does next, in words."""
    if clock.timer.running:
        return tr("Pause")
    return tr("Resume") if clock.timer.started else tr("Start")


def budget_text(clock: RoomClock) -> str:
    """ "of 35 min", "of 35 min + 5", "3:12 over" — the line under the digits."""
    item, timer = clock.item, clock.timer
    if item is None:
        return ""
    if timer.overrun() > 0:
        return tr("over the {planned} planned").format(
            planned=duration_text(round(timer.budget() / 60))
        )
    extra = round(timer.extra_seconds / 60)
    if extra:
        return tr("of {planned} (+{extra} min added)").format(
            planned=duration_text(item.planned_minutes), extra=extra
        )
    return tr("of {planned}").format(planned=duration_text(item.planned_minutes))


class TimerPanel(QWidget):
    def __init__(self, clock: RoomClock, parent: Any = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.setAccessibleName(tr("Timer"))
        self.now = theme.apply(QLabel(), theme.Type.LABEL)
        self.now.setTextFormat(Qt.TextFormat.PlainText)
        self.now.setWordWrap(True)
        self.digits = QLabel()
        self.digits.setTextFormat(Qt.TextFormat.PlainText)
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        digits_font = theme.font(theme.Type.DISPLAY)
        digits_font.setPointSizeF(digits_font.pointSizeF() * 2.2)
        # Figures of one width: the digits do not jiggle as they count.
        digits_font.setFeature(QFont.Tag("tnum"), 1)
        self.digits.setFont(digits_font)
        self.digits.setAccessibleName(tr("Time left"))
        self.budget = theme.apply(QLabel(), theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.budget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.budget.setTextFormat(Qt.TextFormat.PlainText)
        self.following = theme.apply(QLabel(), theme.Type.CAPTION, theme.Tone.NEUTRAL)
        self.following.setTextFormat(Qt.TextFormat.PlainText)
        self.following.setWordWrap(True)

        self.start_button = QPushButton()
        self.start_button.setObjectName("Primary")
        self.start_button.clicked.connect(clock.toggle)
        self.extend_button = QPushButton(tr("+5 min"))
        self.extend_button.clicked.connect(lambda: clock.extend())
        self.reset_button = QPushButton(tr("Reset"))
        self.reset_button.clicked.connect(clock.reset)
        self.next_button = QPushButton(tr("Next item"))
        self.next_button.clicked.connect(clock.advance)
        tips = (
            (self.start_button, tr("Start, pause or resume the timer (F6)")),
            (self.extend_button, tr("Give the current item five more minutes (Shift+F6)")),
            (self.reset_button, tr("Back to the item's planned time, stopped (Ctrl+F6)")),
            (self.next_button, tr("Record the time taken and time the next item (F7)")),
        )
        for button, tip in tips:
            button.setToolTip(tip)
        self.chime_box = QCheckBox(tr("Chi&me when time is up"))
        self.chime_box.setChecked(clock.chime)
        self.chime_box.toggled.connect(clock.set_chime)

        buttons = QGridLayout()
        buttons.setSpacing(theme.Space.S)
        buttons.addWidget(self.start_button, 0, 0, 1, 2)
        buttons.addWidget(self.extend_button, 1, 0)
        buttons.addWidget(self.reset_button, 1, 1)
        buttons.addWidget(self.next_button, 2, 0, 1, 2)

        # The face (what runs, the digits) and the controls: one above the other beside the
        # agenda, side by side when the panel sits above a narrow agenda (set_wide).
        self.face = QWidget()
        face = QVBoxLayout(self.face)
        face.setContentsMargins(0, 0, 0, 0)
        face.setSpacing(theme.Space.S)
        face.addWidget(self.now)
        face.addWidget(self.digits)
        face.addWidget(self.budget)
        face.addStretch(1)
        self.controls = QWidget()
        controls = QVBoxLayout(self.controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.setSpacing(theme.Space.S)
        controls.addLayout(buttons)
        controls.addWidget(self.following)
        controls.addWidget(self.chime_box)
        controls.addStretch(1)
        self.arrangement = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.arrangement.setContentsMargins(0, 0, 0, 0)
        self.arrangement.setSpacing(theme.Space.M)
        self.arrangement.addWidget(self.face, 1)
        self.arrangement.addWidget(self.controls, 1)

        clock.changed.connect(self.refresh)
        clock.options_changed.connect(self._options)
        self.refresh()

    def set_wide(self, wide: bool) -> None:
        """Face and controls side by side (``wide``) or one above the other."""
        self.arrangement.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        self.arrangement.setSpacing(theme.Space.XL if wide else theme.Space.M)

    @property
    def wide(self) -> bool:
        return self.arrangement.direction() is QBoxLayout.Direction.LeftToRight

    def _options(self) -> None:
        if self.chime_box.isChecked() != self.clock.chime:
            self.chime_box.setChecked(self.clock.chime)

    def refresh(self) -> None:
        clock, timer = self.clock, self.clock.timer
        item = clock.item
        has_item = item is not None
        if item is None:
            self.now.setText(
                tr("The agenda is done.")
                if clock.finished
                else tr("Add agenda items to time them.")
            )
            self.digits.setText("–:––")
        else:
            self.now.setText(
                tr("Now: {n}. {title}").format(
                    n=clock.position + 1, title=shorten(item.title, 120) or tr("(untitled)")
                )
            )
            self.digits.setText(countdown_text(timer.remaining()))
        level = timer.level() if has_item else Level.CALM
        calm = self.palette().color(QPalette.ColorRole.WindowText)
        palette = self.digits.palette()
        palette.setColor(QPalette.ColorRole.WindowText, level_color(level, calm))
        self.digits.setPalette(palette)
        self.digits.setAccessibleDescription(level_words(level) if has_item else "")
        self.budget.setText(budget_text(clock))
        following = clock.next_item
        self.following.setText(
            tr("Next: {title} ({minutes})").format(
                title=shorten(following.title, 80), minutes=duration_text(following.planned_minutes)
            )
            if following is not None
            else ""
        )
        self.following.setVisible(following is not None)
        self.start_button.setText(timer_state(clock))
        self.start_button.setEnabled(has_item)
        self.extend_button.setEnabled(has_item)
        self.reset_button.setEnabled((has_item and timer.started) or clock.finished)
        self.next_button.setEnabled(has_item)
        last = has_item and following is None
        self.next_button.setText(tr("Finish agenda") if last else tr("Next item"))


class TimerBadge(QLabel):
    """The running item's time left, in the status bar on every step; hidden until the
    timer has been started."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(tr("Agenda timer"))
        self.clock: RoomClock | None = None
        self.setVisible(False)

    def follow(self, clock: RoomClock | None) -> None:
        if self.clock is not None:
            self.clock.changed.disconnect(self.refresh)
        self.clock = clock
        if clock is not None:
            clock.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        clock = self.clock
        if clock is None or clock.item is None or not clock.timer.started:
            self.setVisible(False)
            return
        timer = clock.timer
        paused = "" if timer.running else tr(" (paused)")
        self.setText(
            f"⏱ {countdown_text(timer.remaining())}{paused} · {shorten(clock.item.title, 32)}"
        )
        calm = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, level_color(timer.level(), calm))
        self.setPalette(palette)
        self.setVisible(True)
