"""What every page of Accord's PDFs carries: margins, and a footer with "Page x of y"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from exporters.fonts import REGULAR
from exporters.pdf_styles import MUTED, RULE
from workshop.i18n import _

MARGIN_X = 22 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 24 * mm


@dataclass(frozen=True)
class PageFurniture:
    footer: str  # agreement id · version · digest, without the page numbers
    draft: bool


def numbered_canvas(page: PageFurniture, on_page: Callable[[int], None]) -> type[Canvas]:
    """A canvas that holds pages back until the end, to print "Page x of y" on each."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = REGULAR  # or Helvetica creeps in, unembedded
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # ReportLab's name
            self._held.append(dict(self.__dict__))
            on_page(len(self._held))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                footer(self, page, self.getPageNumber(), total)
                super().showPage()
            super().save()

    return NumberedCanvas


def footer(canvas: Canvas, page: PageFurniture, number: int, total: int) -> None:
    width, _height = canvas._pagesize
    y = MARGIN_BOTTOM - 12 * mm
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, y + 11, width - MARGIN_X, y + 11)
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 7.5)
    canvas.drawString(MARGIN_X, y, page.footer)
    canvas.drawRightString(
        width - MARGIN_X, y, _("Page {number} of {total}").format(number=number, total=total)
    )
    canvas.restoreState()
