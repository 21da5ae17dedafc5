"""The slow tier's lists in tests/conftest.py name tests that exist, and the fast tier keeps
an exploratory GUI run on each kind of library."""

from __future__ import annotations

import re

import pytest

from tests.conftest import (
    EXPLORE,
    FAST_CLI_MODULES,
    FAST_EXPLORE_RUNS,
    SLOW_FOLDERS,
    SLOW_MODULES,
    SLOW_TESTS,
    TESTS,
)


def test_every_slow_module_and_folder_exists() -> None:
    for module in SLOW_MODULES | FAST_CLI_MODULES:
        assert (TESTS / module).is_file(), module
    for folder in SLOW_FOLDERS:
        assert (TESTS / folder).is_dir(), folder


def test_every_slow_test_is_defined_in_its_module() -> None:
    for name in SLOW_TESTS:
        module, function = name.split("::")
        assert module not in SLOW_MODULES, name  # already slow as a whole
        source = (TESTS / module).read_text(encoding="utf-8")
        assert re.search(rf"^def {re.escape(function)}\(", source, re.MULTILINE), name


def test_the_fast_tier_explores_each_kind_of_library_with_a_fixed_seed() -> None:
    if not (TESTS / EXPLORE).is_file():
        pytest.skip(f"tests/{EXPLORE} is not in this checkout")
    from tests.ui.test_explore import CI_SEEDS, LIBRARIES

    assert set(FAST_EXPLORE_RUNS) <= set(CI_SEEDS)
    assert {library for library, _ in FAST_EXPLORE_RUNS} == set(LIBRARIES)
