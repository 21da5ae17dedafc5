"""The agreement PDF: every section, the numbers, signatures as vectors, page sizes, marks."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from exporters.agreement_pdf import KEYWORD_PREFIX, render
from exporters.fonts import fonts
from tests.exporters.pdf_samples import (
    WORKSHOP_ID,
    demo_agreement,
    page_texts,
    pdffonts,
    reader,
    render_demo,
    squash,
    version_for,
)
from workshop.agreement import DefinitionTerms, KpiTerms, digest

HEADINGS = (
    "1. Parties and term",
    "2. Shared goal and objectives",
    "3. Funnel plan",
    "4. Definitions",
    "5. Ideal customer profile",
    "6. Shared responsibilities",
    "7. Commitments",
    "8. Key performance indicators",
    "9. Reporting and meeting cadence",
    "10. Escalation",
    "11. Signatures",
    "Audit record",
)


@pytest.fixture(scope="module")
def signed_a4() -> bytes:
    return render_demo(signed=True).data


def test_every_section_name_and_number_is_in_the_text(signed_a4: bytes) -> None:
    text = "\n".join(page_texts(signed_a4))
    for heading in HEADINGS:
        assert heading in text
    positions = [text.index(h) for h in HEADINGS]
    assert positions == sorted(positions), "sections are printed in order"
    agreement = demo_agreement()
    names = [s.name for s in agreement.signatories] + list(agreement.parties)
    names += [k.owner for k in agreement.kpis] + [agreement.facilitator, agreement.client]
    for name in names:
        assert squash(name) in squash(text), name
    funnel = text[text.index("3. Funnel plan") : text.index("4. Definitions")]
    for figure in ("27", "108", "432", "36", "800,000", "18,000", "60 %", "25 %"):
        assert re.search(rf"(?<![\d,]){re.escape(figure)}(?![\d,])", funnel), figure
    assert digest(agreement) in text
    assert "Created with Accord 9.8.7" in text


def test_info_dictionary_carries_the_digest(signed_a4: bytes) -> None:
    info = reader(signed_a4).metadata
    assert info is not None
    assert info["/Keywords"] == KEYWORD_PREFIX + digest(demo_agreement())
    assert info["/Author"] == "Accord"
    assert info["/Title"] == "Sales & Marketing Alignment Offsite"
    assert "performance agreement, version 3" in info["/Subject"]


def test_footer_on_every_page(signed_a4: bytes) -> None:
    texts = page_texts(signed_a4)
    short = digest(demo_agreement())[:4]
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert f"Agreement {WORKSHOP_ID[:8]}" in text
        assert "Version 3" in text
        assert f"Digest {short}" in text


def test_every_font_is_embedded_including_fallbacks(tmp_path: Path) -> None:
    rendered = render_demo(
        title="Alignment 合意書 — Ελληνικά — Кириллица — 한국어 ☂ ♞",
        ideal_customer_profile="Customers in 東京, 서울 and 上海 (我们这里) 📈",
    )
    path = tmp_path / "agreement.pdf"
    path.write_bytes(rendered.data)
    found = pdffonts(path)
    names = " ".join(name for name, _ in found)
    assert all(emb == "yes" for _, emb in found), found
    for face in ("DejaVuSans", "DejaVuSans-Bold", "AccordScript", "IPAGothic"):
        assert face in names, face
    assert "Droid" in names  # simplified Chinese is not in IPAGothic
    assert "NanumGothic" in names  # nor is Hangul, in either
    assert "Symbola" in names  # the chart emoji
    assert "Helvetica" not in names
    text = "\n".join(page_texts(rendered.data))
    assert "合意書" in text and "서울" in text and "我们这里" in text and "📈" in text
    assert rendered.missing_glyphs == ()


def _signatures_page(data: bytes) -> int:
    texts = page_texts(data)
    return next(i for i, t in enumerate(texts) if "11. Signatures" in t)


def test_signatures_are_vector_paths_not_images(signed_a4: bytes) -> None:
    pdf = reader(signed_a4)
    index = _signatures_page(signed_a4)
    page = pdf.pages[index]
    stream = page.get_contents().get_data().decode("latin-1")
    number = r"-?[\d.]+"
    assert re.search(rf"{number} {number} m( {number}){{6}} c ", stream), "Bézier curves"
    assert re.search(rf"{number} {number} l\n", stream), "line segments"
    assert re.search(r"(?m)^S$", stream), "stroked, not filled or imaged"
    resources = page["/Resources"]
    xobjects = resources.get("/XObject", {})
    for ref in xobjects.values() if xobjects else ():
        assert ref.get_object().get("/Subtype") != "/Image"
    text = page.extract_text()
    assert "Signed 2026-12-01 15:42 UTC" in text
    for name in ("Tobias Brandt", "José Álvarez", "Zoë Müller", "Head of Sales · Sales"):
        assert name in text


def test_typed_signature_is_set_in_the_script_face(tmp_path: Path) -> None:
    agreement = demo_agreement()
    version = version_for(agreement, typed_name="José 山田 Álvarez")
    rendered = render(agreement, version, workshop_id=WORKSHOP_ID)
    path = tmp_path / "typed.pdf"
    path.write_bytes(rendered.data)
    pdf = reader(rendered.data)
    page = pdf.pages[_signatures_page(rendered.data)]
    used = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert any("AccordScript" in name for name in used)
    assert any("IPAGothic" in name for name in used), "CJK in a typed name falls back"
    assert all(emb == "yes" for _, emb in pdffonts(path))


@pytest.mark.parametrize(
    ("size", "expected"), [("A4", (595.28, 841.89)), ("Letter", (612.0, 792.0))]
)
def test_page_size(size: str, expected: tuple[float, float]) -> None:
    rendered = render_demo(page_size=size)
    for page in reader(rendered.data).pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == expected
    assert rendered.pages == len(reader(rendered.data).pages)


def test_an_unknown_page_size_is_one_sentence() -> None:
    from exporters.files import ExportError

    with pytest.raises(ExportError, match="choose A4 or Letter"):
        render_demo(page_size="A3")


def test_draft_watermark_only_on_drafts(signed_a4: bytes) -> None:
    draft = render_demo(signed=False)
    texts = page_texts(draft.data)
    assert all("DRAFT" in t for t in texts)
    assert "Draft — not signed" in texts[0]
    assert "Not signed" in texts[_signatures_page(draft.data)]
    assert not any("DRAFT" in t for t in page_texts(signed_a4))


def test_open_points_are_announced_and_listed(signed_a4: bytes) -> None:
    points = ("Give the agreement an effective date.", "Add a signatory from marketing.")
    rendered = render_demo(open_points=points)
    texts = page_texts(rendered.data)
    assert "contains open points" in texts[0]
    whole = "\n".join(texts)
    section = whole[whole.index("Open points") :]
    for point in points:
        assert point in section
    assert whole.index("11. Open points") < whole.index("12. Signatures")
    assert "contains open points" not in page_texts(signed_a4)[0]


@pytest.mark.parametrize("signed", [True, False])
def test_seal_box_is_an_empty_area_on_the_audit_page(signed: bool, tmp_path: Path) -> None:
    rendered = render_demo(signed=signed)
    page, (x1, y1, x2, y2) = rendered.seal_box
    assert page == rendered.pages - 1
    assert "Audit record" in page_texts(rendered.data)[page]
    assert (round(x2 - x1), round(y2 - y1)) == (240, 70)
    media = reader(rendered.data).pages[page].mediabox
    assert 0 < x1 < x2 < float(media.width) and 60 < y1 < y2 < float(media.height)
    # Nothing is drawn there: at 72 dpi one pixel is one point (y measured from the top).
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(rendered.data)
    subprocess.run(
        ["pdftoppm", "-r", "72", "-png", "-f", str(page + 1), "-l", str(page + 1),
         "-singlefile", str(pdf), str(tmp_path / "audit")],
        check=True,
        timeout=60,
    )  # fmt: skip
    image = Image.open(tmp_path / "audit.png").convert("L")
    top = float(media.height) - y2
    inside = image.crop((round(x1) + 1, round(top) + 1, round(x2) - 1, round(top + y2 - y1) - 1))
    lightest, darkest = inside.getextrema()[::-1]
    if not signed:  # the DRAFT mark runs across the page, faintly
        assert darkest > 190
    else:
        assert darkest == 255 == lightest


def test_progress_is_reported_up_to_the_total() -> None:
    calls: list[tuple[int, int]] = []
    agreement = demo_agreement()
    render(
        agreement,
        version_for(agreement),
        workshop_id=WORKSHOP_ID,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert len(calls) > 10
    assert calls[-1][0] == calls[-1][1]
    dones = [d for d, _ in calls]
    assert dones == sorted(dones)
    assert all(0 <= d <= t for d, t in calls)


def test_a_100_kb_field_in_text_and_in_a_table_cell_renders_on_many_pages() -> None:
    words = " ".join(f"word{i}" for i in range(14_000))  # ~100 KB
    unbroken = "x" * 3000  # one "word" wider than any column
    agreement = demo_agreement(
        ideal_customer_profile=words,
        definitions=(DefinitionTerms("Lead", words, "Marketing", unbroken),),
        kpis=(KpiTerms(name=unbroken, target=Decimal("1"), owner=words[:5000]),),
    )
    assert len(words) > 100_000
    rendered = render(agreement, version_for(agreement), workshop_id=WORKSHOP_ID)
    assert rendered.pages > 40
    text = "\n".join(page_texts(rendered.data))
    seen = Counter(re.findall(r"word\d+", text))
    # Every word, in order, in the profile and again in the definitions cell.
    assert all(seen[f"word{i}"] >= 2 for i in range(14_000))
    assert re.findall(r"word\d+", text)[:14_000] == words.split()
    runs = [len(r) for r in re.findall(r"x{10,}", text)]
    assert max(runs) < 200  # the 3,000-letter word was broken to fit its column ...
    assert sum(runs) >= 6000  # ... and printed in full, in both tables


def test_missing_characters_are_reported_and_shown_as_placeholders() -> None:
    font_set = fonts()
    candidates = ["\U000f0000", "\ue000", "\U0001faea", "\U00016a40", "\U0001e900"]
    absent = [c for c in candidates if font_set.face_for(c, "DejaVuSans") is None]
    assert absent, "at least one test character must be outside every font"
    rendered = render_demo(title="Plan " + "".join(absent) + " done")
    assert rendered.missing_glyphs == tuple(sorted(set(absent)))
    assert "Plan " + "□" * len(absent) + " done" in page_texts(rendered.data)[0]


def test_replace_keeps_dataclass_contract() -> None:
    agreement = demo_agreement()
    assert replace(agreement) == agreement


def test_an_empty_agreement_and_damaged_strokes_still_render() -> None:
    from workshop.agreement import Agreement, RaciCell, RaciRow
    from workshop.model import AgreementVersion, Signatory, Signature, SignatureKind

    empty = render(Agreement(), AgreementVersion(), workshop_id="")
    assert empty.pages >= 4 and empty.seal_box[0] == empty.pages - 1
    agreement = Agreement(
        parties=tuple(f"Party {i}" for i in range(12)),
        raci=(RaciRow("Activity", "", (RaciCell("Someone else", "A"),)),),
    )
    strokes = [[(float("nan"), 2.0), (0.5,)], [], [(0.5, 0.5)], [(-1.0, 9.0), (0.2, 0.2)]]
    version = AgreementVersion(
        signatories=[
            Signatory(name="", signature=Signature(SignatureKind.TYPED, [], "", None)),
            Signatory(name="N", signature=Signature(SignatureKind.DRAWN, strokes, "", None)),
        ]
    )
    rendered = render(agreement, version, workshop_id="abc")
    text = "\n".join(page_texts(rendered.data))
    assert "Someoneelse" in squash(text) and "Party 11" in text
