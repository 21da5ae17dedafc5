"""``seal`` and ``verify``: the electronic seal on the demo agreement, and checking it.

The identity is made with ``exporters.identity.create_identity`` in a temporary folder
standing in for the user's data folder, so no real identity is read or replaced. The PDF
is the demo's signed version 1 (a draft is never sealed), rendered once. ``seal`` times
``exporters.seal.seal_pdf`` (the visible stamp included); ``verify`` times
``exporters.verify.verify_pdf`` of the sealed bytes, trusting the identity's certificate.
Both are reported, not budgeted.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.report import BenchError, Result
from bench.stats import median
from bench.workshops import demo

SEAL_NAME = "seal"
VERIFY_NAME = "verify"
PASSPHRASE = "correct horse battery staple"


@dataclass(frozen=True)
class Sealing:
    pdf: bytes
    seal_box: Any
    digest: str
    identity: Any  # exporters.identity.UnlockedIdentity


@contextmanager
def sealing() -> Iterator[Sealing]:
    from exporters.agreement_pdf import render
    from exporters.identity import create_identity, identity_path, unlock
    from workshop.versions import export_target

    workshop = demo()
    agreement, version = export_target(workshop, 1)
    rendered = render(agreement, version, workshop_id=workshop.id, app_version="bench")
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        create_identity("Bench Sealer", "Harbourline Software GmbH", "", PASSPHRASE, folder=folder)
        identity = unlock(PASSPHRASE, identity_path(folder))
        yield Sealing(rendered.data, rendered.seal_box, version.digest, identity)


def seal_once(s: Sealing) -> tuple[float, bytes]:
    from exporters.seal import seal_pdf

    start = time.perf_counter_ns()
    sealed = seal_pdf(s.pdf, s.identity, s.seal_box, s.digest)
    return (time.perf_counter_ns() - start) / 1e6, sealed


def verify_once(s: Sealing, sealed: bytes) -> float:
    from exporters.verify import Outcome, verify_pdf

    start = time.perf_counter_ns()
    verdict = verify_pdf(sealed, trusted=[s.identity.certificate])
    elapsed = (time.perf_counter_ns() - start) / 1e6
    if verdict.outcome is not Outcome.INTACT or not verdict.trusted:
        raise BenchError(f"the sealed demo did not verify as intact and trusted ({verdict})")
    return elapsed


def run_seal(quick: bool) -> list[Result]:
    runs = 2 if quick else 10
    with sealing() as s:
        seal_once(s)  # pyHanko's imports and caches; not measured
        times = [seal_once(s)[0] for _ in range(runs)]
    return [Result(SEAL_NAME, median(times), "ms")]


def run_verify(quick: bool) -> list[Result]:
    runs = 2 if quick else 10
    with sealing() as s:
        _, sealed = seal_once(s)
        verify_once(s, sealed)  # not measured
        times = [verify_once(s, sealed) for _ in range(runs)]
    return [Result(VERIFY_NAME, median(times), "ms")]
