"""``crm-import``: importing a 200,000-row CRM export into the library.

The subject is ``storage.crm_import.import_crm`` of a HubSpot-like contacts export (UTF-8,
comma-separated, timestamps without a zone, amounts with two decimals) into a new workshop
of a library made with ``storage.library.open_library``: detection, a first pass over the
file for the decimal mark and the date order, parsing, and the upsert in one transaction.
The baseline is Python's ``csv`` module reading the same file and ``sqlite3``
``executemany`` inserting its rows as they come (text) into a plain table of the same
columns, in one transaction, in a file with the library's pragmas. Each side gets a new
file per run; runs alternate baseline, subject.
"""

from __future__ import annotations

import csv
import sqlite3
import tempfile
import time
from datetime import UTC, date
from pathlib import Path

from bench.report import BenchError, Result
from bench.stats import median

NAME = "crm-import"
RATIO_BUDGET = 3.0  # the subject's median over the baseline's
ROWS = 200_000
HEADERS = (
    "Record ID",
    "First Name",
    "Contact owner",
    "Lifecycle Stage",
    "Became a Marketing Qualified Lead Date",
    "Became a Sales Qualified Lead Date",
    "Became a Customer Date",
    "Original Source",
    "Recent Deal Amount",
)
OWNERS = ("Anna Berg", "Jo Smith", "Zoë Müller", "Ravi Patel", "Li Wei")
SOURCES = ("Organic Search", "Paid Search", "Referrals", "Offline Sources", "Direct Traffic")


def write_export(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        for i in range(rows):
            day = 1 + i % 28
            won = i % 5 == 0
            writer.writerow(
                (
                    str(100_000 + i),
                    f"Contact {i}",
                    OWNERS[i % len(OWNERS)],
                    "customer" if won else "lead",
                    f"2024-{1 + i % 12:02d}-{day:02d} {i % 24:02d}:{i % 60:02d}",
                    f"2024-{1 + i % 12:02d}-{day:02d} {(i + 3) % 24:02d}:{i % 60:02d}"
                    if i % 2
                    else "",
                    f"2024-{1 + (i + 1) % 12:02d}-{day:02d}" if won else "",
                    SOURCES[i % len(SOURCES)],
                    f"{1000 + i % 9000}.{i % 100:02d}" if won else "",
                )
            )


def baseline(export: Path, folder: Path, rows: int) -> float:
    db = sqlite3.connect(folder / "baseline.sqlite3", isolation_level=None)
    try:
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
            db.execute(f"PRAGMA {pragma}")
        db.execute(
            "CREATE TABLE crm (workshop_id TEXT, crm_id TEXT, mql_at TEXT, sal_at TEXT,"
            " sql_at TEXT, won_at TEXT, first_touch_at TEXT, amount TEXT, owner TEXT,"
            " source TEXT, imported_at TEXT, PRIMARY KEY (workshop_id, crm_id))"
        )
        start = time.perf_counter()
        with export.open(encoding="utf-8", newline="") as text:
            reader = csv.reader(text)
            next(reader)
            values = (
                ("w", r[0], r[4], None, r[5], r[6], None, r[8], r[2], r[7], "now") for r in reader
            )
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT INTO crm VALUES (?,?,?,?,?,?,?,?,?,?,?)", values)
            db.execute("COMMIT")
        elapsed = time.perf_counter() - start
        (count,) = db.execute("SELECT count(*) FROM crm").fetchone()
    finally:
        db.close()
    if count != rows:
        raise BenchError(f"the baseline stored {count} rows, not {rows}")
    return elapsed


def subject(export: Path, folder: Path, rows: int) -> float:
    from storage.crm_import import import_crm
    from storage.engine import resolve_url
    from storage.library import open_library
    from workshop.crm_file import ReadOptions
    from workshop.editing import new_workshop

    repo = open_library(resolve_url(str(folder / "library.sqlite3")))
    try:
        workshop = new_workshop("CRM import", when=date(2026, 1, 5))
        repo.add(workshop)
        start = time.perf_counter()
        result = import_crm(repo, workshop.id, export, ReadOptions(zone=UTC))
        elapsed = time.perf_counter() - start
    finally:
        repo.close()
    if result.added != rows or result.skipped:
        raise BenchError(f"the import said “{result.line()}”")
    return elapsed


def run(quick: bool) -> list[Result]:
    rows = 20_000 if quick else ROWS
    repeats = 1 if quick else 3
    subject_s: list[float] = []
    baseline_s: list[float] = []
    with tempfile.TemporaryDirectory(prefix="accord-bench-crm-") as temp:
        root = Path(temp)
        export = root / "contacts.csv"
        write_export(export, rows)
        for k in range(repeats):
            for side, times, measure in (
                ("b", baseline_s, baseline),
                ("s", subject_s, subject),
            ):
                folder = root / f"{side}{k}"
                folder.mkdir()
                times.append(measure(export, folder, rows))
    return [
        Result(
            NAME,
            median(subject_s) * 1000,
            "ms",
            baseline=median(baseline_s) * 1000,
            ratio_budget=RATIO_BUDGET,
        )
    ]
