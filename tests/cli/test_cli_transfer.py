"""workshop-export / workshop-import on the command line: the id last, one sentence on errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.run_accord import accord

ROOT = Path(__file__).resolve().parents[2]


def test_export_and_import_between_libraries(tmp_path: Path) -> None:
    first, second = tmp_path / "first.sqlite3", tmp_path / "second library.sqlite3"
    created = accord("--database", str(first), "demo")
    assert created.returncode == 0, created.stderr
    workshop_id = created.stdout.strip()
    out = tmp_path / "Offsite.accord.json"

    exported = accord("--database", str(first), "workshop-export", workshop_id, "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["workshop"]["id"] == workshop_id

    imported = accord("--database", str(second), "workshop-import", str(out))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip().splitlines()[-1] == workshop_id

    again = accord("--database", str(second), "workshop-import", str(out))
    assert again.returncode == 1 and again.stdout == ""
    assert again.stderr.strip() == (
        "A workshop with this id is already in the library; import it as a copy or replace it."
    )

    copied = accord("--database", str(second), "workshop-import", str(out), "--as-copy")
    assert copied.returncode == 0, copied.stderr
    copy_id = copied.stdout.strip().splitlines()[-1]
    assert len(copy_id) == 32 and copy_id != workshop_id

    replaced = accord("--database", str(second), "workshop-import", str(out), "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert replaced.stdout.strip().splitlines()[-1] == workshop_id

    listed = accord("--database", str(second), "list")
    ids = sorted(line.split("\t")[0] for line in listed.stdout.strip().splitlines())
    assert ids == sorted([workshop_id, copy_id])


def test_errors_are_one_sentence(tmp_path: Path) -> None:
    library = str(tmp_path / "library.sqlite3")
    unknown = accord("--database", library, "workshop-export", "f" * 32, "--out", "x.accord.json")
    assert unknown.returncode == 1
    assert len(unknown.stderr.strip().splitlines()) == 1
    assert not (ROOT / "x.accord.json").exists()

    bad = tmp_path / "bad.accord.json"
    bad.write_text('{"format": "accord-workshop", "version": 9, "workshop": {}}', "utf-8")
    newer = accord("--database", library, "workshop-import", str(bad))
    assert newer.returncode == 1 and newer.stdout == ""
    assert newer.stderr.strip() == (
        "This file was written by a newer version of Accord (file version 9); "
        "update Accord to open it."
    )


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    library = str(tmp_path / "library.sqlite3")
    both = accord("--database", library, "workshop-import", "f.json", "--as-copy", "--replace")
    assert both.returncode == 2
    no_out = accord("--database", library, "workshop-export", "abc")
    assert no_out.returncode == 2


def test_imports_at_the_same_time_into_one_library_all_succeed(tmp_path: Path) -> None:
    """Two imports started together, into a new library and into one that exists: the
    first to open a library sets it up while the other waits, and both workshops are in."""
    source = tmp_path / "source.sqlite3"
    created = accord("--database", str(source), "demo")
    assert created.returncode == 0, created.stderr
    file = tmp_path / "Offsite.accord.json"
    exported = accord(
        "--database", str(source), "workshop-export", created.stdout.strip(), "--out", str(file)
    )
    assert exported.returncode == 0, exported.stderr
    for round_ in range(4):
        library = tmp_path / f"library-{round_}.sqlite3"
        command = ["main.py", "--database", str(library), "workshop-import", str(file)]
        if round_ == 1:  # the others start with no library at all
            assert accord("--database", str(library), "list").returncode == 0
        imports = [
            subprocess.Popen(
                [sys.executable, *command, "--as-copy"],
                cwd=ROOT,
                env=dict(os.environ),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        outcomes = [(p.wait(timeout=120), *p.communicate()) for p in imports]
        for code, _out, err in outcomes:
            assert code == 0, f"round {round_}: {err.strip()}"
        ids = sorted(out.strip().splitlines()[-1] for _code, out, _err in outcomes)
        listed = accord("--database", str(library), "list")
        assert sorted(line.split("\t")[0] for line in listed.stdout.splitlines()) == ids
