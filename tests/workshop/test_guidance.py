"""The facilitator's guidance: complete, short, concrete, and in the app's own words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workshop.guidance import GUIDANCE, Guidance, guidance
from workshop.steps import STEPS, Step

METHOD = Path(__file__).resolve().parents[3] / "shared" / "METHOD.md"
RUN = 8


def _strings(g: Guidance) -> list[str]:
    return [g.purpose, *g.questions, g.example]


def _words(text: str) -> list[str]:
    return re.findall(r"[\w%]+", text.casefold())


def test_every_step_has_guidance() -> None:
    assert set(GUIDANCE) == set(Step)
    for step in STEPS:
        assert guidance(step) is GUIDANCE[step]


@pytest.mark.parametrize("step", STEPS)
def test_purpose_is_exactly_two_sentences(step: Step) -> None:
    purpose = guidance(step).purpose.strip()
    assert purpose.endswith(".")
    assert "?" not in purpose and "!" not in purpose
    sentences = purpose[:-1].split(". ")
    assert len(sentences) == 2, sentences
    assert all(s.strip() for s in sentences)


@pytest.mark.parametrize("step", STEPS)
def test_three_to_six_questions_each_a_question(step: Step) -> None:
    questions = guidance(step).questions
    assert 3 <= len(questions) <= 6
    assert all(q.strip().endswith("?") for q in questions)


@pytest.mark.parametrize("step", STEPS)
def test_example_is_given(step: Step) -> None:
    assert guidance(step).example.strip()


def test_no_string_is_too_long_to_read_aloud() -> None:
    for step in STEPS:
        for text in _strings(guidance(step)):
            assert len(text) <= 400, (step, len(text), text)


def test_no_question_is_asked_twice() -> None:
    seen: dict[str, Step] = {}
    for step in STEPS:
        for q in guidance(step).questions:
            key = " ".join(_words(q))
            assert key not in seen, (q, seen.get(key), step)
            seen[key] = step


def test_no_text_is_copied_from_the_method() -> None:
    if not METHOD.is_file():
        pytest.skip(f"{METHOD} not available")
    words = _words(METHOD.read_text(encoding="utf-8"))
    runs = {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}
    for step in STEPS:
        for text in _strings(guidance(step)):
            ws = _words(text)
            for i in range(len(ws) - RUN + 1):
                assert tuple(ws[i : i + RUN]) not in runs, (step, " ".join(ws[i : i + RUN]))
