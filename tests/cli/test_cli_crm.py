"""`main.py crm-import`, run as a program: exit codes, the last line, the date question."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.run_accord import accord

HUBSPOT = (
    "Record ID,First Name,Contact owner,Lifecycle Stage,Became a Marketing Qualified Lead Date,"
    "Became a Sales Qualified Lead Date,Became a Customer Date,Original Source,Recent Deal Amount\n"
    "101,Anna,Jo Smith,customer,2024-03-01 10:00,2024-03-05 09:30,2024-04-02,"
    "Organic Search,12500.50\n"
    "102,Bo,Ann Lee,lead,2024-03-02,,,Paid Search,\n"
    "103,Cy,Ann Lee,lead,soon,,,Paid Search,\n"
)


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A library holding the demo workshop, its id returned; timestamps read as UTC."""
    monkeypatch.setenv("ACCORD_DATABASE_URL", str(tmp_path / "library.sqlite3"))
    monkeypatch.setenv("TZ", "UTC")
    done = accord("demo")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def last_line(stdout: str) -> str:
    return stdout.strip().splitlines()[-1]


def test_a_hubspot_export_is_imported_and_again_changes_nothing(
    library: str, tmp_path: Path
) -> None:
    export = tmp_path / "contacts.csv"
    export.write_text(HUBSPOT, encoding="utf-8-sig")
    first = accord("crm-import", library, str(export))
    assert first.returncode == 0, first.stderr
    assert last_line(first.stdout) == "3 records read: 2 added, 0 updated, 1 skipped"
    assert "Line 4 skipped" in first.stderr and "soon" in first.stderr
    again = accord("crm-import", library, str(export), "--preset", "hubspot")
    assert last_line(again.stdout) == "3 records read: 0 added, 0 updated, 1 skipped"


def test_a_utf16_salesforce_report_with_a_mapping_for_its_conventions(
    library: str, tmp_path: Path
) -> None:
    export = tmp_path / "opps.csv"
    export.write_text(
        "Opportunity ID\tOpportunity Owner\tCreated Date\tClose Date\tStage\tAmount\n"
        "006A\tMåx Müller\t15.03.2024\t02.04.2024\tClosed Won\t1.234,50\n",
        encoding="utf-16",
    )
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"decimal": ","}))
    done = accord("crm-import", library, str(export), "--mapping", str(mapping))
    assert done.returncode == 0, done.stderr
    assert last_line(done.stdout) == "1 records read: 1 added, 0 updated, 0 skipped"


def test_ambiguous_dates_ask_for_the_date_format(library: str, tmp_path: Path) -> None:
    export = tmp_path / "leads.csv"
    export.write_bytes(
        "Lead ID;Lead Owner;Created Date;Converted Date\n00Q1;Zoë;03/04/2024;05/06/2024\n".encode(
            "cp1252"
        )
    )
    asked = accord("crm-import", library, str(export))
    assert asked.returncode == 2
    assert "--date-format" in asked.stderr and len(asked.stderr.strip().splitlines()) == 1
    assert asked.stdout == ""
    done = accord("crm-import", library, str(export), "--date-format", "%m/%d/%Y")
    assert done.returncode == 0, done.stderr
    assert last_line(done.stdout) == "1 records read: 1 added, 0 updated, 0 skipped"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"Name,Email\nx,y\n", "mapping file"),
        (b"Record ID,Contact owner\n1,x\n", "mapping file"),
    ],
)
def test_a_file_it_cannot_import_exits_2_in_one_sentence(
    library: str, tmp_path: Path, content: bytes, problem: str
) -> None:
    export = tmp_path / "other.csv"
    export.write_bytes(content)
    done = accord("crm-import", library, str(export))
    assert done.returncode == 2
    assert problem in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_missing_file_exits_2(library: str, tmp_path: Path) -> None:
    done = accord("crm-import", library, str(tmp_path / "missing.csv"))
    assert done.returncode == 2 and "cannot be read" in done.stderr
