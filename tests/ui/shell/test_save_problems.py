"""The library refusing changes while someone types (disk full, locked, read-only): a bar
in the window says so and retries; no dialog takes the keys being typed; nothing is lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from storage.errors import DiskFullError
from tests.ui.typing_helpers import type_text
from ui.shell.main_window import MainWindow
from workshop.model import Workshop
from workshop.steps import Step


def client(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return str(db.execute("SELECT client FROM workshops").fetchone()[0])
    finally:
        db.close()


def test_a_full_disk_while_typing_shows_a_bar_and_keeps_every_keystroke(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    window.open_workshop(demo_workshop.id, Step.ROOM)
    assert window.view is not None
    view = window.view
    repository = view.doc.repository
    real_update = repository.update_workshop
    disk = {"full": True}

    def update(*args: Any, **kwargs: Any) -> None:
        if disk["full"]:
            raise DiskFullError("The disk is full, so changes cannot be saved; free some space.")
        real_update(*args, **kwargs)

    monkeypatch.setattr(repository, "update_workshop", update)
    field = view.page(Step.ROOM).client_edit  # type: ignore[attr-defined]
    field.setFocus()
    field.selectAll()
    try:
        type_text(field, "Acme ONE")
        typed_while_full(window, field, library_path)
    finally:  # space is freed (else closing the window would ask about unsaved changes)
        disk["full"] = False
    qtbot.mouseClick(view.save_bar.retry_button, Qt.MouseButton.LeftButton)
    assert not view.save_bar.isVisible()
    assert field.hasFocus()
    assert client(library_path) == "Acme ONE"
    assert view.doc.unsaved == 0


def typed_while_full(window: MainWindow, field: QLineEdit, library_path: Path) -> None:
    assert window.view is not None
    view = window.view
    assert QApplication.activeModalWidget() is None
    assert field.hasFocus()
    assert field.text() == "Acme ONE"
    assert view.save_bar.isVisible()
    assert view.save_bar.message.text() == (
        "The disk is full, so changes cannot be saved; free some space."
    )
    assert "are waiting in this window" in view.save_bar.detail.text()
    assert client(library_path) != "Acme ONE"
