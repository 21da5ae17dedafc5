"""Where the fonts for the agreement PDF live. Paths only: no PDF library is imported here,
so the interface can point at the same files (the typed-signature preview uses SCRIPT_FONT).

The body face is DejaVu Sans (Debian: fonts-dejavu-core, fonts-dejavu-extra). Characters it
lacks fall back, one by one, to IPAGothic (fonts-ipafont-gothic: Japanese), Droid Sans
Fallback (fonts-droid-fallback: Chinese), NanumGothic (fonts-nanum: Korean) and Symbola
(fonts-symbola: symbols and monochrome emoji). The script face for typed signatures ships
with Accord (``fonts/AccordScript-Regular.ttf``, SIL Open Font License, see ``fonts/OFL.txt``).
"""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
SCRIPT_FONT: Path = FONT_DIR / "AccordScript-Regular.ttf"
SCRIPT_FONT_LICENCE: Path = FONT_DIR / "OFL.txt"

_DEJAVU_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
)


def _first(names: tuple[str, ...], dirs: tuple[Path, ...]) -> Path | None:
    for folder in dirs:
        for name in names:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def dejavu(name: str) -> Path | None:
    """The DejaVu file called ``name`` (e.g. ``DejaVuSans-Bold.ttf``), if installed."""
    return _first((name,), _DEJAVU_DIRS)


# Body faces: (reportlab name, file name). The first two are required.
BODY_FACES: tuple[tuple[str, str], ...] = (
    ("DejaVuSans", "DejaVuSans.ttf"),
    ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
    ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf"),
    ("DejaVuSans-BoldOblique", "DejaVuSans-BoldOblique.ttf"),
    ("DejaVuSerif-Italic", "DejaVuSerif-Italic.ttf"),
)

# Per-character fallbacks after DejaVu Sans, in the order they are tried.
FALLBACK_FILES: tuple[tuple[str, tuple[Path, ...]], ...] = (
    ("IPAGothic", (Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),)),
    (
        "DroidSansFallback",
        (
            Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"),
        ),
    ),
    ("NanumGothic", (Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),)),
    (
        "Symbola",
        (
            Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
            Path("/usr/share/fonts/truetype/symbola/Symbola.ttf"),
        ),
    ),
)


def existing(paths: tuple[Path, ...]) -> Path | None:
    return next((p for p in paths if p.is_file()), None)
