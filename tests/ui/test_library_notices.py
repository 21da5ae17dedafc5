"""What opening the library had to do is told in the window: journal files a crashed
session left were copied aside first, and the window says where."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.storage.test_stray_journal import killed_writer, library_with_workshops
from ui import dialogs
from ui.library_columns import ID_ROLE
from ui.main_window import MainWindow


def test_the_window_says_where_a_crashed_sessions_journal_was_copied(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = library_with_workshops(library_path, 1)
    saved = killed_writer(library_path)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda _parent, text, title="": told.append(text))
    window = make_window()
    assert window.library is not None
    model = window.library.model
    shown = {model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())}
    assert shown == {*ids, saved}  # the crashed session's workshop is there too
    (aside,) = [p for p in library_path.parent.iterdir() if "before-open" in p.name]
    assert len(told) == 1 and str(aside) in told[0]
