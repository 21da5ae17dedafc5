"""A value for a field of the workshop's dataclasses, in the type that field holds.

Editors hand values over as they come (a drop-down may give back ``"sales"`` for
``Team.SALES``); the domain's rules compare enum members, so a value is turned into the
field's enum here, once, before it is stored — or refused.
"""

from __future__ import annotations

import types
import typing
from enum import Enum
from functools import cache
from typing import Any

from workshop.errors import ValidationError


@cache
def _enum_of(owner: type, name: str) -> type[Enum] | None:
    """The enum a field of ``owner`` holds (``Team`` for ``team: Team | None``), if any."""
    hint = typing.get_type_hints(owner).get(name)
    union = typing.get_origin(hint) in (typing.Union, types.UnionType)
    candidates = typing.get_args(hint) if union else (hint,)
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return candidate
    return None


def typed(owner: type, name: str, value: Any) -> Any:
    """``value`` as the field ``name`` of ``owner`` holds it; other fields pass unchanged.

    Raises :class:`ValidationError` for a value the field's enum does not have.
    """
    enum = _enum_of(owner, name)
    if enum is None or value is None or isinstance(value, enum):
        return value
    try:
        return enum(value)
    except ValueError:
        raise ValidationError(f"“{value}” is not one of the choices for {name}.", name) from None
