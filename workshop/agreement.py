"""The performance agreement: an immutable snapshot composed from a workshop.

:func:`compose` reads a :class:`~workshop.model.Workshop` and returns an :class:`Agreement`,
the text people sign. It carries no database ids, so the same content composes to the same
agreement wherever it was typed. :func:`canonical` turns it into one exact string (keys in a
fixed order, Unicode in NFC, numbers and dates in one spelling) and :func:`digest` is the
SHA-256 of that string. :func:`from_snapshot` reads the string back, so a signed version is
always shown and printed from what was signed, never from the workshop as it is now.
"""

from __future__ import annotations

import hashlib
import json
import types
import unicodedata
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Union, get_args, get_origin, get_type_hints

from workshop import measures
from workshop.errors import ValidationError
from workshop.funnel import FunnelInputError, missing, plan
from workshop.gaps import Gap, gaps
from workshop.i18n import _
from workshop.measures import Measure
from workshop.model import RaciRole, Team, Workshop
from workshop.numbers import exceptional, integral_digits
from workshop.steps import Step

FORMAT = "accord-agreement/1"


@dataclass(frozen=True)
class GoalTerms:
    statement: str = ""
    metric: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    unit: str = ""
    deadline: date | None = None


@dataclass(frozen=True)
class ObjectiveTerms:
    team: str = Team.MARKETING.value
    statement: str = ""
    metric: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    unit: str = ""
    deadline: date | None = None
    supports_goal: bool = True


@dataclass(frozen=True)
class FunnelTerms:
    """The reverse funnel: its inputs and, when they are complete, the volumes they give."""

    revenue_target: Decimal | None = None
    average_deal: Decimal | None = None
    marketing_share: Decimal | None = None
    mql_to_sql: Decimal | None = None
    sql_to_won: Decimal | None = None
    months: int | None = None
    deals: int | None = None
    sqls: int | None = None
    mqls: int | None = None
    deals_per_month: int | None = None
    sqls_per_month: int | None = None
    mqls_per_month: int | None = None


@dataclass(frozen=True)
class DefinitionTerms:
    stage: str = ""
    entry_criteria: str = ""
    decided_by: str = ""
    handoff: str = ""


@dataclass(frozen=True)
class RaciCell:
    party: str = ""
    roles: str = ""  # e.g. "A/R"


@dataclass(frozen=True)
class RaciRow:
    activity: str = ""
    description: str = ""
    roles: tuple[RaciCell, ...] = ()


@dataclass(frozen=True)
class CommitmentTerms:
    committed_by: str = Team.MARKETING.value
    what: str = ""
    target: Decimal | None = None
    unit: str = ""
    period: str = ""
    measured_by: str = ""
    data_source: str = ""
    measure: Measure | None = None


@dataclass(frozen=True)
class EscalationTerms:
    what: str = ""
    who: str = ""
    within: str = ""


@dataclass(frozen=True)
class KpiTerms:
    name: str = ""
    target: Decimal | None = None
    unit: str = ""
    data_source: str = ""
    owner: str = ""
    cadence: str = ""
    measure: Measure | None = None


@dataclass(frozen=True)
class SharingTerms:
    from_team: str = Team.SALES.value
    to_team: str = Team.MARKETING.value
    what: str = ""
    channel: str = ""
    frequency: str = ""
    kind: str = "report"


@dataclass(frozen=True)
class MeetingTerms:
    title: str = ""
    attendees: str = ""
    cadence: str = ""
    duration_minutes: int | None = None
    first_date: date | None = None
    agenda: str = ""


@dataclass(frozen=True)
class SignatoryTerms:
    name: str = ""
    title: str = ""
    team: str = Team.SALES.value


@dataclass(frozen=True)
class Agreement:
    """What the parties sign. Sections are in the order the printed agreement shows them."""

    title: str = ""
    client: str = ""
    workshop_date: date | None = None
    facilitator: str = ""
    parties: tuple[str, ...] = ()
    effective_date: date | None = None
    term_months: int | None = None
    review_date: date | None = None
    goal: GoalTerms = GoalTerms()
    objectives: tuple[ObjectiveTerms, ...] = ()
    funnel: FunnelTerms = FunnelTerms()
    ideal_customer_profile: str = ""
    definitions: tuple[DefinitionTerms, ...] = ()
    raci: tuple[RaciRow, ...] = ()
    commitments: tuple[CommitmentTerms, ...] = ()
    kpis: tuple[KpiTerms, ...] = ()
    reporting: tuple[SharingTerms, ...] = ()
    meetings: tuple[MeetingTerms, ...] = ()
    escalation: tuple[EscalationTerms, ...] = ()
    signatories: tuple[SignatoryTerms, ...] = ()
    # What was still open when the agreement was composed; signed anyway only on purpose.
    open_points: tuple[str, ...] = ()

    @property
    def contains_open_points(self) -> bool:
        return bool(self.open_points)


