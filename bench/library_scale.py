"""``library-scale``: the home screen on a library of 10,000 workshops, against 10.

Each side is a whole app process (see :mod:`bench.home_child`), offscreen, in the same
isolated environment as the start-up benchmarks, timed from the moment the library starts
opening to the first paint of the table of workshops. The libraries hold a workshop as
``workshop.editing.new_workshop`` makes it, with six participants, stored through the
repository once and then copied row for row under new ids, titles and change times
(with every child row the home screen does not read left out, so the library is the size of
what the screen has to read; the integrity check of a larger file would add to both).
"""

from __future__ import annotations

import sqlite3
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.processes import Child, run_child, startup_pair
from bench.report import BenchError, Result
from bench.stats import median

NAME = "library-scale"
RATIO_BUDGET = 2.0
LARGE = 10_000
SMALL = 10
PARTICIPANTS = 6


def make_library(path: Path, workshops: int) -> None:
    """A library of ``workshops`` copies of one stored workshop."""
    from storage.engine import resolve_url
    from storage.library import open_library
    from workshop.editing import new_workshop
    from workshop.model import Participant, Team

    template = new_workshop("Alignment workshop", client="Harbourline Software GmbH")
    template.participants = [
        Participant(name=f"Participant {k}", team=(Team.SALES, Team.MARKETING)[k % 2])
        for k in range(PARTICIPANTS)
    ]
    repo = open_library(resolve_url(str(path)))
    try:
        repo.add(template)
    finally:
        repo.close()
    db = sqlite3.connect(path)
    try:
        db.row_factory = sqlite3.Row
        row = dict(db.execute("SELECT * FROM workshops").fetchone())
        people = [dict(r) for r in db.execute("SELECT * FROM participants")]
        start = datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None)
        w_rows, p_rows = [], []
        for k in range(1, workshops):
            wid = uuid.uuid4().hex
            stamp = str(start + timedelta(minutes=k))
            w_rows.append({**row, "id": wid, "title": f"Workshop {k}", "updated_at": stamp})
            p_rows += [{**p, "id": uuid.uuid4().hex, "workshop_id": wid} for p in people]
        with db:
            for table, rows in (("workshops", w_rows), ("participants", p_rows)):
                if rows:
                    names = list(rows[0])
                    db.executemany(
                        f"INSERT INTO {table} ({', '.join(names)}) "
                        f"VALUES ({', '.join(':' + n for n in names)})",
                        rows,
                    )
        found = db.execute("SELECT count(*) FROM workshops").fetchone()[0]
    finally:
        db.close()
    if found != workshops:
        raise BenchError(f"the benchmark library holds {found} workshops, not {workshops}")


def open_home(child: Child, env: dict[str, str], out: Path, workshops: int) -> float:
    """One run of the child; the milliseconds it measured."""
    out.unlink(missing_ok=True)
    run_child(child, env)
    try:
        ms, rows = out.read_text(encoding="utf-8").split()
    except (OSError, ValueError):
        raise BenchError(f"{child.label} did not say how long the home screen took") from None
    if int(rows) != workshops:
        raise BenchError(f"{child.label} showed {rows} workshops, not {workshops}")
    return float(ms)


def run(quick: bool) -> list[Result]:
    runs = 2 if quick else 5
    large_n = 500 if quick else LARGE
    with startup_pair() as pair:  # the isolated environment and its warm caches
        folder = pair.folder
        sides: list[tuple[Child, Path, int]] = []
        for label, n in (("small", SMALL), ("large", large_n)):
            library = folder / f"{label}.sqlite3"
            make_library(library, n)
            out = folder / f"{label}.txt"
            command = [sys.executable, "-m", "bench.home_child", str(library), str(out)]
            sides.append((Child(f"the home screen on {n} workshops", command), out, n))
        for child, out, n in sides:  # warm-up, not measured
            open_home(child, pair.env, out, n)
        timings: dict[int, list[float]] = {n: [] for _c, _o, n in sides}
        for _ in range(runs):
            for child, out, n in sides:
                timings[n].append(open_home(child, pair.env, out, n))
    return [
        Result(
            NAME,
            median(timings[large_n]),
            "ms",
            baseline=median(timings[SMALL]),
            ratio_budget=RATIO_BUDGET,
        )
    ]
