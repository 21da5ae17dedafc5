"""Running Accord's command line as a person does, in a process of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def accord(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS`` from the project folder; output captured as text."""
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
