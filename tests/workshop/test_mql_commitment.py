"""How marketing's MQL commitment follows the reverse funnel."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from workshop.model import Commitment, FunnelAssumptions, Team
from workshop.mql_commitment import FollowFunnel, follow_funnel, mqls_per_month, overridden

FUNNEL = FunnelAssumptions(
    revenue_target=Decimal(1_200_000),
    average_deal=Decimal(20_000),
    marketing_share=Decimal("0.5"),
    mql_to_sql=Decimal("0.25"),
    sql_to_won=Decimal("0.25"),
    months=12,
)


def per_month() -> Decimal:
    n = mqls_per_month(FUNNEL)
    assert n is not None
    return Decimal(n)


def test_a_new_commitment_follows_the_funnel_when_there_is_none() -> None:
    change = follow_funnel([], FUNNEL)
    assert change.targets == ()
    assert change.add is not None and change.add.follows_funnel
    assert change.add.committed_by is Team.MARKETING and change.add.target == per_month()
    assert change.add.unit == "MQLs" and change.add.period == "per month"


def test_following_commitments_move_and_those_in_step_stay() -> None:
    moving = Commitment(follows_funnel=True, target=Decimal(1))
    in_step = Commitment(follows_funnel=True, target=per_month())
    other = Commitment(committed_by=Team.SALES, what="Call back within 4 hours")
    change = follow_funnel([moving, in_step, other], FUNNEL)
    assert change.targets == ((moving.id, per_month()),) and change.add is None


def test_a_target_typed_by_hand_is_left_alone() -> None:
    typed = Commitment(target=Decimal(500), unit=" MQLs ", follows_funnel=False)
    assert overridden(typed)
    assert follow_funnel([typed], FUNNEL) == FollowFunnel()


def test_nothing_moves_while_the_funnel_has_no_plan() -> None:
    following = Commitment(follows_funnel=True, target=Decimal(1))
    assert mqls_per_month(FunnelAssumptions()) is None
    change = follow_funnel([following], FunnelAssumptions())
    assert change.targets == () and change.add is None


commitments = st.lists(
    st.builds(
        Commitment,
        committed_by=st.sampled_from(Team),
        target=st.none() | st.decimals(0, 10_000, places=0),
        unit=st.sampled_from(["MQLs", "mql", "leads", ""]),
        follows_funnel=st.booleans(),
    ),
    max_size=5,
)


@given(commitments)
def test_afterwards_every_follower_matches_the_funnel_and_one_exists_unless_overridden(
    items: list[Commitment],
) -> None:
    change = follow_funnel(items, FUNNEL)
    moved = dict(change.targets)
    assert set(moved) <= {c.id for c in items if c.follows_funnel}
    after = [Decimal(moved.get(c.id, c.target or 0)) for c in items if c.follows_funnel]
    assert all(t == per_month() for t in after)
    if change.add is not None:
        after.append(per_month())
        assert not any(c.follows_funnel or overridden(c) for c in items)
    assert after or any(overridden(c) for c in items)
