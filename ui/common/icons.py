"""Icons from the Lucide set (ISC licence, SVGs shipped in ui/icons), tinted to the palette."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette, QPixmap

ICONS = Path(__file__).with_name("icons")
SIZES = (16, 20, 24, 32, 48)


@cache
def _svg(name: str) -> bytes:
    return (ICONS / f"{name}.svg").read_bytes()


def pixmap(name: str, size: int, color: QColor | str | None = None) -> QPixmap:
    tint = QColor(color) if color is not None else _text_color()
    data = _svg(name).replace(b"currentColor", tint.name().encode())
    data = data.replace(b'width="24"', f'width="{size}"'.encode())
    data = data.replace(b'height="24"', f'height="{size}"'.encode())
    pm = QPixmap()
    pm.loadFromData(data, "SVG")
    return pm


def icon(
    name: str, color: QColor | str | None = None, selected: QColor | str | None = None
) -> QIcon:
    """An icon by Lucide name (e.g. ``"house"``), drawn in ``color`` or the text colour,
    and in ``selected`` on a highlighted (selected) row."""
    tint = QColor(color) if color is not None else _text_color()
    on_highlight = QColor(selected).name() if selected is not None else ""
    return _icon(name, tint.name(), on_highlight)


@cache
def _icon(name: str, color: str, selected: str) -> QIcon:
    result = QIcon()
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.instance() else 1
    for size in SIZES:
        pm = pixmap(name, round(size * ratio), color)
        pm.setDevicePixelRatio(ratio)
        result.addPixmap(pm)
    disabled = QGuiApplication.palette().color(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
    )
    for size in SIZES:
        pm = pixmap(name, round(size * ratio), disabled)
        pm.setDevicePixelRatio(ratio)
        result.addPixmap(pm, QIcon.Mode.Disabled)
        if selected:
            pm = pixmap(name, round(size * ratio), selected)
            pm.setDevicePixelRatio(ratio)
            result.addPixmap(pm, QIcon.Mode.Selected)
    return result


def _text_color() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
