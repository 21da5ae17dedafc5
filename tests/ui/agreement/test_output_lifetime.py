"""An export, preview or print whose page closes before the work ends: the late result
touches nothing that is gone, and what the user asked for still reaches them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog
from pytestqt.qtbot import QtBot

from tests.ui.agreement.test_agreement import DAY, open_page
from ui.agreement import output as agreement_output
from ui.common import dialogs
from ui.shell.main_window import MainWindow
from workshop.demo import build_demo_workshop
from workshop.demo_history import with_history
from workshop.errors import AccordError


class HeldRunner:
    """Keeps submitted work until the test lets it run, as a busy worker thread would."""

    def __init__(self) -> None:
        self.held: list[tuple[Callable[[], Any], Callable[[Any], None], Callable[[Any], None]]]
        self.held = []

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.held.append((work, on_done, on_error))

    def run_all(self) -> None:
        while self.held:
            work, on_done, on_error = self.held.pop(0)
            try:
                result = work()
            except BaseException as exc:
                on_error(exc)
            else:
                on_done(result)


def leave_workshop(window: MainWindow) -> None:
    window.go_home()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the page is gone


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda _parent, text, title="": messages.append(text))
    monkeypatch.setattr(agreement_output.ExportOptions, "exec", lambda self: QDialog.Accepted)
    return messages


def test_a_failed_export_after_its_page_closed_is_still_told(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    tmp_path: Path,
    told: list[str],
) -> None:
    w = with_history(build_demo_workshop(DAY), dt.datetime(2026, 12, 1, 12, 40, tzinfo=dt.UTC))
    window, page = open_page(make_window, library_path, w)
    runner = HeldRunner()
    page.doc.runner = runner  # type: ignore[assignment]
    output = page.output
    output.export(1, target=tmp_path / "late.pdf")
    assert window.findChildren(QProgressDialog)
    _work, done, failed = runner.held.pop()

    def broken() -> Any:
        raise AccordError("The disk is full; free some space and export again.")

    runner.held.append((broken, done, failed))
    leave_workshop(window)
    runner.run_all()
    assert told == ["The disk is full; free some space and export again."]
    assert not (tmp_path / "late.pdf").exists()


def test_an_export_whose_page_closed_is_still_written_and_reported(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    tmp_path: Path,
    told: list[str],
) -> None:
    w = with_history(build_demo_workshop(DAY), dt.datetime(2026, 12, 1, 12, 40, tzinfo=dt.UTC))
    window, page = open_page(make_window, library_path, w)
    runner = HeldRunner()
    page.doc.runner = runner  # type: ignore[assignment]
    page.output.export(1, target=tmp_path / "late.pdf")
    leave_workshop(window)
    runner.run_all()
    assert (tmp_path / "late.pdf").read_bytes().startswith(b"%PDF")
    assert window.statusBar().currentMessage().startswith("Exported version 1 to ")
    assert told == []


def test_a_preview_or_print_whose_page_closed_is_dropped(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    told: list[str],
) -> None:
    w = with_history(build_demo_workshop(DAY), dt.datetime(2026, 12, 1, 12, 40, tzinfo=dt.UTC))
    window, page = open_page(make_window, library_path, w)
    runner = HeldRunner()
    page.doc.runner = runner  # type: ignore[assignment]
    output = page.output
    output.preview(1)
    output.print_version(1)
    leave_workshop(window)
    runner.run_all()
    assert told == []
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
