"""Every control a keyboard can reach has a name a screen reader can say."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QWidget
from pytestqt.qtbot import QtBot

from storage.engine import resolve_url
from storage.library import open_library
from ui.main_window import MainWindow
from workshop.demo import build_demo_workshop


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


def test_home_and_room_controls_are_all_named(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    repo = open_library(resolve_url(str(library_path)))
    demo = build_demo_workshop(date(2026, 11, 23))
    repo.add(demo)
    repo.close()
    window = make_window()
    assert unnamed_focusable(window) == []
    window.open_workshop(demo.id)
    assert unnamed_focusable(window) == []
