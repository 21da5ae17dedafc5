"""Right-to-left words are drawn in visual order, so Hebrew and Arabic read the right way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from exporters.bidi_lines import base_direction, has_rtl, visual_line, visual_word
from tests.exporters.pdf_samples import page_texts, render_demo
from workshop.agreement import GoalTerms


def test_a_right_to_left_sentence_is_drawn_last_word_first() -> None:
    assert base_direction("הסכם (גרסה 2) כולל 36") == "R"
    assert visual_line("הסכם (גרסה 2) כולל 36") == "36 ללוכ (2 הסרג) םכסה"


def test_a_right_to_left_name_inside_english_keeps_the_english_in_place() -> None:
    assert base_direction("Owner שלום עולם and more") == "L"
    assert visual_line("Owner שלום עולם and more") == "Owner םלוע םולש and more"
    assert visual_line("abc שלום 123") == "abc םולש 123"


def test_left_to_right_text_is_untouched() -> None:
    for text in ("plain text", "a<b & (c)", "合意 한국 📈", ""):
        assert visual_line(text) == text


def test_digits_stay_in_order_and_brackets_mirror_inside_a_word() -> None:
    assert visual_word("א123") == "123א"
    assert visual_word("(שלום)") == "(םולש)"
    shin, qamats, shin_dot, lamed, vav, holam, final_mem = (
        "\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd"
    )
    typed = shin + qamats + shin_dot + lamed + vav + holam + final_mem
    # Letters reversed, vowel points still after their letters (a mark overlays the glyph before).
    assert visual_word(typed) == final_mem + vav + holam + lamed + shin + qamats + shin_dot


def test_hebrew_and_arabic_extract_in_typed_order() -> None:
    for sentence in ("הסכם שירות בין הצוותים", "اتفاقية بين فريق المبيعات"):
        rendered = render_demo(goal=GoalTerms(statement=sentence))
        assert sentence in "\n".join(page_texts(rendered.data))


def test_arabic_letters_take_their_joined_forms_and_copy_out_as_typed() -> None:
    from exporters.arabic_shaping import shape, typed_letters

    typed = "مرحبا لا"
    shaped = shape(typed)
    # meem initial, reh final, hah initial, beh medial, alef final; lam-alef ligature
    assert shaped == "\ufee3\ufeae\ufea3\ufe92\ufe8e \ufefb"
    assert "".join(typed_letters(c) or c for c in shaped) == typed
    assert shape("plain text") == "plain text"


_mixed = st.text(
    st.characters(categories=("L", "N", "P", "S", "Zs", "Mn"), exclude_characters="\x00")
    | st.sampled_from(list("שלום عالم لا () 123 ـ")),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_mixed)
def test_reordering_and_joining_lose_no_character(text: str) -> None:
    from exporters.arabic_shaping import shape, typed_letters

    shaped = shape(text)
    assert "".join(typed_letters(c) or c for c in shaped) == "".join(
        typed_letters(c) or c for c in text
    )
    line = text.replace("\n", " ")
    shown = visual_line(line)
    pairs = str.maketrans(")]}>»›", "([{<«‹")  # a mirrored bracket is still that bracket
    assert sorted(shown.translate(pairs)) == sorted(line.translate(pairs))
    if not has_rtl(line):
        assert shown == line
