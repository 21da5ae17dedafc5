"""Reading a portable workshop file as untrusted input: limits first, then every field and
every reference, each failure one :class:`ImportFileError` sentence naming where."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from types import NoneType, UnionType
from typing import Any, TypeVar, Union, cast, get_args, get_origin, get_type_hints

from workshop import limits
from workshop import model as m
from workshop.i18n import _
from workshop.portable_format import (
    FORMAT,
    MAX_BYTES,
    MAX_CHARS,
    MAX_CONTAINERS,
    MAX_DECIMAL_CHARS,
    MAX_DECIMAL_EXPONENT,
    MAX_DEPTH,
    MAX_ID_CHARS,
    MAX_INT,
    MAX_ITEMS,
    MAX_STEP_CHARS,
    MAX_VALUES,
    VERSION,
    ImportFileError,
)

T = TypeVar("T")


# -- reading: the raw JSON ------------------------------------------------------------------


def _json_constant(name: str) -> Any:
    raise ImportFileError(
        _("The file holds “{name}”, which is not a number JSON allows.").format(name=name)
    )


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise ImportFileError(
                    _("The file repeats the key “{key}” within one object.").format(key=_shown(key))
                )
            seen.add(key)
    return result


def _shown(text: str, limit: int = 40) -> str:
    """``text`` fit to quote in a one-line message: control characters made visible."""
    one_line = "".join(c if c.isprintable() else "\ufffd" for c in " ".join(text.split()))
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def _bad_text(text: str) -> bool:
    """Text a library cannot store: a NUL character or a lone surrogate."""
    if "\x00" in text:
        return True
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _limits(value: Any, depth: int) -> tuple[str, list[str]] | None:
    """The first limit ``value`` breaks, as (problem, path from the innermost part out)."""
    if depth > MAX_DEPTH:
        return "deep", []
    if isinstance(value, str):
        if len(value) > MAX_CHARS:
            return "long", []
        return ("unicode", []) if _bad_text(value) else None
    if isinstance(value, dict):
        if len(value) > MAX_ITEMS:
            return "items", []
        for key, item in value.items():
            if len(key) > MAX_CHARS:
                return "long", [_shown(key, 20)]
            if _bad_text(key):
                return "unicode", [_shown(key, 20)]
            if isinstance(item, (dict, list, str)):
                found = _limits(item, depth + 1)
                if found is not None:
                    found[1].append(_shown(key, 20))
                    return found
    elif isinstance(value, list):
        if len(value) > MAX_ITEMS:
            return "items", []
        for i, item in enumerate(value):
            if isinstance(item, (dict, list, str)):
                found = _limits(item, depth + 1)
                if found is not None:
                    found[1].append(_("item {n}").format(n=i + 1))
                    return found
    return None


def _limit_error(problem: str, path: list[str]) -> ImportFileError:
    where = " → ".join(reversed(path)) or _("the top level")
    messages = {
        "deep": _("The file nests data more than {limit} levels deep (at {where})."),
        "items": _("A list in the file has more than {limit} items (at {where})."),
        "long": _("A text in the file is longer than {limit} characters (at {where})."),
        "unicode": _("The file holds text that is not valid Unicode (at {where})."),
    }
    limit = {"deep": MAX_DEPTH, "items": f"{MAX_ITEMS:,}", "long": f"{MAX_CHARS:,}"}
    return ImportFileError(messages[problem].format(limit=limit.get(problem, ""), where=where))


def _parse(text: str | bytes) -> Any:
    if isinstance(text, str):
        if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise file_too_large()
    else:
        if len(text) > MAX_BYTES:
            raise file_too_large()
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                _("The file is not UTF-8 text, so it is not an Accord workshop file.")
            ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_structure(text)
    try:
        data = json.loads(text, parse_constant=_json_constant, object_pairs_hook=_no_repeated_keys)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            _(
                "The file is not valid JSON (line {line}, column {column}); "
                "it may be damaged or cut short."
            ).format(line=exc.lineno, column=exc.colno)
        ) from exc
    except RecursionError as exc:
        raise _limit_error("deep", []) from exc
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise ImportFileError(
            _("The file holds a number too long to read, so it cannot be opened.")
        ) from exc
    found = _limits(data, 1)
    if found is not None:
        raise _limit_error(*found)
    return data


# A JSON string (everything up to the closing quote, or to the end of a file cut short), or
# a bracket or comma outside one. A string matches from any quote on, so scanning never
# starts over: linear in the file's length.
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)|[\[{,]', re.DOTALL)


def _check_structure(text: str) -> None:
    """Refuse a file with more objects, lists or values than a workshop can have, before
    they are built: 20 MB of ``{},`` would otherwise be seven million dictionaries."""
    if text.count("{") + text.count("[") <= MAX_CONTAINERS and text.count(",") < MAX_VALUES:
        return  # within bounds even counting the brackets and commas inside texts
    containers = commas = 0
    for token in _TOKEN.finditer(text):
        first = text[token.start()]  # never the token itself: a string may be long
        if first == ",":
            commas += 1
            if commas >= MAX_VALUES:
                raise ImportFileError(
                    _(
                        "The file holds more than {limit} values, more than any workshop has."
                    ).format(limit=f"{MAX_VALUES:,}")
                )
        elif first != '"':
            containers += 1
            if containers > MAX_CONTAINERS:
                raise ImportFileError(
                    _(
                        "The file holds more than {limit} objects and lists, more than any "
                        "workshop has."
                    ).format(limit=f"{MAX_CONTAINERS:,}")
                )


def file_too_large() -> ImportFileError:
    return ImportFileError(
        _("The file is larger than {mb} MB, the most Accord imports.").format(
            mb=MAX_BYTES // (1024 * 1024)
        )
    )


# -- reading: fields ----------------------------------------------------------------------

_COLLECTION_NAMES: dict[str, str] = {
    "participants": _("participants"),
    "agenda": _("agenda items"),
    "objectives": _("objectives"),
    "definitions": _("definitions"),
    "personas": _("personas"),
    "parties": _("parties"),
    "activities": _("activities"),
    "commitments": _("commitments"),
    "escalation": _("escalation steps"),
    "kpis": _("KPIs"),
    "sharing": _("sharing items"),
    "meetings": _("meetings"),
    "shadowing": _("shadowing items"),
    "allies": _("allies"),
    "action_items": _("action items"),
    "parking_lot": _("parking lot items"),
    "votes": _("votes"),
    "signatories": _("signatories"),
    "versions": _("agreement versions"),
}

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_CLOCK = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")
_DIGEST = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class _Where:
    """How messages name a part of the file: a phrase ("item 3 of activities") and field
    references ("“name” of item 3 of activities", "“goal.target”")."""

    phrase: str
    prefix: str = ""
    suffix: str = ""

    @property
    def subject(self) -> str:
        return self.phrase[:1].upper() + self.phrase[1:]

    def ref(self, name: str) -> str:
        return f"“{self.prefix}{name}”{self.suffix}"

    def error(self, template: str, name: str, **more: object) -> ImportFileError:
        return ImportFileError(template.format(field=self.ref(name), **more))

    def inside(self, name: str) -> _Where:
        """The place of a nested object such as ``goal`` or a signatory's ``signature``."""
        return _Where(self.phrase, f"{self.prefix}{name}.", self.suffix)


