"""Portable workshop files (``.accord.json``): one workshop, every field, as canonical JSON.

:func:`dumps` writes a file; :func:`loads` reads one and treats it as untrusted: it checks
size, encoding, JSON syntax and the limits (:mod:`workshop.portable_format`) before building
anything, then validates every field and every reference. Any problem is an
:class:`ImportFileError` carrying one sentence that names the problem and where it is. The
format is documented in ``docs/workshop-file.md``.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import fields, is_dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from workshop import __version__, measures
from workshop import model as m
from workshop.portable_format import (
    FORMAT,
    MAX_BYTES,
    MAX_CHARS,
    MAX_DEPTH,
    MAX_ITEMS,
    VERSION,
    ImportFileError,
)
from workshop.portable_read import file_too_large, loads

__all__ = [
    "FORMAT",
    "MAX_BYTES",
    "MAX_CHARS",
    "MAX_DEPTH",
    "MAX_ITEMS",
    "VERSION",
    "ImportFileError",
    "digest_matches",
    "dumps",
    "file_too_large",
    "loads",
    "renew_ids",
    "to_document",
]


# -- writing ------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """``value`` as plain JSON data (exact: Decimals as text, datetimes in UTC with offset)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (str, int, float)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, measures.MEASURE_TYPES):
        return measures.to_dict(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    raise TypeError(f"cannot write {type(value).__name__} to a workshop file")


def to_document(w: m.Workshop) -> dict[str, Any]:
    """The whole workshop as a plain, JSON-ready dict with the format header."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_by": f"Accord {__version__}",
        "workshop": _plain(w),
    }


def dumps(w: m.Workshop) -> str:
    """The file text: canonical (sorted keys, fixed indentation), so equal content is equal
    text."""
    return json.dumps(to_document(w), ensure_ascii=False, sort_keys=True, indent=2)


def digest_matches(v: m.AgreementVersion) -> bool:
    """Whether the version's snapshot is still the text its digest was taken of (SHA-256 of
    the UTF-8 text). A version without a snapshot has nothing to check: True."""
    if not v.snapshot:
        return True
    return hashlib.sha256(v.snapshot.encode("utf-8")).hexdigest() == v.digest


# -- ids ----------------------------------------------------------------------------------


def renew_ids(w: m.Workshop) -> m.Workshop:
    """A copy with fresh ids for the workshop and every child, agreement versions and
    signatories included; role keys and action owners follow their party / participant.

    Title, status and agreement versions are kept; signed snapshots and digests stay as
    they were (they are the text that was signed). Creation and change times are cleared:
    the copy is a new entry in the library.
    """
    fresh = copy.deepcopy(w)
    fresh.id = m.new_id()
    fresh.created_at = fresh.updated_at = None
    renamed: dict[str, dict[str, str]] = {}
    for f in fields(m.Workshop):
        collection = getattr(fresh, f.name)
        if not isinstance(collection, list):
            continue
        mapping = renamed.setdefault(f.name, {})
        for item in collection:
            mapping[item.id] = item.id = m.new_id()
    for version in fresh.versions:
        for signatory in version.signatories:
            signatory.id = m.new_id()
    parties, people = renamed["parties"], renamed["participants"]
    for activity in fresh.activities:
        activity.roles = {parties[p]: r for p, r in activity.roles.items() if p in parties}
    for action in fresh.action_items:
        if action.owner_id is not None:
            action.owner_id = people.get(action.owner_id)
    return fresh
