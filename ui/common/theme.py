"""The small set of named styles the whole app uses: spacing, type scale, colours.

Colours follow the system palette (light or dark); only status and gap colours are
fixed hues, picked per palette so they stay readable on both.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

_W = TypeVar("_W", bound=QWidget)


class Space:
    XS = 4
    S = 8
    M = 12
    L = 16
    XL = 24
    XXL = 32


class Type(StrEnum):
    CAPTION = "caption"
    BODY = "body"
    LABEL = "label"
    SUBTITLE = "subtitle"
    TITLE = "title"
    DISPLAY = "display"


# Type scale relative to the system font (so it follows the user's size and DPI).
_SCALE: dict[Type, tuple[float, QFont.Weight]] = {
    Type.CAPTION: (0.9, QFont.Weight.Normal),
    Type.BODY: (1.0, QFont.Weight.Normal),
    Type.LABEL: (1.0, QFont.Weight.DemiBold),
    Type.SUBTITLE: (1.2, QFont.Weight.DemiBold),
    Type.TITLE: (1.6, QFont.Weight.Bold),
    Type.DISPLAY: (2.0, QFont.Weight.Bold),
}


class Tone(StrEnum):
    NEUTRAL = "neutral"
    ACCENT = "accent"
    GOOD = "good"
    GAP = "gap"
    ERROR = "error"


_TONES_LIGHT = {
    Tone.NEUTRAL: "#5f6673",
    Tone.ACCENT: "#2257c5",
    Tone.GOOD: "#1d7a3e",
    Tone.GAP: "#a35200",
    Tone.ERROR: "#b3261e",
}
_TONES_DARK = {
    Tone.NEUTRAL: "#a8afbb",
    Tone.ACCENT: "#7aa7ff",
    Tone.GOOD: "#6fd08c",
    Tone.GAP: "#f2a950",
    Tone.ERROR: "#ff8a80",
}


def is_dark() -> bool:
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def tone(name: Tone) -> QColor:
    return QColor((_TONES_DARK if is_dark() else _TONES_LIGHT)[name])


def font(kind: Type) -> QFont:
    base = QApplication.font()
    scale, weight = _SCALE[kind]
    f = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        f.setPointSizeF(size * scale)
    f.setWeight(weight)
    return f


def apply(widget: _W, kind: Type, color: Tone | None = None) -> _W:
    """Give ``widget`` a named text style (and optionally a tone)."""
    widget.setFont(font(kind))
    if color is not None:
        pal = widget.palette()
        pal.setColor(QPalette.ColorRole.WindowText, tone(color))
        pal.setColor(QPalette.ColorRole.Text, tone(color))
        widget.setPalette(pal)
    return widget


def stylesheet() -> str:
    """Application-wide touches; everything else is the platform style."""
    accent = tone(Tone.ACCENT).name()
    on_accent = "#0b1a33" if is_dark() else "#ffffff"
    return f"""
    QFrame#Sidebar {{
        background: palette(alternate-base);
        border: none;
        border-right: 1px solid palette(mid);
    }}
    QListView#StepList {{
        background: transparent;
        border: 1px solid transparent;
        border-radius: 6px;
    }}
    QListView#StepList:focus {{
        border: 1px solid palette(highlight);
    }}
    QListView#StepList::item {{
        padding: {Space.S}px {Space.M}px;
        border-radius: 6px;
        margin: 1px {Space.S}px;
    }}
    QListView#StepList::item:selected {{
        background: palette(highlight);
        color: palette(highlighted-text);
    }}
    QFrame#Card {{
        background: palette(alternate-base);
        border: 1px solid palette(mid);
        border-radius: 8px;
    }}
    QToolButton#Disclosure {{
        border: none;
        background: transparent;
        padding: 0;
    }}
    QToolButton#Disclosure:focus {{
        border: 1px solid palette(highlight);
        border-radius: 4px;
    }}
    QLabel#InlineError {{
        color: {tone(Tone.ERROR).name()};
    }}
    QPushButton#Primary {{
        background: {accent};
        color: {on_accent};
        border: none;
        border-radius: 6px;
        padding: {Space.S - 2}px {Space.L}px;
        font-weight: 600;
    }}
    QPushButton#Primary:focus {{
        outline: 2px solid palette(highlight);
    }}
    QPushButton#Primary:disabled {{
        background: palette(mid);
    }}
    """
