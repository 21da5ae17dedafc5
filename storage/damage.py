"""Damaged fields of a workshop just read: found, named as sentences name them, and mended
so the rest of the app gets plain values (:mod:`storage.text_decoding` reads the bytes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from decimal import Decimal
from functools import partial
from typing import Any

from storage import convert as c
from storage.text_decoding import DamagedJson, is_damaged
from workshop import model as d
from workshop.portable_read import field_place


def mended(obj: Any, place: Callable[[str], str], prefix: str = "") -> list[str]:
    """The damaged values of the dataclass ``obj``, named by ``place``; damaged text (read
    with U+FFFD, :mod:`storage.text_decoding`) becomes plain text, a number that no longer
    reads stays NaN."""
    found = []
    for f in fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, DamagedJson):
            setattr(
                obj,
                f.name,
                {} if isinstance(f.default_factory, type) and f.default_factory is dict else [],
            )
            found.append(place(prefix + f.name))
        elif is_damaged(value):
            setattr(obj, f.name, str(value))
            found.append(place(prefix + f.name))
        elif isinstance(value, Decimal) and value.is_nan():
            found.append(place(prefix + f.name))
    return found


def damage_in(w: d.Workshop) -> list[str]:
    """Every damaged field of a workshop just read, as sentences name them."""
    found = mended(w, field_place)
    found += mended(w.goal, field_place, "goal.")
    found += mended(w.funnel, field_place, "funnel.")
    for name in c.COLLECTIONS:
        for n, item in enumerate(getattr(w, name), start=1):
            found += mended(item, partial(field_place, collection=name, n=n))
    for n, version in enumerate(w.versions, start=1):
        found += mended(version, partial(field_place, collection="versions", n=n))
        for k, person in enumerate(version.signatories, start=1):
            place = partial(field_place, collection="versions", n=n, signatory=k)
            found += mended(person, place)
            if person.signature is not None:
                found += mended(person.signature, place, "signature.")
    return found
