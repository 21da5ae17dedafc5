"""`main.py funnel`: the reverse funnel on the command line, as a table or JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FULL = (
    "--revenue-target",
    "800000",
    "--average-deal",
    "18000",
    "--marketing-share",
    "60%",
    "--mql-to-sql",
    "0.25",
    "--sql-to-won",
    "25",
    "--months",
    "12",
)


def funnel(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "funnel", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def table(stdout: str) -> dict[str, tuple[str, str]]:
    rows = {}
    for line in stdout.splitlines():
        parts = line.split()
        if parts and parts[0] in ("Deals", "SQLs", "MQLs"):
            rows[parts[0]] = (parts[1], parts[2])
    return rows


def test_two_inputs_count_every_rate_as_100_percent_over_12_months() -> None:
    result = funnel("--revenue-target", "800k", "--average-deal", "€18,000")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    # 800,000 ÷ 18,000 = 44.4 -> 45 deals, SQLs and MQLs; 45 ÷ 12 = 3.75 -> 4 a month.
    assert table(result.stdout) == {"Deals": ("45", "4"), "SQLs": ("45", "4"), "MQLs": ("45", "4")}
    assert "100 %" in result.stdout and "12 months" in result.stdout


def test_the_full_form_prints_an_aligned_table_and_the_inputs() -> None:
    result = funnel(*FULL)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Stage", "For", "the", "period", "Per", "month"]
    assert table(result.stdout) == {
        "Deals": ("27", "3"),
        "SQLs": ("108", "9"),
        "MQLs": ("432", "36"),
    }
    # Right-aligned numbers: every table line ends in the same column.
    assert len({len(line) for line in lines[:4]}) == 1
    inputs = lines[4]
    for shown in ("800,000", "18,000", "60 %", "MQL→SQL rate 25 %", "SQL→won rate 25 %", "12"):
        assert shown in inputs


def test_json_is_one_object_with_counts_and_inputs_as_strings() -> None:
    result = funnel(*FULL, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "deals": 27,
        "sqls": 108,
        "mqls": 432,
        "deals_per_month": 3,
        "sqls_per_month": 9,
        "mqls_per_month": 36,
        "months": 12,
        "revenue_target": "800000",
        "average_deal": "18000",
        "marketing_share": "0.6",
        "mql_to_sql": "0.25",
        "sql_to_won": "0.25",
    }


def test_json_with_defaults_and_the_largest_numbers() -> None:
    result = funnel("--revenue-target", "1e15", "--average-deal", "3", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["deals"] == data["sqls"] == data["mqls"] == -(-(10**15) // 3)
    assert data["months"] == 12
    assert data["marketing_share"] == data["mql_to_sql"] == data["sql_to_won"] == "1"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--revenue-target", "abc", "--average-deal", "18000"), "revenue target"),
        (("--revenue-target", "0", "--average-deal", "18000"), "more than 0"),
        (("--revenue-target", "800000", "--average-deal", "-5"), "average deal size"),
        (("--revenue-target", "", "--average-deal", "18000"), "needs the revenue target"),
        ((*FULL[:4], "--mql-to-sql", "150%"), "MQL→SQL rate"),
        ((*FULL[:4], "--sql-to-won", "0"), "SQL→won rate"),
        ((*FULL[:4], "--marketing-share", "lots"), "not a number or percentage"),
        ((*FULL[:4], "--months", "0"), "period length"),
        ((*FULL[:4], "--months", "13.5"), "whole number of months"),
        ((*FULL, "--json", "--months=121"), "period length"),
        (("--revenue-target", "1e30", "--average-deal", "3"), "at most 1,000,000,000,000,000"),
        ((*FULL[:2], "--average-deal", "1e309"), "average deal size can be at most"),
    ],
)
def test_a_bad_value_is_one_sentence_and_exit_status_2(args: tuple[str, ...], words: str) -> None:
    result = funnel(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0] and lines[0].endswith(".")
    assert "Traceback" not in result.stderr


def test_a_missing_option_is_a_usage_error_with_status_2() -> None:
    result = funnel("--revenue-target", "800000")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "--average-deal" in result.stderr


def test_the_funnel_command_loads_no_database_or_interface_library() -> None:
    code = (
        "import sys, main\n"
        "main.main(['funnel', '--revenue-target', '1', '--average-deal', '1'])\n"
        "heavy = {'PySide6', 'shiboken6', 'sqlalchemy', 'alembic', 'reportlab'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
