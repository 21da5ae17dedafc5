"""Text helpers shared by search and display; cheap to import."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` for matching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(haystack: str, query: str) -> bool:
    return fold(query) in fold(haystack)


_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
# Marks that reorder the text around them in a terminal (bidirectional embeddings and
# isolates): shown, like control characters, as their code.
_REORDERING = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def escaped(text: str) -> str:
    """``text`` safe to print on a terminal: control characters, line separators and marks
    that reorder text are written as their escape (``\\x1b``, ``\\n``, ``\\u202e``), and a
    backslash as ``\\\\``, so what is printed can be read back unambiguously."""
    if text.isprintable() and "\\" not in text:
        return text
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char in _REORDERING or unicodedata.category(char) in ("Cc", "Zl", "Zp", "Cs"):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)
