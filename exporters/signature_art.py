"""Signatures as vector paths, typed names in the script face, and the seal's reserved space.

Drawn strokes arrive normalised to the signature pad: 0 ≤ x, y ≤ 1 with y growing downwards,
on a pad three times as wide as it is high. They are drawn into a 3:1 box with y flipped,
smoothed into Bézier curves through the midpoints; nothing is ever rasterised.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from exporters.bidi_lines import visual_line
from exporters.fonts import SCRIPT_FACES
from exporters.pdf_styles import INK
from exporters.pdf_text import PLACEHOLDER_COLOUR, TextSetter, clean
from workshop.model import Signature, SignatureKind

SIGNATURE_INK = "#1b2f5e"
ASPECT = 3.0  # the pad's width : height


def _point(raw: Sequence[float]) -> tuple[float, float] | None:
    try:
        x, y = float(raw[0]), float(raw[1])
    except (TypeError, ValueError, IndexError):
        return None
    if not (math.isfinite(x) and math.isfinite(y)):
        return None
    return min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)


def draw_strokes(
    canvas: Canvas,
    strokes: Sequence[Sequence[Sequence[float]]],
    x: float,
    y: float,
    width: float,
) -> None:
    """Draw ``strokes`` into the 3:1 box whose bottom-left corner is (x, y)."""
    height = width / ASPECT

    def place(p: tuple[float, float]) -> tuple[float, float]:
        return x + p[0] * width, y + (1.0 - p[1]) * height

    canvas.saveState()
    canvas.setStrokeColor(SIGNATURE_INK)
    canvas.setLineWidth(max(0.9, width / 160))
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    for stroke in strokes:
        points = [place(p) for p in (_point(r) for r in stroke) if p is not None]
        if not points:
            continue
        path = canvas.beginPath()
        path.moveTo(*points[0])
        if len(points) == 1:
            path.lineTo(points[0][0] + 0.01, points[0][1])  # a dot: round caps make it show
        elif len(points) == 2:
            path.lineTo(*points[1])
        else:
            previous_mid = points[0]
            for current, following in pairwise(points[1:]):
                mid = ((current[0] + following[0]) / 2, (current[1] + following[1]) / 2)
                c1 = (
                    previous_mid[0] + 2 / 3 * (current[0] - previous_mid[0]),
                    previous_mid[1] + 2 / 3 * (current[1] - previous_mid[1]),
                )
                c2 = (
                    mid[0] + 2 / 3 * (current[0] - mid[0]),
                    mid[1] + 2 / 3 * (current[1] - mid[1]),
                )
                path.curveTo(*c1, *c2, *mid)
                previous_mid = mid
            path.lineTo(*points[-1])
        canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def draw_typed(
    canvas: Canvas, setter: TextSetter, name: str, x: float, y: float, width: float
) -> None:
    """``name`` in the script face, as large as fits the 3:1 box at (x, y)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    height = width / ASPECT
    runs = setter.runs(visual_line(clean(name).replace("\n", " ").strip()), *SCRIPT_FACES)
    size = height * 0.62
    natural = sum(stringWidth(text, face, size) for face, text, _ in runs)
    if natural > width:
        size *= width / natural
    canvas.saveState()
    cursor = x
    baseline = y + height * 0.28
    for face, text, placeholder in runs:
        canvas.setFillColor(PLACEHOLDER_COLOUR if placeholder else SIGNATURE_INK)
        canvas.setFont(face, size)
        canvas.drawString(cursor, baseline, text)
        cursor += stringWidth(text, face, size)
    canvas.restoreState()


class SignatureArt(Flowable):  # type: ignore[misc]
    """A signature (drawn or typed) in a box 3 × as wide as high; empty when not signed."""

    def __init__(self, signature: Signature | None, setter: TextSetter, width: float) -> None:
        super().__init__()
        self.signature = signature
        self.setter = setter
        self.width = width
        self.height = width / ASPECT

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        signature = self.signature
        if signature is None:
            return
        if signature.kind == SignatureKind.TYPED:
            draw_typed(self.canv, self.setter, signature.typed_name, 0, 0, self.width)
        else:
            draw_strokes(self.canv, signature.strokes, 0, 0, self.width)


@dataclass
class SealPlace:
    """Where :class:`SealSpace` ended up: 0-based page and (x1, y1, x2, y2) in points."""

    page: int = -1
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    seen: list[int] = field(default_factory=list)


class SealSpace(Flowable):  # type: ignore[misc]
    """An empty area kept free for the visible stamp of a later electronic seal."""

    def __init__(self, place: SealPlace, width: float = 240, height: float = 70) -> None:
        super().__init__()
        self.place = place
        self.width = width
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        self.place.page = self.canv.getPageNumber() - 1
        self.place.box = (
            round(x, 2),
            round(y, 2),
            round(x + self.width, 2),
            round(y + self.height, 2),
        )
        self.place.seen.append(self.place.page)


__all__ = ["INK", "SealPlace", "SealSpace", "SignatureArt", "draw_strokes", "draw_typed"]
