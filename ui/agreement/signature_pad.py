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
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.common.i18n import tr

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


def place(point: Point, area: QRectF) -> QPointF:
    return QPointF(area.left() + point[0] * area.width(), area.top() + point[1] * area.height())


def settled_path(stroke: Stroke, area: QRectF) -> QPainterPath:
    """The smooth path (quadratic curves between midpoints) up to the last midpoint.

    Only the straight tail to the last point changes when a point is added, so a stroke
    being drawn grows this path one curve at a time.
    """
    points = [place(point, area) for point in stroke]
    path = QPainterPath(points[0])
    for here, after in itertools.pairwise(points[1:]):
        path.quadTo(here, (here + after) / 2)
    return path


def ink_path(stroke: Stroke, area: QRectF) -> QPainterPath:
    """A smooth path through the stroke's points."""
    path = settled_path(stroke, area)
    path.lineTo(place(stroke[-1], area))
    return path


def ink_width(area: QRectF) -> float:
    return max(1.5, area.height() * INK_WIDTH)


def ink_pen(area: QRectF, ink: QColor) -> QPen:
    return QPen(
        ink,
        ink_width(area),
        Qt.PenStyle.SolidLine,
        Qt.PenCapStyle.RoundCap,
        Qt.PenJoinStyle.RoundJoin,
    )


def paint_dot(painter: QPainter, point: Point, area: QRectF, ink: QColor) -> None:
    radius = max(ink_width(area) * 0.7, 1.5)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    painter.drawEllipse(place(point, area), radius, radius)
    painter.restore()


def paint_strokes(painter: QPainter, strokes: Sequence[Stroke], area: QRectF, ink: QColor) -> None:
    """Draw strokes as anti-aliased ink; a one-point stroke is a dot."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(ink_pen(area, ink))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for stroke in strokes:
        if len(stroke) == 1:
            paint_dot(painter, stroke[0], area, ink)
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
        # What does not change while a stroke is drawn (frame, guide, earlier strokes) is
        # painted once into a pixmap; the stroke being drawn grows its path point by point.
        self._backdrop = QPixmap()
        self._backdrop_key: tuple[object, ...] = ()
        self._version = 0
        self._live = QPainterPath()
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
        self._version += 1
        self._describe()
        self.update()
        self.changed.emit()

    # -- read-only mode ---------------------------------------------------------------------

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
        """A widget position as a point on the pad (clamped onto it)."""
        area = self.area()
        if area.isEmpty():
            return (0.0, 0.0)
        point = normalise_point(
            (position.x() - area.left()) / area.width(), (position.y() - area.top()) / area.height()
        )
        return point if point is not None else (0.0, 0.0)

    def to_widget(self, point: Point) -> QPointF:
        return place(point, self.area())

    def minimumSizeHint(self) -> QSize:
        return QSize(90, 30) if self._read_only else QSize(360, 120)

    def sizeHint(self) -> QSize:
        return QSize(180, 60) if self._read_only else QSize(600, 200)

    # -- drawing with any pointer -----------------------------------------------------------

    def _begin(self, source: str, position: QPointF) -> None:
        if self._read_only or self._drawing or self.area().isEmpty():
            return
        self._drawing = True
        self._source = source
        self._strokes.append([self.to_pad(position)])
        self._live = settled_path(self._strokes[-1], self.area())
        self._strokes_changed()

    def _extend(self, source: str, position: QPointF) -> None:
        if not self._drawing or source != self._source:
            return
        stroke = self._strokes[-1]
        point = self.to_pad(position)
        if point != stroke[-1]:
            stroke.append(point)
            area = self.area()
            if len(stroke) >= 3:
                here, after = place(stroke[-2], area), place(stroke[-1], area)
                self._live.quadTo(here, (here + after) / 2)
            # The new curve and tail lie within the last three points.
            corners = QPolygonF([place(p, area) for p in stroke[-3:]])
            margin = ink_width(area) + 2
            self.update(
                corners.boundingRect().adjusted(-margin, -margin, margin, margin).toAlignedRect()
            )

    def _end(self, source: str = "") -> None:
        if not self._drawing or source not in ("", self._source):
            return
        self._drawing = False
        self._live = QPainterPath()
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._drawing:  # the stroke being drawn keeps its place on the pad
            self._live = settled_path(self._strokes[-1], self.area())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._current_backdrop())
        if self._drawing:
            area = self.area()
            ink = self.palette().color(QPalette.ColorRole.Text)
            stroke = self._strokes[-1]
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if len(stroke) == 1:
                paint_dot(painter, stroke[0], area, ink)
            else:
                live = QPainterPath(self._live)
                live.lineTo(place(stroke[-1], area))
                painter.setPen(ink_pen(area, ink))
                painter.drawPath(live)
        painter.end()

    def _current_backdrop(self) -> QPixmap:
        """Frame, guide and every stroke but the one being drawn, painted once per change."""
        ratio = self.devicePixelRatioF()
        key = (
            self.size(),
            ratio,
            self.hasFocus(),
            self.palette().cacheKey(),
            self._read_only,
            self._version,
            self._drawing,
        )
        if key != self._backdrop_key:
            self._backdrop_key = key
            self._backdrop = QPixmap(self.size() * ratio)
            self._backdrop.setDevicePixelRatio(ratio)
            self._backdrop.fill(Qt.GlobalColor.transparent)
            painter = QPainter(self._backdrop)
            self._paint_backdrop(painter)
            painter.end()
        return self._backdrop

    def _paint_backdrop(self, painter: QPainter) -> None:
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
        finished = self._strokes[:-1] if self._drawing else self._strokes
        paint_strokes(painter, finished, area, palette.color(QPalette.ColorRole.Text))

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
