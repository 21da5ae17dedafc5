"""The dialog in which one signatory signs a version of the agreement: drawn or typed."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
    QTextBlock,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.agreement.signature_pad import BASELINE_Y, RATIO, SignaturePad, drawing_area
from ui.common import theme
from ui.common.i18n import tr
from workshop.editing import TEAM_LABELS
from workshop.model import Signatory, Signature, SignatureKind

DRAW_TAB, TYPE_TAB = 0, 1
TYPED_SIZE = 0.62  # the typed name's size as a fraction of the box height, as in the PDF


@cache
def script_families() -> tuple[str, ...]:
    """The shipped handwriting font's families, or () when it is not there (yet)."""
    try:
        from exporters.font_files import SCRIPT_FONT
    except ImportError:
        return ()
    path = Path(SCRIPT_FONT)
    if not path.is_file():
        return ()
    font_id = QFontDatabase.addApplicationFont(str(path))
    return tuple(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else ()


def script_font() -> QFont:
    """The handwriting font a typed name is shown in; an italic serif when it is missing."""
    font = QFont()
    families = script_families()
    if families:
        font.setFamilies(list(families))
    else:
        font.setFamilies(["DejaVu Serif", "Georgia", "Times New Roman", "Liberation Serif"])
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setItalic(True)
    return font


class TypedPreview(QWidget):
    """A typed name as it will look on the agreement: script font, on the signature line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._font = script_font()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(tr("Preview of the typed signature"))

    def set_text(self, text: str) -> None:
        self._text = text
        self.setAccessibleDescription(text)
        self.update()

    def text(self) -> str:
        return self._text

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 120)

    def sizeHint(self) -> QSize:
        return QSize(600, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        area = drawing_area(QRectF(self.rect()).adjusted(2, 2, -2, -2))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(area.adjusted(-0.5, -0.5, 0.5, 0.5), 6, 6)
        inset = area.width() * 0.06
        baseline = area.top() + area.height() * BASELINE_Y
        painter.setPen(QPen(palette.color(QPalette.ColorRole.PlaceholderText), 1))
        painter.drawLine(
            int(area.left() + inset), int(baseline), int(area.right() - inset), int(baseline)
        )
        # As on the agreement: one line on the baseline, 0.62 of the box high, shrunk to fit
        # the width; here only down to a readable size, and then elided.
        text = " ".join(self._text.split())[:2000]
        if not text:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            above = QRectF(area.left(), area.top(), area.width(), baseline - area.top())
            painter.drawText(above, Qt.AlignmentFlag.AlignCenter, tr("Type your name above"))
            painter.end()
            return
        margin = area.height() * 0.06
        width = area.width() - 2 * margin
        font = QFont(self._font)
        font.setPixelSize(max(1, round(area.height() * TYPED_SIZE)))
        natural = QFontMetricsF(font).horizontalAdvance(text)
        if natural > width:
            font.setPixelSize(max(14, int(font.pixelSize() * width / natural)))
        metrics = QFontMetricsF(font)
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(QPointF(area.left() + margin, baseline), text)
        painter.end()


def _caption(text: str, kind: theme.Type, tone: theme.Tone | None = None) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and titles are shown literally
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    theme.apply(label, kind, tone)
    return label


class LiteralText(QPlainTextEdit):
    """Text shown exactly as given, wrapped anywhere so no word can widen the dialog.

    As tall as its text up to ``max_lines``, scrolling beyond; reads like a label.
    """

    def __init__(self, text: str, kind: theme.Type, max_lines: int, tone: theme.Tone | None = None):
        super().__init__()
        self._max_lines = max_lines
        theme.apply(self, kind, tone)
        self.setReadOnly(True)
        self.setPlainText(text)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.viewport().setAutoFillBackground(False)
        self.document().setDocumentMargin(0)
        self.setFixedHeight(self._height())

    def text(self) -> str:
        return self.toPlainText()

    def _height(self) -> int:
        lines = max(1, self.document().lineCount())
        if self.viewport().width() > 0:
            lines = (
                sum(
                    max(1, block.layout().lineCount())
                    for block in _blocks(self.document())
                    if block.layout() is not None
                )
                or lines
            )
        line = QFontMetricsF(self.font()).lineSpacing()
        return math.ceil(min(lines, self._max_lines) * line) + 2

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self._height()
        if height != self.height():
            self.setFixedHeight(height)


def _blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


class SignDialog(QDialog):
    """Sign as ``signatory``: draw on the pad or type the name; Sign only once there is one."""

    def __init__(self, signatory: Signatory, statement: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._signatory = signatory
        self._signature: Signature | None = None
        self._fitted = False
        self.setWindowTitle(tr("Sign the agreement"))
        self.setSizeGripEnabled(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.Space.XL, theme.Space.XL, theme.Space.XL, theme.Space.L)
        layout.setSpacing(theme.Space.M)
        name = signatory.name or tr("Unnamed signatory")
        self.name_label = LiteralText(name, theme.Type.TITLE, 2)
        self.name_label.setAccessibleName(tr("Who signs"))
        role = " · ".join(p for p in (signatory.title, TEAM_LABELS[signatory.team]) if p)
        self.role_label = LiteralText(role, theme.Type.BODY, 2, theme.Tone.NEUTRAL)
        self.role_label.setAccessibleName(tr("Title and team"))
        self.statement_label = LiteralText(statement, theme.Type.BODY, 6)
        self.statement_label.setAccessibleName(tr("What you agree to"))
        layout.addWidget(self.name_label)
        layout.addWidget(self.role_label)
        layout.addSpacing(theme.Space.S)
        layout.addWidget(self.statement_label)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._draw_page(), tr("&Draw"))
        self.tabs.addTab(self._type_page(signatory.name), tr("&Type your name"))
        self.tabs.setAccessibleName(tr("How to sign"))
        self.tabs.tabBar().setAccessibleName(tr("How to sign"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)

        self.buttons = QDialogButtonBox()
        self.sign_button = QPushButton(tr("Sign"))
        self.sign_button.setObjectName("Primary")
        self.buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._sign)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.setTabOrder(self.tabs.tabBar(), self.pad)
        self.setTabOrder(self.pad, self.undo_button)
        self.setTabOrder(self.undo_button, self.clear_button)
        self.setTabOrder(self.clear_button, self.name_edit)
        self.setTabOrder(self.name_edit, self.sign_button)
        self.setTabOrder(self.sign_button, self.cancel_button)
        self._fit_to_screen()
        self._update_state()
        self.pad.setFocus()

    def _draw_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, theme.Space.M, 0, 0)
        self.pad = SignaturePad()
        self.pad.changed.connect(self._update_state)
        column.addWidget(self.pad, 1)
        row = QHBoxLayout()
        hint = _caption(
            tr("Sign with a mouse, a pen or a finger."), theme.Type.CAPTION, theme.Tone.NEUTRAL
        )
        self.undo_button = QPushButton(tr("&Undo stroke"))
        self.undo_button.clicked.connect(self.pad.undo_stroke)
        self.clear_button = QPushButton(tr("C&lear"))
        self.clear_button.clicked.connect(self.pad.clear)
        for button in (self.undo_button, self.clear_button):
            button.setAutoDefault(False)  # Enter never clears a signature by accident
        row.addWidget(hint, 1)
        row.addWidget(self.undo_button)
        row.addWidget(self.clear_button)
        column.addLayout(row)
        return page

    def _type_page(self, name: str) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, theme.Space.M, 0, 0)
        label = QLabel(tr("Your &name as signature:"))
        self.name_edit = QLineEdit(name)
        self.name_edit.setMaxLength(1_000_000)
        self.name_edit.setAccessibleName(tr("Your name as signature"))
        label.setBuddy(self.name_edit)
        self.preview = TypedPreview()
        self.preview.set_text(name)
        self.name_edit.textChanged.connect(self.preview.set_text)
        self.name_edit.textChanged.connect(self._update_state)
        column.addWidget(label)
        column.addWidget(self.name_edit)
        column.addWidget(self.preview, 1)
        return page

    def _fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        width = int(min(max(available.width() * 0.5, 640), 1100, available.width() * 0.95))
        pad_height = (width - 2 * theme.Space.XL) / RATIO
        height = int(min(pad_height + 400, available.height() * 0.9))  # trimmed once shown
        self.resize(width, height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_state()  # the button box makes its first button the default on show
        if not self._fitted:
            self._fitted = True
            QTimer.singleShot(0, self._fit_pad)  # once the layout has settled

    def _fit_pad(self) -> None:
        """Make the dialog as tall as the pad's 3:1 area needs, within the screen."""
        slack = self.pad.height() - math.ceil(self.pad.width() / RATIO) - 4
        screen = self.screen() or QGuiApplication.primaryScreen()
        tallest = int(screen.availableGeometry().height() * 0.9)
        height = max(self.minimumSizeHint().height(), min(self.height() - slack, tallest))
        if height != self.height():
            self.resize(self.width(), height)

    # -- state ------------------------------------------------------------------------------

    def kind(self) -> SignatureKind:
        return SignatureKind.TYPED if self.tabs.currentIndex() == TYPE_TAB else SignatureKind.DRAWN

    def typed_name(self) -> str:
        return self.name_edit.text().strip()

    def can_sign(self) -> bool:
        if self.kind() == SignatureKind.TYPED:
            return bool(self.typed_name())
        return not self.pad.is_empty()

    def _tab_changed(self, index: int) -> None:
        if index == TYPE_TAB:
            self.name_edit.setFocus()
            self.name_edit.selectAll()
        else:
            self.pad.setFocus()
        self._update_state()

    def _update_state(self) -> None:
        ready = self.can_sign()
        self.sign_button.setEnabled(ready)
        self.sign_button.setDefault(ready)
        self.sign_button.setAutoDefault(ready)
        self.undo_button.setEnabled(not self.pad.is_empty())
        self.clear_button.setEnabled(not self.pad.is_empty())

    def _sign(self) -> None:
        if not self.can_sign():
            return
        now = datetime.now(UTC)
        if self.kind() == SignatureKind.TYPED:
            self._signature = Signature(
                kind=SignatureKind.TYPED, typed_name=self.typed_name(), signed_at=now
            )
        else:
            self._signature = Signature(
                kind=SignatureKind.DRAWN, strokes=self.pad.strokes(), signed_at=now
            )
        self.accept()

    def signature(self) -> Signature | None:
        """What was signed, once Sign was pressed; None after Cancel or before signing."""
        return self._signature


def ask_signature(parent: QWidget | None, signatory: Signatory, statement: str) -> Signature | None:
    """Ask ``signatory`` to sign; None when they cancel."""
    dialog = SignDialog(signatory, statement, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.signature()
        return None
    finally:
        dialog.deleteLater()
