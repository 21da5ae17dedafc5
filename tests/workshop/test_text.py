"""Text helpers: matching, and text made safe to print on a terminal."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from workshop.text import escaped


def test_escaped_leaves_ordinary_text_alone() -> None:
    assert escaped("Zürich — 合意 👍🏽") == "Zürich — 合意 👍🏽"
    assert escaped("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert escaped("\u202eevil\u2028") == "\\u202eevil\\u2028"
    assert escaped("tab\there\r\n") == "tab\\there\\r\\n"
    assert escaped("C:\\x1b") == "C:\\\\x1b"  # a backslash typed is not an escape printed


@given(st.text())
def test_escaped_text_has_nothing_a_terminal_would_obey(text: str) -> None:
    shown = escaped(text)
    for char in shown:
        assert unicodedata.category(char) not in ("Cc", "Zl", "Zp", "Cs")
        assert char not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@given(st.text(), st.text())
def test_different_texts_stay_different(a: str, b: str) -> None:
    if a != b:
        assert escaped(a) != escaped(b)
