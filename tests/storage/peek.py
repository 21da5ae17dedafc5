"""Reading a library or a copy of one directly with sqlite3, as a test checks what was written."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def column(path: Path, sql: str) -> list[Any]:
    return [row[0] for row in rows(path, sql)]
