"""Verification: intact, modified after sealing, broken, unreadable — with pdfsig alongside to
document where "the signature is valid" is not enough."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.identity import UnlockedIdentity
from exporters.verdict_text import LibraryMatch, report
from exporters.verify import Change, Outcome, UnreadablePdfError, verify_pdf
from tests.exporters.sealing import DIGEST, make_identity, make_pdf, sealed


@pytest.fixture(scope="module")
def identity(tmp_path_factory: pytest.TempPathFactory) -> UnlockedIdentity:
    return make_identity(tmp_path_factory.mktemp("identity"))


@pytest.fixture(scope="module")
def sealed_pdf(identity: UnlockedIdentity) -> bytes:
    return sealed(identity)


def pdfsig(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "check.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def changed_page(data: bytes) -> bytes:
    """Append an incremental update (pypdf) that replaces page 1's text."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject

    writer = PdfWriter(io.BytesIO(data), incremental=True)
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 24 Tf 72 700 Td (Marketing owes nothing) Tj ET")
    writer.pages[0].replace_contents(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_intact_seal_from_a_trusted_signer(
    identity: UnlockedIdentity, sealed_pdf: bytes
) -> None:
    verdict = verify_pdf(sealed_pdf, [identity.certificate])
    assert verdict.outcome is Outcome.INTACT and verdict.exit_code == 0
    assert verdict.trusted and verdict.digest == DIGEST
    assert verdict.signer is not None and verdict.signer.name == "Dana Whitfield"
    text = report(verdict, LibraryMatch("Q3 alignment offsite", 2))
    assert text.startswith("Intact and unmodified\n")
    assert "covers the whole file" in text
    assert "Sealed by Dana Whitfield, Northwind Analytics (trusted)." in text
    assert "This is version 2 of “Q3 alignment offsite”, sealed by Dana Whitfield." in text


def test_an_unknown_signer_is_intact_but_not_in_the_trust_list(sealed_pdf: bytes) -> None:
    verdict = verify_pdf(sealed_pdf, [])
    assert verdict.outcome is Outcome.INTACT and verdict.exit_code == 0
    assert not verdict.trusted
    assert "signer not in your trust list" in report(verdict)
    assert "No agreement version in this library" in report(verdict)


def test_a_flipped_byte_inside_the_sealed_range_is_broken(
    identity: UnlockedIdentity, sealed_pdf: bytes, tmp_path: Path
) -> None:
    at = sealed_pdf.index(b"Clause 2.7")
    tampered = sealed_pdf[:at] + b"K" + sealed_pdf[at + 1 :]
    verdict = verify_pdf(tampered, [identity.certificate])
    assert verdict.outcome is Outcome.BROKEN and verdict.exit_code == 1
    assert "no longer match the seal" in report(verdict)
    # poppler notices this one too, yet still exits 0.
    result = subprocess.run(["pdfsig", str(_write(tampered, tmp_path))], capture_output=True)
    assert b"Digest Mismatch" in result.stdout
    assert result.returncode == 0


def _write(data: bytes, tmp_path: Path) -> Path:
    path = tmp_path / "file.pdf"
    path.write_bytes(data)
    return path


def test_a_page_changed_in_an_incremental_update_is_modified_though_pdfsig_says_valid(
    identity: UnlockedIdentity, sealed_pdf: bytes, tmp_path: Path
) -> None:
    changed = changed_page(sealed_pdf)
    assert changed.startswith(sealed_pdf)  # the sealed bytes are all still there
    verdict = verify_pdf(changed, [identity.certificate])
    assert verdict.outcome is Outcome.MODIFIED and verdict.exit_code == 1
    assert verdict.change is Change.OTHER
    text = report(verdict)
    assert text.startswith("Modified after sealing\n")
    assert "page content or structure was changed" in text
    assert "This is not the sealed document" in text
    # The difference stays documented: poppler still calls the signature valid.
    out = pdfsig(changed, tmp_path)
    assert "Signature is Valid" in out
    assert "Not total document signed" in out


def test_a_pdf_without_a_seal_is_broken() -> None:
    verdict = verify_pdf(make_pdf(), [])
    assert verdict.outcome is Outcome.BROKEN and verdict.no_seal and verdict.exit_code == 1
    assert report(verdict).startswith("Broken: no seal\nThis PDF carries no seal")


@pytest.mark.parametrize("keep", [0.5, 0.99, 0.01])
def test_a_truncated_pdf_is_unreadable(sealed_pdf: bytes, keep: float) -> None:
    with pytest.raises(UnreadablePdfError, match="not a readable PDF"):
        verify_pdf(sealed_pdf[: int(len(sealed_pdf) * keep)], [])


@pytest.mark.parametrize("data", [b"", b"hello", b"\x89PNG\r\n\x1a\n" + b"\0" * 100])
def test_a_file_that_is_not_a_pdf_is_unreadable(data: bytes) -> None:
    with pytest.raises(UnreadablePdfError) as caught:
        verify_pdf(data, [])
    assert caught.value.message == "This file is not a PDF; check that it is the right file."


def _signed_ranges(data: bytes) -> list[tuple[int, int]]:
    from pyhanko.pdf_utils.reader import PdfFileReader

    (signature,) = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    a, b, c, d = signature.byte_range
    return [(a, a + b), (c, c + d)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(where=st.floats(min_value=0, max_value=1, exclude_max=True), bit=st.integers(0, 7))
def test_no_flipped_bit_inside_the_sealed_ranges_verifies_as_intact(
    identity: UnlockedIdentity, sealed_pdf: bytes, where: float, bit: int
) -> None:
    ranges = _signed_ranges(sealed_pdf)
    size = sum(end - start for start, end in ranges)
    offset = int(where * size)
    start, end = ranges[0]
    at = start + offset if offset < end - start else ranges[1][0] + offset - (end - start)
    tampered = bytearray(sealed_pdf)
    tampered[at] ^= 1 << bit
    try:
        verdict = verify_pdf(bytes(tampered), [identity.certificate])
    except UnreadablePdfError:
        return  # exit 2: also not accepted
    assert verdict.outcome is not Outcome.INTACT


@settings(max_examples=80, deadline=None)
@given(body=st.binary(max_size=2000))
def test_any_bytes_give_a_verdict_or_a_sentence_never_a_crash(body: bytes) -> None:
    try:
        verdict = verify_pdf(b"%PDF-1.7\n" + body, [])
    except UnreadablePdfError as exc:
        assert exc.message.endswith("check that it is the right file.")
        return
    assert verdict.outcome is Outcome.BROKEN


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=1, max_value=10_000))
def test_a_sealed_pdf_cut_short_anywhere_is_never_intact(
    identity: UnlockedIdentity, sealed_pdf: bytes, cut: int
) -> None:
    try:
        verdict = verify_pdf(sealed_pdf[: max(0, len(sealed_pdf) - cut)], [identity.certificate])
    except UnreadablePdfError:
        return
    assert verdict.outcome is not Outcome.INTACT