def _of(phrase: str) -> str:
    return " " + _("of {phrase}").format(phrase=phrase)


_WORKSHOP = _Where(_("the workshop"))


def _item(n: int, collection: str) -> _Where:
    plain = _COLLECTION_NAMES.get(collection, collection.replace("_", " "))
    phrase = _("item {n} of {collection}").format(n=n, collection=plain)
    return _Where(phrase, suffix=_of(phrase))


def _signatory(k: int, version: _Where) -> _Where:
    phrase = _("signatory {k} of {version}").format(k=k, version=version.phrase)
    return _Where(phrase, suffix=_of(phrase))


def field_place(name: str, collection: str = "", n: int = 0, signatory: int = 0) -> str:
    """How a sentence names a field of a workshop, as a refused file's message does:
    ``“goal.target”``, ``“what” of item 2 of commitments``, ``“name” of signatory 1 of item 1
    of agreement versions`` (``n`` and ``signatory`` count from 1)."""
    where = _WORKSHOP if not collection else _item(n, collection)
    if signatory:
        where = _signatory(signatory, where)
    return where.ref(name)


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls, vars(m))
    return _HINTS[cls]


# Fields added to the format after its first files were written; a file without them is
# read with their defaults.
_ADDED_LATER: set[tuple[type[Any], str]] = {(m.Workshop, "signatories")}


