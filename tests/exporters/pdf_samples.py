"""Agreements and versions for the PDF tests, built by hand from the demo workshop."""

from __future__ import annotations

import datetime as dt
import math
import re
import subprocess
from dataclasses import replace
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from exporters.agreement_pdf import RenderedPdf, render
from workshop.agreement import Agreement, SignatoryTerms, compose, digest
from workshop.demo import build_demo_workshop
from workshop.model import (
    AgreementVersion,
    Signatory,
    Signature,
    SignatureKind,
    Team,
    VersionStatus,
)

SIGNED_AT = dt.datetime(2026, 12, 1, 15, 42, tzinfo=dt.UTC)
WORKSHOP_ID = "2ae77ed6f8e48648beeaa41862db626"
SIGNATORIES = (
    SignatoryTerms("Tobias Brandt", "Head of Sales", "sales"),
    SignatoryTerms("José Álvarez", "Head of Marketing", "marketing"),
    SignatoryTerms("Zoë Müller", "Chief Revenue Officer", "leadership"),
)


def wave(points: int = 40, phase: float = 0.0) -> list[list[tuple[float, float]]]:
    """Two strokes: a loop-like wave and a short tick, in pad coordinates (y down)."""
    body = [
        (0.05 + 0.9 * i / (points - 1), 0.5 + 0.3 * math.sin(i / 3 + phase)) for i in range(points)
    ]
    return [body, [(0.2, 0.2), (0.25, 0.8), (0.3, 0.3)]]


def demo_agreement(**changes: object) -> Agreement:
    agreement = compose(build_demo_workshop(dt.date(2026, 11, 23)))
    agreement = replace(agreement, signatories=SIGNATORIES, open_points=())
    return replace(agreement, **changes) if changes else agreement


def version_for(
    agreement: Agreement, *, signed: bool = True, typed_name: str = "José Álvarez"
) -> AgreementVersion:
    people = [
        Signatory(name=s.name, title=s.title, team=Team(s.team)) for s in agreement.signatories
    ]
    if signed and people:
        people[0].signature = Signature(SignatureKind.DRAWN, wave(), "", SIGNED_AT)
        if len(people) > 1:
            people[1].signature = Signature(SignatureKind.TYPED, [], typed_name, SIGNED_AT)
        for person in people[2:]:
            person.signature = Signature(SignatureKind.DRAWN, wave(30, 1.0), "", SIGNED_AT)
    return AgreementVersion(
        number=3,
        status=VersionStatus.SIGNED if signed else VersionStatus.DRAFT,
        digest=digest(agreement),
        contains_open_points=agreement.contains_open_points,
        created_at=SIGNED_AT - dt.timedelta(hours=2),
        signed_at=SIGNED_AT if signed else None,
        signatories=people,
    )


def render_demo(signed: bool = True, page_size: str = "A4", **changes: object) -> RenderedPdf:
    agreement = demo_agreement(**changes)
    return render(
        agreement,
        version_for(agreement, signed=signed),
        workshop_id=WORKSHOP_ID,
        page_size=page_size,
        app_version="9.8.7",
    )


def reader(data: bytes) -> PdfReader:
    return PdfReader(BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(data).pages]


def squash(text: str) -> str:
    """Text with all whitespace removed: line wrapping must not matter when comparing."""
    return re.sub(r"\s+", "", text)


def pdffonts(path: Path) -> list[tuple[str, str]]:
    """(font name, emb column) for every font poppler finds."""
    out = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    rows = out.splitlines()[2:]
    result = []
    for row in rows:
        parts = row.split()
        # name type [type...] encoding emb sub uni object ID: emb is the 5th field from the end
        result.append((parts[0], parts[-5]))
    return result
