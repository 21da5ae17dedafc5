"""The command line: version, list, demo, and one plain sentence on errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def accord(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_version() -> None:
    from workshop import __version__

    result = accord("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Accord {__version__}"


def test_demo_then_list(tmp_path: Path) -> None:
    library = tmp_path / "Kunden Bibliothèque" / "my library.sqlite3"
    library.parent.mkdir()
    created = accord("--database", str(library), "demo")
    assert created.returncode == 0, created.stderr
    workshop_id = created.stdout.strip()
    assert len(workshop_id) == 32
    listed = accord("list", env={"ACCORD_DATABASE_URL": f"sqlite:///{library}"})
    assert listed.returncode == 0, listed.stderr
    fields = listed.stdout.strip().split("\t")
    assert fields[0] == workshop_id
    assert fields[2] == "Signed"  # version 1 is signed; an amendment is being drafted


def test_default_library_is_created_in_the_user_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "xdg-data"
    result = accord("list", env={"XDG_DATA_HOME": str(data)})
    assert result.returncode == 0, result.stderr
    assert (data / "Accord" / "library.sqlite3").exists()


def test_errors_are_one_sentence_and_touch_nothing(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n")
    result = accord("--database", str(notes), "list")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "is not an Accord library" in lines[0]
    assert notes.read_text() == "shopping list\n"
    missing = accord("--database", str(tmp_path / "nowhere" / "lib.sqlite3"), "demo")
    assert missing.returncode == 1
    assert "does not exist" in missing.stderr and "Traceback" not in missing.stderr


def test_quit_after_show_paints_and_exits(tmp_path: Path) -> None:
    result = accord("--quit-after-show", "--database", str(tmp_path / "lib.sqlite3"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no Qt warning on the way out


def test_backup_and_restore_from_the_command_line(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite3"
    assert accord("--database", str(library), "demo").returncode == 0
    taken = accord("--database", str(library), "backup", "--out", str(tmp_path / "b.sqlite3"))
    assert taken.returncode == 0, taken.stderr
    assert taken.stdout.strip() == str(tmp_path / "b.sqlite3")
    assert accord("--database", str(library), "demo").returncode == 0
    assert len(accord("--database", str(library), "list").stdout.splitlines()) == 2
    back = accord("--database", str(library), "restore", str(tmp_path / "b.sqlite3"))
    assert back.returncode == 0, back.stderr
    assert len(accord("--database", str(library), "list").stdout.splitlines()) == 1
    rotating = accord("--database", str(library), "backup")
    assert rotating.returncode == 0 and "/backups/library-" in rotating.stdout
    junk = tmp_path / "junk.txt"
    junk.write_text("no")
    refused = accord("--database", str(library), "restore", str(junk))
    assert refused.returncode == 1 and "nothing was restored" in refused.stderr
