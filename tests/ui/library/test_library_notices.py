"""What opening a library or a workshop found is told in the window: journal files a
crashed session left were copied aside first (and where), text damaged on the disk."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.cli.test_cli_damage import WHAT, _rot, _stored
from tests.storage.test_stray_journal import killed_writer, library_with_workshops
from ui.common import dialogs
from ui.library.columns import ID_ROLE
from ui.shell.main_window import MainWindow
from workshop.demo import build_demo_workshop
from workshop.steps import Step


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


def test_opening_a_workshop_with_damaged_text_names_the_damaged_fields(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    w = build_demo_workshop(date(2026, 11, 23))
    w.versions = []
    w.commitments[0].what = WHAT
    _stored(library_path, w)
    _rot(library_path, WHAT)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda _parent, text, title="": told.append(text))
    window = make_window()
    window.open_workshop(w.id, Step.ACCOUNTABILITY)
    assert window.view is not None
    (message,) = told
    assert "is damaged in the library" in message
    assert "“what” of item 1 of commitments" in message
    assert "\ufffd" in window.view.doc.workshop.commitments[0].what
    assert window.view.doc.workshop.commitments[1].what == w.commitments[1].what
    window.go_home()
    window.open_workshop(w.id, Step.ACCOUNTABILITY)  # said once per session, not each time
    assert len(told) == 1
