"""Every test runs offscreen, with every user directory pointed at a temporary folder."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _offscreen_screen() -> str:
    """Offscreen Qt with a laptop-sized screen (the plugin's default is 800×600)."""
    config = Path(tempfile.gettempdir()) / "accord-test-screen.json"
    screen = {"name": "Test", "x": 0, "y": 0, "width": 1600, "height": 1000, "dpr": 1}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96}
    config.write_text(json.dumps({"screens": [screen]}))
    return f"offscreen:configfile={config}"


os.environ["QT_QPA_PLATFORM"] = _offscreen_screen()

TESTS = Path(__file__).resolve().parent

# The slow tier, marked here by path so that `pytest -m "not slow"` runs in under a minute
# on two cores and still covers the domain, storage, the cheaper exporter tests and the GUI
# exploratory seeds. Whole modules: subprocess commands, crash and benchmark runs, long
# PDFs, external checkers, the command line run as a program (tests/cli but for the
# in-process modules) and the GUI tests but for the exploratory ones ...
SLOW_MODULES = frozenset(
    {
        "bench/test_bench_smoke.py",
        "exporters/test_agreement_pdf.py",
        "exporters/test_hostile_text.py",
        "exporters/test_long_text.py",
        "exporters/test_pdf_process.py",
        "storage/test_crash_safety.py",
        "storage/test_stray_journal.py",
        "test_code_quality.py",
    }
)
SLOW_FOLDERS = frozenset({"cli", "ui"})
FAST_CLI_MODULES = frozenset({"cli/test_cli_ids.py", "cli/test_cli_start.py"})
EXPLORE = "ui/test_explore.py"
# ... the exploratory run's first seed on each library stays in the fast tier (its other
# seeds, and a fresh one, are slow; a replayed ACCORD_MONKEY_SEED never is) ...
FAST_EXPLORE_RUNS = frozenset({("demo", 1), ("empty", 1)})
# ... and single tests that take a second or more in otherwise quick modules: long PDFs,
# sealing, property tests with many large examples, 20 MB inputs, subprocesses.
SLOW_TESTS = frozenset(
    {
        "exporters/test_bidi_lines.py::test_hebrew_and_arabic_extract_in_typed_order",
        "exporters/test_bidi_lines.py::test_reordering_and_joining_lose_no_character",
        "exporters/test_calendar_ics.py::test_any_title_and_agenda_read_back_literally",
        "exporters/test_core_fonts_only.py::"
        "test_a_typed_signature_with_characters_dejavu_lacks_exports_on_core_fonts",
        "exporters/test_seal.py::test_pdfsig_reports_the_whole_document_signed_and_valid",
        "exporters/test_seal.py::test_pyhanko_finds_the_seal_intact_trusted_and_untouched",
        "exporters/test_seal_identity.py::"
        "test_a_company_pfx_is_imported_and_its_ca_makes_seals_trusted",
        "exporters/test_seal_identity.py::"
        "test_any_name_is_either_sealed_and_verified_or_refused_in_a_sentence",
        "exporters/test_stored_extremes.py::test_extreme_dates_print_and_stay_out_of_the_calendar",
        "exporters/test_stored_extremes.py::test_numbers_print_whatever_is_stored",
        "exporters/test_stored_extremes.py::"
        "test_the_agreement_of_a_workshop_with_huge_numbers_prints",
        "exporters/test_summary_pdf.py::test_a_very_long_issue_is_printed_whole_across_pages",
        "exporters/test_verify.py::test_no_flipped_bit_inside_the_sealed_ranges_verifies_as_intact",
        "storage/test_concurrency.py::"
        "test_two_libraries_open_on_one_file_write_at_once_without_loss",
        "storage/test_faults.py::test_a_bug_is_not_disguised_as_an_environment_problem",
        "storage/test_faults.py::test_no_room_for_the_copy_of_a_journal_left_over_changes_nothing",
        "storage/test_faults.py::"
        "test_a_read_only_library_with_a_journal_left_over_is_refused_untouched",
        "storage/test_repository.py::test_any_eight_bytes_inside_a_stored_text_never_stop_a_read",
        "storage/test_repository.py::test_any_unicode_is_stored_literally",
        "workshop/test_agreement.py::test_any_stored_number_has_one_canonical_spelling",
        "workshop/test_agreement.py::test_any_text_round_trips_and_digests_stably",
        "workshop/test_portable.py::test_changing_any_value",
        "workshop/test_portable.py::test_deleting_any_key_or_item",
        "workshop/test_portable.py::test_extreme_dates_are_refused_or_print",
        "workshop/test_portable.py::test_extreme_numbers_are_refused_or_print",
        "workshop/test_portable.py::test_extreme_whole_numbers_are_refused_or_print",
        "workshop/test_portable.py::test_oversized_texts_are_refused_or_print",
        "workshop/test_portable.py::test_random_json_is_refused_cleanly",
        "workshop/test_portable.py::"
        "test_twenty_megabytes_of_empty_items_are_refused_before_they_are_built",
        "workshop/test_summary.py::test_number_writes_any_stored_decimal",
    }
)


def is_slow(item: pytest.Item) -> bool:
    module = item.path.relative_to(TESTS).as_posix()
    if module == EXPLORE:
        callspec = getattr(item, "callspec", None)
        if callspec is None or os.environ.get("ACCORD_MONKEY_SEED"):
            return False
        run = (callspec.params.get("library"), callspec.params.get("seed"))
        return run not in FAST_EXPLORE_RUNS
    if module in SLOW_MODULES:
        return True
    if module.split("/")[0] in SLOW_FOLDERS and module not in FAST_CLI_MODULES:
        return True
    function = getattr(item, "originalname", item.name)
    return f"{module}::{function}" in SLOW_TESTS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if is_slow(item):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        target = home / sub
        target.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(target))
    monkeypatch.delenv("ACCORD_DATABASE_URL", raising=False)
    yield


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


@pytest.fixture
def repo(library_path: Path):  # type: ignore[no-untyped-def]
    from storage.engine import resolve_url
    from storage.library import open_library

    repository = open_library(resolve_url(str(library_path)))
    yield repository
    repository.close()
