"""``autosave``: commit latency of one field edit through the repository.

The subject edits an activity's description with ``Repository.update_child`` on a library
holding the demo workshop grown to 500 activities. The baseline is raw ``sqlite3``: a
single-row ``UPDATE`` and ``commit`` on a 500-row table in its own file, with the same
pragmas. Edits alternate baseline, subject, baseline, subject, ...
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from bench.report import BenchError, Result
from bench.stats import percentile

if TYPE_CHECKING:
    from storage.repository import Repository
    from workshop.model import Workshop

NAME = "autosave"
ACTIVITIES = 500
RATIO_BUDGET = 5.0  # subject p99 over baseline p99
ABSOLUTE_BUDGET_MS = 5.0  # the product's own budget: p99 of an autosave


def _text(i: int) -> str:
    return f"Edit {i}: every MQL gets a first touch within one business day, logged in the CRM."


def _with_activities(count: int) -> Workshop:
    """The demo workshop grown to ``count`` activities."""
    from workshop.demo import build_demo_workshop
    from workshop.model import Activity, RaciRole

    workshop = build_demo_workshop(date.today())
    sales, marketing = workshop.parties[0].id, workshop.parties[1].id
    for k in range(len(workshop.activities), count):
        workshop.activities.append(
            Activity(
                name=f"Activity {k}",
                description=_text(-k),
                overlap="Both teams touch it.",
                roles={
                    sales: frozenset({RaciRole.RESPONSIBLE}),
                    marketing: frozenset({RaciRole.ACCOUNTABLE, RaciRole.CONSULTED}),
                },
            )
        )
    return workshop


class Subject:
    """The app's own path: the repository on a library file."""

    def __init__(self, path: Path, workshop: Workshop | None = None) -> None:
        """On ``workshop``, or by default the demo grown to 500 activities."""
        from storage.engine import resolve_url
        from storage.library import open_library

        self.path = path
        self.repo: Repository = open_library(resolve_url(str(path)))
        workshop = workshop or _with_activities(ACTIVITIES)
        self.repo.add(workshop)
        self.workshop_id = workshop.id
        self.ids = [a.id for a in workshop.activities]

    def edit(self, i: int) -> int:
        item = self.ids[i % len(self.ids)]
        text = _text(i)
        start = time.perf_counter_ns()
        self.repo.update_child(self.workshop_id, "activities", item, {"description": text})
        return time.perf_counter_ns() - start

    def stored(self, i: int) -> str:
        with sqlite3.connect(self.path) as conn:
            row = conn.execute(
                "SELECT description FROM activities WHERE id = ?", (self.ids[i % len(self.ids)],)
            ).fetchone()
        return "" if row is None else str(row[0])

    def close(self) -> None:
        self.repo.close()


class Baseline:
    """Raw sqlite3 with Accord's pragmas: one UPDATE, one commit."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path)
        for pragma in (
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = NORMAL",
            "PRAGMA foreign_keys = ON",
            "PRAGMA busy_timeout = 5000",
        ):
            self.conn.execute(pragma)
        self.conn.execute(
            "CREATE TABLE items (id TEXT PRIMARY KEY, position INTEGER NOT NULL, "
            "name TEXT NOT NULL, description TEXT NOT NULL)"
        )
        self.ids = [uuid.uuid4().hex for _ in range(ACTIVITIES)]
        self.conn.executemany(
            "INSERT INTO items VALUES (?, ?, ?, ?)",
            [(item, k, f"Activity {k}", _text(-k)) for k, item in enumerate(self.ids)],
        )
        self.conn.commit()

    def edit(self, i: int) -> int:
        item = self.ids[i % len(self.ids)]
        text = _text(i)
        start = time.perf_counter_ns()
        self.conn.execute("UPDATE items SET description = ? WHERE id = ?", (text, item))
        self.conn.commit()
        return time.perf_counter_ns() - start

    def close(self) -> None:
        self.conn.close()


def run(quick: bool) -> list[Result]:
    edits = 100 if quick else 1000
    warmup = 10 if quick else 50
    subject_ns: list[int] = []
    baseline_ns: list[int] = []
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        baseline = Baseline(Path(tmp) / "baseline.sqlite3")
        try:
            subject = Subject(Path(tmp) / "library.sqlite3")
            try:
                for i in range(warmup):  # statement caches, page cache; not measured
                    baseline.edit(i)
                    subject.edit(i)
                for i in range(warmup, warmup + edits):
                    baseline_ns.append(baseline.edit(i))
                    subject_ns.append(subject.edit(i))
                last = warmup + edits - 1
                if subject.stored(last) != _text(last):
                    raise BenchError("the last edit was not found in the library after commit")
            finally:
                subject.close()
        finally:
            baseline.close()

    def ms(samples: list[int], p: float) -> float:
        return percentile(samples, p) / 1e6

    p99 = ms(subject_ns, 99)
    return [
        Result(f"{NAME}-p50", ms(subject_ns, 50), "ms", baseline=ms(baseline_ns, 50)),
        Result(NAME, p99, "ms", baseline=ms(baseline_ns, 99), ratio_budget=RATIO_BUDGET),
        Result(f"{NAME}-abs", p99, "ms", absolute_budget=ABSOLUTE_BUDGET_MS),
    ]
