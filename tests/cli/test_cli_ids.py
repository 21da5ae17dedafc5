"""Commands that take a workshop id: 'list' on an empty library, and ids not in the library."""

from __future__ import annotations

from pathlib import Path

import pytest

import main
from workshop.demo import build_demo_workshop

COMMANDS = [
    ("export", "a.pdf"),
    ("summary", "s.pdf"),
    ("actions", "a.csv"),
    ("calendar", "c.ics"),
    ("workshop-export", "w.accord.json"),
]


def test_list_on_an_empty_library_says_so_on_stderr_and_keeps_stdout_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "library.sqlite3"
    assert main.main(["--database", str(library), "list"]) == 0
    out, err = capsys.readouterr()
    assert out == ""  # no line a script could take for a workshop
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("No workshops yet in the library")
    assert str(library) in lines[0] and "`accord demo`" in lines[0]

    assert main.main(["--database", str(library), "demo"]) == 0
    workshop_id = capsys.readouterr().out.strip()
    assert main.main(["--database", str(library), "list"]) == 0
    out, err = capsys.readouterr()
    assert out.split("\t")[0] == workshop_id
    assert err == ""


def _refusals(
    library: Path, workshop_id: str, folder: Path, capsys: pytest.CaptureFixture[str]
) -> dict[str, str]:
    """What each command that takes an id says on stderr for ``workshop_id``; none of them
    writes anything or prints on stdout."""
    said: dict[str, str] = {}
    for command, out in COMMANDS:
        target = folder / out
        code = main.main(["--database", str(library), command, workshop_id, "--out", str(target)])
        captured = capsys.readouterr()
        assert code == 1, command
        assert captured.out == "", command
        assert not target.exists(), command
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1, captured.err
        said[command] = lines[0]
    return said


def test_an_id_that_was_never_in_the_library_is_not_in_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "library.sqlite3"
    missing = "0" * 32
    for command, sentence in _refusals(library, missing, tmp_path, capsys).items():
        assert sentence.startswith(
            f"There is no workshop with the id “{missing}” in the library “{library}”"
        ), command
        assert "no longer" not in sentence, command


def test_a_deleted_workshop_is_no_longer_in_the_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    from storage.engine import resolve_url
    from storage.library import open_library

    library = tmp_path / "library.sqlite3"
    repo = open_library(resolve_url(str(library)))
    try:
        workshop = build_demo_workshop(date(2026, 11, 23))
        repo.add(workshop)
        repo.delete(workshop.id)
    finally:
        repo.close()
    for command, sentence in _refusals(library, workshop.id, tmp_path, capsys).items():
        assert sentence.startswith("That workshop is no longer in the library"), command
