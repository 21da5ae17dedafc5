"""Fonts: the shipped script face, per-character fallback, and no PDF library for the UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from exporters.font_files import SCRIPT_FONT, SCRIPT_FONT_LICENCE
from exporters.fonts import SCRIPT_FACES, fonts
from exporters.pdf_text import TextSetter

ROOT = Path(__file__).resolve().parents[2]


def test_the_script_font_ships_as_truetype_with_its_licence() -> None:
    data = SCRIPT_FONT.read_bytes()
    assert data[:4] == b"\x00\x01\x00\x00"  # TrueType outlines, not CFF
    assert b"glyf" in data[:1024]
    assert "SIL OPEN FONT LICENSE Version 1.1" in SCRIPT_FONT_LICENCE.read_text()
    font_set = fonts()
    for char in "AÁÉĞŁŒŠŽẞàçđęłňőřșțůźż":  # latin and latin-ext
        assert font_set.face_for(char, *SCRIPT_FACES) == "AccordScript", char
    assert font_set.face_for("Ж", *SCRIPT_FACES) == "DejaVuSerif-Italic"


def test_the_paths_module_loads_no_pdf_library() -> None:
    code = "import exporters.font_files, sys; print('reportlab' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_text_is_split_into_runs_by_coverage() -> None:
    font_set = fonts()
    runs = font_set.runs("Zoë 合意 们这 서울 📈 ok", "DejaVuSans")
    assert [name for name, _ in runs] == [
        "DejaVuSans",
        "IPAGothic",
        "DejaVuSans",
        "DroidSansFallback",
        "DejaVuSans",
        "NanumGothic",
        "DejaVuSans",
        "Symbola",
        "DejaVuSans",
    ]
    assert "".join(text for _, text in runs) == "Zoë 合意 们这 서울 📈 ok"


def test_registration_happens_once() -> None:
    assert fonts() is fonts()


def test_canvas_runs_report_missing_characters() -> None:
    setter = TextSetter(fonts())
    runs = setter.runs("Ana \U000f0000", *SCRIPT_FACES)
    assert runs[0] == ("AccordScript", "Ana ", False)
    assert runs[-1][2] is True and setter.missing == {"\U000f0000"}
