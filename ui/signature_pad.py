"""A pad to sign on with a mouse, a pen or a finger, and to show a stored signature.

Strokes are kept normalised to the pad's drawing area, which always has a 3:1 aspect
ratio (letterboxed inside the widget): each point is ``(x, y)`` with ``0 <= x, y <= 1``,
``y`` growing downward, rounded to 4 decimals. The PDF renderer reads the same numbers,
so a signature looks the same on screen and on paper.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.i18n import tr

Point = tuple[float, float]
Stroke = list[Point]

RATIO = 3.0  # width : height of the drawing area, shared with the PDF renderer
DECIMALS = 4
# Points closer than this to the line through their neighbours are dropped when a stroke
# ends (Ramer–Douglas–Peucker), measured in pad heights: well under a pixel on screen.
SIMPLIFY_TOLERANCE = 0.0015
BASELINE_Y = 0.72  # where the signature line sits, as a fraction of the area's height
INK_WIDTH = 3 / 160  # pen width as a fraction of the area's height, as in the PDF


def normalise_point(x: float, y: float) -> Point | None:
    """The point clamped into the pad and rounded, or None when it is not a number."""
    if not (math.isfinite(x) and math.isfinite(y)):
        return None
    return (round(min(max(x, 0.0), 1.0), DECIMALS), round(min(max(y, 0.0), 1.0), DECIMALS))


def clean_strokes(strokes: Iterable[Iterable[Sequence[float]]]) -> list[Stroke]:
    """Strokes clamped, rounded, without consecutive duplicates and without empty strokes."""
    cleaned: list[Stroke] = []
    for stroke in strokes:
        points: Stroke = []
        for raw in stroke:
            point = normalise_point(float(raw[0]), float(raw[1]))
            if point is not None and (not points or points[-1] != point):
                points.append(point)
        if points:
            cleaned.append(points)
    return cleaned


def simplify(stroke: Stroke, tolerance: float = SIMPLIFY_TOLERANCE) -> Stroke:
    """Drop points that lie (almost) on the line between their neighbours; keep the ends."""
    if len(stroke) < 3:
        return list(stroke)
    keep = [False] * len(stroke)
    keep[0] = keep[-1] = True
    pending = [(0, len(stroke) - 1)]
    while pending:
        first, last = pending.pop()
        ax, ay = stroke[first][0] * RATIO, stroke[first][1]
        bx, by = stroke[last][0] * RATIO, stroke[last][1]
        length = math.hypot(bx - ax, by - ay)
        far, far_distance = -1, tolerance
        for i in range(first + 1, last):
            px, py = stroke[i][0] * RATIO, stroke[i][1]
            if length == 0:
                distance = math.hypot(px - ax, py - ay)
            else:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if distance > far_distance:
                far, far_distance = i, distance
        if far >= 0:
            keep[far] = True
            pending += [(first, far), (far, last)]
    return [p for p, kept in zip(stroke, keep, strict=True) if kept]


def drawing_area(bounds: QRectF) -> QRectF:
    """The largest 3:1 rectangle centred in ``bounds``."""
    width = min(bounds.width(), bounds.height() * RATIO)
    height = width / RATIO
    return QRectF(bounds.center().x() - width / 2, bounds.center().y() - height / 2, width, height)


def ink_path(stroke: Stroke, area: QRectF) -> QPainterPath:
    """A smooth path through the stroke's points (quadratic curves between midpoints)."""
    points = [
        QPointF(area.left() + x * area.width(), area.top() + y * area.height()) for x, y in stroke
    ]
    path = QPainterPath(points[0])
    if len(points) == 2:
        path.lineTo(points[1])
        return path
    for here, after in itertools.pairwise(points[1:]):
        path.quadTo(here, (here + after) / 2)
    path.lineTo(points[-1])
    return path


