"""Named paragraph and table styles for the agreement: one calm, consistent hierarchy."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from exporters.fonts import BOLD, REGULAR

INK = colors.HexColor("#1d2530")
MUTED = colors.HexColor("#5b6573")
RULE = colors.HexColor("#c9d0d8")
HEADER_FILL = colors.HexColor("#eef1f5")
ACCENT = colors.HexColor("#24476b")
NOTICE_FILL = colors.HexColor("#fff6e0")
NOTICE_RULE = colors.HexColor("#d9a21b")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_centre: ParagraphStyle
    cell_number: ParagraphStyle
    header_cell: ParagraphStyle
    header_centre: ParagraphStyle
    header_number: ParagraphStyle
    kicker: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    label: ParagraphStyle
    notice: ParagraphStyle


def make_styles() -> Styles:
    base = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=9.5,
        leading=13.5,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=6,
        splitLongWords=1,
        wordWrap=None,
        allowWidows=0,
        allowOrphans=0,
    )
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5, spaceAfter=0)
    return Styles(
        body=base,
        small=ParagraphStyle("small", parent=base, fontSize=8.5, leading=11.5),
        muted=ParagraphStyle("muted", parent=base, fontSize=8.5, leading=11.5, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_centre=ParagraphStyle("cell_centre", parent=cell, alignment=TA_CENTER),
        cell_number=ParagraphStyle("cell_number", parent=cell, alignment=TA_RIGHT),
        header_cell=ParagraphStyle(
            "header_cell", parent=cell, fontName=BOLD, fontSize=8, textColor=MUTED
        ),
        header_centre=ParagraphStyle(
            "header_centre",
            parent=cell,
            fontName=BOLD,
            fontSize=8,
            textColor=MUTED,
            alignment=TA_CENTER,
        ),
        header_number=ParagraphStyle(
            "header_number",
            parent=cell,
            fontName=BOLD,
            fontSize=8,
            textColor=MUTED,
            alignment=TA_RIGHT,
        ),
        kicker=ParagraphStyle(
            "kicker",
            parent=base,
            fontName=BOLD,
            fontSize=9,
            leading=12,
            textColor=ACCENT,
            spaceAfter=10,
        ),
        title=ParagraphStyle(
            "title", parent=base, fontName=BOLD, fontSize=24, leading=30, spaceAfter=8
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=base, fontSize=13, leading=18, textColor=MUTED, spaceAfter=24
        ),
        h1=ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD,
            fontSize=13,
            leading=17,
            textColor=ACCENT,
            spaceBefore=16,
            spaceAfter=8,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=10,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
        ),
        label=ParagraphStyle("label", parent=cell, fontName=BOLD, textColor=MUTED),
        notice=ParagraphStyle("notice", parent=base, spaceAfter=3),
    )


def table_style(commands: list[tuple[object, ...]]) -> TableStyle:
    """``commands`` with the body face set for every cell (a table's own default is an
    unembedded Helvetica, which would otherwise appear in the PDF's font list)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 9), *commands])


def grid_style(header_rows: int = 1) -> TableStyle:
    """Thin rules, a tinted header row, room to breathe in every cell."""
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, INK),
        ]
    return table_style(commands)


def facts_style() -> TableStyle:
    """Label–value pairs: no header, hairlines between rows."""
    return table_style(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK),
        ]
    )
