"""While a signature is being stored, nobody can press Sign again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.agreement.test_agreement import DAY, open_page, rows, sign_in_dialog
from ui.common.tasks import SyncRunner
from ui.shell.main_window import MainWindow
from workshop.demo import build_demo_workshop


class HeldRunner(SyncRunner):
    """Keeps submitted work until released: the library is slow to answer."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[tuple[Any, Any, Any]] = []

    def submit(self, work: Any, on_done: Any, on_error: Any) -> None:
        self.held.append((work, on_done, on_error))

    def release(self) -> None:
        while self.held:
            SyncRunner.submit(self, *self.held.pop(0))


def test_sign_buttons_are_off_until_the_signature_is_stored(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    workshop = build_demo_workshop(DAY)
    workshop.signatories = workshop.signatories[:2]
    _window, page = open_page(make_window, library_path, workshop)
    runner = HeldRunner()
    page.doc.runner = runner
    first = page.signing.sign_buttons[0]
    sign_in_dialog(qtbot, [])
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)

    assert runner.held, "the signature is on its way to the library"
    assert all(not b.isEnabled() for b in page.signing.sign_buttons)
    assert page.signing.status.text() == "Storing the signature of Tobias Brandt…"
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)  # a second press does nothing
    assert len(runner.held) == 1

    runner.release()
    assert len(page.signing.sign_buttons) == 1 and page.signing.sign_buttons[0].isEnabled()
    signed = rows(library_path, "SELECT count(*) FROM signatures")
    assert signed == [(1,)]
