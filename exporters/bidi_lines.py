"""Right-to-left text in visual order, line by line, after ReportLab has broken the lines.

ReportLab draws every line left to right in the order the characters were typed, so Hebrew
or Arabic words would read backwards. :class:`BidiParagraph` re-orders each line just before
it is drawn (never the stored lines, so splitting across pages still works on typed order):
runs of right-to-left words are reversed, and so are the letters inside them; digits and
left-to-right words keep their order. A simplified form of the Unicode bidirectional
algorithm, at word level; Arabic letters were joined before (:mod:`exporters.arabic_shaping`).
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from reportlab.platypus import Paragraph

_RTL = {"R", "AL"}
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
_SPACES = re.compile(r"( +)")

T = TypeVar("T")


def _strong(char: str) -> str:
    kind = unicodedata.bidirectional(char)
    if kind in _RTL:
        return "R"
    if kind == "L":
        return "L"
    return ""


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in _RTL for c in text)


def base_direction(text: str) -> str:
    """The paragraph's direction: that of its first strongly directional character."""
    for char in text:
        strong = _strong(char)
        if strong:
            return strong
    return "L"


def _word_direction(text: str) -> str:
    return base_direction(text) if any(_strong(c) for c in text) else ""


def visual_word(text: str) -> str:
    """The letters of a right-to-left word in drawing order; digits and Latin stay put."""
    segments = re.findall(r"[0-9A-Za-z.,:%+\-]+|[^0-9A-Za-z.,:%+\-]+", text)
    out = []
    for segment in reversed(segments):
        if re.fullmatch(r"[0-9A-Za-z.,:%+\-]+", segment) and not has_rtl(segment):
            out.append(segment)
        else:
            out.append(_reversed_clusters(segment).translate(_MIRROR))
    return "".join(out)


def _reversed_clusters(text: str) -> str:
    """``text`` backwards, each letter keeping its vowel marks after it (where the font
    expects them, since a mark is drawn over the glyph before it)."""
    clusters: list[str] = []
    for char in text:
        if clusters and unicodedata.category(char) in ("Mn", "Me"):
            clusters[-1] += char
        else:
            clusters.append(char)
    return "".join(reversed(clusters))


def visual_order(
    words: Sequence[T], text_of: Callable[[T], str], base: str
) -> list[tuple[int, bool]]:
    """(index, is right-to-left) of ``words`` in the order they are drawn, left to right."""
    kinds = [_word_direction(text_of(w)) for w in words]
    resolved: list[str] = []
    for i, kind in enumerate(kinds):
        if kind:
            resolved.append(kind)
            continue
        before = next((k for k in reversed(kinds[:i]) if k), base)
        after = next((k for k in kinds[i + 1 :] if k), base)
        resolved.append(before if before == after else base)
    runs: list[list[int]] = []
    for i, kind in enumerate(resolved):
        if runs and resolved[runs[-1][0]] == kind:
            runs[-1].append(i)
        else:
            runs.append([i])
    ordered = [run[::-1] if resolved[run[0]] == "R" else run for run in runs]
    if base == "R":
        ordered.reverse()
    return [(i, resolved[i] == "R") for run in ordered for i in run]


def visual_line(text: str, base: str | None = None) -> str:
    """One line of plain text in drawing order (for text drawn straight on the canvas)."""
    if not has_rtl(text):
        return text
    return " ".join(_simple_line(text.split(" "), base or base_direction(text)))


def _simple_line(words: list[str], base: str) -> list[str]:
    order = visual_order(words, lambda w: w, base)
    return [visual_word(words[i]) if rtl else words[i] for i, rtl in order]


def _frag_line(frags: list[Any], base: str) -> list[Any] | None:
    """A line of styled fragments in drawing order, or None if it holds anything but text."""
    words: list[list[tuple[Any, str]]] = [[]]
    gaps: list[tuple[Any, str]] = []
    for frag in frags:
        text = getattr(frag, "text", None)
        if not isinstance(text, str) or getattr(frag, "cbDefn", None) is not None:
            return None
        for piece in _SPACES.split(text):
            if not piece:
                continue
            if piece.startswith(" "):
                gaps.append((frag, piece))
                words.append([])
            else:
                words[-1].append((frag, piece))
    order = visual_order(words, lambda w: "".join(p for _f, p in w), base)
    out: list[Any] = []

    def emit(frag: Any, text: str) -> None:
        clone = copy.copy(frag)
        clone.text = text
        out.append(clone)

    for slot, (index, rtl) in enumerate(order):
        word = words[index]
        if rtl:
            for frag, piece in reversed(word):
                emit(frag, visual_word(piece))
        else:
            for frag, piece in word:
                emit(frag, piece)
        if slot < len(gaps):
            emit(*gaps[slot])
    return out


class BidiParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph whose right-to-left runs are drawn in visual order."""

    def drawPara(self, debug: int = 0) -> None:  # ReportLab's name
        typed: Any = getattr(self, "blPara")  # noqa: B009 - set by ReportLab's wrap()
        text = "".join(
            getattr(f, "text", "") for f in getattr(self, "frags", []) if hasattr(f, "text")
        )
        if not has_rtl(text):
            super().drawPara(debug)
            return
        base = base_direction(text)
        shown = copy.copy(typed)
        if typed.kind == 0:
            shown.lines = [(line[0], _simple_line(list(line[1]), base)) for line in typed.lines]
        else:
            lines = []
            for line in typed.lines:
                reordered = _frag_line(list(line.words), base)
                if reordered is None:
                    lines.append(line)
                    continue
                clone = copy.copy(line)
                clone.words = reordered
                lines.append(clone)
            shown.lines = lines
        self.blPara = shown
        try:
            super().drawPara(debug)
        finally:
            self.blPara = typed
