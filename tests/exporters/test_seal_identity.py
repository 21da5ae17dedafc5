"""The signing identity: how it is made, stored, unlocked, imported, exported and refused."""

from __future__ import annotations

import logging
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters import identity as ident
from exporters import trust
from exporters.certificates import parse_certificates
from exporters.seal import seal_pdf
from exporters.verify import Outcome, verify_pdf
from tests.exporters.sealing import BOX, DIGEST, PASSPHRASE, make_identity, make_pdf
from workshop.errors import ValidationError


def test_a_new_identity_is_ecdsa_p256_for_document_signing(tmp_path: Path) -> None:
    info = ident.create_identity(
        "Dana Whitfield", "Northwind", "dana@northwind.example", PASSPHRASE, folder=tmp_path
    )
    unlocked = ident.unlock(PASSPHRASE, ident.identity_path(tmp_path))
    assert isinstance(unlocked.key, ec.EllipticCurvePrivateKey)
    assert unlocked.key.curve.name == "secp256r1"
    usage = unlocked.certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment  # nonRepudiation
    assert not usage.key_cert_sign
    assert unlocked.certificate.issuer == unlocked.certificate.subject  # self-signed
    assert (info.name, info.organization, info.email) == (
        "Dana Whitfield",
        "Northwind",
        "dana@northwind.example",
    )
    assert ident.current(tmp_path) == info


def test_the_key_file_is_owner_only_and_the_passphrase_is_written_nowhere(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    make_identity(tmp_path)
    key_file = ident.identity_path(tmp_path)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert PASSPHRASE.encode(encoding) not in data, path
    assert PASSPHRASE not in caplog.text
    # The private key itself is not readable without the passphrase.
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(key_file.read_bytes(), None)


def test_the_data_folder_holds_the_identity(tmp_path: Path) -> None:
    ident.create_identity("Dana", "", "", PASSPHRASE)
    assert ident.identity_path().is_file()
    assert ident.data_folder().name == "Accord"
    assert str(ident.data_folder()).startswith(str(Path.home()))  # isolated by conftest


def test_a_wrong_passphrase_does_not_unlock_and_nothing_is_written(tmp_path: Path) -> None:
    make_identity(tmp_path)
    before = sorted((p, p.read_bytes()) for p in tmp_path.rglob("*") if p.is_file())
    with pytest.raises(ident.WrongPassphraseError) as caught:
        ident.unlock("not the passphrase", ident.identity_path(tmp_path))
    assert "The passphrase does not unlock this identity" in caught.value.message
    with pytest.raises(ident.WrongPassphraseError):
        ident.unlock("", ident.identity_path(tmp_path))
    after = sorted((p, p.read_bytes()) for p in tmp_path.rglob("*") if p.is_file())
    assert after == before


def test_an_expired_certificate_is_refused_with_its_dates(tmp_path: Path) -> None:
    long_ago = datetime(2019, 3, 1, 12, 0, tzinfo=UTC)
    make_identity(tmp_path, now=long_ago)  # valid five years from then
    with pytest.raises(ident.CertificateDatesError) as caught:
        ident.unlock(PASSPHRASE, ident.identity_path(tmp_path))
    assert "expired on 2024-02-28" in caught.value.message
    assert "valid from 2019-03-01" in caught.value.message


def test_a_certificate_not_valid_yet_is_refused_with_its_dates(tmp_path: Path) -> None:
    future = datetime.now(UTC) + timedelta(days=400)
    make_identity(tmp_path, now=future)
    with pytest.raises(ident.CertificateDatesError) as caught:
        ident.unlock(PASSPHRASE, ident.identity_path(tmp_path))
    assert f"not valid until {future.year}" in caught.value.message


def test_sealing_refuses_an_identity_that_expired_since_it_was_unlocked(tmp_path: Path) -> None:
    identity = make_identity(tmp_path)
    later = datetime.now(UTC) + timedelta(days=365 * 6)
    with pytest.raises(ident.CertificateDatesError):
        seal_pdf(make_pdf(), identity, BOX, DIGEST, now=later)


@pytest.mark.parametrize(
    ("name", "organization", "email", "field"),
    [
        ("", "Org", "", "name"),
        ("   ", "Org", "", "name"),
        ("N" * 65, "", "", "name"),
        ("Dana", "O" * 65, "", "organization"),
        ("Dana 😀", "", "", "name"),
        ("Dana", "Acme \ue000", "", "organization"),
        ("Dana", "", "not an address", "email"),
        ("Dana", "", "zoë@example.com", "email"),
    ],
)
def test_details_a_certificate_cannot_hold_are_refused_by_field(
    tmp_path: Path, name: str, organization: str, email: str, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        ident.create_identity(name, organization, email, PASSPHRASE, folder=tmp_path)
    assert caught.value.field == field
    assert caught.value.message.endswith(".")
    assert not ident.identity_path(tmp_path).exists()


@pytest.mark.parametrize(
    ("name", "organization", "field"),
    [
        ("0" + "\U0001d400" * 16, "", "name"),  # 17 characters, 65 bytes of UTF-8
        ("Dana", "山" * 22, "organization"),  # 22 characters, 66 bytes
        ("x" * 65, "", "name"),
    ],
)
def test_a_name_too_long_for_a_certificate_is_refused_whatever_its_script(
    tmp_path: Path, name: str, organization: str, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        ident.create_identity(name, organization, "", PASSPHRASE, folder=tmp_path)
    assert caught.value.field == field
    assert "too long for a certificate" in caught.value.message
    assert not ident.identity_path(tmp_path).exists()


def test_a_name_of_exactly_the_certificates_size_is_sealed(tmp_path: Path) -> None:
    identity = make_identity(tmp_path, name="山" * 21 + "a", organization="", email="")
    verdict = verify_pdf(seal_pdf(make_pdf(), identity, BOX, DIGEST), [identity.certificate])
    assert verdict.outcome is Outcome.INTACT and verdict.signer is not None
    assert verdict.signer.name == "山" * 21 + "a"


def test_a_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="at least 8 characters"):
        ident.create_identity("Dana", "", "", "short", folder=tmp_path)
    with pytest.raises(ValidationError, match="differ"):
        ident.check_passphrase("long enough one", "long enough two")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.text(min_size=1, max_size=70), organization=st.text(max_size=70))
def test_any_name_is_either_sealed_and_verified_or_refused_in_a_sentence(
    tmp_path_factory: pytest.TempPathFactory, name: str, organization: str
) -> None:
    folder = tmp_path_factory.mktemp("any")
    try:
        identity = make_identity(folder, name=name, organization=organization, email="")
    except ValidationError as exc:
        assert exc.field in {"name", "organization"}
        assert exc.message and "\n" not in exc.message
        return
    verdict = verify_pdf(seal_pdf(make_pdf(), identity, BOX, DIGEST), [identity.certificate])
    assert verdict.outcome is Outcome.INTACT and verdict.trusted
    assert verdict.signer is not None and verdict.signer.name == name.strip()


def _company_p12(tmp_path: Path, passphrase: bytes) -> tuple[Path, x509.Certificate]:
    """A .pfx as a company CA would issue it: RSA key, certificate signed by the CA."""
    now = datetime.now(UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Northwind Issuing CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=900))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "Lee Okafor"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Northwind"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    path = tmp_path / "lee.pfx"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"lee", key, cert, [ca], serialization.BestAvailableEncryption(passphrase)
        )
    )
    return path, ca