class _Reader:
    """Builds domain objects from checked JSON data; remembers ids to catch duplicates."""

    def __init__(self) -> None:
        self.ids: set[str] = set()

    def build(self, cls: type[T], data: Any, where: _Where) -> T:
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

    def field(self, owner: type[Any], name: str, hint: Any, value: Any, where: _Where) -> Any:
        special = _SPECIAL.get((owner, name)) or _SPECIAL.get((None, name))
        if special is not None:
            return _within_limits(owner, name, special(self, value, where, name), where)
        return _within_limits(owner, name, self.typed(hint, value, where, name), where)

    def typed(self, hint: Any, value: Any, where: _Where, name: str) -> Any:
        origin = get_origin(hint)
        if origin in (UnionType, Union) and NoneType in get_args(hint):
            if value is None:
                return None
            (inner,) = (a for a in get_args(hint) if a is not NoneType)
            return self.typed(inner, value, where, name)
        if hint is str:
            return _text(value, where, name)
        if hint is bool:
            if not isinstance(value, bool):
                raise where.error(_("{field} is not true or false."), name)
            return value
        if hint is int:
            return _whole(value, where, name)
        if hint is Decimal:
            return _decimal(value, where, name)
        if hint is datetime:
            return _datetime(value, where, name)
        if hint is date:
            return _date(value, where, name)
        if isinstance(hint, type) and issubclass(hint, StrEnum):
            return _enum(hint, value, where, name)
        if isinstance(hint, type) and is_dataclass(hint):
            return self.build(hint, _object(value, where, name), where.inside(name))
        if origin is list and get_args(hint) == (str,):
            return [_text(v, where, name) for v in _list(value, where, name)]
        if origin is dict and get_args(hint) == (str, int):
            return {k: _whole(v, where, name) for k, v in _object(value, where, name).items()}
        raise TypeError(f"no reader for {hint!r}")  # a new kind of field: teach the reader


def _text(value: Any, where: _Where, name: str) -> str:
    if not isinstance(value, str):
        raise where.error(_("{field} is not text."), name)
    return value


def _whole(value: Any, where: _Where, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.error(_("{field} is not a whole number."), name)
    if not 0 <= value <= MAX_INT:
        raise where.error(
            _("{field} must be a whole number from 0 to {high}."), name, high=f"{MAX_INT:,}"
        )
    return value


def _decimal(value: Any, where: _Where, name: str) -> Decimal:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise where.error(_("{field} must be a number written as text, such as “12.5”."), name)
    if not isinstance(value, str) or not _DECIMAL.fullmatch(value):
        raise where.error(_("{field} is not a number."), name)
    if len(value) > MAX_DECIMAL_CHARS:
        raise where.error(
            _("{field} is written with more than {limit} characters."),
            name,
            limit=MAX_DECIMAL_CHARS,
        )
    try:
        number = Decimal(value)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise where.error(_("{field} is not a number."), name) from exc
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)
    if abs(number.adjusted()) > MAX_DECIMAL_EXPONENT or abs(exponent) > MAX_DECIMAL_EXPONENT:
        raise where.error(_("{field} is too large or too small a number."), name)
    return number