class SnapshotError(ValidationError):
    """A stored agreement snapshot that cannot be read back."""


# -- what is still open ------------------------------------------------------------------

_CONTENT_STEPS = (
    Step.GOAL,
    Step.LANGUAGE,
    Step.RESPONSIBILITIES,
    Step.ACCOUNTABILITY,
    Step.TRANSPARENCY,
)


def open_points(w: Workshop) -> list[Gap]:
    """Everything still missing that matters for the agreement, in the order of the steps."""
    return [g for step in (*_CONTENT_STEPS, Step.AGREEMENT) for g in gaps(w, step)]


# -- composing -----------------------------------------------------------------------------


def _roles(roles: frozenset[RaciRole]) -> str:
    order = [RaciRole.ACCOUNTABLE, RaciRole.RESPONSIBLE, RaciRole.CONSULTED, RaciRole.INFORMED]
    return "/".join(r.value for r in order if r in roles)


def _funnel(w: Workshop) -> FunnelTerms:
    f = w.funnel
    inputs = FunnelTerms(
        f.revenue_target, f.average_deal, f.marketing_share, f.mql_to_sql, f.sql_to_won, f.months
    )
    if missing(f):
        return inputs
    try:
        p = plan(f)
    except FunnelInputError:
        return inputs
    return replace(
        inputs,
        deals=p.deals,
        sqls=p.sqls,
        mqls=p.mqls,
        deals_per_month=p.deals_per_month,
        sqls_per_month=p.sqls_per_month,
        mqls_per_month=p.mqls_per_month,
    )


def compose(w: Workshop, points: list[Gap] | None = None) -> Agreement:
    """The agreement as the workshop states it now (``points``: its :func:`open_points`,
    when the caller has them already)."""
    party_names = {p.id: p.name for p in w.parties}
    g = w.goal
    return Agreement(
        title=w.title,
        client=w.client,
        workshop_date=w.date,
        facilitator=w.facilitator,
        parties=tuple(p.name for p in w.parties),
        effective_date=w.effective_date,
        term_months=w.term_months,
        review_date=w.review_date,
        goal=GoalTerms(g.statement, g.metric, g.baseline, g.target, g.unit, g.deadline),
        objectives=tuple(
            ObjectiveTerms(
                o.team.value,
                o.statement,
                o.metric,
                o.baseline,
                o.target,
                o.unit,
                o.deadline,
                o.supports_goal,
            )
            for o in w.objectives
        ),
        funnel=_funnel(w),
        ideal_customer_profile=w.ideal_customer_profile,
        definitions=tuple(
            DefinitionTerms(d.stage, d.entry_criteria, d.decided_by, d.handoff)
            for d in w.definitions
        ),
        raci=tuple(
            RaciRow(
                a.name,
                a.description,
                tuple(
                    RaciCell(party_names[p.id], _roles(a.roles[p.id]))
                    for p in w.parties
                    if a.roles.get(p.id)
                ),
            )
            for a in w.activities
        ),
        commitments=tuple(
            CommitmentTerms(
                c.committed_by.value,
                c.what,
                c.target,
                c.unit,
                c.period,
                c.measured_by,
                c.data_source,
                c.measure,
            )
            for c in w.commitments
        ),
        kpis=tuple(
            KpiTerms(k.name, k.target, k.unit, k.data_source, k.owner, k.cadence, k.measure)
            for k in w.kpis
        ),
        reporting=tuple(
            SharingTerms(
                s.from_team.value, s.to_team.value, s.what, s.channel, s.frequency, s.kind.value
            )
            for s in w.sharing
        ),
        meetings=tuple(
            MeetingTerms(
                m.title, m.attendees, m.cadence, m.duration_minutes, m.first_date, m.agenda
            )
            for m in w.meetings
        ),
        escalation=tuple(EscalationTerms(e.what, e.who, e.within) for e in w.escalation),
        signatories=tuple(SignatoryTerms(s.name, s.title, s.team.value) for s in w.signatories),
        open_points=tuple(g.message for g in (open_points(w) if points is None else points)),
    )


