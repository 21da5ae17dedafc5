"""Commitments and KPIs keep their measure in the library, and autosave stores a change."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

from storage.repository import Repository
from workshop import measures as ms
from workshop.editing import new_workshop
from workshop.model import Commitment, Kpi


def _raw(library_path: Path, table: str, item_id: str) -> object:
    raw = sqlite3.connect(library_path)
    try:
        return raw.execute(f"SELECT measure FROM {table} WHERE id = ?", (item_id,)).fetchone()[0]
    finally:
        raw.close()


def test_a_measure_is_stored_edited_and_cleared(repo: Repository, library_path: Path) -> None:
    w = new_workshop("Measured")
    follow_up = ms.TimeBetween(ms.Span.MQL_TO_FIRST_TOUCH, 24, Decimal("90"))
    w.commitments.append(Commitment(what="Follow up", measure=follow_up))
    w.kpis.append(Kpi(name="MQLs"))
    repo.add(w)
    got = repo.get(w.id)
    assert got.commitments[0].measure == follow_up
    assert got.kpis[0].measure is None

    kpi_id = w.kpis[0].id
    repo.update_child(w.id, "kpis", kpi_id, {"measure": ms.StageCount(ms.Stage.SQL)})
    stored = _raw(library_path, "kpis", kpi_id)
    assert isinstance(stored, str)
    assert json.loads(stored) == {"kind": "stage_count", "stage": "sql", "per": "month"}
    assert repo.get(w.id).kpis[0].measure == ms.StageCount(ms.Stage.SQL)

    repo.update_child(w.id, "commitments", w.commitments[0].id, {"measure": None})
    assert _raw(library_path, "commitments", w.commitments[0].id) is None
    assert repo.get(w.id).commitments[0].measure is None


def test_a_measure_this_accord_does_not_know_reads_as_none(
    repo: Repository, library_path: Path
) -> None:
    w = new_workshop("Newer")
    w.kpis.append(Kpi(name="k", measure=ms.ByHand()))
    repo.add(w)
    raw = sqlite3.connect(library_path)
    with raw:
        raw.execute("UPDATE kpis SET measure = ? WHERE id = ?", ('{"kind": "later"}', w.kpis[0].id))
    raw.close()
    assert repo.get(w.id).kpis[0].measure is None
