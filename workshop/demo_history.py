"""The demo's agreement history: version 1, signed by the sales and marketing leads with
sample hand-drawn signatures, and an amendment since (the draft of version 2).

At version 1 the room had agreed a 48-hour first follow-up and had no sales-cycle KPI, and
the CRO had not yet joined as executive sponsor; the workshop as built by
:func:`workshop.demo.build_demo_workshop` says what was amended since.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
from collections.abc import Callable
from decimal import Decimal

from workshop.agreement import canonical, compose, digest_of
from workshop.model import (
    AgreementVersion,
    Signatory,
    Signature,
    SignatureKind,
    Team,
    VersionStatus,
    Workshop,
    WorkshopStatus,
)

Stroke = list[tuple[float, float]]


def _curve(
    start: float, end: float, steps: int, f: Callable[[float], tuple[float, float]]
) -> Stroke:
    return [f(start + (end - start) * i / steps) for i in range(steps + 1)]


def _clip(x: float, y: float) -> tuple[float, float]:
    return (round(min(max(x, 0.0), 1.0), 4), round(min(max(y, 0.0), 1.0), 4))


def _flourish(seed: float, loops: int, x0: float, x1: float) -> Stroke:
    """A cursive run of loops from ``x0`` to ``x1``, like a handwritten surname."""

    def at(t: float) -> tuple[float, float]:
        x = x0 + (x1 - x0) * t + 0.025 * math.sin(2 * math.pi * loops * t + seed)
        y = 0.58 - 0.16 * math.sin(2 * math.pi * loops * t) * (0.7 + 0.3 * math.sin(seed + t * 5))
        return _clip(x, y)

    return _curve(0.0, 1.0, 24 * loops, at)


def sample_strokes(initial_height: float, seed: float) -> list[Stroke]:
    """A plausible signature: a tall initial, a cursive name, an underline."""
    initial = [
        _clip(0.08, 0.72),
        _clip(0.12, 0.72 - initial_height),
        _clip(0.16, 0.30),
        _clip(0.18, 0.66),
        _clip(0.22, 0.50),
    ]
    name = _flourish(seed, 5, 0.22, 0.78)
    underline = _curve(
        0.0, 1.0, 12, lambda t: _clip(0.10 + 0.80 * t, 0.82 + 0.03 * math.sin(3 * t + seed))
    )
    return [initial, name, underline]


def with_history(w: Workshop, signed_on: dt.datetime) -> Workshop:
    """``w`` with its signed version 1; the workshop itself already carries the amendment."""
    at_v1 = copy.deepcopy(w)
    for c in at_v1.commitments:
        if c.what == "First follow-up of every MQL":
            c.target = Decimal("48")
    at_v1.kpis = [k for k in at_v1.kpis if k.name != "Sales-cycle length"]
    at_v1.signatories = [s for s in at_v1.signatories if s.team is not Team.LEADERSHIP]
    agreement = compose(at_v1)
    text = canonical(agreement)
    signed = AgreementVersion(
        number=1,
        status=VersionStatus.SIGNED,
        snapshot=text,
        digest=digest_of(text),
        contains_open_points=agreement.contains_open_points,
        created_at=signed_on - dt.timedelta(minutes=20),
        signed_at=signed_on,
        signatories=[
            Signatory(
                name=s.name,
                title=s.title,
                team=s.team,
                signature=Signature(
                    kind=SignatureKind.DRAWN,
                    strokes=sample_strokes(0.38 + 0.05 * i, seed=1.3 + i),
                    signed_at=signed_on - dt.timedelta(minutes=2 * (1 - i)),
                ),
            )
            for i, s in enumerate(at_v1.signatories)
        ],
    )
    w.versions = [signed]
    w.status = WorkshopStatus.SIGNED
    return w
