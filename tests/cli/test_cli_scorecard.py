"""'scorecard ID --period YYYY-MM --json': the month's figures and each promise's status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage.engine import resolve_url
from storage.library import open_library
from tests.run_accord import accord
from tests.storage.crm_rows import add_records, add_value


@pytest.fixture
def scored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str, str]:
    """The demo with records in the first month of its term; its id and that month."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    library = tmp_path / "library.sqlite3"
    created = accord("--database", str(library), "demo")
    assert created.returncode == 0, created.stderr
    wid = created.stdout.strip()
    repo = open_library(resolve_url(str(library)))
    try:
        w = repo.get(wid)
        assert w.effective_date is not None
        month = w.effective_date.strftime("%Y-%m")
        first = f"{month}-01"
        add_records(
            repo,
            wid,
            [
                {
                    "mql_at": f"{first} 00:00",
                    "first_touch_at": f"{first} 20:00",
                    "sql_at": f"{first} 21:00",
                },
                {"mql_at": f"{month}-10 09:00"},
                {"sql_at": f"{first} 09:00", "won_at": f"{month}-10 08:00", "amount": "12500.25"},
            ],
        )
        roi = next(k for k in w.kpis if k.name == "Marketing ROI")
        add_value(repo, wid, roi.id, month, "3.9")
    finally:
        repo.close()
    return library, wid, month


def test_the_json_holds_the_hand_computed_figures(scored: tuple[Path, str, str]) -> None:
    library, wid, month = scored
    result = accord(
        "--database",
        str(library),
        "scorecard",
        wid,
        "--period",
        month,
        "--as-of",
        f"{month}-11",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"period", "version", "digest", "metrics", "commitments", "kpis"}
    assert (data["period"], data["version"], len(data["digest"])) == (month, 1, 64)
    m = data["metrics"]
    assert (m["mqls"], m["sals"], m["sqls"], m["won"]) == (2, 0, 2, 1)
    assert m["revenue"] == "12500.25"
    assert (m["mql_to_sal"], m["mql_to_sql"], m["mql_to_won"]) == ("0.0000", "0.5000", "0.0000")
    assert m["sql_to_won"] == "0.5000"
    assert m["first_touch"] == {"window_hours": 24, "in_time": 1, "late": 0, "pending": 1}
    assert m["median_days_sql_to_won"] == "9"
    follow = next(c for c in data["commitments"] if c["what"] == "First follow-up of every MQL")
    assert (follow["actual"], follow["target"], follow["status"]) == ("100", "90", "met")
    assert follow["measure"]["within_hours"] == 24
    roi = next(k for k in data["kpis"] if k["what"] == "Marketing ROI")
    assert (roi["actual"], roi["status"]) == ("3.9", "by hand")
    statuses = {i["status"] for i in data["commitments"] + data["kpis"]}
    assert statuses <= {"met", "at risk", "missed", "no data", "by hand"}


def test_no_signed_version_in_force_is_one_sentence_and_status_2(
    scored: tuple[Path, str, str],
) -> None:
    library, wid, _month = scored
    result = accord("--database", str(library), "scorecard", wid, "--period", "2001-01", "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "2001-01" in result.stderr


def test_a_period_that_is_no_month_is_refused(scored: tuple[Path, str, str]) -> None:
    library, wid, _month = scored
    result = accord("--database", str(library), "scorecard", wid, "--period", "2027-13")
    assert result.returncode != 0 and "YYYY-MM" in result.stderr
