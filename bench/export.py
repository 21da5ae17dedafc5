"""``export`` and ``export-scale``: building the agreement PDF in process.

``export`` renders ``workshop.versions.export_target(demo)`` with
``exporters.agreement_pdf.render``, against ReportLab laying out plain paragraphs in a
built-in font onto the same number of pages: what any ReportLab document of that length
costs. ``export-scale`` compares the time per page of the demo with that of the demo grown
ten times (see :mod:`bench.workshops`): a budget on how the cost grows, not on its level.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO

from bench.report import BenchError, Result
from bench.stats import median
from bench.workshops import grown

NAME = "export"
SCALE_NAME = "export-scale"
RATIO_BUDGET = 4.0  # demo render over plain paragraphs of the same page count
SCALE_BUDGET = 1.5  # ms per page of the 10x workshop over that of the demo
SCALE_FACTOR = 10

PLAIN_TEXT = (
    "The sales and marketing teams agree on one shared goal, a common language for the "
    "stages of a lead, who does what in the work they share, and what each team commits "
    "to deliver to the other every month, with the figures both will track. "
) * 3


@dataclass(frozen=True)
class Rendered:
    ms: float
    pages: int


def render_workshop(factor: int) -> Callable[[], Rendered]:
    """A function rendering the newest version of the demo grown ``factor`` times."""
    from exporters.agreement_pdf import render
    from workshop.versions import export_target

    workshop = grown(factor)
    agreement, version = export_target(workshop)

    def once() -> Rendered:
        start = time.perf_counter_ns()
        pdf = render(agreement, version, workshop_id=workshop.id, app_version="bench")
        elapsed = (time.perf_counter_ns() - start) / 1e6
        if not pdf.data.startswith(b"%PDF-"):
            raise BenchError("the agreement renderer returned something that is not a PDF")
        return Rendered(elapsed, pdf.pages)

    return once


def _plain(paragraphs: int) -> Rendered:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    start = time.perf_counter_ns()
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    doc.build([Paragraph(f"{k}. {PLAIN_TEXT}", style) for k in range(paragraphs)])
    elapsed = (time.perf_counter_ns() - start) / 1e6
    return Rendered(elapsed, int(doc.page))


def plain_document(pages: int) -> Callable[[], Rendered]:
    """A function building plain paragraphs onto exactly ``pages`` A4 pages: the most
    paragraphs that still fit on that many (found by bisection)."""
    low, high = 0, 8
    while _plain(high).pages <= pages:
        low, high = high, high * 2
    while high - low > 1:  # _plain(low) fits in ``pages``, _plain(high) does not
        middle = (low + high) // 2
        low, high = (middle, high) if _plain(middle).pages <= pages else (low, middle)
    if low == 0 or _plain(low).pages != pages:
        raise BenchError(f"plain paragraphs could not be made to fill {pages} pages")
    return lambda: _plain(low)


def run(quick: bool) -> list[Result]:
    runs = 3 if quick else 20
    subject = render_workshop(1)
    first = subject()  # loads fonts and modules; not measured
    baseline = plain_document(first.pages)
    baseline()
    subject_ms: list[float] = []
    baseline_ms: list[float] = []
    for _ in range(runs):
        baseline_ms.append(baseline().ms)
        subject_ms.append(subject().ms)
    return [
        Result(
            NAME,
            median(subject_ms),
            "ms",
            baseline=median(baseline_ms),
            ratio_budget=RATIO_BUDGET,
        )
    ]


def run_scale(quick: bool) -> list[Result]:
    runs = 1 if quick else 5
    small = render_workshop(1)
    large = render_workshop(2 if quick else SCALE_FACTOR)
    small()  # warm-up, not measured
    small_ms: list[float] = []
    large_ms: list[float] = []
    for _ in range(runs):
        s, big = small(), large()
        small_ms.append(s.ms / s.pages)
        large_ms.append(big.ms / big.pages)
    return [
        Result(
            SCALE_NAME,
            median(large_ms),
            "ms/page",
            baseline=median(small_ms),
            ratio_budget=SCALE_BUDGET,
        )
    ]
