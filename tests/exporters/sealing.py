"""Shared helpers for the seal and verification tests: a small agreement-like PDF and an
identity made in a temporary folder."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime
from pathlib import Path

from exporters.identity import UnlockedIdentity, create_identity, unlock
from exporters.seal import KEYWORD_PREFIX, SealBox, seal_pdf

PASSPHRASE = "correct horse battery"
DIGEST = hashlib.sha256(b"the agreement as signed").hexdigest()
BOX: SealBox = (2, (320.0, 80.0, 560.0, 150.0))


def make_pdf(pages: int = 3, digest: str = DIGEST, line: str = "Clause") -> bytes:
    """A few pages like the agreement's: uncompressed text, the digest in Info /Keywords,
    an empty box on the last page for the stamp."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=0, invariant=1)
    canvas.setKeywords(KEYWORD_PREFIX + digest)
    canvas.setTitle("Sales-marketing agreement")
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 11)
        for row in range(40):
            canvas.drawString(60, 780 - row * 16, f"{line} {number}.{row + 1}: marketing delivers")
        canvas.drawString(60, 40, f"Page {number} of {pages}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def make_identity(
    folder: Path,
    name: str = "Dana Whitfield",
    organization: str = "Northwind Analytics",
    email: str = "dana@northwind.example",
    now: datetime | None = None,
) -> UnlockedIdentity:
    create_identity(name, organization, email, PASSPHRASE, folder=folder, now=now)
    return unlock(PASSPHRASE, folder / "identity.p12", now=now)


def sealed(identity: UnlockedIdentity, data: bytes | None = None) -> bytes:
    return seal_pdf(data or make_pdf(), identity, BOX, DIGEST, now=datetime.now(UTC))