def test_a_company_pfx_is_imported_and_its_ca_makes_seals_trusted(tmp_path: Path) -> None:
    source, ca = _company_p12(tmp_path, b"company secret")
    folder = tmp_path / "data"
    with pytest.raises(ident.WrongPassphraseError):
        ident.import_identity(source, "guess", folder=folder)
    assert not ident.identity_path(folder).exists()
    info = ident.import_identity(source, "company secret", folder=folder)
    assert (info.name, info.organization) == ("Lee Okafor", "Northwind")
    assert stat.S_IMODE(ident.identity_path(folder).stat().st_mode) == 0o600
    unlocked = ident.unlock("company secret", ident.identity_path(folder))
    data = seal_pdf(make_pdf(), unlocked, BOX, DIGEST)
    ca_file = tmp_path / "ca.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    trust.trust_file(ca_file, folder)
    verdict = verify_pdf(data, trust.trusted_certificates(folder))
    assert verdict.outcome is Outcome.INTACT and verdict.trusted


def test_a_file_that_is_not_an_identity_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "notes.p12"
    source.write_text("hello")
    with pytest.raises(ident.IdentityError, match=r"not a \.p12 or \.pfx"):
        ident.import_identity(source, "x", folder=tmp_path / "data")
    with pytest.raises(ident.NoIdentityError):
        ident.unlock(PASSPHRASE, tmp_path / "missing.p12")


@pytest.mark.parametrize(("suffix", "marker"), [(".pem", b"-----BEGIN"), (".cer", b"\x30")])
def test_the_certificate_is_exported_for_recipients(
    tmp_path: Path, suffix: str, marker: bytes
) -> None:
    identity = make_identity(tmp_path)
    target = tmp_path / f"dana{suffix}"
    ident.export_certificate(target, tmp_path)
    data = target.read_bytes()
    assert data.startswith(marker)
    (cert,) = parse_certificates(data)
    assert cert == identity.certificate
    assert b"PRIVATE" not in data


def test_replacing_an_identity_keeps_the_old_one_trusted(tmp_path: Path) -> None:
    first = make_identity(tmp_path, name="First")
    old_seal = seal_pdf(make_pdf(), first, BOX, DIGEST)
    make_identity(tmp_path, name="Second")
    assert ident.current(tmp_path) is not None
    assert ident.current(tmp_path).name == "Second"  # type: ignore[union-attr]
    assert len(list(tmp_path.glob("identity-replaced-*.p12"))) == 1
    verdict = verify_pdf(old_seal, trust.trusted_certificates(tmp_path))
    assert verdict.trusted
    names = {e.info.name: e.own for e in trust.entries(tmp_path)}
    assert names == {"Second": True, "First": False}
