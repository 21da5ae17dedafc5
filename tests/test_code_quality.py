"""The code stays lint-clean and, in the core packages, strictly typed."""

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


def test_domain_storage_and_exporters_type_check_strictly() -> None:
    result = run("mypy", "--strict", "workshop", "storage", "exporters")
    assert result.returncode == 0, result.stdout + result.stderr
