"""A hurried user, at random but replayably: each seed starts the real main window on a
library (with the demo workshop, or empty) and takes a hundred or more actions — buttons,
menus, shortcuts, hostile text in every field, table cells through their editors, answers to
every dialog, background work that finishes late. Any uncaught exception, Qt warning, crash
or hang fails the run, with the seed and the last actions that led to it.

The fixed seeds run everywhere; outside CI each run adds one fresh seed, printed in the test
id. ``ACCORD_MONKEY_SEED=demo:N`` (or ``empty:N``, or ``N`` for both libraries) replays one
seed, ``ACCORD_MONKEY_STEPS=N`` changes the number of steps.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.monkey import report

ROOT = Path(__file__).resolve().parents[2]
CI_SEEDS: tuple[tuple[str, int], ...] = (
    ("demo", 1),
    ("demo", 2),
    ("demo", 3),
    ("empty", 1),
    ("empty", 2),
)
LIBRARIES = ("demo", "empty")
# The fixed seeds' steps keep all five well within a minute on two cores (each run also
# starts Python, Qt and the PDF helper); a fresh seed, run locally, goes further.
STEPS, FRESH_STEPS = 100, 300
# A run takes about 10 s; a hang is caught inside it (one step over STEP_HANG seconds). The
# whole run's limit only guards against the watchdog itself failing, so it is generous:
# a loaded machine is slow, not hung.
STEP_HANG = 60
RUN_TIMEOUT = 900


def runs() -> list[tuple[str, int]]:
    replay = os.environ.get("ACCORD_MONKEY_SEED", "").strip()
    if replay:
        library, _, seed = replay.rpartition(":")
        if library:
            return [(library, int(seed))]
        return [(name, int(seed)) for name in LIBRARIES]
    chosen = list(CI_SEEDS)
    if not os.environ.get("CI"):
        fresh = int.from_bytes(os.urandom(4), "big")
        chosen.append((LIBRARIES[fresh % 2], fresh))
    return chosen


def steps_for(library: str, seed: int) -> int:
    chosen = os.environ.get("ACCORD_MONKEY_STEPS", "").strip()
    if chosen:
        return int(chosen)
    return STEPS if (library, seed) in CI_SEEDS else FRESH_STEPS


def replay_command(library: str, seed: int) -> str:
    return (
        f"ACCORD_MONKEY_SEED={library}:{seed} ACCORD_MONKEY_STEPS={steps_for(library, seed)} "
        ".venv/bin/python -m pytest tests/ui/test_explore.py"
    )


@pytest.mark.timeout(RUN_TIMEOUT + 60)
@pytest.mark.parametrize(("library", "seed"), runs(), ids=lambda v: str(v))
def test_a_hurried_user_breaks_nothing(
    library: str,
    seed: int,
    request: pytest.FixtureRequest,
    library_path: Path,
    settings_path: Path,
    tmp_path: Path,
) -> None:
    assert library in LIBRARIES
    if library == "demo":
        request.getfixturevalue("demo_workshop")
    log = tmp_path / "actions.log"
    steps = steps_for(library, seed)
    print(f"monkey: seed {library}:{seed}, {steps} steps — replay: {replay_command(library, seed)}")
    command = [
        sys.executable,
        "-m",
        "tests.ui.monkey",
        "--database",
        str(library_path),
        "--settings",
        str(settings_path),
        "--seed",
        str(seed),
        "--steps",
        str(steps),
        "--log",
        str(log),
        "--hang-after",
        str(STEP_HANG),
    ]
    heading = f"Seed {library}:{seed} failed. Replay: {replay_command(library, seed)}"
    try:
        run = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=RUN_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired as exc:
        stderr = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else ""
        text = log.read_text(encoding="utf-8") if log.exists() else ""
        pytest.fail(f"{heading}\nIt hung.\n{report(text, stderr)}", pytrace=False)
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    verdict = text.rstrip().rpartition("\n")[2]
    if run.returncode == 0 and verdict == "PASSED":
        return
    if verdict == "FAILED":
        how = "" if run.returncode >= 0 else f"(and then crashed, signal {-run.returncode})\n"
        pytest.fail(f"{heading}\n{how}{report(text)}", pytrace=False)
    if run.returncode < 0:
        how = f"It crashed (signal {-run.returncode})"
    elif "Timeout" in run.stderr:
        how = f"It hung (one step took over {STEP_HANG} s)"
    else:
        how = f"It stopped with exit status {run.returncode}"
    if verdict == "PASSED":
        how += " after its last action"
    pytest.fail(f"{heading}\n{how}.\n{report(text, run.stderr)}", pytrace=False)
