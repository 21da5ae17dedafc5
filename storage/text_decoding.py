"""Text read from the library whatever its bytes.

SQLite's integrity check looks at pages and indexes, not at what a text holds: a few bytes
gone bad inside a title (a failing disk, a copy cut short) pass it, and sqlite3 then refuses
the whole row ("Could not decode to UTF-8 column"), so the workshop would neither open nor
export. Every connection to a SQLite library therefore decodes text with
:func:`decode_text`: valid UTF-8 as usual, anything else with U+FFFD (�) in place of the
bytes that are not, as a :class:`DamagedText` — so the repository can name the damaged
fields (:meth:`storage.repository.Repository.damaged`) and everything else is read as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workshop.i18n import _


class DamagedText(str):
    """A stored text that was not valid UTF-8, read with U+FFFD for the bytes that were not."""

    __slots__ = ()


class DamagedJson(list[object]):
    """Stored JSON (a signature's strokes, a vote's options or tallies) that no longer
    parses: read as nothing, and named as damaged by the repository."""

    __slots__ = ()


def decode_text(data: bytes) -> str:
    """``data`` as text: UTF-8, or a :class:`DamagedText` with U+FFFD for invalid bytes."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return DamagedText(data.decode("utf-8", "replace"))


def read_text_defensively(dbapi_connection: Any) -> None:
    """Have a sqlite3 connection decode stored text with :func:`decode_text`."""
    dbapi_connection.text_factory = decode_text


def is_damaged(value: object) -> bool:
    return isinstance(value, DamagedText | DamagedJson)


def damage_warning(places: Sequence[str], title: str = "") -> str:
    """One sentence naming the damaged fields (``places``, as :meth:`Repository.damaged`
    gives them) of the workshop called ``title``, for a status line or stderr."""
    shown = ", ".join(places[:5])
    if len(places) > 5:
        shown += _(" and {n} more").format(n=len(places) - 5)
    name = "".join(c if c.isprintable() else "\ufffd" for c in " ".join(title.split()))
    if len(name) > 60:
        name = name[:59] + "…"
    if name:
        return _(
            "Some text of “{title}” is damaged in the library and is shown with � where its "
            "characters could not be read: {places}."
        ).format(title=name, places=shown)
    return _(
        "Some text is damaged in the library and is shown with � where its characters could "
        "not be read: {places}."
    ).format(places=shown)
