"""Putting CRM records straight into a library, for tests of what is computed from them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import insert

from storage.repository import Repository
from storage.scorecard_sql import RECORDS, VALUES

STAGES = ("mql_at", "sal_at", "sql_at", "won_at", "first_touch_at")


def at(text: str) -> datetime:
    """A UTC moment written ``YYYY-MM-DD HH:MM``."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def add_records(repo: Repository, workshop_id: str, records: Iterable[dict[str, Any]]) -> None:
    """Rows of crm_records; keys as the columns, moments as ``at()`` text, amount as text."""
    rows = []
    for n, record in enumerate(records):
        row: dict[str, Any] = {
            "workshop_id": workshop_id,
            "crm_id": f"r{n}",
            "imported_at": at("2026-01-01 00:00"),
            "amount_e4": None,
            **dict.fromkeys(STAGES),
        }
        for key, value in record.items():
            if key == "amount":
                row["amount_e4"] = int(Decimal(value) * 10_000)
            elif key.endswith("_at") and value is not None:
                row[key] = at(value)
            else:
                row[key] = value
        rows.append(row)
    with repo.engine.begin() as conn:
        conn.execute(insert(RECORDS), rows)


def add_value(repo: Repository, workshop_id: str, item_id: str, period: str, value: str) -> None:
    with repo.engine.begin() as conn:
        conn.execute(
            insert(VALUES),
            [
                {
                    "workshop_id": workshop_id,
                    "item_id": item_id,
                    "period": period,
                    "value": Decimal(value),
                }
            ],
        )
