"""'export ID --out FILE.pdf': the agreement from the command line, one sentence on errors."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.run_accord import accord

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, str]:
    library = tmp_path / "library.sqlite3"
    created = accord("--database", str(library), "demo")
    assert created.returncode == 0, created.stderr
    return library, created.stdout.strip()


def test_exports_the_newest_version(demo: tuple[Path, str], tmp_path: Path) -> None:
    library, workshop_id = demo
    out = tmp_path / "out folder" / "Agreement – Harbourline.pdf"
    out.parent.mkdir()
    result = accord("--database", str(library), "export", workshop_id, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    pdf = PdfReader(BytesIO(out.read_bytes()))
    assert result.stdout.strip() == f"{out}: {len(pdf.pages)} pages"
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "SALES–MARKETING PERFORMANCE AGREEMENT" in text
    for figure in ("27", "108", "432", "36"):
        assert figure in text
    metadata = pdf.metadata
    assert metadata is not None and metadata["/Keywords"].startswith("accord-agreement-sha256:")
    digest = metadata["/Keywords"].split(":", 1)[1]
    assert digest in text
    assert round(float(pdf.pages[0].mediabox.height)) == 842  # A4 by default


def test_a_chosen_version_on_letter_paper(demo: tuple[Path, str], tmp_path: Path) -> None:
    library, workshop_id = demo
    out = tmp_path / "v1.pdf"
    result = accord(
        "--database", str(library), "export", workshop_id, "--out", str(out),
        "--version", "1", "--page-size", "Letter",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    pdf = PdfReader(BytesIO(out.read_bytes()))
    assert (float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)) == (
        612.0,
        792.0,
    )
    assert "Version 1" in pdf.pages[0].extract_text()


def test_missing_workshop_version_or_folder_is_one_sentence(
    demo: tuple[Path, str], tmp_path: Path
) -> None:
    library, workshop_id = demo
    out = tmp_path / "a.pdf"
    cases = [
        (["export", "0" * 32, "--out", str(out)], "There is no workshop with the id"),
        (["export", workshop_id, "--out", str(out), "--version", "99"], "no agreement version 99"),
        (
            ["export", workshop_id, "--out", str(tmp_path / "nowhere" / "a.pdf")],
            "does not exist; choose another place",
        ),
    ]
    for args, words in cases:
        result = accord("--database", str(library), *args)
        assert result.returncode == 1
        assert words in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
    assert not out.exists()


def test_existing_file_survives_an_unwritable_target(
    demo: tuple[Path, str], tmp_path: Path
) -> None:
    library, workshop_id = demo
    folder_as_file = tmp_path / "taken"
    folder_as_file.mkdir()
    result = accord("--database", str(library), "export", workshop_id, "--out", str(folder_as_file))
    assert result.returncode == 1
    assert "is a folder; choose a file name" in result.stderr
    assert folder_as_file.is_dir()


def test_characters_no_font_has_are_named_but_the_export_succeeds(tmp_path: Path) -> None:
    from storage.engine import resolve_url
    from storage.library import open_library
    from workshop.demo import build_demo_workshop

    library = tmp_path / "library.sqlite3"
    repo = open_library(resolve_url(str(library)))
    try:
        workshop = build_demo_workshop(dt.date(2026, 11, 23))
        workshop.title = "Offsite \U000f0000"
        repo.add(workshop)
    finally:
        repo.close()
    out = tmp_path / "agreement.pdf"
    result = accord("--database", str(library), "export", workshop.id, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "No font could draw these characters" in result.stderr
    assert "\U000f0000" in result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
