"""Typing any Unicode into a widget with real key events (QTest handles ASCII only)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(widget: QWidget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def commit_cell(qtbot: QtBot, editor: QWidget) -> None:
    """Enter in a table's cell editor. The table commits and closes the editor on its next
    turn of the event loop and then deletes it, so the wait asks the table, never the
    editor (which may already be gone when the condition is checked)."""
    view = editor.parentWidget().parentWidget()  # the editor sits in the view's viewport
    assert isinstance(view, QAbstractItemView)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