# -- canonical form --------------------------------------------------------------------------


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _number(value: Decimal) -> str:
    """One spelling per number: no exponent, no trailing zeros (``1.50`` → ``1.5``).

    Never fails: a stored number Accord would not accept today (``NaN``, ``Infinity``,
    beyond 10^±120) has the spelling :func:`~workshop.numbers.exceptional` gives, and a
    whole number of any length is written digit for digit. Every number that had a
    spelling before keeps it, so the digests of signed versions stay what they were.
    """
    odd = exceptional(value)
    if odd is not None:
        return odd
    if value == value.to_integral_value():
        return integral_digits(value)
    return format(value.normalize(), "f")


# Fields added after agreements were first signed: left out of the canonical text while
# empty, so an agreement that has none composes to the text (and digest) it always had.
_ADDED_LATER = frozenset({"measure"})


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return _nfc(value)
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, measures.MEASURE_TYPES):
        return {k: _plain(v) for k, v in measures.to_dict(value).items()}
    if is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in fields(value)
            if not (f.name in _ADDED_LATER and getattr(value, f.name) is None)
        }
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_plain(agreement: Agreement) -> dict[str, Any]:
    """The agreement as JSON-ready data, with its format marker."""
    data: dict[str, Any] = _plain(agreement)
    data["format"] = FORMAT
    return data


def canonical(agreement: Agreement) -> str:
    """The one exact text of ``agreement`` that its digest is taken over."""
    return json.dumps(
        to_plain(agreement),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
    )


def digest_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def digest(agreement: Agreement) -> str:
    """SHA-256 (hex) of the canonical text."""
    return digest_of(canonical(agreement))


def short_digest(value: str) -> str:
    """The first 16 hex digits in groups of four, as printed in footers."""
    head = value[:16]
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


# -- reading a snapshot back -----------------------------------------------------------------


_ODD_NUMBERS = frozenset({"NaN", "Infinity", "-Infinity"})


def _read(kind: Any, value: Any, where: str) -> Any:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        if value is None:
            return None
        return _read(options[0], value, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise SnapshotError(_("{where} should be a list.").format(where=where))
        inner = get_args(kind)[0]
        return tuple(_read(inner, v, f"{where}[{i}]") for i, v in enumerate(value))
    if is_dataclass(kind):
        if not isinstance(value, dict):
            raise SnapshotError(_("{where} should be an object.").format(where=where))
        hints = get_type_hints(kind)
        known = {f.name for f in fields(kind)}
        unknown = set(value) - known - {"format"}
        if unknown:
            raise SnapshotError(
                _("{where} has unknown fields: {names}.").format(
                    where=where, names=", ".join(sorted(unknown))
                )
            )
        build: Any = kind
        return build(
            **{
                name: _read_measure(value[name], f"{where}.{name}")
                if name in _ADDED_LATER
                else _read(hints[name], value[name], f"{where}.{name}")
                for name in known
                if name in value
            }
        )
    if kind is bool:
        if not isinstance(value, bool):
            raise SnapshotError(_("{where} should be true or false.").format(where=where))
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise SnapshotError(_("{where} should be a whole number.").format(where=where))
        return value
    if kind is str:
        if not isinstance(value, str):
            raise SnapshotError(_("{where} should be text.").format(where=where))
        return value
    if kind is Decimal:
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = Decimal("NaN")
        # NaN and the infinities only as canonical() writes them for a stored odd number.
        if not isinstance(value, str) or not (number.is_finite() or value in _ODD_NUMBERS):
            raise SnapshotError(_("{where} should be a number.").format(where=where))
        return number
    if kind is date:
        try:
            if isinstance(value, str):
                return date.fromisoformat(value)
        except ValueError:
            pass
        raise SnapshotError(_("{where} should be a date.").format(where=where))
    raise TypeError(f"cannot read {kind!r}")


def _read_measure(value: Any, where: str) -> Measure | None:
    if value is None:
        return None
    try:
        return measures.from_dict(value)
    except measures.MeasureError as exc:
        raise SnapshotError(
            _("{where} is not a measure this Accord knows: {problem}").format(
                where=where, problem=exc.message
            )
        ) from None


def from_snapshot(text: str) -> Agreement:
    """The agreement stored as ``text`` (its canonical form); :class:`SnapshotError` if the
    text is not an agreement this Accord can read."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise SnapshotError(_("The stored agreement is not readable JSON.")) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SnapshotError(_("The stored agreement is in a format this Accord does not know."))
    agreement: Agreement = _read(Agreement, data, "agreement")
    return agreement
