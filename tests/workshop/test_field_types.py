"""Values for enum fields are turned into the enum, or refused in one sentence."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from workshop.errors import ValidationError
from workshop.field_types import typed
from workshop.model import ActionItem, Commitment, Signatory, Team


def test_a_plain_string_becomes_the_fields_enum() -> None:
    value = typed(Signatory, "team", "marketing")
    assert value is Team.MARKETING


@dataclass
class Optional_:
    team: Team | None = None


def test_an_optional_enum_field_keeps_none_and_converts_the_rest() -> None:
    assert typed(Optional_, "team", None) is None
    assert typed(Optional_, "team", "sales") is Team.SALES
    assert typed(Commitment, "committed_by", "sales") is Team.SALES


def test_fields_that_are_not_enums_pass_unchanged() -> None:
    assert typed(Signatory, "name", "sales") == "sales"
    assert typed(ActionItem, "owner_id", "abc") == "abc"


def test_a_value_the_enum_lacks_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        typed(Signatory, "team", "Finance")
    assert refused.value.message == "“Finance” is not one of the choices for team."
