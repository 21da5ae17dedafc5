"""The first reading of a portable workshop file: its size, encoding, JSON syntax and the
limits of :mod:`workshop.portable_format`, all checked before a workshop is built."""

from __future__ import annotations

import json
import re
from typing import Any

from workshop.i18n import _
from workshop.portable_format import (
    MAX_BYTES,
    MAX_CHARS,
    MAX_CONTAINERS,
    MAX_DEPTH,
    MAX_ITEMS,
    MAX_VALUES,
    ImportFileError,
)


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
                    _("The file repeats the key “{key}” within one object.").format(key=shown(key))
                )
            seen.add(key)
    return result


def shown(text: str, limit: int = 40) -> str:
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
                return "long", [shown(key, 20)]
            if _bad_text(key):
                return "unicode", [shown(key, 20)]
            if isinstance(item, (dict, list, str)):
                found = _limits(item, depth + 1)
                if found is not None:
                    found[1].append(shown(key, 20))
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


def parse(text: str | bytes) -> Any:
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
