"""Showing user text literally: Qt guesses rich text for labels, tooltips and message boxes."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def tooltip(text: str, limit: int = 2000) -> str:
    """A tooltip that shows ``text`` as typed (markup included), cut to ``limit`` characters."""
    shown = text if len(text) <= limit else text[:limit] + "…"
    return "<p style='white-space:pre-wrap'>" + html.escape(shown) + "</p>"


def plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
