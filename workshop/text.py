"""Text helpers shared by search and display; cheap to import."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` for matching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(haystack: str, query: str) -> bool:
    return fold(query) in fold(haystack)
