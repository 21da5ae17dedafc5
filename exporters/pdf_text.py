"""User text made safe for ReportLab paragraphs, one face per run of characters.

ReportLab's ``Paragraph`` reads a small markup language: ``a<b`` raises, ``<img src=...>``
embeds a local file and ``<font color=...>`` is obeyed. Every piece of user text therefore goes
through :func:`escape` before any markup is wrapped around it; :class:`TextSetter` then adds
only the ``<font>`` tags for fallback faces and ``<br/>`` for line breaks.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from decimal import Decimal
from xml.sax.saxutils import escape as _xml_escape

from exporters.arabic_shaping import shape
from exporters.fonts import REGULAR, FontSet
from workshop.numbers import exceptional

PLACEHOLDER = "\u25a1"  # WHITE SQUARE, drawn in grey where no face has the character
PLACEHOLDER_COLOUR = "#8a8f98"

_LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"})
_SPACES = str.maketrans({"\t": " ", "\x0b": " ", "\x0c": " "})


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities: the text prints literally and runs no markup."""
    return _xml_escape(text)


def _invisible(char: str) -> bool:
    """Characters that have no ink of their own: controls, format marks, variation selectors."""
    if char == "\n":
        return False
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return True
    return unicodedata.category(char) in ("Cc", "Cf")


def clean(text: str) -> str:
    """Line breaks as ``\\n``, tabs as spaces, invisible controls dropped, Unicode in NFC."""
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS).translate(_SPACES)
    text = "".join(c for c in text if not _invisible(c))
    try:
        return unicodedata.normalize("NFC", text)
    except UnicodeError:  # pragma: no cover - lone surrogates cannot be normalised
        return text


class TextSetter:
    """Turns user text into paragraph markup and remembers characters no face could draw."""

    def __init__(self, font_set: FontSet) -> None:
        self.fonts = font_set
        self.missing: set[str] = set()

    def _shaped(self, text: str, face: str) -> str:
        return shape(clean(text), lambda c: self.fonts.face_for(c, face) is not None)

    def markup(self, text: str, face: str) -> str:
        """``text`` as safe paragraph markup whose base face is ``face``."""
        lines = self._shaped(text, face).split("\n")
        return "<br/>".join(self._line(line, face) for line in lines)

    def _box_face(self, *faces: str) -> str:
        """The face the placeholder box is drawn in: the last of ``faces`` that is installed
        and has the box (a preferred face may be missing, e.g. without fonts-dejavu-extra)."""
        return self.fonts.face_for(PLACEHOLDER, *reversed(faces)) or REGULAR

    def _line(self, line: str, face: str) -> str:
        parts: list[str] = []
        for name, chars in self.fonts.runs(line, face):
            if name is None:
                self.missing.update(chars)
                boxes = escape(PLACEHOLDER * len(chars))
                box_face = self._box_face(face)
                parts.append(f'<font name="{box_face}" color="{PLACEHOLDER_COLOUR}">{boxes}</font>')
            elif name == face:
                parts.append(escape(chars))
            else:
                parts.append(f'<font name="{name}">{escape(chars)}</font>')
        return "".join(parts)

    def runs(self, text: str, *faces: str) -> list[tuple[str, str, bool]]:
        """(face, characters, is_placeholder) runs for drawing straight onto a canvas."""
        out: list[tuple[str, str, bool]] = []
        shaped = self._shaped(text, faces[0]).replace("\n", " ")
        for name, chars in self.fonts.runs(shaped, *faces):
            if name is None:
                self.missing.update(chars)
                out.append((self._box_face(*faces), PLACEHOLDER * len(chars), True))
            else:
                out.append((name, chars, False))
        return out


# -- plain formatting of values ----------------------------------------------------------


def utc_time(value: datetime | None) -> str:
    """``2026-11-23 14:05 UTC``: always stated in UTC, so nobody guesses the offset."""
    if value is None:
        return "—"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def number(value: Decimal | int | None) -> str:
    """``4,000,000`` or ``6.25``: grouped thousands, no exponent, no trailing zeros."""
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    odd = exceptional(value)  # a stored number Accord would not accept today
    if odd is not None:
        return odd
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def percent(value: Decimal | None) -> str:
    """A fraction as a percentage: ``0.25`` is ``25 %``."""
    if value is None:
        return "—"
    odd = exceptional(value)  # written as stored: no percentage of it makes sense
    return odd if odd is not None else f"{number(value * 100)} %"


def amount(value: Decimal | None, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{number(value)} {unit}".strip()
