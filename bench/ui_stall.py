"""``ui-stall``: the longest the GUI thread stops while a large workshop is exported and
sealed through the app's own code (see :mod:`bench.stall_child`).

Each run is a whole app process in the isolated environment of the start-up benchmarks (so
the signing identity it makes lands in a temporary data folder). A 5 ms timer on the GUI
thread notes how late each of its turns comes; a run's figure is the latest turn, from the
moment the export starts until the sealed file is written. The result is the median over
the runs, so that one run caught by the machine's other load does not decide it.
``ui-stall-idle`` is the same figure for the second before the export, on the idle window:
how late the timer comes from the machine's own load alone (report only).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench.processes import Child, isolated_env, run_child
from bench.report import BenchError, Result
from bench.stats import median

NAME = "ui-stall"
ABSOLUTE_BUDGET_MS = 50.0
FACTOR = 10  # the demo grown ten times, as in export-scale


def stall_once(child: Child, env: dict[str, str], out: Path) -> tuple[float, float]:
    """Worst lateness (ms) while exporting, and on the idle window before, from one run."""
    out.unlink(missing_ok=True)
    run_child(child, env)
    try:
        worst, ticks, _export_ms, pages, idle = out.read_text(encoding="utf-8").split()
    except (OSError, ValueError):
        raise BenchError(f"{child.label} did not report its timer") from None
    if int(ticks) < 2 or int(pages) < 1:
        raise BenchError(f"{child.label} finished without exporting anything")
    return float(worst), float(idle)


def run(quick: bool) -> list[Result]:
    runs = 1 if quick else 3
    factor = 2 if quick else FACTOR
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        folder = Path(tmp)
        env = isolated_env(folder / "home", folder / "pycache")
        out = folder / "stall.txt"
        command = [sys.executable, "-m", "bench.stall_child", str(factor), str(out)]
        child = Child(f"the export of the demo grown {factor} times", command)
        stall_once(child, env, out)  # warm-up: bytecode and font caches; not measured
        measured = [stall_once(child, env, out) for _ in range(runs)]
    return [
        Result(NAME, median([m[0] for m in measured]), "ms", absolute_budget=ABSOLUTE_BUDGET_MS),
        Result(f"{NAME}-idle", median([m[1] for m in measured]), "ms"),
    ]
