"""Showing user text literally: Qt guesses rich text for labels, tooltips and message boxes."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def tooltip(text: str, limit: int = 2000) -> str:
    """A tooltip that shows ``text`` as typed (markup included), cut to ``limit`` characters."""
    shown = text if len(text) <= limit else text[:limit] + "…"
    return "<p style='white-space:pre-wrap'>" + html.escape(shown) + "</p>"


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters on one line, with an ellipsis if it was longer."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
