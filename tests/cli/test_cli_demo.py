"""The demo workshop is one that has taken place: its signed version is not dated in the
future, so a version signed today comes after it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from tests.cli.test_cli import accord


def test_the_demo_workshop_took_place_and_was_signed_in_the_past(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    before = datetime.now(UTC)
    created = accord("--database", str(library), "demo")
    assert created.returncode == 0, created.stderr
    db = sqlite3.connect(library)
    try:
        (day,) = db.execute("SELECT date FROM workshops").fetchone()
        signed = db.execute(
            "SELECT v.signed_at FROM agreement_versions v WHERE v.status = 'signed'"
        ).fetchall()
        signatures = db.execute("SELECT signed_at FROM signatures").fetchall()
    finally:
        db.close()
    assert date.fromisoformat(day) < before.date()
    assert signed and signatures
    for (when,) in signed + signatures:
        assert datetime.fromisoformat(when).replace(tzinfo=UTC) < before
