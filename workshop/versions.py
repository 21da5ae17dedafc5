"""Agreement versions: which one is current, what each says, and what changed between them.

A signed version is fixed: its text is the snapshot that was signed. The draft is live: it
says what the workshop says now, and it exists (numbered after the last signed version)
whenever nothing is signed yet or the workshop no longer says what was signed — an
amendment. A draft is stored only once someone starts signing it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from workshop.agreement import (
    Agreement,
    canonical,
    compose,
    digest_of,
    from_snapshot,
    open_points,
)
from workshop.errors import ValidationError
from workshop.gaps import Gap
from workshop.i18n import _
from workshop.model import AgreementVersion, Signatory, VersionStatus, Workshop
from workshop.summary import number


class UnknownVersionError(ValidationError):
    """A version number the workshop does not have."""


def last_signed(w: Workshop) -> AgreementVersion | None:
    signed = [v for v in w.versions if v.status is VersionStatus.SIGNED]
    return max(signed, key=lambda v: v.number) if signed else None


def stored_draft(w: Workshop) -> AgreementVersion | None:
    """The draft being signed, if signing has started."""
    drafts = [v for v in w.versions if v.status is VersionStatus.DRAFT]
    return max(drafts, key=lambda v: v.number) if drafts else None


def _fresh_signatories(w: Workshop) -> list[Signatory]:
    return [Signatory(name=s.name, title=s.title, team=s.team) for s in w.signatories]


def current_draft(w: Workshop, agreement: Agreement | None = None) -> AgreementVersion | None:
    """The version to sign next, composed from the workshop as it is now (``agreement``,
    when the caller has composed it already); ``None`` when the newest signed version
    already says exactly that.

    The result is a detached copy: a stored draft whose text is still current keeps the
    signatures collected so far; one whose text has changed since comes back without them
    (see :func:`stale_signatures`)."""
    agreement = agreement or compose(w)
    text = canonical(agreement)
    now = digest_of(text)
    signed = last_signed(w)
    stored = stored_draft(w)
    if stored is None and signed is not None and signed.digest == now:
        return None
    number = stored.number if stored else (signed.number + 1 if signed else 1)
    if stored is not None and stored.digest == now:
        draft = copy.deepcopy(stored)
    else:
        draft = AgreementVersion(
            number=number,
            created_at=stored.created_at if stored else None,
            signatories=_fresh_signatories(w),
        )
        if stored is not None:
            draft.id = stored.id
    draft.snapshot, draft.digest = text, now
    draft.contains_open_points = agreement.contains_open_points
    return draft


def stale_signatures(w: Workshop, agreement: Agreement | None = None) -> list[Signatory]:
    """Signatures collected on a draft whose text has changed since: they were given to
    another text, so they cannot count for this one."""
    stored = stored_draft(w)
    if stored is None or stored.digest == digest_of(canonical(agreement or compose(w))):
        return []
    return [s for s in stored.signatories if s.signature is not None]


def _with_draft(w: Workshop, draft: AgreementVersion | None) -> list[AgreementVersion]:
    versions = sorted(
        (v for v in w.versions if v.status is VersionStatus.SIGNED), key=lambda v: v.number
    )
    return [*versions, draft] if draft is not None else versions


def all_versions(w: Workshop) -> list[AgreementVersion]:
    """Every version, oldest first; the live draft (if any) last."""
    return _with_draft(w, current_draft(w))


@dataclass(frozen=True)
class Situation:
    """Where a workshop's agreement stands, composed once: what an agreement page shows."""

    agreement: Agreement  # what the workshop says now
    open_points: list[Gap]  # what it still lacks, each with the field that closes it
    draft: AgreementVersion | None  # the version to sign next, if any
    signed: AgreementVersion | None  # the newest signed version
    stale: list[Signatory]  # signatures given to an earlier text of the draft
    changes: list[Change]  # what the draft changes in the newest signed version
    versions: list[AgreementVersion]  # all of them, oldest first, the draft last


def situation(w: Workshop) -> Situation:
    points = open_points(w)
    agreement = compose(w, points)
    draft = current_draft(w, agreement)
    signed = last_signed(w)
    found = changes(from_snapshot(signed.snapshot), agreement) if signed and draft else []
    return Situation(
        agreement,
        points,
        draft,
        signed,
        stale_signatures(w, agreement),
        found,
        _with_draft(w, draft),
    )


def content_of(w: Workshop, version: AgreementVersion) -> Agreement:
    """What ``version`` says: the signed text for a signed version, the workshop's current
    composition for the draft."""
    if version.status is VersionStatus.SIGNED:
        return from_snapshot(version.snapshot)
    return compose(w)


def export_target(w: Workshop, number: int | None = None) -> tuple[Agreement, AgreementVersion]:
    """The version to print — number ``number``, or the newest — and what it says."""
    versions = all_versions(w)  # never empty: with nothing signed there is a draft
    if number is None:
        chosen = versions[-1]
    else:
        found = [v for v in versions if v.number == number]
        if not found:
            have = ", ".join(str(v.number) for v in versions)
            raise UnknownVersionError(
                _("The workshop has no agreement version {n} (it has: {have}).").format(
                    n=number, have=have
                )
            )
        chosen = found[0]
    return content_of(w, chosen), chosen


# -- what changed ----------------------------------------------------------------------------

