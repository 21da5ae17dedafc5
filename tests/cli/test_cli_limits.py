"""The command line and values beyond what Accord accepts: a file holding one is refused in a
sentence; a library already holding one still exports everything."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from storage.engine import resolve_url
from storage.library import open_library
from tests.run_accord import accord
from workshop.demo import build_demo_workshop
from workshop.portable import dumps

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        (
            lambda w: w["goal"].update(target="1E+28"),
            "“goal.target” must be a number from −1,000,000,000,000,000 to",
        ),
        (
            lambda w: w["funnel"].update(revenue_target="1E+40"),
            "“funnel.revenue_target” must be more than 0 and at most",
        ),
        (lambda w: w["kpis"][0].update(target="1E+30"), "“target” of item 1 of KPIs must be"),
        (
            lambda w: w.update(created_at="0001-01-01T00:00:00+14:00"),
            "“created_at” must be a moment in the years 1900 to 2199 (in UTC).",
        ),
        (
            lambda w: w.update(updated_at="9999-12-31T23:59:59-14:00"),
            "“updated_at” must be a moment in the years 1900 to 2199 (in UTC).",
        ),
        (lambda w: w.update(title="t" * 999_999), "“title” is longer than 300 characters."),
    ],
)
def test_a_file_beyond_the_limits_is_refused_in_one_sentence(
    tmp_path: Path, change: object, sentence: str
) -> None:
    doc = json.loads(dumps(build_demo_workshop(date(2026, 11, 23))))
    change(doc["workshop"])  # type: ignore[operator]
    file = tmp_path / "w.accord.json"
    file.write_text(json.dumps(doc), encoding="utf-8")
    library = tmp_path / "library.sqlite3"
    result = accord("--database", str(library), "workshop-import", str(file))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(sentence), result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert accord("--database", str(library), "list").stdout == ""


def test_a_library_holding_extreme_values_still_exports_everything(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    w = build_demo_workshop(date(2026, 11, 23))
    w.goal.target = Decimal("1E+28")
    w.goal.baseline = Decimal("-1E+120")
    w.funnel.revenue_target = Decimal("1E+40")
    w.kpis[0].target = Decimal("1E+30")
    w.objectives[0].target = Decimal("1E+120")
    w.review_date = date(9999, 12, 31)
    w.meetings[0].first_date = date(1, 1, 1)
    w.meetings[1].first_date = date(9999, 12, 31)
    w.created_at = datetime(1, 1, 1, tzinfo=UTC)
    repo = open_library(resolve_url(str(library)))
    try:
        repo.add(w)
    finally:
        repo.close()
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
        assert "Traceback" not in result.stderr
        assert out.stat().st_size > 0
    notes = accord(*base, "calendar", w.id, "--out", str(tmp_path / "c.ics")).stderr
    assert "outside the years 1900 to 2199" in notes
    exported = json.loads((tmp_path / "out.workshop-export.accord.json").read_text("utf-8"))
    assert exported["workshop"]["goal"]["target"] == "1E+28"  # exported exactly as stored
