"""``growth``: how export and autosave cost grows with the workshop, at 1x, 10x and 100x.

The workshops are the demo and the demo grown (see :mod:`bench.workshops`). For each size:
one render of its newest agreement version (total, and per page against the demo's), and
the p50 and p99 of edits of an activity's description through the repository, each size in
a library of its own, against the demo's. Everything here is reported, not budgeted: the
budgets on growth are ``export-scale`` and ``library-scale``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.autosave import Subject
from bench.export import render_workshop
from bench.report import BenchError, Result
from bench.stats import percentile
from bench.workshops import grown

NAME = "growth"
FACTORS = (1, 10, 100)
QUICK_FACTORS = (1, 2)


def autosave_ms(factor: int, edits: int, warmup: int) -> tuple[float, float]:
    """p50 and p99 (ms) of ``edits`` description edits on the demo grown ``factor`` times."""
    samples: list[int] = []
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        subject = Subject(Path(tmp) / "library.sqlite3", grown(factor))
        try:
            for i in range(warmup):
                subject.edit(i)
            samples = [subject.edit(i) for i in range(warmup, warmup + edits)]
            last = warmup + edits - 1
            if not subject.stored(last).startswith(f"Edit {last}:"):
                raise BenchError("the last edit was not found in the library after commit")
        finally:
            subject.close()
    return percentile(samples, 50) / 1e6, percentile(samples, 99) / 1e6


def run(quick: bool) -> list[Result]:
    factors = QUICK_FACTORS if quick else FACTORS
    edits, warmup = (100, 10) if quick else (1000, 50)
    render_workshop(1)()  # fonts and modules; not measured
    export: dict[int, tuple[float, int]] = {}
    saves: dict[int, tuple[float, float]] = {}
    for factor in factors:
        rendered = render_workshop(factor)()
        export[factor] = (rendered.ms, rendered.pages)
        saves[factor] = autosave_ms(factor, edits, warmup)
    one_ms, one_pages = export[1]
    results: list[Result] = []
    for factor in factors:
        ms, pages = export[factor]
        p50, p99 = saves[factor]
        size = f"{NAME}-{factor}x"
        results += [
            Result(f"{size}-export", ms, "ms"),
            Result(f"{size}-export-page", ms / pages, "ms", baseline=one_ms / one_pages),
            Result(f"{size}-autosave-p50", p50, "ms", baseline=saves[1][0]),
            Result(f"{size}-autosave-p99", p99, "ms", baseline=saves[1][1]),
        ]
    return results
