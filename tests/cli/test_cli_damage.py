"""The command line and what a library holds: damaged bytes in a text never stop an export
(one line on stderr names what is damaged), and `list` never sends a title's control
characters to the terminal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from storage.engine import resolve_url
from storage.library import open_library
from tests.run_accord import accord
from workshop.demo import build_demo_workshop
from workshop.model import Workshop

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Title-7f3a-Nordlicht Kick-off"
WHAT = "Commitment-7f3a: 40 MQLs a month, scored A or B"


def _stored(library: Path, w: Workshop) -> None:
    repo = open_library(resolve_url(str(library)))
    try:
        repo.add(w)
    finally:
        repo.close()


def _rot(path: Path, marker: str) -> None:
    """Eight bytes that are not UTF-8, written over the middle of the one stored copy of
    ``marker``, as a failing disk would."""
    data = bytearray(path.read_bytes())
    start = data.index(marker.encode("utf-8")) + 6
    data[start : start + 8] = b"\xff\xfe\x80\xc0\xc1\xf5\xf8\xfd"
    path.write_bytes(bytes(data))


def test_every_export_rescues_a_workshop_with_damaged_text(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    w = build_demo_workshop(date(2026, 11, 23))
    w.versions = []
    w.title, w.commitments[0].what = TITLE, WHAT
    _stored(library, w)
    _rot(library, TITLE)
    _rot(library, WHAT)
    base = ("--database", str(library))
    for command, suffix in (
        ("export", "pdf"),
        ("summary", "pdf"),
        ("actions", "csv"),
        ("calendar", "ics"),
        ("workshop-export", "accord.json"),
    ):
        out = tmp_path / f"out.{command}.{suffix}"
        result = accord(*base, command, w.id, "--out", str(out))
        assert result.returncode == 0, (command, result.stderr)
        warning = [line for line in result.stderr.splitlines() if "damaged" in line]
        assert len(warning) == 1, (command, result.stderr)
        assert warning[0].endswith(": “title”, “what” of item 1 of commitments."), warning
        assert "Traceback" not in result.stderr and out.stat().st_size > 0
    rescued = json.loads((tmp_path / "out.workshop-export.accord.json").read_text("utf-8"))
    assert "\ufffd" in rescued["workshop"]["title"]
    assert rescued["workshop"]["participants"][0]["name"] == w.participants[0].name
    elsewhere = tmp_path / "elsewhere.sqlite3"
    imported = accord(
        "--database",
        str(elsewhere),
        "workshop-import",
        str(tmp_path / "out.workshop-export.accord.json"),
    )
    assert imported.returncode == 0, imported.stderr
    listed = accord(*base, "list")
    assert listed.returncode == 0 and "\ufffd" in listed.stdout
    assert "damaged" in listed.stderr


def test_list_prints_control_characters_escaped(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    w = build_demo_workshop(date(2026, 11, 23))
    w.title = "Offsite\x1b[2J\x1b]0;owned\x07 Q1\ttab\nnew line \u202eevil \\ end"
    _stored(library, w)
    result = accord("--database", str(library), "list")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\u202e" not in result.stdout
    line = result.stdout.rstrip("\n")
    assert "\n" not in line
    fields = line.split("\t")
    assert len(fields) == 4
    assert fields[1] == (
        "Offsite\\x1b[2J\\x1b]0;owned\\x07 Q1\\ttab\\nnew line \\u202eevil \\\\ end"
    )
