"""``startup``: wall time of a whole app process, against a bare PySide6 window."""

from __future__ import annotations

from bench.processes import run_child, startup_pair
from bench.report import Result
from bench.stats import median

NAME = "startup"
RATIO_BUDGET = 1.6


def run(quick: bool) -> list[Result]:
    runs = 3 if quick else 10
    subject: list[int] = []
    baseline: list[int] = []
    with startup_pair() as pair:
        for _ in range(runs):  # interleaved, so drift in machine load hits both alike
            baseline.append(run_child(pair.baseline, pair.env))
            subject.append(run_child(pair.subject, pair.env))
    return [
        Result(
            name=NAME,
            value=median(subject) / 1e6,
            unit="ms",
            baseline=median(baseline) / 1e6,
            ratio_budget=RATIO_BUDGET,
        )
    ]
