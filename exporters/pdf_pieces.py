"""The pieces every section of a printed PDF is made of: paragraphs, numbered headings,
tables that repeat their header and split long rows, label–value facts.

Every string that came from the workshop passes through :class:`~exporters.pdf_text.TextSetter`
(escaped, split by font coverage); labels are the caller's own words, escaped all the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, LongTable, Paragraph, Table

from exporters.bidi_lines import BidiParagraph, base_direction, has_rtl
from exporters.long_text import PIECE_CHARS, LongText, long_text, shortened
from exporters.pdf_styles import (
    NOTICE_FILL,
    NOTICE_RULE,
    Styles,
    facts_style,
    grid_style,
    table_style,
)
from exporters.pdf_text import TextSetter, clean
from workshop.editing import TEAM_LABELS
from workshop.limits import LINE_CHARS, TEXT_CHARS
from workshop.model import Team

Cell: TypeAlias = str | Flowable
# Styles that hold one line of a field (a title, a client): a stored text longer than a
# line accepts is shortened there. Any other text prints whole up to ten times the longest
# a field accepts (a library from before the limits may hold a 100 KB profile), and is
# shortened beyond that: a million characters would be a thousand pages.
_ONE_LINE_STYLES = frozenset({"kicker", "title", "subtitle", "h1", "h2"})
PRINTED_CHARS = 10 * TEXT_CHARS


def team_label(value: str) -> str:
    try:
        return TEAM_LABELS[Team(value)]
    except ValueError:
        return value


class PdfPieces:
    """Builds flowables for one document; ``width`` is the frame's usable width in points."""

    def __init__(self, setter: TextSetter, styles: Styles, width: float) -> None:
        self.setter = setter
        self.styles = styles
        self.width = width
        self._number = 0

    def para(self, text: str, style_name: str = "body") -> Flowable:
        """``text`` in the named style; a long text in pieces (:mod:`exporters.long_text`),
        one longer than any field accepts shortened with a note."""
        style = getattr(self.styles, style_name)
        face = style.fontName
        limit = LINE_CHARS if style_name in _ONE_LINE_STYLES else PRINTED_CHARS
        text = shortened(text, limit)
        if len(text) > PIECE_CHARS:
            text = clean(text)  # cut into pieces as it will print (markup cleans short ones)
        if has_rtl(text) and base_direction(text) == "R" and style.alignment == TA_LEFT:
            style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        return long_text(
            text, style, lambda piece, look: BidiParagraph(self.setter.markup(piece, face), look)
        )

    def cell(self, text: str, bold: bool = False) -> Flowable:
        return self.para(text or "—", "cell_bold" if bold else "cell")

    def heading(self, title: str) -> list[Flowable]:
        self._number += 1
        # Room for the heading and a few lines, or a new page: a heading never ends a page.
        return [CondPageBreak(110), self.para(f"{self._number}. {title}", "h1")]

    def subheading(self, title: str) -> list[Flowable]:
        return [CondPageBreak(80), self.para(title, "h2")]

    def table(
        self,
        header: Sequence[Cell],
        rows: Sequence[Sequence[Cell | list[Flowable]]],
        fractions: Sequence[float],
    ) -> Flowable:
        """A table that repeats its header on every page and lets long cells wrap and split."""
        head = [self.para(h, "header_cell") if isinstance(h, str) else h for h in header]
        body = [[self.cell(c) if isinstance(c, str) else c for c in row] for row in rows]
        widths = [self.width * f for f in fractions]
        table = LongTable(
            [head, *body],
            colWidths=widths,
            repeatRows=1,
            splitInRow=int(_has_long_text(rows)),
            hAlign="LEFT",
        )
        table.setStyle(grid_style())
        return table

    def facts(self, pairs: Sequence[tuple[str, str]], label_share: float = 0.28) -> Flowable:
        rows = [[self.para(k, "label"), self.cell(v)] for k, v in pairs]
        widths = [self.width * label_share, self.width * (1 - label_share)]
        long_text = _has_long_text([[v] for _k, v in pairs])
        table = LongTable(rows, colWidths=widths, splitInRow=int(long_text), hAlign="LEFT")
        table.setStyle(facts_style())
        return table

    def none_yet(self, what: str) -> Paragraph:
        return self.para(what, "muted")

    def notice(self, rows: list[list[Flowable]], padding: list[tuple[object, ...]]) -> Table:
        """``rows`` on the notice fill with a rule down the left edge, for what a reader must
        not miss; ``padding`` sets the top and bottom padding of its rows."""
        box = Table(rows, colWidths=[self.width], splitByRow=1)
        box.setStyle(
            table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), NOTICE_FILL),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, NOTICE_RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    *padding,
                ]
            )
        )
        return box


# A row holding this much text may be split across pages; shorter rows move whole.
LONG_CELL = 1200


def _has_long_text(rows: Sequence[Sequence[object]]) -> bool:
    return (
        any(isinstance(c, str) and len(c) > LONG_CELL for row in rows for c in row)
        or any(isinstance(c, LongText) for row in rows for c in row)
        or any(isinstance(c, Paragraph) and len(c.text) > LONG_CELL for row in rows for c in row)
        or any(
            isinstance(c, list)
            and any(isinstance(f, Paragraph) and len(f.text) > LONG_CELL for f in c)
            for row in rows
            for c in row
        )
    )
