"""The signature pad: mouse, pen and touch make the same normalised 3:1 strokes."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QInputDevice,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QPointingDevice,
    QTabletEvent,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.agreement.signature_pad import RATIO, SignaturePad, simplify

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def make_pad(qtbot: QtBot, width: int = 600, height: int = 300, **kwargs: bool) -> SignaturePad:
    pad = SignaturePad(**kwargs)
    qtbot.addWidget(pad)
    pad.resize(width, height)
    with qtbot.waitExposed(pad):
        pad.show()
    return pad


def drag(pad: QWidget, points: Sequence[QPointF]) -> None:
    """Press, move with the left button held, release: what a hand on a mouse does."""
    points = [QPointF(p.toPoint()) for p in points]  # a mouse reports whole pixels

    def send(
        kind: QEvent.Type, point: QPointF, button: Qt.MouseButton, held: Qt.MouseButton
    ) -> None:
        event = QMouseEvent(kind, point, pad.mapToGlobal(point), button, held, NONE)
        QApplication.sendEvent(pad, event)

    # Not QTest.mousePress: it takes the point (0, 0) to mean "the middle of the widget".
    send(QEvent.Type.MouseButtonPress, points[0], LEFT, LEFT)
    for point in points[1:]:
        send(QEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, LEFT)
    send(QEvent.Type.MouseButtonRelease, points[-1], LEFT, Qt.MouseButton.NoButton)


def across(pad: SignaturePad, y: float = 0.5, steps: int = 30) -> list[QPointF]:
    """Points crossing the drawing area from its left edge to its right edge at height y."""
    area = pad.area()
    return [
        QPointF(area.left() + area.width() * i / steps, area.top() + area.height() * y)
        for i in range(steps + 1)
    ]


def wave(pad: SignaturePad, steps: int = 80) -> list[QPointF]:
    area = pad.area()
    return [
        QPointF(
            area.left() + area.width() * (0.1 + 0.8 * i / steps),
            area.top() + area.height() * (0.5 + 0.3 * math.sin(i / steps * 4 * math.pi)),
        )
        for i in range(steps + 1)
    ]


def pixel(pad: SignaturePad, at: QPointF) -> QColor:
    return pad.grab().toImage().pixelColor(at.toPoint())


def close(a: QColor, b: QColor, slack: int = 60) -> bool:
    return all(abs(x - y) <= slack for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_a_drag_across_the_full_width_spans_x_from_0_to_1(qtbot: QtBot) -> None:
    pad = make_pad(qtbot, 600, 400)  # taller than 3:1: letterboxed top and bottom
    area = pad.area()
    assert area.width() == pytest.approx(RATIO * area.height())
    assert area.top() > 50  # the drawing area sits in the middle, not at the top

    drag(pad, across(pad, y=0.5))

    [stroke] = pad.strokes()
    assert stroke[0][0] == pytest.approx(0.0, abs=0.01)
    assert stroke[-1][0] == pytest.approx(1.0, abs=0.01)
    assert all(y == pytest.approx(0.5, abs=0.01) for _, y in stroke)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in stroke)


@pytest.mark.parametrize(("width", "height"), [(900, 150), (400, 400), (360, 120)])
def test_the_drawing_area_keeps_3_to_1_whatever_the_widget_shape(
    qtbot: QtBot, width: int, height: int
) -> None:
    pad = make_pad(qtbot, width, height)
    area = pad.area()
    assert area.width() == pytest.approx(RATIO * area.height())
    assert pad.rect().toRectF().contains(area)
    # the corners of the area are the corners of the pad's coordinates
    assert pad.to_pad(area.topLeft()) == (0.0, 0.0)
    assert pad.to_pad(area.bottomRight()) == (1.0, 1.0)
    assert pad.to_pad(area.center()) == (0.5, 0.5)


def test_drags_beyond_the_edges_stay_on_the_pad(qtbot: QtBot) -> None:
    pad = make_pad(qtbot, 600, 200)
    drag(pad, [QPointF(-40, -30), QPointF(300, 100), QPointF(700, 260)])
    [stroke] = pad.strokes()
    assert stroke[0] == (0.0, 0.0)
    assert stroke[-1] == (1.0, 1.0)


def test_two_drags_make_two_strokes_undo_removes_the_last_and_clear_empties(
    qtbot: QtBot,
) -> None:
    pad = make_pad(qtbot)
    assert pad.is_empty()
    with qtbot.waitSignal(pad.changed):
        drag(pad, across(pad, y=0.3))
    drag(pad, wave(pad))
    assert len(pad.strokes()) == 2
    first = pad.strokes()[0]

    with qtbot.waitSignal(pad.changed):
        pad.undo_stroke()
    assert pad.strokes() == [first]

    with qtbot.waitSignal(pad.changed):
        pad.clear()
    assert pad.is_empty()
    assert pad.strokes() == []


def test_a_single_click_makes_a_dot(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    spot = pad.to_widget((0.25, 0.5)).toPoint()
    QTest.mouseClick(pad, LEFT, NONE, spot)
    [stroke] = pad.strokes()
    assert len(stroke) == 1
    assert stroke[0] == pad.to_pad(QPointF(spot))
    assert close(pixel(pad, QPointF(spot)), pad.palette().color(QPalette.ColorRole.Text))


def test_points_are_rounded_and_never_repeated(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    start = pad.to_widget((0.3, 0.3))
    still = [start, start, start, QPointF(start.x() + 0.2, start.y()), start]
    drag(pad, [*still, *wave(pad)])
    [stroke] = pad.strokes()
    assert all(a != b for a, b in itertools.pairwise(stroke))
    for x, y in stroke:
        assert round(x, 4) == x and round(y, 4) == y


def distance_to_polyline(point: tuple[float, float], line: list[tuple[float, float]]) -> float:
    px, py = point[0] * RATIO, point[1]
    best = math.inf
    for (ax, ay), (bx, by) in itertools.pairwise(line):
        ax, bx = ax * RATIO, bx * RATIO
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
        best = min(best, math.hypot(px - (ax + t * dx), py - (ay + t * dy)))
    return best


def test_simplifying_is_light_and_faithful(qtbot: QtBot) -> None:
    pad = make_pad(qtbot, 900, 300)
    raw = [pad.to_pad(QPointF(p.toPoint())) for p in wave(pad, steps=200)]
    drag(pad, wave(pad, steps=200))
    [stroke] = pad.strokes()
    assert stroke[0] == raw[0] and stroke[-1] == raw[-1]
    assert len(stroke) < len(raw)  # points on straight stretches are dropped
    assert len(stroke) > 20  # but the curve keeps its shape
    assert max(distance_to_polyline(p, stroke) for p in raw) < 0.003
    # a straight line needs only its ends
    assert simplify([(0.1, 0.5), (0.2, 0.5), (0.3, 0.5), (0.4, 0.5)]) == [(0.1, 0.5), (0.4, 0.5)]


def test_keyboard_ctrl_z_undoes_a_stroke_and_never_reaches_the_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window_undo = QAction("Undo", window)
    window_undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    window.addAction(window_undo)
    undone: list[bool] = []
    window_undo.triggered.connect(lambda: undone.append(True))
    pad = SignaturePad()
    QVBoxLayout(window).addWidget(pad)
    window.resize(640, 260)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    pad.setFocus()
    drag(pad, across(pad, 0.3))
    drag(pad, across(pad, 0.6))

    qtbot.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(pad.strokes()) == 1
    assert undone == []

    pad.clearFocus()  # elsewhere in the window, Ctrl+Z is the window's again
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert undone == [True]
    assert len(pad.strokes()) == 1


@pytest.mark.parametrize("key", [Qt.Key.Key_Delete, Qt.Key.Key_Backspace])
def test_delete_or_backspace_clears(qtbot: QtBot, key: Qt.Key) -> None:
    pad = make_pad(qtbot)
    pad.setFocus()
    drag(pad, wave(pad))
    qtbot.keyClick(pad, key)
    assert pad.is_empty()


def pen_device() -> QPointingDevice:
    return QPointingDevice(
        "test pen",
        4242,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        3,
    )


def pen_stroke(pad: SignaturePad, device: QPointingDevice, points: Sequence[QPointF]) -> None:
    kinds = [QEvent.Type.TabletPress]
    kinds += [QEvent.Type.TabletMove] * (len(points) - 2)
    kinds += [QEvent.Type.TabletRelease]
    for kind, point in zip(kinds, points, strict=True):
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletMove else LEFT
        held = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else LEFT
        event = QTabletEvent(
            kind, device, point, pad.mapToGlobal(point), 0.6, 0, 0, 0, 0, 0, NONE, button, held
        )
        QApplication.sendEvent(pad, event)


def finger_stroke(pad: SignaturePad, device: QPointingDevice, points: Sequence[QPointF]) -> None:
    QTest.touchEvent(pad, device).press(0, points[0].toPoint(), pad).commit()
    for point in points[1:]:
        QTest.touchEvent(pad, device).move(0, point.toPoint(), pad).commit()
    QTest.touchEvent(pad, device).release(0, points[-1].toPoint(), pad).commit()


def test_mouse_pen_and_finger_make_the_same_strokes(qtbot: QtBot) -> None:
    pad = make_pad(qtbot, 600, 200)
    path = [QPointF(p.toPoint()) for p in wave(pad, steps=40)]  # whole pixels for touch
    made = []
    drag(pad, path)
    made.append(pad.strokes())
    pad.clear()
    pen_stroke(pad, pen_device(), path)
    made.append(pad.strokes())
    pad.clear()
    finger_stroke(pad, QTest.createTouchDevice(), path)
    made.append(pad.strokes())
    assert len(made[0]) == 1
    assert made[0] == made[1] == made[2]


def test_resizing_keeps_strokes_where_they_are(qtbot: QtBot) -> None:
    pad = make_pad(qtbot, 600, 200)
    drag(pad, across(pad, y=0.4))
    before = pad.strokes()
    ink = pad.palette().color(QPalette.ColorRole.Text)
    for width, height in [(900, 300), (500, 500), (1200, 240)]:
        pad.resize(width, height)
        qtbot.waitUntil(lambda w=width: pad.width() == w)
        assert pad.strokes() == before
        # the ink is drawn where the normalised points say, at the new size
        assert close(pixel(pad, pad.to_widget((0.5, 0.4))), ink)
        assert not close(pixel(pad, pad.to_widget((0.5, 0.1))), ink)


def test_the_hint_shows_only_while_empty(qtbot: QtBot) -> None:
    pad = make_pad(qtbot, 600, 200)
    area = pad.area()
    base = pad.palette().color(QPalette.ColorRole.Base)

    def hint_pixels() -> int:
        image = pad.grab().toImage()
        count = 0
        for x in range(int(area.center().x() - 40), int(area.center().x() + 40)):
            for y in range(int(area.top() + area.height() * 0.3), int(area.center().y() + 10)):
                count += not close(image.pixelColor(x, y), base, slack=20)
        return count

    assert hint_pixels() > 20  # "Sign here"
    pad.set_strokes([[(0.05, 0.95)]])
    assert hint_pixels() == 0


def test_ink_follows_a_dark_palette(qtbot: QtBot) -> None:
    pad = make_pad(qtbot, 600, 200)
    palette = pad.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1f22"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    pad.setPalette(palette)
    pad.set_strokes([[(0.1, 0.5), (0.9, 0.5)]])
    assert close(pixel(pad, pad.to_widget((0.5, 0.5))), QColor("#f0f0f0"), slack=30)
    assert close(pixel(pad, pad.to_widget((0.5, 0.2))), QColor("#1e1f22"), slack=10)


def test_read_only_shows_strokes_but_takes_no_input(qtbot: QtBot) -> None:
    pad = make_pad(qtbot, 450, 150, read_only=True)
    stored = [[(0.1, 0.5), (0.5, 0.4), (0.9, 0.6)], [(0.7, 0.2)]]
    pad.set_strokes(stored)
    drag(pad, across(pad, y=0.8))
    QTest.mouseClick(pad, LEFT, NONE, pad.to_widget((0.3, 0.9)).toPoint())
    assert pad.strokes() == stored
    assert pad.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert close(
        pixel(pad, pad.to_widget((0.7, 0.2))), pad.palette().color(QPalette.ColorRole.Text)
    )
    assert pad.minimumSizeHint().width() < 360


def test_editable_pad_has_a_sensible_minimum_and_says_what_it_is(qtbot: QtBot) -> None:
    pad = make_pad(qtbot)
    assert pad.minimumSizeHint().width() >= 360 and pad.minimumSizeHint().height() >= 120
    assert pad.accessibleName() == "Signature pad"
    assert "Empty" in pad.accessibleDescription()
    drag(pad, wave(pad))
    assert "Empty" not in pad.accessibleDescription()
    assert "Ctrl+Z" in pad.accessibleDescription()


COORD = st.floats(min_value=0, max_value=1, allow_nan=False)
ROUNDED = COORD.map(lambda v: round(v, 4))
POINTS = st.lists(st.tuples(ROUNDED, ROUNDED), min_size=1, max_size=40)


def no_repeats(strokes: list[list[tuple[float, float]]]) -> list[list[tuple[float, float]]]:
    return [[p for i, p in enumerate(s) if i == 0 or s[i - 1] != p] for s in strokes]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(strokes=st.lists(POINTS, max_size=8).map(no_repeats))
def test_set_strokes_round_trips_points_in_range(qtbot: QtBot, strokes: list) -> None:  # type: ignore[type-arg]
    pad = SignaturePad(read_only=True)
    pad.set_strokes(strokes)
    assert pad.strokes() == strokes
    assert pad.is_empty() == (not strokes)
    pad.deleteLater()


ANY = st.floats(allow_nan=True, allow_infinity=True)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(strokes=st.lists(st.lists(st.tuples(ANY, ANY), max_size=20), max_size=6))
def test_set_strokes_keeps_any_input_on_the_pad(qtbot: QtBot, strokes: list) -> None:  # type: ignore[type-arg]
    pad = SignaturePad()
    pad.set_strokes(strokes)
    for stroke in pad.strokes():
        assert stroke
        for x, y in stroke:
            assert 0 <= x <= 1 and 0 <= y <= 1
            assert round(x, 4) == x and round(y, 4) == y
        assert all(a != b for a, b in itertools.pairwise(stroke))
    pad.deleteLater()


def test_a_second_pointer_does_not_break_a_stroke_in_progress(qtbot: QtBot) -> None:
    pad = make_pad(qtbot, 600, 200)
    path = [QPointF(p.toPoint()) for p in wave(pad, steps=10)]
    QTest.mousePress(pad, LEFT, NONE, path[0].toPoint())
    pen_stroke(pad, pen_device(), [QPointF(10, 10), QPointF(20, 20), QPointF(30, 30)])
    QTest.mouseRelease(pad, LEFT, NONE, path[1].toPoint())
    [stroke] = pad.strokes()
    assert stroke == [pad.to_pad(path[0]), pad.to_pad(path[1])]


def test_what_is_on_screen_mid_stroke_matches_a_full_repaint(qtbot: QtBot) -> None:
    """Only the changed corner is repainted per move; nothing stale may be left behind."""
    pad = make_pad(qtbot, 600, 200)
    pad.set_strokes([[(0.1, 0.2), (0.3, 0.25)]])
    area = pad.area()
    loops = [
        QPointF(
            round(area.left() + area.width() * (0.1 + 0.8 * i / 150 + 0.04 * math.cos(i / 5))),
            round(area.top() + area.height() * (0.5 + 0.25 * math.sin(i / 5))),
        )
        for i in range(151)
    ]
    QTest.mousePress(pad, LEFT, NONE, loops[0].toPoint())
    for point in loops[1:]:
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            point,
            pad.mapToGlobal(point),
            Qt.MouseButton.NoButton,
            LEFT,
            NONE,
        )
        QApplication.sendEvent(pad, move)
        QApplication.processEvents()  # each partial repaint reaches the screen
    on_screen = pad.screen().grabWindow(pad.winId()).toImage()
    repainted = pad.grab().toImage()
    assert on_screen.size() == repainted.size()
    differing = sum(
        on_screen.pixel(x, y) != repainted.pixel(x, y)
        for x in range(0, pad.width(), 2)
        for y in range(0, pad.height(), 2)
    )
    assert differing == 0
    QTest.mouseRelease(pad, LEFT, NONE, loops[-1].toPoint())
    assert len(pad.strokes()) == 2


PIXELS = st.tuples(st.integers(-50, 950), st.integers(-50, 450))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    size=st.tuples(st.integers(360, 900), st.integers(120, 400)),
    drags=st.lists(st.lists(PIXELS, min_size=1, max_size=25), min_size=1, max_size=4),
)
def test_any_drags_make_one_clean_stroke_each(
    qtbot: QtBot, size: tuple[int, int], drags: list[list[tuple[int, int]]]
) -> None:
    pad = SignaturePad()
    pad.resize(*size)
    for path in drags:
        drag(pad, [QPointF(x, y) for x, y in path])
    strokes = pad.strokes()
    assert len(strokes) == len(drags)
    for stroke, path in zip(strokes, drags, strict=True):
        assert stroke[0] == pad.to_pad(QPointF(*path[0]))  # the ends are kept exactly
        assert stroke[-1] == pad.to_pad(QPointF(*path[-1]))
        assert all(a != b for a, b in itertools.pairwise(stroke))
        for x, y in stroke:
            assert 0 <= x <= 1 and 0 <= y <= 1
            assert round(x, 4) == x and round(y, 4) == y
    pad.deleteLater()
