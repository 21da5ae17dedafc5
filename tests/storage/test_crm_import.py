"""Storing CRM exports: keyed by CRM id, one transaction, bad rows skipped and counted."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from storage.crm_import import RECORDS, ImportCancelled, Progress, import_crm
from storage.errors import UnknownWorkshopError
from storage.repository import Repository
from workshop.crm_file import CrmFileError, ReadOptions
from workshop.demo import build_demo_workshop

OPTIONS = ReadOptions(zone=UTC)
HEAD = (
    "Record ID,Contact owner,Became a Marketing Qualified Lead Date,"
    "Became a Sales Qualified Lead Date,Became a Customer Date,Original Source,Recent Deal Amount"
)
FIRST = "\n".join(
    (
        HEAD,
        "1,Anna,2024-03-01 10:00,2024-03-05,,Web,",
        "2,Bo,2024-03-02,,,Event,",
        "3,Cy,2024-03-03,2024-03-04,2024-04-01,Web,1200.50",
    )
).encode()


@pytest.fixture
def workshop_id(repo: Repository) -> str:
    workshop = build_demo_workshop(date(2026, 1, 5))
    repo.add(workshop)
    return workshop.id


def stored(repo: Repository) -> dict[str, dict[str, Any]]:
    with repo.engine.connect() as conn:
        rows = conn.execute(select(RECORDS)).mappings().all()
    return {row["crm_id"]: dict(row) for row in rows}


def test_a_first_import_adds_every_record(repo: Repository, workshop_id: str) -> None:
    result = import_crm(repo, workshop_id, FIRST, OPTIONS)
    assert result.line() == "3 records read: 3 added, 0 updated, 0 skipped"
    rows = stored(repo)
    assert rows["3"]["amount_e4"] == 12_005_000
    assert rows["3"]["won_at"] == datetime(2024, 4, 1, tzinfo=UTC)
    assert rows["1"]["mql_at"] == datetime(2024, 3, 1, 10, tzinfo=UTC)
    assert rows["2"]["owner"] == "Bo" and rows["2"]["sql_at"] is None


def test_importing_the_same_export_again_changes_nothing(
    repo: Repository, workshop_id: str
) -> None:
    import_crm(repo, workshop_id, FIRST, OPTIONS)
    before = stored(repo)
    result = import_crm(repo, workshop_id, FIRST, OPTIONS)
    assert result.line() == "3 records read: 0 added, 0 updated, 0 skipped"
    assert result.unchanged == 3
    assert stored(repo) == before


def test_a_newer_export_updates_and_adds(repo: Repository, workshop_id: str) -> None:
    import_crm(repo, workshop_id, FIRST, OPTIONS)
    newer = "\n".join(
        (
            HEAD,
            "1,Anna,2024-03-01 10:00,2024-03-05,2024-05-02,Web,900",
            "2,Bo,2024-03-02,,,Event,",
            "4,Di,2024-05-01,,,Ads,",
        )
    ).encode()
    result = import_crm(repo, workshop_id, newer, OPTIONS)
    assert result.line() == "3 records read: 1 added, 1 updated, 0 skipped"
    rows = stored(repo)
    assert rows["1"]["won_at"] == datetime(2024, 5, 2, tzinfo=UTC)
    assert rows["1"]["amount_e4"] == 9_000_000
    assert set(rows) == {"1", "2", "3", "4"}  # a record missing from the export stays


def test_a_bad_file_is_refused_and_nothing_changes(repo: Repository, workshop_id: str) -> None:
    import_crm(repo, workshop_id, FIRST, OPTIONS)
    before = stored(repo)
    with pytest.raises(CrmFileError, match="mapping file"):
        import_crm(repo, workshop_id, b"Name,Email\nx,y\n", OPTIONS)
    with pytest.raises(CrmFileError, match="cannot be read"):
        import_crm(repo, workshop_id, b"Record ID,Became a Customer Date\n\x81\x8d\n", OPTIONS)
    assert stored(repo) == before


def test_bad_rows_are_skipped_with_their_line_numbers(repo: Repository, workshop_id: str) -> None:
    data = "\n".join(
        (
            HEAD,
            "1,Anna,2024-03-01,,,Web,",
            ',"two\nlines",2024-03-01,,,Web,',
            "5,Bo,yesterday,,,Web,",
            "6,Cy,2024-03-01,,,Web,lots",
            "1,Anna again,2024-03-01,,,Web,",
        )
    ).encode()
    result = import_crm(repo, workshop_id, data, OPTIONS)
    assert result.line() == "5 records read: 1 added, 0 updated, 4 skipped"
    assert [e.line for e in result.skipped] == [3, 5, 6, 7]
    assert "yesterday" in result.skipped[1].reason
    assert "line 2" in result.skipped[3].reason
    assert set(stored(repo)) == {"1"}


def test_a_cancelled_import_imports_nothing(repo: Repository, workshop_id: str) -> None:
    rows = [HEAD] + [f"{i},O,2024-03-01,,,Web," for i in range(12_000)]
    seen: list[Progress] = []
    with pytest.raises(ImportCancelled):
        import_crm(
            repo,
            workshop_id,
            "\n".join(rows).encode(),
            OPTIONS,
            progress=seen.append,
            cancelled=lambda: len(seen) >= 1,
        )
    assert seen and seen[0].records == 5_000
    assert stored(repo) == {}


def test_progress_reaches_the_whole_file(repo: Repository, workshop_id: str) -> None:
    seen: list[Progress] = []
    import_crm(repo, workshop_id, FIRST, OPTIONS, progress=seen.append)
    assert seen[-1].done_bytes == seen[-1].total_bytes == len(FIRST)


def test_an_unknown_workshop_is_refused(repo: Repository) -> None:
    with pytest.raises(UnknownWorkshopError, match="no workshop"):
        import_crm(repo, "0" * 32, FIRST, OPTIONS)


def test_a_file_of_several_batches_imported_again_changes_nothing(
    repo: Repository, workshop_id: str
) -> None:
    rows = [HEAD] + [
        f"{i},O{i % 7},2024-03-{1 + i % 28:02d} {i % 24:02d}:00,,,Web,{i}.{i % 100:02d}"
        for i in range(12_345)
    ]
    data = "\n".join(rows).encode()
    first = import_crm(repo, workshop_id, data, OPTIONS)
    assert first.line() == "12345 records read: 12345 added, 0 updated, 0 skipped"
    before = stored(repo)
    assert before["12344"]["amount_e4"] == 123_444_400
    assert before["10001"]["mql_at"] == datetime(2024, 3, 6, 17, tzinfo=UTC)
    again = import_crm(repo, workshop_id, data, OPTIONS)
    assert again.line() == "12345 records read: 0 added, 0 updated, 0 skipped"
    assert again.unchanged == 12_345
    assert stored(repo) == before
    rows[10_002] = "10001,Newer,2024-03-06 17:00,,,Web,1"
    newer = import_crm(repo, workshop_id, "\n".join(rows).encode(), OPTIONS)
    assert (newer.added, newer.updated, newer.unchanged) == (0, 1, 12_344)
    assert stored(repo)["10001"]["owner"] == "Newer"
    with repo.engine.connect() as conn:
        db: Any = conn.connection.driver_connection
        temp = db.execute("SELECT name FROM sqlite_temp_master").fetchall()
        (cache,) = db.execute("PRAGMA cache_size").fetchone()
    assert temp == [] and cache > -64 * 1024
