"""Every control a keyboard can reach has a name a screen reader can say."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QWidget
from pytestqt.qtbot import QtBot

from ui.shell.main_window import MainWindow
from workshop.model import Workshop
from workshop.steps import STEPS


def unnamed_focusable(root: QWidget) -> list[str]:
    missing = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or not (w.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if isinstance(w.parentWidget(), QAbstractSpinBox):
            continue  # the line edit inside a date field: the field itself is named
        name = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
        if not name.strip():
            missing.append(f"{type(w).__name__} {w.objectName()!r}")
    return missing


def test_every_screen_names_its_controls(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_workshop: Workshop
) -> None:
    window = make_window()
    assert unnamed_focusable(window) == []
    window.open_workshop(demo_workshop.id)
    assert window.view is not None
    for step in STEPS:
        window.view.show_step(step)
        assert unnamed_focusable(window) == [], step
