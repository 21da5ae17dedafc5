"""The benchmark runner runs and reports; its timings never fail a test."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

NUMBER = r"\d+(?:\.\d+)?"
RATIO_LINE = re.compile(
    rf"^(?P<name>[a-z0-9-]+): {NUMBER} ms \(baseline {NUMBER} ms, ratio {NUMBER}, "
    rf"budget {NUMBER}\) (?:OK|OVER)$"
)
REPORT_LINE = re.compile(
    rf"^(?P<name>[a-z0-9-]+): {NUMBER} ms \(baseline {NUMBER} ms, ratio {NUMBER}, report only\)$"
)
ABSOLUTE_LINE = re.compile(
    rf"^(?P<name>[a-z0-9-]+): {NUMBER} ms \(budget {NUMBER} ms\) (?:OK|OVER)$"
)
REPORT_ONLY_LINE = re.compile(rf"^(?P<name>[a-z0-9-]+): {NUMBER} ms \(report only\)$")


def _named(pattern: re.Pattern[str], lines: list[str], name: str) -> list[str]:
    return [ln for ln in lines if (m := pattern.match(ln)) and m["name"] == name]


def test_quick_autosave_run_reports_every_line() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "autosave"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = done.stdout.splitlines()
    assert done.returncode in (0, 1), done.stderr  # 1 only means a budget is OVER
    assert not [ln for ln in lines if ": ERROR " in ln], done.stdout
    assert len(_named(RATIO_LINE, lines, "autosave")) == 1, done.stdout
    assert len(_named(ABSOLUTE_LINE, lines, "autosave-abs")) == 1, done.stdout
    assert len(_named(REPORT_LINE, lines, "autosave-p50")) == 1, done.stdout
    assert len(lines) == 3, done.stdout


def test_quick_seal_and_verify_report_their_times() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "seal,verify"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr  # report only: never OVER
    assert len(_named(REPORT_ONLY_LINE, lines, "seal")) == 1, done.stdout
    assert len(_named(REPORT_ONLY_LINE, lines, "verify")) == 1, done.stdout
    assert len(lines) == 2, done.stdout


def test_an_unknown_benchmark_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--only", "nonsense"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert "startup-memory" in done.stderr
    assert "ui-stall" in done.stderr


def test_quick_keystroke_run_checks_the_library_and_reports() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "keystroke"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = done.stdout.splitlines()
    assert done.returncode in (0, 1), done.stderr  # 1 only means a budget is OVER
    assert not [ln for ln in lines if ": ERROR " in ln], done.stdout
    assert len(_named(ABSOLUTE_LINE, lines, "keystroke")) == 1, done.stdout
    assert len(_named(REPORT_LINE, lines, "keystroke-p50")) == 1, done.stdout
    assert len(_named(REPORT_LINE, lines, "keystroke-p99")) == 1, done.stdout


def test_quick_scorecard_and_crm_import_runs_count_what_their_baselines_count() -> None:
    """Each checks its subject against its baseline (the same records, the same MQLs) and
    reports an ERROR line when they disagree."""
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "scorecard,crm-import"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    lines = done.stdout.splitlines()
    assert done.returncode in (0, 1), done.stderr  # 1 only means a budget is OVER
    assert not [ln for ln in lines if ": ERROR " in ln], done.stdout
    assert len(_named(RATIO_LINE, lines, "scorecard")) == 1, done.stdout
    assert len(_named(RATIO_LINE, lines, "crm-import")) == 1, done.stdout