def paint_strokes(painter: QPainter, strokes: Sequence[Stroke], area: QRectF, ink: QColor) -> None:
    """Draw strokes as anti-aliased ink; a one-point stroke is a dot."""
    width = max(1.5, area.height() * INK_WIDTH)
    pen = QPen(
        ink, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for stroke in strokes:
        if len(stroke) == 1:
            x, y = stroke[0]
            dot = QPointF(area.left() + x * area.width(), area.top() + y * area.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ink)
            radius = max(width * 0.7, 1.5)
            painter.drawEllipse(dot, radius, radius)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.drawPath(ink_path(stroke, area))


class SignaturePad(QWidget):
    """Draw a signature (mouse, pen or touch all make the same strokes), or show one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, read_only: bool = False) -> None:
        super().__init__(parent)
        self._strokes: list[Stroke] = []
        self._drawing = False
        self._source = ""  # mouse, pen or touch: whichever began the stroke
        self._read_only = False
        self.setAccessibleName(tr("Signature pad"))
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.set_read_only(read_only)

    # -- the strokes ------------------------------------------------------------------------

    def strokes(self) -> list[Stroke]:
        return [list(stroke) for stroke in self._strokes]

    def set_strokes(self, strokes: Iterable[Iterable[Sequence[float]]]) -> None:
        """Show these strokes (clamped into the pad and rounded; nothing else changes)."""
        self._drawing = False
        self._strokes = clean_strokes(strokes)
        self._strokes_changed()

    def is_empty(self) -> bool:
        return not self._strokes

    def clear(self) -> None:
        if self._strokes:
            self._drawing = False
            self._strokes = []
            self._strokes_changed()

    def undo_stroke(self) -> None:
        if self._strokes:
            self._drawing = False
            self._strokes.pop()
            self._strokes_changed()

    def _strokes_changed(self) -> None:
        self._describe()
        self.update()
        self.changed.emit()

    # -- read-only mode ---------------------------------------------------------------------

    def is_read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._drawing = False
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus if read_only else Qt.FocusPolicy.StrongFocus)
        if read_only:
            self.unsetCursor()
        else:
            self.setCursor(Qt.CursorShape.CrossCursor)
        self._describe()
        self.update()

    def _describe(self) -> None:
        if self._read_only:
            text = tr("A signature drawn by hand.") if self._strokes else tr("No signature.")
        else:
            text = tr(
                "Draw your signature with a mouse, a pen or a finger. "
                "Ctrl+Z removes the last stroke; Delete clears the pad."
            )
            if not self._strokes:
                text = tr("Empty.") + " " + text
        self.setAccessibleDescription(text)

    # -- geometry ---------------------------------------------------------------------------

    def area(self) -> QRectF:
        """Where the signature is drawn, in widget coordinates (always 3:1)."""
        margin = 1.0 if self._read_only else 2.0
        return drawing_area(QRectF(self.rect()).adjusted(margin, margin, -margin, -margin))

    def to_pad(self, position: QPointF) -> Point:
        area = self.area()
        point = normalise_point(
            (position.x() - area.left()) / area.width(), (position.y() - area.top()) / area.height()
        )
        return point if point is not None else (0.0, 0.0)

    def to_widget(self, point: Point) -> QPointF:
        area = self.area()
        return QPointF(area.left() + point[0] * area.width(), area.top() + point[1] * area.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(90, 30) if self._read_only else QSize(360, 120)

    def sizeHint(self) -> QSize:
        return QSize(180, 60) if self._read_only else QSize(600, 200)

    def hasHeightForWidth(self) -> bool:
        return False

    # -- drawing with any pointer -----------------------------------------------------------

    def _begin(self, source: str, position: QPointF) -> None:
        if self._read_only or self._drawing or self.area().isEmpty():
            return
        self._drawing = True
        self._source = source
        self._strokes.append([self.to_pad(position)])
        self._strokes_changed()

    def _extend(self, source: str, position: QPointF) -> None:
        if not self._drawing or source != self._source:
            return
        stroke = self._strokes[-1]
        point = self.to_pad(position)
        if point != stroke[-1]:
            previous = self.to_widget(stroke[-1])
            stroke.append(point)
            pad = max(4.0, self.area().height() * INK_WIDTH * 2)
            self.update(
                QRectF(previous, position)
                .normalized()
                .adjusted(-pad, -pad, pad, pad)
                .toAlignedRect()
            )

    def _end(self, source: str = "") -> None:
        if not self._drawing or source not in ("", self._source):
            return
        self._drawing = False
        self._strokes[-1] = simplify(self._strokes[-1])
        self._strokes_changed()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._drawing:
            self._begin("mouse", event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend("mouse", event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drawing:
            self._extend("mouse", event.position())
            self._end("mouse")
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        if self._read_only:
            event.ignore()
            return
        kind = event.type()
        if kind == QEvent.Type.TabletPress and not self._drawing:
            self._begin("pen", event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend("pen", event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._extend("pen", event.position())
            self._end("pen")
        event.accept()  # no mouse events are made up from an accepted pen event

    def _touch(self, event: QTouchEvent) -> bool:
        if self._read_only:
            return False
        points = event.points()
        kind = event.type()
        if kind == QEvent.Type.TouchBegin and points and not self._drawing:
            self._begin("touch", points[0].position())
        elif kind == QEvent.Type.TouchUpdate and points:
            self._extend("touch", points[0].position())
        elif kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            if points:
                self._extend("touch", points[0].position())
            self._end("touch")
        event.accept()
        return True

    # -- keyboard ---------------------------------------------------------------------------

    def _claims(self, event: QKeyEvent) -> bool:
        if self._read_only:
            return False
        if event.matches(QKeySequence.StandardKey.Undo):
            return True
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return plain == Qt.KeyboardModifier.NoModifier and event.key() in (
            Qt.Key.Key_Delete,
            Qt.Key.Key_Backspace,
        )

    def event(self, event: Any) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and self._claims(event):
            event.accept()  # the window's undo shortcut must not see Ctrl+Z pressed here
            return True
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ) and self._touch(event):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._claims(event):
            super().keyPressEvent(event)
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo_stroke()
        else:
            self.clear()

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: Any) -> None:
        self._end()
        super().focusOutEvent(event)
        self.update()

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        area = self.area()
        if not self._read_only:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(area.adjusted(-0.5, -0.5, 0.5, 0.5), 6, 6)
            if self.hasFocus():
                painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(area.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
            self._paint_guide(painter, area)
        paint_strokes(painter, self._strokes, area, palette.color(QPalette.ColorRole.Text))
        painter.end()

    def _paint_guide(self, painter: QPainter, area: QRectF) -> None:
        """The signature line with a small cross, and a hint while nothing is drawn."""
        palette = self.palette()
        guide = palette.color(QPalette.ColorRole.PlaceholderText)
        inset = area.width() * 0.06
        y = area.top() + area.height() * BASELINE_Y
        painter.setPen(QPen(guide, max(1.0, area.height() / 160)))
        painter.drawLine(QPointF(area.left() + inset, y), QPointF(area.right() - inset, y))
        cross = max(4.0, area.height() * 0.03)
        cx, cy = area.left() + inset + cross, y - cross * 2
        painter.drawLine(QPointF(cx - cross, cy - cross), QPointF(cx + cross, cy + cross))
        painter.drawLine(QPointF(cx - cross, cy + cross), QPointF(cx + cross, cy - cross))
        if not self._strokes:
            font = painter.font()
            font.setPixelSize(max(QFontMetricsF(font).height(), area.height() * 0.08).__ceil__())
            painter.setFont(font)
            hint = QRectF(area.left(), y - area.height() * 0.45, area.width(), area.height() * 0.4)
            painter.drawText(hint, Qt.AlignmentFlag.AlignCenter, tr("Sign here"))
