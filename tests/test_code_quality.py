"""The code stays lint-clean and strictly typed, the GUI included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# A fresh clone has no mypy cache: checking every module from cold takes about 20 s of CPU,
# which on two busy cores is minutes of wall time. These are limits for a hang, not budgets.
CHECK_TIMEOUT = 540
pytestmark = pytest.mark.timeout(CHECK_TIMEOUT + 60)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=CHECK_TIMEOUT,
    )


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_package_and_the_entry_point_type_check_strictly() -> None:
    # The GUI too: a swapped argument in an undo command is a type error before it is a crash.
    result = run("mypy", "--strict", "workshop", "storage", "exporters", "ui", "cli", "main.py")
    assert result.returncode == 0, result.stdout + result.stderr
