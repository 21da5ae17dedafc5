"""``python -m bench [--quick] [--only NAME[,NAME]]``: run the benchmarks, one line each.

Exits 1 if any budget is OVER or any benchmark fails, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from bench import (
    autosave,
    crm_import,
    export,
    growth,
    keystroke,
    library_scale,
    memory,
    scorecard,
    sealing,
    startup,
    ui_stall,
)
from bench.report import BenchError, Result

Benchmark = Callable[[bool], list[Result]]

BENCHMARKS: dict[str, Benchmark] = {
    startup.NAME: startup.run,
    memory.NAME: memory.run,
    autosave.NAME: autosave.run,
    keystroke.NAME: keystroke.run,
    export.NAME: export.run,
    export.SCALE_NAME: export.run_scale,
    sealing.SEAL_NAME: sealing.run_seal,
    sealing.VERIFY_NAME: sealing.run_verify,
    library_scale.NAME: library_scale.run,
    ui_stall.NAME: ui_stall.run,
    growth.NAME: growth.run,
    crm_import.NAME: crm_import.run,
    scorecard.NAME: scorecard.run,
}


def parse_only(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown benchmark {', '.join(unknown) or repr(text)}; "
            f"choose from {', '.join(BENCHMARKS)}"
        )
    return names


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Accord's benchmarks, each against a baseline."
    )
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes and few repeats: a smoke test"
    )
    parser.add_argument(
        "--only",
        type=parse_only,
        metavar="NAME[,NAME]",
        help=f"run only these benchmarks ({', '.join(BENCHMARKS)})",
    )
    return parser


def run_one(name: str, benchmark: Benchmark, quick: bool) -> list[Result]:
    """The benchmark's results, or one ERROR result if it could not measure."""
    try:
        results = benchmark(quick)
        for result in results:
            _ = result.over  # a zero baseline raises here rather than while printing
        return results
    except BenchError as exc:
        return [Result.failed(name, str(exc))]
    except Exception as exc:
        return [Result.failed(name, f"{type(exc).__name__}: {exc}")]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    names: list[str] = args.only or list(BENCHMARKS)
    failed = False
    for name in BENCHMARKS:
        if name not in names:
            continue
        for result in run_one(name, BENCHMARKS[name], args.quick):
            print(result.line(), flush=True)
            failed = failed or result.over
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
