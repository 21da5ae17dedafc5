"""The workshop summary PDF: every section, hostile text printed literally, fonts embedded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from exporters.summary_pdf import summary_pdf
from tests.exporters.pdf_samples import page_texts, pdffonts, reader, squash
from workshop.demo import build_demo_workshop
from workshop.model import ActionItem, ParkingLotItem, Participant, Vote, Workshop
from workshop.summary_data import prepare_summary

TODAY = date(2027, 1, 20)
SECTIONS = (
    "WORKSHOP SUMMARY",
    "1. Agenda: plan and actual",
    "2. Outcomes of each step",
    "3. Votes",
    "4. Decisions",
    "5. Action items by owner",
    "6. Parking lot",
)
HOSTILE = (
    "<b>not bold</b>",
    "a<b & c>d",
    "<img src=/etc/passwd>",
    '<font color="red">red?</font>',
    "Fish & Chips 🙂🎉",
    "שלום עולם",
    "日本語のテキスト",
)


@pytest.fixture(scope="module")
def demo_pdf() -> bytes:
    return summary_pdf(prepare_summary(build_demo_workshop(date(2026, 11, 23)), TODAY))


def test_every_section_is_there_in_order_with_the_demo_content(demo_pdf: bytes) -> None:
    pages = page_texts(demo_pdf)
    text = "\n".join(pages)
    positions = [text.index(s) for s in SECTIONS]
    assert positions == sorted(positions)
    assert pages[0].count("Page 1 of") == 1 and f"Page {len(pages)} of {len(pages)}" in pages[-1]
    w = build_demo_workshop(date(2026, 11, 23))
    flat = squash(text)
    for expected in (
        w.title,
        w.client,
        w.goal.statement,
        *(a.title for a in w.agenda),
        *(a.what for a in w.action_items),
        *(p.text for p in w.parking_lot),
        *(o for v in w.votes for o in v.options),
        "“Follow-up of MQLs” came first.",
        "Open · overdue",
    ):
        assert squash(expected) in flat, expected
    owners = text[text.index("5. Action items by owner") : text.index("6. Parking lot")]
    names = [p.name for p in w.participants if any(a.owner_id == p.id for a in w.action_items)]
    assert [owners.index(n) for n in sorted(names)] == sorted(owners.index(n) for n in names)


def test_hostile_text_prints_literally_in_every_section(tmp_path: Path) -> None:
    person = Participant(name=HOSTILE[6], email="x@example.com")
    w = Workshop(
        title=HOSTILE[0],
        client=HOSTILE[1],
        location=HOSTILE[2],
        participants=[person],
        action_items=[
            ActionItem(what=t, owner_id=person.id, due=date(2027, 1, 1)) for t in HOSTILE
        ],
        parking_lot=[ParkingLotItem(text=t, step="goal") for t in HOSTILE],
        votes=[
            Vote(
                subject=HOSTILE[3],
                options=[HOSTILE[4], HOSTILE[5]],
                tallies={HOSTILE[4]: 2, HOSTILE[5]: 2},
                revealed=True,
            )
        ],
    )
    data = summary_pdf(prepare_summary(w, TODAY))
    flat = squash("\n".join(page_texts(data)))
    for text in HOSTILE:
        # Right-to-left runs are drawn in typed order; extractors hand them back reversed.
        found = flat.count(squash(text)) + flat.count(squash(text)[::-1])
        assert found >= 2, text  # action items and parking lot, at least
    pdf = reader(data)
    for page in pdf.pages:
        assert "/Annots" not in page and not page["/Resources"].get("/XObject")
    assert "Tieforfirstplace" in flat
    target = tmp_path / "summary.pdf"
    target.write_bytes(data)
    found = pdffonts(target)
    assert found and all(emb == "yes" for _name, emb in found), found
    names = " ".join(name for name, _emb in found)
    assert "DejaVuSans" in names and "Helvetica" not in names


def test_a_very_long_issue_is_printed_whole_across_pages() -> None:
    long_text = " ".join(f"word{n}" for n in range(14_000))  # about 100 KB
    w = Workshop(title="Long", parking_lot=[ParkingLotItem(text=long_text, step="room")])
    pages = page_texts(summary_pdf(prepare_summary(w, TODAY)))
    assert len(pages) > 10
    flat = squash("".join(pages))
    assert "word0" in flat and "word13999" in flat and "word7000word7001" in flat


def test_an_empty_workshop_says_what_is_missing() -> None:
    text = "\n".join(page_texts(summary_pdf(prepare_summary(Workshop(title="Empty"), TODAY))))
    for sentence in (
        "No agenda was planned.",
        "Nothing captured yet.",
        "The room did not vote.",
        "No decisions recorded yet.",
        "No action items.",
        "Nothing was parked.",
    ):
        assert sentence in text
