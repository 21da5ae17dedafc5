"""Export a workshop to a file and import it back, from the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.files.workshop_files import WorkshopFiles, file_name
from ui.shell.main_window import MainWindow
from workshop.model import Workshop


def test_export_then_import_as_copy_or_replace(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    window.open_workshop(demo_workshop.id)
    target = tmp_path / file_name(demo_workshop.title)
    window.files.export_workshop(str(target))
    assert target.exists() and '"format": "accord-workshop"' in target.read_text()

    answers = iter([True, False])
    monkeypatch.setattr(WorkshopFiles, "ask_copy_or_replace", lambda _self: next(answers))
    window.files.import_workshop(str(target))  # same id: asked, answered "copy"
    assert window.library is not None
    titles = sorted(s.title for s in window.library.repository.summaries())
    assert titles == sorted([demo_workshop.title, f"{demo_workshop.title} (imported)"])
    assert window.view is not None and window.view.doc.workshop.id != demo_workshop.id

    window.files.import_workshop(str(target))  # answered "replace": still two workshops
    assert len(window.library.repository.summaries()) == 2
    assert window.view.doc.workshop.id == demo_workshop.id


def test_a_malformed_file_is_explained_and_the_library_unchanged(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_workshop: Workshop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.common import dialogs

    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda _p, text, title="": told.append(text))
    bad = tmp_path / "broken.accord.json"
    bad.write_text('{"format": "accord-workshop", "version": 1, "workshop": {"title": 3')
    window = make_window()
    window.files.import_workshop(str(bad))
    assert len(told) == 1 and told[0].endswith(".")
    assert window.library is not None
    assert [s.id for s in window.library.repository.summaries()] == [demo_workshop.id]


def test_file_names_are_safe() -> None:
    assert file_name("Q1 offsite: Nordwind/Süd <b>") == "Q1 offsite NordwindSüd b.accord.json"
    assert file_name("///") == "workshop.accord.json"
