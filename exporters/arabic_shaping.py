"""Arabic letters joined the way they are written, without a shaping engine.

ReportLab places one glyph per character, so Arabic would print as a row of isolated
letters. :func:`shape` picks each letter's contextual form (isolated, initial, medial, final)
from Unicode's Arabic Presentation Forms, which DejaVu Sans draws, and joins lam + alef into
their ligature. The table comes from the Unicode database itself. The PDF's text layer maps
every presentation form back to the letters that were typed (see :func:`typed_letters`), so
copying and searching still find them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache

_FORMS = ("isolated", "final", "initial", "medial")
_TATWEEL = "\u0640"
_LAM_ALEF = {"\u0644" + alef for alef in "\u0622\u0623\u0625\u0627"}
_RANGES = (range(0xFB50, 0xFE00), range(0xFE70, 0xFEFD))


@cache
def _tables() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """(letters, form) → presentation form, and presentation form → letters."""
    forms: dict[tuple[str, str], str] = {}
    letters: dict[str, str] = {}
    for block in _RANGES:
        for code in block:
            parts = unicodedata.decomposition(chr(code)).split()
            if len(parts) < 2 or parts[0].strip("<>") not in _FORMS:
                continue
            base = "".join(chr(int(p, 16)) for p in parts[1:])
            if not all("\u0600" <= c <= "\u06ff" for c in base):
                continue
            if len(base) > 1 and base not in _LAM_ALEF:  # other ligatures are optional
                continue
            forms.setdefault((base, parts[0].strip("<>")), chr(code))
            letters[chr(code)] = base
    return forms, letters


def typed_letters(char: str) -> str | None:
    """The letters a presentation form stands for, or None for any other character."""
    return _tables()[1].get(char)


def _joining(char: str) -> str:
    """D (joins both sides), R (joins only the letter before), C (tatweel), T (transparent
    mark) or U (does not join)."""
    if char == _TATWEEL:
        return "C"
    if unicodedata.category(char) in ("Mn", "Me"):
        return "T"
    forms = _tables()[0]
    if (char, "initial") in forms or (char, "medial") in forms:
        return "D"
    if (char, "final") in forms:
        return "R"
    return "U"


def has_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


def shape(text: str, drawable: Callable[[str], bool] = lambda c: True) -> str:
    """``text`` with Arabic letters in their joined forms (only forms ``drawable`` accepts)."""
    if not has_arabic(text):
        return text
    forms = _tables()[0]
    kinds = [_joining(c) for c in text]

    def neighbour(index: int, step: int) -> str:
        index += step
        while 0 <= index < len(text) and kinds[index] == "T":
            index += step
        return kinds[index] if 0 <= index < len(text) else "U"

    out: list[str] = []
    i = 0
    while i < len(text):
        char, kind = text[i], kinds[i]
        if kind not in ("D", "R"):
            out.append(char)
            i += 1
            continue
        joins_before = neighbour(i, -1) in ("D", "C")
        pair = text[i : i + 2]
        if pair in _LAM_ALEF:
            form = forms.get((pair, "final" if joins_before else "isolated"))
            if form and drawable(form):
                out.append(form)
                i += 2
                continue
        joins_after = kind == "D" and neighbour(i, 1) in ("D", "R", "C")
        name = {
            (False, False): "isolated",
            (True, False): "final",
            (False, True): "initial",
            (True, True): "medial",
        }[(joins_before, joins_after)]
        form = forms.get((char, name)) or forms.get((char, "isolated"))
        out.append(form if form and drawable(form) else char)
        i += 1
    return "".join(out)
