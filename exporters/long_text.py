"""Long texts laid out in time proportional to their length.

ReportLab wraps a whole paragraph again each time it splits it across a page, so a text of
n characters over n/3,000 pages took time in n² (a 100,000-character title: 18 s; a word
without spaces was worse, split character by character on every page). A long text is
therefore set as a run of pieces of at most :data:`PIECE_CHARS` characters, cut where a
line ends or at a space, and kept together as one :class:`LongText` that splits between
its pieces or inside one piece — each piece is wrapped a few times at most.

A text longer than any field accepts (stored before the limits of :mod:`workshop.limits`)
is printed up to that length, followed by a note saying how much was left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from workshop.i18n import _

PIECE_CHARS = 3_000


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters: after a line break if one is
    near enough, else at a space (both are dropped: the cut is the break), else anywhere."""
    out: list[str] = []
    start, length = 0, len(text)
    while length - start > size:
        end = start + size
        cut = text.rfind("\n", start + 1, end + 1)
        if cut < 0:
            cut = text.rfind(" ", start + 1, end + 1)
        if cut > start:
            out.append(text[start:cut])
            start = cut + 1
        else:
            out.append(text[start:end])  # one unbroken run: any place is as good
            start = end
    out.append(text[start:])
    return out


def shortened(text: str, limit: int) -> str:
    """``text`` if it has at most ``limit`` characters; else its first ``limit`` and a note
    saying how many more there are."""
    if len(text) <= limit:
        return text
    more = len(text) - limit
    return (
        text[:limit]
        + "\n"
        + _("[… {count} more characters, more than Accord accepts here, are not printed.]").format(
            count=f"{more:,}"
        )
    )


def metadata(text: str, limit: int = 300) -> str:
    """``text`` fit for the document's properties (title, subject): one line, at most
    ``limit`` characters."""
    line = " ".join(text[: limit * 4].split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _continued(style: ParagraphStyle, first: bool, last: bool) -> ParagraphStyle:
    """The style of one piece: no space between pieces, so they read as one paragraph."""
    if first and last:
        return style
    return ParagraphStyle(
        f"{style.name}-piece-{int(first)}{int(last)}",
        parent=style,
        spaceBefore=style.spaceBefore if first else 0,
        spaceAfter=style.spaceAfter if last else 0,
    )


def long_text(
    text: str, style: ParagraphStyle, make: Callable[[str, ParagraphStyle], Paragraph]
) -> Flowable:
    """One paragraph for a short ``text``; a :class:`LongText` of pieces for a long one.
    ``make`` turns a piece of plain text into a paragraph in a style."""
    parts = pieces(text)
    if len(parts) == 1:
        return make(text, style)
    styles = {
        (first, last): _continued(style, first, last)
        for first in (True, False)
        for last in (True, False)
    }
    last = len(parts) - 1
    return LongText([make(p, styles[(i == 0, i == last)]) for i, p in enumerate(parts)])


class LongText(Flowable):  # type: ignore[misc]
    """Paragraphs that read as one: each wrapped once per width (what a split leaves over is
    wrapped again, never the whole text), split between or inside them."""

    def __init__(
        self,
        parts: Sequence[Flowable],
        sizes: Sequence[tuple[float, float] | None] = (),
        for_width: float | None = None,
    ) -> None:
        super().__init__()
        self.parts = list(parts)
        # The size of each part wrapped at ``for_width``; None for one not wrapped yet.
        self._sizes: list[tuple[float, float] | None] = list(sizes) or [None] * len(self.parts)
        self._for_width = for_width

    def _measure(self, width: float) -> list[tuple[float, float]]:
        if self._for_width != width:
            self._sizes = [None] * len(self.parts)
            self._for_width = width
        sizes = []
        for i, size in enumerate(self._sizes):
            if size is None:
                size = self._sizes[i] = self.parts[i].wrap(width, 0x7FFFFFFF)
            sizes.append(size)
        return sizes

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        sizes = self._measure(availWidth)
        self.width = availWidth
        self.height = sum(h for _w, h in sizes)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.parts[0].getSpaceBefore()) if self.parts else 0.0

    def getSpaceAfter(self) -> float:
        return float(self.parts[-1].getSpaceAfter()) if self.parts else 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # Split at the width last wrapped at: the one the parts will be drawn at. (A table
        # splits a cell at the column's width but wraps and draws it inside the padding;
        # taking the split's width would wrap every part again, twice per page.)
        width = availWidth if self._for_width is None else self._for_width
        sizes = self._measure(width)
        used = 0.0
        for i, (part, (_w, height)) in enumerate(zip(self.parts, sizes, strict=True)):
            if used + height <= availHeight:
                used += height
                continue
            kept = sizes[:i]
            split: list[Any] = part.split(width, availHeight - used)
            if len(split) >= 2 and split[0] is not part:
                head, rest = split[0], split[1:]
                later = [*rest, *self.parts[i + 1 :]]
                unknown: list[tuple[float, float] | None] = [None] * len(rest)
                return [
                    LongText([*self.parts[:i], head], [*kept, None], width),
                    LongText(later, [*unknown, *sizes[i + 1 :]], width),
                ]
            if not kept:
                self._sizes[i] = None  # a paragraph that could not split forgets its lines
                return []  # not even a line fits here
            later_sizes: list[tuple[float, float] | None] = [None, *sizes[i + 1 :]]
            return [
                LongText(self.parts[:i], kept, width),
                LongText(self.parts[i:], later_sizes, width),
            ]
        # Everything fits after all (the width changed): the second part is empty, as a
        # table cell expects two parts from a split.
        return [self, LongText([])]

    def draw(self) -> None:
        sizes = self._measure(self._for_width if self._for_width is not None else self.width)
        y = self.height
        for part, (_w, height) in zip(self.parts, sizes, strict=True):
            y -= height
            part.drawOn(self.canv, 0, y)
