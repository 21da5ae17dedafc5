"""Any text a person can type reaches the PDF literally: markup is printed, never obeyed."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import replace

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from exporters.agreement_pdf import render
from exporters.arabic_shaping import typed_letters
from exporters.fonts import fonts
from exporters.pdf_text import PLACEHOLDER, TextSetter, clean, escape
from tests.exporters.pdf_samples import (
    WORKSHOP_ID,
    demo_agreement,
    page_texts,
    reader,
    squash,
    version_for,
)
from workshop.agreement import DefinitionTerms, GoalTerms, KpiTerms, SignatoryTerms

HOSTILE = [
    "<b>",
    "a<b",
    "&",
    "&amp; &lt; &#60;",
    "<img src=/etc/passwd>",
    "<font color=red>x</font>",
    "<a href='https://example.com'>link</a>",
    "<para><br/></para>",
    "]]><![CDATA[",
    "שלום עולם",
    "مرحبا بالعالم",
    "合意 한국 我们",
    "👍🏽 emoji",
    "line one\nline two\r\nline three",
]

# Letters, digits, punctuation and symbols from the whole of Unicode (no controls, no
# combining marks, no surrogates), with ordinary spaces between them.
characters = st.characters(
    categories=("L", "N", "P", "S"), exclude_characters="\x00"
) | st.sampled_from([" ", " ", "<", ">", "&", "'", '"'])
free_text = st.text(characters, min_size=1, max_size=80)
field_text = st.one_of(
    st.sampled_from(HOSTILE),
    free_text,
    st.tuples(st.sampled_from(HOSTILE), free_text).map(" ".join),
)


def expected(text: str) -> str:
    """What the PDF should say: the same characters, placeholders where no font has one."""
    font_set = fonts()
    shown = "".join(
        c if c.isspace() or font_set.face_for(c, "DejaVuSans", "DejaVuSans-Bold") else PLACEHOLDER
        for c in clean(text)
    )
    # Arabic presentation forms copy out as the letters they stand for.
    shown = "".join(typed_letters(c) or c for c in shown)
    return squash(unicodedata.normalize("NFC", shown))


def right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for c in text)


def printed(value: str, text: str) -> bool:
    """``value`` is in ``text``. Right-to-left runs are drawn in visual order by a
    word-level form of the bidirectional algorithm, and text extractors guess the typed order
    back with heuristics of their own; where a value mixes directions with neutral characters
    the two can disagree on order, so for such values every character must be there."""
    want = expected(value)
    if want in text:
        return True
    if right_to_left(value):
        return not Counter(want) - Counter(text)
    return False


# A full render takes about a second: no shrinking (it would re-render hundreds of times);
# a failure is reported with the example that found it.
@settings(
    max_examples=20,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(title=field_text, goal=field_text, stage=field_text, owner=field_text, name=field_text)
def test_hostile_text_prints_literally(
    title: str, goal: str, stage: str, owner: str, name: str
) -> None:
    agreement = replace(
        demo_agreement(),
        title=title,
        goal=GoalTerms(statement=goal),
        definitions=(DefinitionTerms(stage=stage, entry_criteria=goal),),
        kpis=(KpiTerms(name="KPI", owner=owner),),
        signatories=(SignatoryTerms(name, "Lead", "sales"),),
    )
    rendered = render(agreement, version_for(agreement, typed_name=name), workshop_id=WORKSHOP_ID)
    text = squash("\n".join(page_texts(rendered.data)))
    for value in (title, goal, stage, owner, name):
        assert printed(value, text), value
    pdf = reader(rendered.data)
    for page in pdf.pages:
        assert "/Annots" not in page  # no links
        xobjects = page["/Resources"].get("/XObject")
        assert not xobjects, "nothing was fetched or embedded as an image"
    root = pdf.trailer["/Root"]
    assert "/OpenAction" not in root and "/Names" not in root and "/AA" not in root
    assert b"/JavaScript" not in rendered.data
    missing = {c for v in (title, goal, stage, owner, name) for c in clean(v)} - {
        c
        for v in (title, goal, stage, owner, name)
        for c in clean(v)
        if c.isspace() or fonts().face_for(c, "DejaVuSans", "DejaVuSans-Bold")
    }
    assert set(rendered.missing_glyphs) <= missing | set(PLACEHOLDER)


def test_markup_is_escaped_before_any_tag_is_added() -> None:
    setter = TextSetter(fonts())
    assert escape("<b>a<b & c</b>") == "&lt;b&gt;a&lt;b &amp; c&lt;/b&gt;"
    markup = setter.markup('<img src="/etc/passwd"/> &amp;', "DejaVuSans")
    assert "<img" not in markup and "&lt;img" in markup and "&amp;amp;" in markup
    assert setter.markup("one\ntwo\r\nthree", "DejaVuSans") == "one<br/>two<br/>three"
    cjk = setter.markup("a 合 b", "DejaVuSans")
    assert cjk == 'a <font name="IPAGothic">合</font> b'