def _date(value: Any, where: _Where, name: str) -> date:
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise where.error(_("{field} is not a date (YYYY-MM-DD)."), name)


def _datetime(value: Any, where: _Where, name: str) -> datetime:
    if isinstance(value, str) and _DATETIME.fullmatch(value):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if moment.tzinfo is not None:
                return moment
    raise where.error(
        _("{field} is not a date and time with a time zone (YYYY-MM-DDTHH:MM:SS+00:00)."), name
    )


def _enum(enum: type[StrEnum], value: Any, where: _Where, name: str) -> Any:
    allowed = [e.value for e in enum]
    if not isinstance(value, str) or value not in allowed:
        raise where.error(_("{field} is not one of {values}."), name, values=", ".join(allowed))
    return enum(value)


def _list(value: Any, where: _Where, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise where.error(_("{field} is not a list."), name)
    return value


def _object(value: Any, where: _Where, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise where.error(_("{field} is not a JSON object."), name)
    return value


# -- reading: what each field accepts (workshop.limits) ----------------------------------


def _within_limits(owner: type[Any], name: str, value: Any, where: _Where) -> Any:
    """``value`` if it is within what field ``name`` of ``owner`` accepts when typed."""
    if isinstance(value, str):
        _text_fits(owner, name, value, where)
    elif isinstance(value, bool) or value is None:
        pass
    elif isinstance(value, int):
        _whole_fits(owner, name, value, where)
    elif isinstance(value, Decimal):
        rule = limits.number_rule(owner, name)
        if rule is not None and not limits.number_fits(rule, value):
            raise where.error(_NUMBER_RULES[rule], name, limit=limits.FIGURE_TEXT, places=_PLACES)
    elif isinstance(value, datetime):
        if not limits.moment_fits(value):
            raise where.error(
                _("{field} must be a moment in the years {first} to {last} (in UTC)."),
                name,
                first=limits.EARLIEST.year,
                last=limits.LATEST.year,
            )
    elif isinstance(value, date):
        if not limits.date_fits(value):
            raise where.error(
                _("{field} must be a day in the years {first} to {last}."),
                name,
                first=limits.EARLIEST.year,
                last=limits.LATEST.year,
            )
    elif isinstance(value, list) and (owner, name) == (m.Vote, "options"):
        if len(value) > limits.VOTE_OPTIONS:
            raise where.error(
                _("{field} lists more than {limit} options."), name, limit=limits.VOTE_OPTIONS
            )
        for option in value:
            _text_fits(owner, name, option, where)
    elif isinstance(value, dict) and (owner, name) == (m.Vote, "tallies"):
        for dots in value.values():
            _whole_fits(owner, name, dots, where)
    return value


_PLACES = limits.FIGURE_PLACES
_NUMBER_RULES = {
    "figure": _(
        "{field} must be a number from −{limit} to {limit} with at most {places} decimal places."
    ),
    "amount": _(
        "{field} must be more than 0 and at most {limit}, with at most {places} decimal places."
    ),
    "rate": _(
        "{field} must be a fraction more than 0 and at most 1 (100 %), with at most {places} "
        "decimal places."
    ),
}


def _text_fits(owner: type[Any], name: str, text: str, where: _Where) -> None:
    limit = limits.max_chars(owner, name)
    if len(text) > limit:
        raise where.error(_("{field} is longer than {limit} characters."), name, limit=f"{limit:,}")


def _whole_fits(owner: type[Any], name: str, value: int, where: _Where) -> None:
    low, high = limits.WHOLE.get((owner, name), (0, MAX_INT))
    if not low <= value <= high:
        raise where.error(
            _("{field} must be a whole number from {low} to {high}."),
            name,
            low=f"{low:,}",
            high=f"{high:,}",
        )


# -- reading: fields with rules of their own --------------------------------------------


def _id(reader: _Reader, value: Any, where: _Where, name: str) -> str:
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


def _owner(reader: _Reader, value: Any, where: _Where, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not 1 <= len(value) <= MAX_ID_CHARS:
        raise where.error(_("{field} is not an id or null."), name)
    return value  # that it names a participant is checked once all are read


def _step(reader: _Reader, value: Any, where: _Where, name: str) -> str | None:
    if value is None:
        return None
    text = _text(value, where, name)
    if len(text) > MAX_STEP_CHARS:
        raise where.error(
            _("{field} is longer than {limit} characters."), name, limit=MAX_STEP_CHARS
        )
    return text


def _title(reader: _Reader, value: Any, where: _Where, name: str) -> str:
    text = _text(value, where, name)
    if not text.strip():
        raise ImportFileError(_("The workshop has no title."))
    return text


def _start_time(reader: _Reader, value: Any, where: _Where, name: str) -> str:
    text = _text(value, where, name)
    if text and not _CLOCK.fullmatch(text):
        raise where.error(_("{field} is not a time of day (HH:MM)."), name)
    return text


def _digest(reader: _Reader, value: Any, where: _Where, name: str) -> str:
    text = _text(value, where, name)
    if text and not _DIGEST.fullmatch(text):
        raise where.error(
            _("{field} is not a SHA-256 digest (64 lowercase hexadecimal digits)."), name
        )
    return text


def _roles(
    reader: _Reader, value: Any, where: _Where, name: str
) -> dict[str, frozenset[m.RaciRole]]:
    roles: dict[str, frozenset[m.RaciRole]] = {}
    for party, held in _object(value, where, name).items():
        if not isinstance(held, list):
            raise where.error(_("{field} does not list roles for each party."), name)
        roles[party] = frozenset(_enum(m.RaciRole, r, where, name) for r in held)
    return roles  # that the keys are parties is checked once all are read


def _strokes(
    reader: _Reader, value: Any, where: _Where, name: str
) -> list[list[tuple[float, float]]]:
    strokes = []
    for stroke in _list(value, where, name):
        points = []
        for point in _list(stroke, where, name):
            if not (isinstance(point, list) and len(point) == 2):
                raise where.error(_("{field} holds a point that is not two numbers."), name)
            points.append((_coordinate(point[0], where, name), _coordinate(point[1], where, name)))
        strokes.append(points)
    return strokes


def _coordinate(value: Any, where: _Where, name: str) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if math.isfinite(number):
            return number
    raise where.error(_("{field} holds a point that is not two numbers."), name)


def _signatories(reader: _Reader, value: Any, where: _Where, name: str) -> list[m.Signatory]:
    return [
        reader.build(m.Signatory, item, _signatory(k, where))
        for k, item in enumerate(_list(value, where, name), start=1)
    ]


_Special = Callable[[_Reader, Any, _Where, str], Any]
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
}


def _collection_reader(cls: type[Any]) -> _Special:
    def read(reader: _Reader, value: Any, where: _Where, name: str) -> list[Any]:
        return [
            reader.build(cls, item, _item(n, name))
            for n, item in enumerate(_list(value, where, name), start=1)
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
                    ).format(subject=_item(n, "activities").subject, party=_shown(party))
                )
    people = {p.id for p in w.participants}
    for n, action in enumerate(w.action_items, start=1):
        if action.owner_id is not None and action.owner_id not in people:
            raise _item(n, "action_items").error(
                _("{field} is not the id of a participant in the file."), "owner_id"
            )


def loads(text: str | bytes) -> m.Workshop:
    """The workshop in a file's text; the text is untrusted (see the module docstring)."""
    data = _parse(text)
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
    workshop = _Reader().build(m.Workshop, data["workshop"], _WORKSHOP)
    _check_references(workshop)
    return workshop
