"""summary / actions / calendar on the command line: the file written whole, its path printed,
what the calendar could not map on stderr, one sentence on errors and nothing half-written."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

ROOT = Path(__file__).resolve().parents[2]


def accord(*args: str, tz: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if tz is not None:
        env["TZ"] = tz
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    library = tmp_path_factory.mktemp("cli") / "library with spaces.sqlite3"
    created = accord("--database", str(library), "demo")
    assert created.returncode == 0, created.stderr
    return library, created.stdout.strip()


def test_the_three_outputs_are_written(demo: tuple[Path, str], tmp_path: Path) -> None:
    library, workshop_id = demo
    pdf, sheet, ics = tmp_path / "s.pdf", tmp_path / "a é.csv", tmp_path / "c.ics"
    for command, out in (("summary", pdf), ("actions", sheet), ("calendar", ics)):
        done = accord("--database", str(library), command, workshop_id, "--out", str(out),
                      tz="Europe/Berlin")  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == str(out)
    assert pdf.read_bytes().startswith(b"%PDF-")
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0][:3] == ["What", "Owner", "Owner e-mail"] and len(rows) == 5
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert len(cal.walk("VEVENT")) == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (pdf, sheet, ics))


def test_the_calendar_reports_what_it_could_not_map(demo: tuple[Path, str], tmp_path: Path) -> None:
    library, workshop_id = demo
    out = tmp_path / "c.ics"
    done = accord("--database", str(library), "calendar", workshop_id, "--out", str(out),
                  "--timezone", "floating")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (
        done.stderr.strip()
        == "Note: The times are floating: local wherever the calendar is opened."
    )
    assert b"TZID" not in out.read_bytes()


def test_errors_are_one_sentence_and_leave_no_file(demo: tuple[Path, str], tmp_path: Path) -> None:
    library, workshop_id = demo
    missing = accord("--database", str(library), "actions", "no-such-id", "--out",
                     str(tmp_path / "a.csv"))  # fmt: skip
    assert missing.returncode == 1
    assert len(missing.stderr.strip().splitlines()) == 1 and "Traceback" not in missing.stderr
    nowhere = tmp_path / "no folder" / "s.pdf"
    failed = accord("--database", str(library), "summary", workshop_id, "--out", str(nowhere))
    assert failed.returncode == 1
    assert failed.stderr.strip().endswith(".") and "no folder" in failed.stderr
    assert not nowhere.parent.exists() and list(tmp_path.iterdir()) == []