_SECTIONS: dict[str, str] = {
    "title": _("Title"),
    "client": _("Client"),
    "workshop_date": _("Workshop date"),
    "facilitator": _("Facilitator"),
    "parties": _("Parties"),
    "effective_date": _("Effective date"),
    "term_months": _("Term (months)"),
    "review_date": _("Review date"),
    "goal": _("Shared goal"),
    "objectives": _("Objectives"),
    "funnel": _("Funnel plan"),
    "ideal_customer_profile": _("Ideal customer profile"),
    "definitions": _("Definitions"),
    "raci": _("Responsibilities"),
    "commitments": _("Commitments"),
    "kpis": _("KPIs"),
    "reporting": _("Reporting"),
    "meetings": _("Meetings"),
    "escalation": _("Escalation"),
    "signatories": _("Signatories"),
    "open_points": _("Open points"),
}


@dataclass(frozen=True)
class Change:
    """One difference between two versions, field by field."""

    kind: str  # "added", "removed" or "changed"
    section: str
    item: str = ""  # the item's name within a list section
    field: str = ""
    before: str = ""
    after: str = ""

    def sentence(self) -> str:
        where = f"{self.section} — {self.item}" if self.item else self.section
        if self.kind == "added":
            return _("{where}: added.").format(where=where)
        if self.kind == "removed":
            return _("{where}: removed.").format(where=where)
        label = f"{where}, {self.field}" if self.field else where
        return _("{where}: {before} → {after}").format(
            where=label, before=self.before or "—", after=self.after or "—"
        )


def _label(name: str) -> str:
    return name.replace("_", " ")


def _shown(value: Any, limit: int = 120) -> str:
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = _("yes") if value else _("no")
    elif isinstance(value, (Decimal, int)):
        text = number(value)
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, tuple):
        text = "; ".join(_shown(v) for v in value)
    elif is_dataclass(value) and not isinstance(value, type):
        text = ": ".join(_shown(getattr(value, f.name)) for f in fields(value))
    else:
        text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _key(item: Any) -> str:
    first = fields(item)[0].name
    if first in {"team", "committed_by", "from_team"}:  # name the item by its text
        first = next(f.name for f in fields(item) if f.name in {"statement", "what"})
    return " ".join(str(getattr(item, first)).split()).casefold()


def _name(item: Any) -> str:
    key = _key(item)
    for f in fields(item):
        text = getattr(item, f.name)
        if isinstance(text, str) and " ".join(text.split()).casefold() == key:
            return f"“{_shown(text, 60)}”" if text.strip() else _("(unnamed)")
    return _("(unnamed)")


def _compare_items(section: str, old: Any, new: Any, item: str) -> Iterable[Change]:
    for f in fields(old):
        before, after = getattr(old, f.name), getattr(new, f.name)
        if before != after:
            yield Change("changed", section, item, _label(f.name), _shown(before), _shown(after))


def _compare_lists(section: str, old: tuple[Any, ...], new: tuple[Any, ...]) -> list[Change]:
    sample = (old or new)[0]
    if not is_dataclass(sample):
        gone = [v for v in old if v not in new]
        came = [v for v in new if v not in old]
        return [Change("removed", section, _shown(v, 80)) for v in gone] + [
            Change("added", section, _shown(v, 80)) for v in came
        ]
    unmatched_new = list(range(len(new)))
    pairs: list[tuple[int, int]] = []
    unmatched_old: list[int] = []
    for i, item in enumerate(old):
        match = next((j for j in unmatched_new if _key(new[j]) == _key(item)), None)
        if match is None:
            unmatched_old.append(i)
        else:
            unmatched_new.remove(match)
            pairs.append((i, match))
    # An item renamed in place: same position, nothing else took its name.
    for i in list(unmatched_old):
        if i in unmatched_new:
            unmatched_old.remove(i)
            unmatched_new.remove(i)
            pairs.append((i, i))
    found: list[Change] = []
    for i, j in sorted(pairs, key=lambda p: p[1]):
        found.extend(_compare_items(section, old[i], new[j], _name(new[j])))
    found.extend(Change("removed", section, _name(old[i])) for i in unmatched_old)
    found.extend(Change("added", section, _name(new[j])) for j in unmatched_new)
    return found


def changes(old: Agreement, new: Agreement) -> list[Change]:
    """What ``new`` changes in ``old``: every added, removed and changed item and field, in
    the order of the agreement's sections."""
    found: list[Change] = []
    for f in fields(Agreement):
        section = _SECTIONS.get(f.name, _label(f.name))
        before, after = getattr(old, f.name), getattr(new, f.name)
        if before == after:
            continue
        if isinstance(before, tuple):
            found.extend(_compare_lists(section, before, after))
        elif is_dataclass(before):
            for g in fields(before):
                b, a = getattr(before, g.name), getattr(after, g.name)
                if b != a:
                    found.append(
                        Change("changed", section, "", _label(g.name), _shown(b), _shown(a))
                    )
        else:
            found.append(Change("changed", section, "", "", _shown(before), _shown(after)))
    return found


def changes_since_signed(w: Workshop) -> list[Change]:
    """What the draft changes in the last signed version (empty when nothing is signed)."""
    signed = last_signed(w)
    if signed is None:
        return []
    return changes(from_snapshot(signed.snapshot), compose(w))
