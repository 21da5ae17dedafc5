"""Sealing: checked with pyHanko directly and with poppler's pdfsig, not only with our verifier."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from exporters.identity import UnlockedIdentity
from exporters.seal import FIELD_NAME, KEYWORD_PREFIX, SealError, seal_pdf
from exporters.seal_stamp import StampText, render_stamp
from exporters.trust import trusted_certificates
from exporters.verify import Outcome, verify_pdf
from tests.exporters.sealing import BOX, DIGEST, make_identity, make_pdf, sealed


@pytest.fixture(scope="module")
def identity(tmp_path_factory: pytest.TempPathFactory) -> UnlockedIdentity:
    return make_identity(tmp_path_factory.mktemp("identity"))


def test_pyhanko_finds_the_seal_intact_trusted_and_untouched(identity: UnlockedIdentity) -> None:
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(sealed(identity)))
    (signature,) = reader.embedded_signatures
    root = asn1_x509.Certificate.load(identity.certificate.public_bytes(serialization.Encoding.DER))
    status = validate_pdf_signature(
        signature, signer_validation_context=ValidationContext(trust_roots=[root])
    )
    assert signature.field_name == FIELD_NAME
    assert status.bottom_line and status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.modification_level == ModificationLevel.NONE
    assert status.docmdp_ok
    # PAdES baseline B-B: ETSI.CAdES.detached with the signing certificate bound in.
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert "signing_certificate_v2" in [
        a["type"].native for a in signature.signer_info["signed_attrs"]
    ]


def test_pdfsig_reports_the_whole_document_signed_and_valid(
    identity: UnlockedIdentity, tmp_path: Path
) -> None:
    path = tmp_path / "sealed.pdf"
    path.write_bytes(sealed(identity))
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Total document signed" in out
    assert "Signature is Valid" in out
    assert "Signer Certificate Common Name: Dana Whitfield" in out


def test_the_agreement_digest_is_in_the_sealed_metadata(identity: UnlockedIdentity) -> None:
    from pypdf import PdfReader

    data = seal_pdf(make_pdf(digest="0" * 64), identity, BOX, DIGEST)
    assert PdfReader(io.BytesIO(data)).metadata["/Keywords"] == KEYWORD_PREFIX + DIGEST
    assert verify_pdf(data, [identity.certificate]).digest == DIGEST


def _render(data: bytes, tmp_path: Path, page: int) -> Image.Image:
    source = tmp_path / "render.pdf"
    source.write_bytes(data)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "72",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            str(source),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    (png,) = tmp_path.glob("page*.png")
    image = Image.open(png).convert("RGB")
    png.unlink()
    return image


def test_the_stamp_shows_in_the_reserved_box_and_nowhere_else(
    identity: UnlockedIdentity, tmp_path: Path
) -> None:
    plain = make_pdf()
    before = _render(plain, tmp_path, 3)
    after = _render(sealed(identity, plain), tmp_path, 3)
    page_index, (x1, y1, x2, y2) = BOX
    height = before.height
    box = (int(x1), int(height - y2), int(x2), int(height - y1))  # 72 dpi: 1 px per point
    inside_before = before.crop(box)
    inside_after = after.crop(box)
    assert inside_before.getcolors(1) is not None  # empty: one colour (white)
    colours = inside_after.getcolors(100_000) or []
    inked = sum(n for n, rgb in colours if rgb[2] > rgb[0] + 30)  # the stamp's blue ink
    assert inked > 200
    # Outside the box (and a pixel of anti-aliasing around it) the page is unchanged.
    mask = Image.new("1", before.size, 1)
    mask.paste(0, (box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1))
    blank = Image.new("RGB", before.size, "white")
    assert Image.composite(after, blank, mask).tobytes() == (
        Image.composite(before, blank, mask).tobytes()
    )
    assert page_index == 2


def test_the_stamp_embeds_its_fonts(identity: UnlockedIdentity, tmp_path: Path) -> None:
    path = tmp_path / "sealed.pdf"
    path.write_bytes(sealed(identity))
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = [line for line in out.splitlines()[2:] if "DejaVu" in line]
    assert rows, out
    assert all(" yes " in row for row in rows)  # emb column


def test_markup_and_any_script_in_the_identity_reach_the_stamp_literally(
    tmp_path: Path,
) -> None:
    name = "Zoë <b>Ab</b> & a<b"
    organization = "Ωmega <img src=/etc/passwd> &amp; Co"
    identity = make_identity(tmp_path / "id", name=name, organization=organization)
    verdict = verify_pdf(sealed(identity), [identity.certificate])
    assert verdict.outcome is Outcome.INTACT
    assert verdict.signer is not None
    assert (verdict.signer.name, verdict.signer.organization) == (name, organization)
    # The stamp page (what the seal's appearance shows) has the text as typed.
    stamp = tmp_path / "stamp.pdf"
    when = datetime(2026, 11, 23, 16, 5, tzinfo=UTC)
    stamp.write_bytes(render_stamp(StampText(name, organization, when, DIGEST), 240, 70))
    text = subprocess.run(["pdftotext", str(stamp), "-"], capture_output=True, text=True).stdout
    assert f"Sealed by {name}" in text
    assert organization in text
    assert "2026-11-23 16:05 UTC" in text
    assert DIGEST[:4] in text


def test_a_long_name_is_shortened_to_fit_the_stamp(tmp_path: Path) -> None:
    stamp = tmp_path / "stamp.pdf"
    when = datetime(2026, 11, 23, tzinfo=UTC)
    stamp.write_bytes(render_stamp(StampText("W" * 64, "", when, DIGEST), 240, 70))
    text = subprocess.run(["pdftotext", str(stamp), "-"], capture_output=True, text=True).stdout
    assert "WWW…" in text and "W" * 64 not in text


def test_an_unreadable_pdf_is_refused_with_a_sentence(identity: UnlockedIdentity) -> None:
    with pytest.raises(SealError, match="could not be sealed"):
        seal_pdf(b"%PDF-1.7\nnot really", identity, BOX, DIGEST)


def test_sealing_an_own_identity_is_trusted_by_the_trust_list(tmp_path: Path) -> None:
    identity = make_identity(tmp_path)
    verdict = verify_pdf(sealed(identity), trusted_certificates(tmp_path))
    assert verdict.outcome is Outcome.INTACT and verdict.trusted
