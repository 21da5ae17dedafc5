"""Sealing: a PAdES baseline B-B signature (pyHanko) over the whole agreement PDF.

The seal is added as an incremental update: a signature field whose visible stamp fills the
box the agreement reserved on its signatures page, and the document information's Keywords
set to ``accord-agreement-sha256:<hex>``, the agreement digest, so verification can match
the file to a version in the library. pyHanko is imported here only, on first use.
"""

from __future__ import annotations

import binascii
import io
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives import serialization

from exporters.identity import UnlockedIdentity, check_dates
from exporters.seal_stamp import StampText, render_stamp
from workshop.errors import AccordError
from workshop.i18n import _

if TYPE_CHECKING:
    from cryptography import x509

FIELD_NAME = "AccordSeal"
KEYWORD_PREFIX = "accord-agreement-sha256:"

Box = tuple[float, float, float, float]
SealBox = tuple[int, Box]  # page index, (x1, y1, x2, y2) in PDF points, origin bottom-left


class SealError(AccordError):
    """The PDF could not be sealed; nothing was written."""


def _asn1_certificate(cert: x509.Certificate) -> Any:
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _signer(identity: UnlockedIdentity) -> Any:
    from asn1crypto import keys as asn1_keys
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    der = identity.key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    cert = _asn1_certificate(identity.certificate)
    chain = [_asn1_certificate(c) for c in identity.chain]
    store: Any = SimpleCertificateStore  # from_certs is not annotated
    return SimpleSigner(
        signing_cert=cert,
        signing_key=asn1_keys.PrivateKeyInfo.load(der),
        cert_registry=store.from_certs([cert, *chain]),
    )


def _stamp_style(stamp_pdf: bytes) -> Any:
    """A pyHanko stamp style that shows page one of ``stamp_pdf`` (kept in memory)."""
    from pyhanko.pdf_utils import content, layout
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.stamp import StaticStampStyle

    class StampPage(content.PdfContent):
        def render(self) -> bytes:
            writer = self._ensure_writer
            xobject = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(stamp_pdf)), 0)
            name = "/Stamp" + binascii.hexlify(uuid.uuid4().bytes).decode("ascii")
            self.resources.xobject[name] = xobject
            x1, y1, x2, y2 = xobject.get_object()["/BBox"]
            self.box = layout.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
            return name.encode("ascii") + b" Do"

    return StaticStampStyle(background=StampPage(), background_opacity=1.0, border_width=0)


def seal_pdf(
    data: bytes,
    identity: UnlockedIdentity,
    seal_box: SealBox | None,
    digest: str,
    *,
    now: datetime | None = None,
) -> bytes:
    """The sealed PDF. ``seal_box`` None makes an invisible seal (no stamp)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields
    from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner

    now = now or datetime.now(UTC)
    check_dates(identity.certificate, now)
    info = identity.info
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    except (PdfError, ValueError) as exc:
        raise SealError(
            _("The PDF could not be sealed because it could not be read ({reason}).").format(
                reason=exc
            )
        ) from None
    writer.document_meta.keywords = [KEYWORD_PREFIX + digest]
    metadata = PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        name=info.name,
        reason=_("Sealed sales–marketing agreement"),
    )
    if seal_box is None:
        spec = fields.SigFieldSpec(FIELD_NAME)
        style = None
    else:
        page, (x1, y1, x2, y2) = seal_box
        box = (round(x1), round(y1), round(x2), round(y2))
        spec = fields.SigFieldSpec(FIELD_NAME, on_page=page, box=box)
        stamp = StampText(info.name, info.organization, now.astimezone(UTC), digest)
        style = _stamp_style(render_stamp(stamp, box[2] - box[0], box[3] - box[1]))
    signer = PdfSigner(metadata, signer=_signer(identity), stamp_style=style, new_field_spec=spec)
    # Room for the signature container, given up front: otherwise pyHanko signs twice, once
    # only to measure the size (a third of the sealing time).
    certs = (identity.certificate, *identity.chain)
    reserved = 8192 + 2 * sum(len(c.public_bytes(serialization.Encoding.DER)) for c in certs)
    out = io.BytesIO()
    try:
        signer.sign_pdf(writer, output=out, bytes_reserved=reserved)
    except PdfError as exc:
        raise SealError(
            _("The PDF could not be sealed ({reason}); export it again.").format(reason=exc)
        ) from None
    return out.getvalue()
