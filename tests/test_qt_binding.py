"""The Qt binding must not leak references to None.

PySide6 6.12.0 on Python 3.11 dropped one reference to ``None`` on every call of a Qt method
that returns nothing; after a few thousand calls (a few minutes of typing) the interpreter
aborted with "none_dealloc". pyproject.toml keeps that release out; this test keeps it out.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calling_qt_does_not_leak_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("a")
    assert sys.getrefcount(None) >= before - 10
