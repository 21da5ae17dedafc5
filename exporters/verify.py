"""Verification: is this PDF the sealed document, unchanged, and who sealed it?

The verdict rests on pyHanko's validation of the seal *and* its modification analysis —
coverage of the file, modification level, DocMDP — never on "the signature is valid" alone:
an incremental update appended after sealing leaves the signature mathematically valid (poppler's
``pdfsig`` says so) although the file shown is no longer the one that was sealed.

- INTACT: the seal checks and covers the entire file, with nothing added after it.
- MODIFIED: the seal checks for the revision it signed, but content was added afterwards.
- BROKEN: the bytes the seal covers changed (digest mismatch), the signature does not check,
  or the PDF carries no seal at all.
A file that is not a readable PDF raises :class:`UnreadablePdfError`.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from exporters.certificates import CertificateInfo, describe
from workshop.errors import AccordError
from workshop.i18n import _

DIGEST = re.compile(r"accord-agreement-sha256:([0-9a-f]{64})")


class Outcome(Enum):
    INTACT = "intact"
    MODIFIED = "modified"
    BROKEN = "broken"


class Change(Enum):
    """What was added after sealing (pyHanko's ModificationLevel, in words)."""

    VALIDATION_DATA = "validation data"
    FORM_FILLING = "form filling"
    ANNOTATIONS = "annotations"
    OTHER = "content"


class UnreadablePdfError(AccordError):
    """Not a PDF, or too damaged to read."""


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    signer: CertificateInfo | None = None
    trusted: bool = False
    signed_at: datetime | None = None
    digest: str | None = None  # the agreement digest in the sealed revision's metadata
    change: Change | None = None  # for MODIFIED
    no_seal: bool = False  # for BROKEN: there is no seal at all
    detail: str = ""  # pyHanko's own account, for the curious

    @property
    def exit_code(self) -> int:
        return 0 if self.outcome is Outcome.INTACT else 1


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """pyHanko logs path-building failures with tracebacks (e.g. for an untrusted signer);
    the verdict says it in words instead."""
    loggers = [logging.getLogger(n) for n in ("pyhanko", "pyhanko_certvalidator")]
    before = [(lg.level, lg.propagate) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for lg, (level, propagate) in zip(loggers, before, strict=True):
            lg.setLevel(level)
            lg.propagate = propagate


def _unreadable(reason: str = "") -> UnreadablePdfError:
    if reason:
        return UnreadablePdfError(
            _(
                "This file is not a readable PDF ({reason}); check that it is the right file."
            ).format(reason=reason)
        )
    return UnreadablePdfError(_("This file is not a PDF; check that it is the right file."))


def _digest_in(data: bytes) -> str | None:
    """The agreement digest in the document information of the PDF ``data``."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        info = reader.trailer_view.get("/Info")
        keywords = str(info.get_object().get("/Keywords", "")) if info is not None else ""
    except Exception:  # the metadata is a convenience; the seal's verdict does not rest on it
        return None
    found = DIGEST.search(keywords)
    return found.group(1) if found else None


def _change(level: Any) -> Change:
    from pyhanko.sign.diff_analysis import ModificationLevel

    return {
        ModificationLevel.LTA_UPDATES: Change.VALIDATION_DATA,
        ModificationLevel.FORM_FILLING: Change.FORM_FILLING,
        ModificationLevel.ANNOTATIONS: Change.ANNOTATIONS,
    }.get(level, Change.OTHER)


def _signer_info(status: Any) -> CertificateInfo | None:
    cert = getattr(status, "signing_cert", None)
    if cert is None:
        return None
    return describe(x509.load_der_x509_certificate(cert.dump()))


def verify_pdf(data: bytes, trusted: Sequence[x509.Certificate] = ()) -> Verdict:
    """The verdict for PDF ``data``, trusting the certificates in ``trusted``."""
    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise _unreadable()
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    with _quiet():
        try:
            reader = PdfFileReader(io.BytesIO(data), strict=False)
            signatures = list(reader.embedded_signatures)
        except (PdfError, ValueError, KeyError, IndexError, TypeError) as exc:
            raise _unreadable(str(exc) or type(exc).__name__) from None
        if not signatures:
            return Verdict(Outcome.BROKEN, no_seal=True)
        seal = min(signatures, key=lambda s: s.signed_revision)  # the first seal applied
        roots = [
            asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in trusted
        ]
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        try:
            status: Any = validate_pdf_signature(seal, signer_validation_context=context)
        except (SignatureValidationError, PdfError, ValueError) as exc:
            return Verdict(Outcome.BROKEN, detail=str(exc))
        signed_end = seal.byte_range[2] + seal.byte_range[3]
        common = {
            "signer": _signer_info(status),
            "trusted": bool(status.trusted),
            "signed_at": status.signer_reported_dt,
            "digest": _digest_in(data[:signed_end]),
            "detail": status.pretty_print_details(),
        }
    if not (status.intact and status.valid):
        return Verdict(Outcome.BROKEN, **common)
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE and status.docmdp_ok is not False:
        return Verdict(Outcome.INTACT, **common)
    if status.coverage == SignatureCoverageLevel.ENTIRE_REVISION:
        return Verdict(Outcome.MODIFIED, change=_change(status.modification_level), **common)
    return Verdict(Outcome.BROKEN, **common)  # covers less than a whole revision


def verify_file(path: Path, trusted: Sequence[x509.Certificate] = ()) -> Verdict:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadablePdfError(
            _("{file} could not be read ({reason}).").format(
                file=path.name, reason=exc.strerror or exc
            )
        ) from None
    return verify_pdf(data, trusted)
