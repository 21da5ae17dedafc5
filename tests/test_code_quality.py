"""The code stays lint-clean and strictly typed, the GUI included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_package_and_the_entry_point_type_check_strictly() -> None:
    # The GUI too: a swapped argument in an undo command is a type error before it is a crash.
    result = run("mypy", "--strict", "workshop", "storage", "exporters", "ui", "cli", "main.py")
    assert result.returncode == 0, result.stdout + result.stderr
