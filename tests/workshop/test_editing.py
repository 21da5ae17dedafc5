"""Rules for creating, copying and searching workshops (no Qt, no database)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.demo import build_demo_workshop
from workshop.editing import clean_email, clean_title, duplicate_workshop, new_workshop
from workshop.errors import ValidationError
from workshop.model import WorkshopStatus
from workshop.text import fold, matches


@pytest.mark.parametrize("blank", ["", "   ", "\t\n", "\u3000"])
def test_a_blank_title_is_refused(blank: str) -> None:
    with pytest.raises(ValidationError, match="needs a title") as caught:
        clean_title(blank)
    assert caught.value.field == "title"


@given(st.text(min_size=1).filter(lambda t: t.strip()))
def test_any_other_title_is_kept_literally_but_trimmed(text: str) -> None:
    assert clean_title(text) == text.strip()


@pytest.mark.parametrize("good", ["", "ana@example.com", "  zoë.müller@firma.de ", "a+b@x.io"])
def test_good_or_absent_email_addresses(good: str) -> None:
    assert clean_email(good) == good.strip()


@pytest.mark.parametrize("bad", ["not-an-email", "a@b", "two@@example.com", "sp ace@x.de"])
def test_bad_email_addresses_are_explained(bad: str) -> None:
    with pytest.raises(ValidationError, match="does not look like an e-mail address"):
        clean_email(bad)


def test_a_new_workshop_has_the_two_parties_of_every_agreement() -> None:
    w = new_workshop("  Offsite  ", client=" Acme ", when=date(2026, 12, 1))
    assert (w.title, w.client, w.date) == ("Offsite", "Acme", date(2026, 12, 1))
    assert [p.name for p in w.parties] == ["Sales", "Marketing"]
    assert w.status is WorkshopStatus.PLANNED


def test_duplicate_gets_fresh_ids_and_keeps_links_inside_the_copy() -> None:
    source = build_demo_workshop(date(2026, 11, 23))
    copy = duplicate_workshop(source)
    assert copy.id != source.id and copy.title == f"{source.title} (copy)"
    assert copy.versions == [] and copy.status is WorkshopStatus.PLANNED
    source_ids = {p.id for p in source.participants} | {p.id for p in source.parties}
    copy_party_ids = {p.id for p in copy.parties}
    copy_people_ids = {p.id for p in copy.participants}
    assert source_ids.isdisjoint(copy_party_ids | copy_people_ids)
    for activity, original in zip(copy.activities, source.activities, strict=True):
        assert set(activity.roles) <= copy_party_ids
        assert sorted(map(sorted, activity.roles.values())) == sorted(
            map(sorted, original.roles.values())
        )
    assert all(a.owner_id in copy_people_ids for a in copy.action_items if a.owner_id)
    # The source is untouched.
    assert source.participants[0].id not in copy_people_ids


def test_search_ignores_case_and_accents() -> None:
    assert matches("Société Générale", "societe GEN")
    assert matches("Zoë Müller", "zoe muller")
    assert not matches("Nordwind", "südwind")


@given(st.text(), st.text())
def test_fold_makes_matching_case_insensitive(a: str, b: str) -> None:
    assert matches(a + b, b.upper()) == (fold(b.upper()) in fold(a + b))
    assert matches(a + b, b) or fold(b) not in fold(a + b)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1200", "1200"),
        ("1,200", "1200"),
        ("1 200 000", "1200000"),
        ("4.8", "4.8"),
        ("4,8", "4.8"),
        ("-5", "-5"),
        ("  ", None),
        ("1,234.5", "1234.5"),
    ],
)
def test_numbers_are_read_as_people_type_them(typed: str, value: str | None) -> None:
    from decimal import Decimal

    from workshop.numbers import parse_number

    assert parse_number(typed, "the target") == (None if value is None else Decimal(value))


@pytest.mark.parametrize("typed", ["abc", "1..2", "NaN", "Infinity", "1e99999999999"])
def test_non_numbers_are_explained(typed: str) -> None:
    from workshop.numbers import parse_number

    with pytest.raises(ValidationError, match="is not a number"):
        parse_number(typed, "the target")
