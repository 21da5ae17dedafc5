"""The agreement's fonts: registered with ReportLab once, all TrueType, all embedded.

Text is split into runs by coverage: each character is drawn in the first face that has a
glyph for it (DejaVu Sans, then IPAGothic, Droid Sans Fallback and Symbola where installed).
A character no face covers is reported, never printed as a silent empty box.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from exporters.arabic_shaping import typed_letters
from exporters.files import ExportError
from exporters.font_files import BODY_FACES, FALLBACK_FILES, SCRIPT_FONT, dejavu, existing
from workshop.i18n import _

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
SERIF_ITALIC = "DejaVuSerif-Italic"
SCRIPT = "AccordScript"


@dataclass(frozen=True)
class Face:
    name: str
    covers: frozenset[int]


@dataclass(frozen=True)
class FontSet:
    """The registered faces and, for each, the characters it can draw."""

    faces: dict[str, Face]
    fallbacks: tuple[str, ...]  # tried in order after a run's own face

    def chain(self, *preferred: str) -> tuple[Face, ...]:
        """The faces to try: ``preferred`` first, then the fallbacks."""
        names = (*preferred, *(n for n in self.fallbacks if n not in preferred))
        return tuple(self.faces[n] for n in names if n in self.faces)

    def face_for(self, char: str, *preferred: str) -> str | None:
        code = ord(char)
        for face in self.chain(*preferred):
            if code in face.covers:
                return face.name
        return None

    def runs(self, text: str, *preferred: str) -> list[tuple[str | None, str]]:
        """``text`` as (face name, characters) runs; ``None`` for characters no face has."""
        out: list[tuple[str | None, str]] = []
        current: str | None = preferred[0] if preferred else None
        buffer: list[str] = []
        chain = self.chain(*preferred)
        for char in text:
            code = ord(char)
            name = next((f.name for f in chain if code in f.covers), None)
            if name != current and buffer:
                out.append((current, "".join(buffer)))
                buffer = []
            current = name
            buffer.append(char)
        if buffer:
            out.append((current, "".join(buffer)))
        return out


_lock = threading.Lock()
_fonts: FontSet | None = None


def _utf16_hex(code: int) -> str:
    """The text a character code stands for, as UTF-16BE hex (surrogate pairs included);
    Arabic presentation forms stand for the letters that were typed."""
    return (typed_letters(chr(code)) or chr(code)).encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16
    surrogate pairs as the PDF standard asks (ReportLab prints ``<1F4C8>``, which text
    extraction cannot read, so an emoji would not copy or search)."""
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _register(name: str, path: Path) -> Face:
    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    covers = frozenset(code for code, glyph in font.face.charToGlyph.items() if glyph)
    return Face(name, covers)


def _map_family(family: str, normal: str, bold: str, italic: str, bold_italic: str) -> None:
    addMapping(family, 0, 0, normal)
    addMapping(family, 1, 0, bold)
    addMapping(family, 0, 1, italic)
    addMapping(family, 1, 1, bold_italic)


def _load() -> FontSet:
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    faces: dict[str, Face] = {}
    for name, file_name in BODY_FACES:
        path = dejavu(file_name)
        if path is None:
            if name in (REGULAR, BOLD):
                raise ExportError(
                    _(
                        "The DejaVu fonts the agreement is printed in are not installed; "
                        "install fonts-dejavu-core and try again."
                    )
                )
            continue
        faces[name] = _register(name, path)
    fallbacks: list[str] = []
    for name, candidates in FALLBACK_FILES:
        path = existing(candidates)
        if path is not None:
            faces[name] = _register(name, path)
            _map_family(name, name, name, name, name)
            fallbacks.append(name)
    if not SCRIPT_FONT.is_file():
        raise ExportError(
            _("The signature font that comes with Accord is missing; reinstall Accord.")
        )
    faces[SCRIPT] = _register(SCRIPT, SCRIPT_FONT)
    _map_family(SCRIPT, SCRIPT, SCRIPT, SCRIPT, SCRIPT)
    italic = ITALIC if ITALIC in faces else REGULAR
    bold_italic = BOLD_ITALIC if BOLD_ITALIC in faces else BOLD
    _map_family(REGULAR, REGULAR, BOLD, italic, bold_italic)
    _map_family(BOLD, BOLD, BOLD, bold_italic, bold_italic)
    if SERIF_ITALIC in faces:
        _map_family(SERIF_ITALIC, SERIF_ITALIC, SERIF_ITALIC, SERIF_ITALIC, SERIF_ITALIC)
    return FontSet(faces=faces, fallbacks=(REGULAR, *fallbacks))


def fonts() -> FontSet:
    """The faces, registered on first use (thread-safe; later calls cost nothing)."""
    global _fonts
    with _lock:
        if _fonts is None:
            _fonts = _load()
        return _fonts


# A typed signature is set in the script face; what it lacks falls back to a serif italic.
SCRIPT_FACES = (SCRIPT, SERIF_ITALIC)
