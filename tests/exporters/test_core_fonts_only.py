"""On a machine with only fonts-dejavu-core (no serif italic, no CJK or symbol fallbacks),
every export still works: a typed signature falls back to the faces there are, and the
characters none of them has are named."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys
from dataclasses import replace
from pathlib import Path

from exporters import font_files

core = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}  # what fonts-dejavu-core has of ours
real = font_files.dejavu
font_files.dejavu = lambda name: real(name) if name in core else None
font_files.FALLBACK_FILES = ()
from exporters import fonts

fonts.dejavu = font_files.dejavu
fonts.FALLBACK_FILES = ()
from tests.exporters.pdf_samples import demo_agreement, page_texts, render, version_for
from tests.exporters.pdf_samples import WORKSHOP_ID

agreement = demo_agreement()
version = version_for(agreement, typed_name=sys.argv[1])
done = render(agreement, version, workshop_id=WORKSHOP_ID, app_version="1")
text = "\\n".join(page_texts(done.data))
print(json.dumps({"missing": sorted(done.missing_glyphs), "text": text,
                  "faces": sorted(fonts.fonts().faces)}))
"""


def test_a_typed_signature_with_characters_dejavu_lacks_exports_on_core_fonts() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, "Tobias 山田 Brandt"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert "DejaVuSerif-Italic" not in out["faces"]
    assert {"山", "田"} <= set(out["missing"])
    assert "Tobias" in out["text"]
