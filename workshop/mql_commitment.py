"""How marketing's MQL commitment follows the reverse funnel.

The MQL volume commitment follows the funnel's MQLs per month until someone types a target
for it by hand (the commitment then stops following). When a funnel input changes, every
following commitment takes the new monthly figure; when none follows and none was taken
over by hand, a new one is added. While the funnel cannot be worked out, nothing moves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from workshop.funnel import FunnelInputError, plan
from workshop.i18n import _
from workshop.model import Commitment, FunnelAssumptions, Team

_MQL_UNITS = {"mql", "mqls"}


def mqls_per_month(funnel: FunnelAssumptions) -> int | None:
    """The funnel's MQLs per month, or ``None`` while an input is missing or out of range."""
    try:
        return plan(funnel).mqls_per_month
    except FunnelInputError:
        return None


def overridden(commitment: Commitment) -> bool:
    """A marketing MQL commitment whose target someone typed by hand (it no longer follows)."""
    return (
        commitment.committed_by is Team.MARKETING
        and not commitment.follows_funnel
        and commitment.unit.strip().lower() in _MQL_UNITS
    )


def new_mql_commitment(target: Decimal) -> Commitment:
    """Marketing's MQL volume commitment, following the funnel from ``target`` a month."""
    return Commitment(
        committed_by=Team.MARKETING,
        what=_("Deliver MQLs that meet the agreed MQL definition"),
        target=target,
        unit=_("MQLs"),
        period=_("per month"),
        measured_by=_("MQLs created in the CRM per calendar month"),
        data_source=_("CRM"),
        follows_funnel=True,
    )


@dataclass(frozen=True)
class FollowFunnel:
    """What keeps the MQL commitment in step with the funnel."""

    targets: tuple[tuple[str, Decimal], ...] = ()
    """(commitment id, its new target) for each following commitment that moves."""
    add: Commitment | None = None
    """A new following commitment, when there is none to move."""


def follow_funnel(commitments: Sequence[Commitment], funnel: FunnelAssumptions) -> FollowFunnel:
    """How ``commitments`` follow ``funnel`` (nothing changes while it has no plan)."""
    per_month = mqls_per_month(funnel)
    if per_month is None:
        return FollowFunnel()
    target = Decimal(per_month)
    following = [c for c in commitments if c.follows_funnel]
    moves = tuple((c.id, target) for c in following if c.target != target)
    if not following and not any(overridden(c) for c in commitments):
        return FollowFunnel(moves, new_mql_commitment(target))
    return FollowFunnel(moves)
