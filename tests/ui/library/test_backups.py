"""Automatic backups while working, and restoring one from the Backups dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from storage.backups import list_backups
from ui.common import dialogs
from ui.library.backups_dialog import BackupsDialog
from ui.shell.main_window import MainWindow
from workshop.model import Workshop


def test_backups_are_taken_only_after_changes_and_can_be_restored(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    demo_workshop: Workshop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    window.care.backup_if_changed()
    assert list_backups(library_path) == []  # nothing changed yet: nothing to back up
    window.open_workshop(demo_workshop.id)
    window.view.doc.set_value("client", "Before the mistake")  # type: ignore[union-attr]
    window.care.backup_if_changed()
    (first,) = list_backups(library_path)
    assert first.workshops == 1
    window.view.doc.set_value("client", "After the mistake")  # type: ignore[union-attr]

    monkeypatch.setattr(dialogs, "ask", lambda *_a, **_k: True)

    def pick_and_restore() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BackupsDialog)
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "1"
        dialog.restore_button.click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, pick_and_restore)
    window.act.backups.trigger()
    assert window.library is not None
    assert window.library.repository.get(demo_workshop.id).client == "Before the mistake"
    # The library as it was before the restore was kept as a backup too.
    assert len(list_backups(library_path)) == 2


def test_a_failing_backup_warns_once_and_work_goes_on(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import storage.backups

    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda _p, text, title="": told.append(text))

    def full_disk(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.backups, "take_backup", full_disk)
    window = make_window()
    window.open_workshop(demo_workshop.id)
    for n in range(3):
        window.view.doc.set_value("client", f"edit {n}")  # type: ignore[union-attr]
        window.care.backup_if_changed()
    assert len(told) == 1 and "automatic backup failed" in told[0]
    assert window.library is not None
    assert window.library.repository.get(demo_workshop.id).client == "edit 2"


def test_a_damaged_library_offers_the_newest_backup_and_keeps_the_damaged_file(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    demo_workshop: Workshop,
) -> None:
    import sqlite3

    from storage.backups import take_backup
    from tests.storage.test_backups import damage

    take_backup(library_path)
    sqlite3.connect(library_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    damage(library_path)
    damaged = library_path.read_bytes()
    window = make_window()
    home = window.home
    assert home.stack.currentWidget() is home.error
    assert "is damaged" in home.error.text.text()
    assert home.body.recover_button.isVisible() and home.body.recover_button.isEnabled()
    assert library_path.read_bytes() == damaged  # nothing moved or deleted without asking

    home.body.recover_button.click()
    assert window.library is not None
    assert window.library.repository.get(demo_workshop.id).title == demo_workshop.title
    kept = list(library_path.parent.glob("library.damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_a_damaged_library_without_backups_can_be_set_aside_for_a_fresh_start(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    import sqlite3
    from datetime import date

    from storage.engine import resolve_url
    from storage.library import open_library
    from tests.storage.test_backups import damage
    from workshop.demo import build_demo_workshop

    repo = open_library(resolve_url(str(library_path)))
    repo.add(build_demo_workshop(date(2026, 11, 23)))
    repo.close()
    sqlite3.connect(library_path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    damage(library_path)
    damaged = library_path.read_bytes()
    window = make_window()
    assert not window.home.body.recover_button.isEnabled()  # no backup to restore
    window.home.body.afresh_button.click()
    assert window.library is not None and window.home.stack.currentWidget() is window.home.empty
    (kept,) = library_path.parent.glob("library.damaged-*.sqlite3")
    assert kept.read_bytes() == damaged
