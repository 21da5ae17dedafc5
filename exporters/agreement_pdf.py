"""The agreement as a PDF: title page, numbered sections, signatures, audit record.

:func:`render` receives the composed :class:`~workshop.agreement.Agreement` and the version
being printed, and returns the bytes with what callers need to know about them (page count,
where a seal stamp may go, characters no font could draw). It never touches the library.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from exporters.agreement_sections import SectionBuilder, full_story
from exporters.files import ExportError
from exporters.fonts import BOLD, REGULAR, fonts
from exporters.pdf_styles import MUTED, RULE, make_styles
from exporters.pdf_text import TextSetter
from exporters.signature_art import SealPlace
from workshop.agreement import Agreement, digest, short_digest
from workshop.i18n import _
from workshop.model import AgreementVersion, VersionStatus

PAGE_SIZES = {"A4": A4, "LETTER": LETTER}
KEYWORD_PREFIX = "accord-agreement-sha256:"
MARGIN_X = 22 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 24 * mm


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int
    # 0-based page and (x1, y1, x2, y2) in points, origin bottom-left: an empty area kept
    # free on the audit page for the visible stamp of an electronic seal.
    seal_box: tuple[int, tuple[float, float, float, float]]
    missing_glyphs: tuple[str, ...]  # characters no embedded font could draw


@dataclass(frozen=True)
class _Page:
    footer: str  # agreement id · version · digest, without the page numbers
    draft: bool


def _numbered_canvas(page: _Page, on_page: Callable[[int], None]) -> type[Canvas]:
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
                _footer(self, page, self.getPageNumber(), total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _footer(canvas: Canvas, page: _Page, number: int, total: int) -> None:
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


def _watermark(canvas: Canvas, _doc: BaseDocTemplate) -> None:
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillColorRGB(0.55, 0.58, 0.62, alpha=0.13)
    canvas.setFont(BOLD, 120)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(52)
    canvas.drawCentredString(0, -42, "DRAFT")
    canvas.restoreState()


class _Document(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, *args: Any, progress: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._progress = progress

    def afterFlowable(self, flowable: Flowable) -> None:  # ReportLab's name
        self._progress()


def render(
    agreement: Agreement,
    version: AgreementVersion,
    *,
    workshop_id: str,
    page_size: str = "A4",
    app_version: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> RenderedPdf:
    """The agreement ``version`` as PDF bytes, on A4 or US Letter pages."""
    size = PAGE_SIZES.get(page_size.strip().upper())
    if size is None:
        raise ExportError(
            _("“{size}” is not a page size Accord prints; choose A4 or Letter.").format(
                size=page_size
            )
        )
    font_set = fonts()
    setter = TextSetter(font_set)
    full_digest = version.digest or digest(agreement)
    short = short_digest(full_digest)
    draft = version.status != VersionStatus.SIGNED
    footer = "   ·   ".join(
        [
            _("Agreement {id}").format(id=workshop_id[:8] or "—"),
            _("Version {number}").format(number=version.number),
            _("Digest {digest}").format(digest=short),
        ]
    )
    page = _Page(footer=footer, draft=draft)

    buffer = BytesIO()
    counts = {"done": 0, "total": 1}

    def step() -> None:
        counts["done"] = min(counts["done"] + 1, counts["total"])
        if progress is not None:
            progress(counts["done"], counts["total"])

    title = agreement.title or _("Untitled agreement")
    doc = _Document(
        buffer,
        progress=step,
        pagesize=size,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author="Accord",
        subject=_("Sales–marketing performance agreement, version {number}").format(
            number=version.number
        )
        + (f" — {agreement.client}" if agreement.client else ""),
        keywords=KEYWORD_PREFIX + full_digest,
        creator=f"Accord {app_version}".strip(),
    )
    # No frame padding: tables are sized to doc.width and must not stick out of the margins.
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=_watermark if draft else _nothing)]
    )
    builder = SectionBuilder(setter, make_styles(), doc.width)
    seal = SealPlace()
    story = full_story(
        builder,
        agreement,
        version,
        workshop_id=workshop_id,
        digest=full_digest,
        short_digest=short,
        app_version=app_version,
        seal=seal,
    )
    counts["total"] = len(story) + 1
    pages: list[int] = []
    doc.build(story, canvasmaker=_numbered_canvas(page, pages.append))
    if progress is not None:
        progress(counts["total"], counts["total"])
    return RenderedPdf(
        data=buffer.getvalue(),
        pages=len(pages),
        seal_box=(seal.page, seal.box),
        missing_glyphs=tuple(sorted(setter.missing)),
    )


def _nothing(_canvas: Canvas, _doc: BaseDocTemplate) -> None:
    return None
