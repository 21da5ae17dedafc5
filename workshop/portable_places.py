"""How a refused workshop file's message names a place in it: "item 3 of activities",
"“name” of signatory 1 of item 1 of agreement versions", "“goal.target”"."""

from __future__ import annotations

from dataclasses import dataclass

from workshop.i18n import _
from workshop.portable_format import ImportFileError

_COLLECTION_NAMES: dict[str, str] = {
    "participants": _("participants"),
    "agenda": _("agenda items"),
    "objectives": _("objectives"),
    "definitions": _("definitions"),
    "personas": _("personas"),
    "parties": _("parties"),
    "activities": _("activities"),
    "commitments": _("commitments"),
    "escalation": _("escalation steps"),
    "kpis": _("KPIs"),
    "sharing": _("sharing items"),
    "meetings": _("meetings"),
    "shadowing": _("shadowing items"),
    "allies": _("allies"),
    "action_items": _("action items"),
    "parking_lot": _("parking lot items"),
    "votes": _("votes"),
    "signatories": _("signatories"),
    "versions": _("agreement versions"),
}


@dataclass(frozen=True)
class Where:
    """How messages name a part of the file: a phrase ("item 3 of activities") and field
    references ("“name” of item 3 of activities", "“goal.target”")."""

    phrase: str
    prefix: str = ""
    suffix: str = ""

    @property
    def subject(self) -> str:
        return self.phrase[:1].upper() + self.phrase[1:]

    def ref(self, name: str) -> str:
        return f"“{self.prefix}{name}”{self.suffix}"

    def error(self, template: str, name: str, **more: object) -> ImportFileError:
        return ImportFileError(template.format(field=self.ref(name), **more))

    def inside(self, name: str) -> Where:
        """The place of a nested object such as ``goal`` or a signatory's ``signature``."""
        return Where(self.phrase, f"{self.prefix}{name}.", self.suffix)


def _of(phrase: str) -> str:
    return " " + _("of {phrase}").format(phrase=phrase)


WORKSHOP = Where(_("the workshop"))


def item_place(n: int, collection: str) -> Where:
    plain = _COLLECTION_NAMES.get(collection, collection.replace("_", " "))
    phrase = _("item {n} of {collection}").format(n=n, collection=plain)
    return Where(phrase, suffix=_of(phrase))


def signatory_place(k: int, version: Where) -> Where:
    phrase = _("signatory {k} of {version}").format(k=k, version=version.phrase)
    return Where(phrase, suffix=_of(phrase))


def field_place(name: str, collection: str = "", n: int = 0, signatory: int = 0) -> str:
    """How a sentence names a field of a workshop, as a refused file's message does:
    ``“goal.target”``, ``“what” of item 2 of commitments``, ``“name” of signatory 1 of item 1
    of agreement versions`` (``n`` and ``signatory`` count from 1)."""
    where = WORKSHOP if not collection else item_place(n, collection)
    if signatory:
        where = signatory_place(signatory, where)
    return where.ref(name)
