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
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from exporters.agreement_sections import SectionBuilder, full_story
from exporters.files import ExportError
from exporters.fonts import BOLD, fonts
from exporters.long_text import metadata
from exporters.pdf_pages import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PageFurniture,
    numbered_canvas,
)
from exporters.pdf_styles import make_styles
from exporters.pdf_text import TextSetter
from exporters.signature_art import SealPlace
from workshop.agreement import Agreement, digest, short_digest
from workshop.i18n import _
from workshop.model import AgreementVersion, VersionStatus

PAGE_SIZES = {"A4": A4, "LETTER": LETTER}
KEYWORD_PREFIX = "accord-agreement-sha256:"


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int
    # 0-based page and (x1, y1, x2, y2) in points, origin bottom-left: an empty area kept
    # free on the audit page for the visible stamp of an electronic seal.
    seal_box: tuple[int, tuple[float, float, float, float]]
    missing_glyphs: tuple[str, ...]  # characters no embedded font could draw


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
    page = PageFurniture(footer=footer, draft=draft)

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
        title=metadata(title),
        author="Accord",
        subject=_("Sales–marketing performance agreement, version {number}").format(
            number=version.number
        )
        + (f" — {metadata(agreement.client)}" if agreement.client else ""),
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
    doc.build(story, canvasmaker=numbered_canvas(page, pages.append))
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
