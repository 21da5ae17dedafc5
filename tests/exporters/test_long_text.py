"""Long texts take time in proportion to their length, and a text longer than Accord accepts
(stored before the limits) prints with a note instead of taking minutes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.platypus import paragraph

from exporters.agreement_pdf import render
from exporters.long_text import PIECE_CHARS, metadata, pieces, shortened
from exporters.summary_pdf import summary_pdf
from tests.exporters.pdf_samples import WORKSHOP_ID, demo_agreement, page_texts, version_for
from workshop.agreement import CommitmentTerms
from workshop.demo import build_demo_workshop
from workshop.summary_data import prepare_summary
from workshop.versions import export_target

DAY = date(2026, 11, 23)


@given(st.text(st.sampled_from("ab \n"), max_size=400), st.integers(1, 50))
def test_pieces_are_short_and_keep_every_character_but_the_cuts(text: str, size: int) -> None:
    parts = pieces(text, size)
    assert all(len(p) <= size for p in parts)
    joined = "".join(parts)
    assert len(text) - len(joined) <= len(parts) - 1  # at most the break at each cut
    assert joined.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_pieces_cut_at_line_breaks_then_spaces_then_anywhere() -> None:
    assert pieces("aaaa\nbbbb cccc", 10) == ["aaaa", "bbbb cccc"]
    assert pieces("aaaa bbbb cccc", 10) == ["aaaa bbbb", "cccc"]
    assert pieces("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert pieces("short", 10) == ["short"]


def test_shortened_says_how_much_is_left_out() -> None:
    assert shortened("abc", 3) == "abc"
    assert shortened("x" * 1_000, 300).endswith(
        "[… 700 more characters, more than Accord accepts here, are not printed.]"
    )
    assert metadata("a\nb " * 1_000_000).startswith("a b a b")
    assert len(metadata("t" * 999_999)) == 300


@pytest.fixture
def measured() -> Iterator[list[int]]:
    """How many widths ReportLab measured while breaking lines (its work, call for call)."""
    calls = [0]
    original = paragraph.stringWidth

    def counting(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return original(*args, **kwargs)

    paragraph.stringWidth = counting
    try:
        yield calls
    finally:
        paragraph.stringWidth = original


@pytest.mark.parametrize("kind", ["words", "one word"])
def test_laying_out_a_long_text_takes_work_in_proportion_to_its_length(
    measured: list[int], kind: str
) -> None:
    n = 60_000
    text = "x" * n if kind == "one word" else ("lorem ipsum " * n)[:n]
    agreement = demo_agreement(
        ideal_customer_profile=text, commitments=(CommitmentTerms(what=text),)
    )
    base = demo_agreement()
    render(base, version_for(base), workshop_id=WORKSHOP_ID)
    ordinary, measured[0] = measured[0], 0
    rendered = render(agreement, version_for(agreement), workshop_id=WORKSHOP_ID)
    assert rendered.pages > 40
    # The text twice (the profile and a commitment's cell): each piece is broken into lines a
    # few times. Breaking what is left again on every page took 25 measurements a letter.
    assert measured[0] - ordinary < 5 * 2 * n


def test_a_title_of_a_million_characters_prints_in_seconds_with_a_note() -> None:
    w = build_demo_workshop(DAY)
    w.versions = []
    w.title = "T" * 999_999
    agreement, version = export_target(w, None)
    rendered = render(agreement, version, workshop_id=w.id)
    first = page_texts(rendered.data)[0]
    assert "[… 999,699 more characters, more than Accord accepts here, are not printed.]" in (
        " ".join(first.split())
    )
    assert rendered.pages < 20
    summary = summary_pdf(prepare_summary(w, DAY))
    assert "more than Accord accepts here" in " ".join(" ".join(page_texts(summary)).split())


def test_a_stored_text_beyond_ten_times_the_longest_field_is_shortened() -> None:
    text = "lorem ipsum " * 25_000 + "end"  # 300,003 characters
    agreement = demo_agreement(ideal_customer_profile=text)
    rendered = render(agreement, version_for(agreement), workshop_id=WORKSHOP_ID)
    printed = " ".join(" ".join(page_texts(rendered.data)).split())
    assert "[… 100,003 more characters, more than Accord accepts here, are not printed.]" in (
        printed
    )
    assert PIECE_CHARS < 20_000
