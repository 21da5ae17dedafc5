"""``startup-memory``: peak RSS of a whole app process, against a bare PySide6 window."""

from __future__ import annotations

from bench.processes import PeakRss, startup_pair
from bench.report import Result
from bench.stats import median

NAME = "startup-memory"
RATIO_BUDGET = 1.5


def run(quick: bool) -> list[Result]:
    runs = 3 if quick else 10
    subject: list[int] = []
    baseline: list[int] = []
    with startup_pair() as pair:
        peak = PeakRss(pair.folder, pair.env)
        for _ in range(runs):
            baseline.append(peak.kib(pair.baseline, pair.env))
            subject.append(peak.kib(pair.subject, pair.env))
    return [
        Result(
            name=NAME,
            value=median(subject) / 1024,
            unit="MiB",
            baseline=median(baseline) / 1024,
            ratio_budget=RATIO_BUDGET,
        )
    ]
