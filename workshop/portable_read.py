"""Reading a portable workshop file as untrusted input: limits first
(:mod:`workshop.portable_json`), then every field (:mod:`workshop.portable_fields`) and every
reference, each failure one :class:`ImportFileError` sentence naming where
(:mod:`workshop.portable_places`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from types import NoneType, UnionType
from typing import Any, TypeVar, Union, cast, get_args, get_origin, get_type_hints

from workshop import measures
from workshop import model as m
from workshop.i18n import _
from workshop.portable_fields import (
    as_coordinate,
    as_date,
    as_datetime,
    as_decimal,
    as_enum,
    as_list,
    as_object,
    as_text,
    as_whole,
    within_limits,
)
from workshop.portable_format import FORMAT, MAX_ID_CHARS, MAX_STEP_CHARS, VERSION, ImportFileError
from workshop.portable_json import file_too_large, parse, shown
from workshop.portable_places import WORKSHOP, Where, field_place, item_place, signatory_place

__all__ = ["field_place", "file_too_large", "loads"]

T = TypeVar("T")

_CLOCK = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")
_DIGEST = re.compile(r"[0-9a-f]{64}")


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls, vars(m))
    return _HINTS[cls]


# Fields added to the format after its first files were written; a file without them is
# read with their defaults.
_ADDED_LATER: set[tuple[type[Any], str]] = {
    (m.Workshop, "signatories"),
    (m.Commitment, "measure"),
    (m.Kpi, "measure"),
}


class _Reader:
    """Builds domain objects from checked JSON data; remembers ids to catch duplicates."""

    def __init__(self) -> None:
        self.ids: set[str] = set()

    def build(self, cls: type[T], data: Any, where: Where) -> T:
        if not isinstance(data, dict):
            raise ImportFileError(
                _("{subject} is not a JSON object.").format(subject=where.subject)
            )
        values: dict[str, Any] = {}
        hints = _hints(cast(type[Any], cls))
        for f in fields(cast(type[Any], cls)):
            if f.name not in data and (cls, f.name) in _ADDED_LATER:
                continue  # files written before the field existed: its default
            if f.name not in data:
                if where.prefix:
                    raise where.error(_("{field} is missing."), f.name)
                raise ImportFileError(
                    _("{subject} has no {field}.").format(
                        subject=where.subject, field=f.name.replace("_", " ")
                    )
                )
            values[f.name] = self.field(cls, f.name, hints[f.name], data[f.name], where)
        return cls(**values)

    def field(self, owner: type[Any], name: str, hint: Any, value: Any, where: Where) -> Any:
        special = _SPECIAL.get((owner, name)) or _SPECIAL.get((None, name))
        if special is not None:
            return within_limits(owner, name, special(self, value, where, name), where)
        return within_limits(owner, name, self.typed(hint, value, where, name), where)

    def typed(self, hint: Any, value: Any, where: Where, name: str) -> Any:
        origin = get_origin(hint)
        if origin in (UnionType, Union) and NoneType in get_args(hint):
            if value is None:
                return None
            (inner,) = (a for a in get_args(hint) if a is not NoneType)
            return self.typed(inner, value, where, name)
        if hint is str:
            return as_text(value, where, name)
        if hint is bool:
            if not isinstance(value, bool):
                raise where.error(_("{field} is not true or false."), name)
            return value
        if hint is int:
            return as_whole(value, where, name)
        if hint is Decimal:
            return as_decimal(value, where, name)
        if hint is datetime:
            return as_datetime(value, where, name)
        if hint is date:
            return as_date(value, where, name)
        if isinstance(hint, type) and issubclass(hint, StrEnum):
            return as_enum(hint, value, where, name)
        if isinstance(hint, type) and is_dataclass(hint):
            return self.build(hint, as_object(value, where, name), where.inside(name))
        if origin is list and get_args(hint) == (str,):
            return [as_text(v, where, name) for v in as_list(value, where, name)]
        if origin is dict and get_args(hint) == (str, int):
            return {k: as_whole(v, where, name) for k, v in as_object(value, where, name).items()}
        raise TypeError(f"no reader for {hint!r}")  # a new kind of field: teach the reader


# -- reading: fields with rules of their own --------------------------------------------


def _id(reader: _Reader, value: Any, where: Where, name: str) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= MAX_ID_CHARS:
        raise where.error(
            _("{field} is not an id (text of 1 to {limit} characters)."), name, limit=MAX_ID_CHARS
        )
    if value in reader.ids:
        raise ImportFileError(
            _("{subject} has the same id as another part of the file.").format(
                subject=where.subject
            )
        )
    reader.ids.add(value)
    return value


def _owner(reader: _Reader, value: Any, where: Where, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not 1 <= len(value) <= MAX_ID_CHARS:
        raise where.error(_("{field} is not an id or null."), name)
    return value  # that it names a participant is checked once all are read


def _step(reader: _Reader, value: Any, where: Where, name: str) -> str | None:
    if value is None:
        return None
    text = as_text(value, where, name)
    if len(text) > MAX_STEP_CHARS:
        raise where.error(
            _("{field} is longer than {limit} characters."), name, limit=MAX_STEP_CHARS
        )
    return text


def _title(reader: _Reader, value: Any, where: Where, name: str) -> str:
    text = as_text(value, where, name)
    if not text.strip():
        raise ImportFileError(_("The workshop has no title."))
    return text


def _start_time(reader: _Reader, value: Any, where: Where, name: str) -> str:
    text = as_text(value, where, name)
    if text and not _CLOCK.fullmatch(text):
        raise where.error(_("{field} is not a time of day (HH:MM)."), name)
    return text


def _digest(reader: _Reader, value: Any, where: Where, name: str) -> str:
    text = as_text(value, where, name)
    if text and not _DIGEST.fullmatch(text):
        raise where.error(
            _("{field} is not a SHA-256 digest (64 lowercase hexadecimal digits)."), name
        )
    return text


def _roles(
    reader: _Reader, value: Any, where: Where, name: str
) -> dict[str, frozenset[m.RaciRole]]:
    roles: dict[str, frozenset[m.RaciRole]] = {}
    for party, held in as_object(value, where, name).items():
        if not isinstance(held, list):
            raise where.error(_("{field} does not list roles for each party."), name)
        roles[party] = frozenset(as_enum(m.RaciRole, r, where, name) for r in held)
    return roles  # that the keys are parties is checked once all are read


def _strokes(
    reader: _Reader, value: Any, where: Where, name: str
) -> list[list[tuple[float, float]]]:
    strokes = []
    for stroke in as_list(value, where, name):
        points = []
        for point in as_list(stroke, where, name):
            if not (isinstance(point, list) and len(point) == 2):
                raise where.error(_("{field} holds a point that is not two numbers."), name)
            points.append(
                (as_coordinate(point[0], where, name), as_coordinate(point[1], where, name))
            )
        strokes.append(points)
    return strokes


def _signatories(reader: _Reader, value: Any, where: Where, name: str) -> list[m.Signatory]:
    return [
        reader.build(m.Signatory, item, signatory_place(k, where))
        for k, item in enumerate(as_list(value, where, name), start=1)
    ]


def _measure(reader: _Reader, value: Any, where: Where, name: str) -> measures.Measure | None:
    if value is None:
        return None
    try:
        return measures.from_dict(value)
    except measures.MeasureError as exc:
        problem = exc.message.rstrip(".")
        raise where.error(
            _("{field} is not a measure Accord knows ({problem})."),
            name,
            problem=problem[:1].lower() + problem[1:],
        ) from None


_Special = Callable[[_Reader, Any, Where, str], Any]
_SPECIAL: dict[tuple[type[Any] | None, str], _Special] = {
    (None, "id"): _id,
    (None, "step"): _step,
    (m.ActionItem, "owner_id"): _owner,
    (m.Workshop, "title"): _title,
    (m.Workshop, "start_time"): _start_time,
    (m.AgreementVersion, "digest"): _digest,
    (m.AgreementVersion, "signatories"): _signatories,
    (m.Activity, "roles"): _roles,
    (m.Signature, "strokes"): _strokes,
    (m.Commitment, "measure"): _measure,
    (m.Kpi, "measure"): _measure,
}


def _collection_reader(cls: type[Any]) -> _Special:
    def read(reader: _Reader, value: Any, where: Where, name: str) -> list[Any]:
        return [
            reader.build(cls, item, item_place(n, name))
            for n, item in enumerate(as_list(value, where, name), start=1)
        ]

    return read


# The workshop's child lists (found from the dataclass, so new lists are covered).
for _field, _hint in _hints(m.Workshop).items():
    if get_origin(_hint) is list:
        _SPECIAL[(m.Workshop, _field)] = _collection_reader(get_args(_hint)[0])


def _check_references(w: m.Workshop) -> None:
    parties = {p.id for p in w.parties}
    for n, activity in enumerate(w.activities, start=1):
        for party in activity.roles:
            if party not in parties:
                raise ImportFileError(
                    _(
                        "{subject} gives a role to “{party}”, which is not the id of a party "
                        "in the file."
                    ).format(subject=item_place(n, "activities").subject, party=shown(party))
                )
    people = {p.id for p in w.participants}
    for n, action in enumerate(w.action_items, start=1):
        if action.owner_id is not None and action.owner_id not in people:
            raise item_place(n, "action_items").error(
                _("{field} is not the id of a participant in the file."), "owner_id"
            )


def loads(text: str | bytes) -> m.Workshop:
    """The workshop in a file's text; the text is untrusted (see the module docstring)."""
    data = parse(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportFileError(
            _("The file is not an Accord workshop file (its “format” is not “{format}”).").format(
                format=FORMAT
            )
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ImportFileError(
            _("The file has no valid “version” number, so Accord cannot read it.")
        )
    if version > VERSION:
        raise ImportFileError(
            _(
                "This file was written by a newer version of Accord (file version {version}); "
                "update Accord to open it."
            ).format(version=version)
        )
    if version != VERSION:
        raise ImportFileError(
            _("The file version {version} is not one Accord can read.").format(version=version)
        )
    if "workshop" not in data:
        raise ImportFileError(_("The file holds no workshop."))
    workshop = _Reader().build(m.Workshop, data["workshop"], WORKSHOP)
    _check_references(workshop)
    return workshop
