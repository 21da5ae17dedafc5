"""The signing identity: a private key and its certificate in a passphrase-protected PKCS#12.

A new identity is an ECDSA P-256 key with a self-signed certificate for document signing
(digitalSignature + nonRepudiation). It lives in the user data folder as ``identity.p12``
(mode 0600) beside ``identity.pem``, the public certificate, which describes the identity
without asking for the passphrase. The passphrase itself is never stored anywhere.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from exporters.certificates import CertificateInfo, describe, format_date, to_pem
from workshop.errors import AccordError, ValidationError
from workshop.i18n import _

IDENTITY_FILE = "identity.p12"
CERTIFICATE_FILE = "identity.pem"
MIN_PASSPHRASE = 8
NAME_LIMIT = 64  # X.520 upper bound for a common or organisation name, in bytes of UTF-8
YEARS_VALID = 5

SigningKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey


class IdentityError(AccordError):
    """The signing identity is missing, locked or unusable."""


class NoIdentityError(IdentityError):
    pass


class WrongPassphraseError(IdentityError):
    pass


class CertificateDatesError(IdentityError):
    pass


@dataclass(frozen=True)
class UnlockedIdentity:
    key: SigningKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def info(self) -> CertificateInfo:
        return describe(self.certificate)


def data_folder() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("Accord", appauthor=False))


def identity_path(folder: Path | None = None) -> Path:
    return (folder or data_folder()) / IDENTITY_FILE


def certificate_path(folder: Path | None = None) -> Path:
    return (folder or data_folder()) / CERTIFICATE_FILE


def write_private(path: Path, data: bytes) -> None:
    """Write atomically (temp file, fsync, rename), readable by the owner only (0600)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


# -- checking what the user typed -------------------------------------------------------------


def _certificate_text_problem(value: str) -> str | None:
    """Why ``value`` cannot be a name in a certificate that verifiers can read, or None.

    Certificate names go through LDAP string preparation (RFC 4518) when verified; a
    character it refuses (emoji and other code points newer than Unicode 3.2, private-use
    characters, left-to-right text mixed with right-to-left) would make every seal made
    with the identity unverifiable, so it is refused here with the character named.
    """
    from asn1crypto import x509 as asn1_x509

    def refused(text: str) -> bool:
        try:
            _hash = asn1_x509.Name.build({"common_name": text}).hashable
        except ValueError:
            return True
        return False

    if not refused(value):
        return None
    for char in dict.fromkeys(value):
        if refused(char):
            return _("a certificate cannot hold “{char}” (U+{code:04X}); leave it out").format(
                char=char, code=ord(char)
            )
    return _("a certificate cannot hold right-to-left and left-to-right text in one name")


def check_details(name: str, organization: str, email: str) -> tuple[str, str, str]:
    """The details trimmed, or ValidationError naming the field and what to change."""
    name, organization, email = name.strip(), organization.strip(), email.strip()
    if not name:
        raise ValidationError(_("Type your name; the seal shows it as the signer."), "name")
    for field, label, value in (
        ("name", _("The name"), name),
        ("organization", _("The organization"), organization),
    ):
        if len(value.encode("utf-8")) > NAME_LIMIT:
            # The bound is on the encoded name: 64 plain letters, fewer accented, Greek,
            # CJK or mathematical ones (two to four bytes each).
            raise ValidationError(
                _(
                    "{label} is too long for a certificate, which holds {limit} plain letters "
                    "or fewer accented and non-Latin ones; shorten it."
                ).format(label=label, limit=NAME_LIMIT),
                field,
            )
        problem = _certificate_text_problem(value) if value else None
        if problem:
            raise ValidationError(f"{label}: {problem}.", field)
    if email and not re.fullmatch(r"[!-?A-~]+@[!-?A-~]+\.[!-?A-~]+", email):
        raise ValidationError(
            _("Type the email address as name@example.com, in plain letters, or leave it empty."),
            "email",
        )
    return name, organization, email


def check_passphrase(passphrase: str, repeated: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            _("Choose a passphrase of at least {n} characters.").format(n=MIN_PASSPHRASE),
            "passphrase",
        )
    if passphrase != repeated:
        raise ValidationError(
            _("The two passphrases differ; type the same passphrase twice."), "repeat"
        )


# -- creating, importing, unlocking -----------------------------------------------------------


def build_certificate(
    key: ec.EllipticCurvePrivateKey,
    name: str,
    organization: str,
    email: str,
    now: datetime,
    years: int = YEARS_VALID,
) -> x509.Certificate:
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if organization:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    subject = x509.Name(attributes)
    public = key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # nonRepudiation
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
    )
    if email:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False
        )
    return builder.sign(key, hashes.SHA256())


def _keep_previous(folder: Path) -> None:
    """Replacing an identity keeps the old one aside and its certificate trusted,
    so documents sealed with it still verify as coming from a known signer."""
    old = identity_path(folder)
    if not old.exists():
        return
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    os.replace(old, old.with_name(f"identity-replaced-{stamp}.p12"))
    cert = certificate_path(folder)
    if cert.exists():
        from exporters.trust import trust_data

        trust_data(cert.read_bytes(), folder)


def _store(p12: bytes, cert: x509.Certificate, folder: Path) -> None:
    _keep_previous(folder)
    write_private(identity_path(folder), p12)
    write_private(certificate_path(folder), to_pem(cert))


def create_identity(
    name: str,
    organization: str,
    email: str,
    passphrase: str,
    *,
    folder: Path | None = None,
    now: datetime | None = None,
    years: int = YEARS_VALID,
) -> CertificateInfo:
    """Make a new ECDSA P-256 identity and store it; an existing one is kept aside."""
    name, organization, email = check_details(name, organization, email)
    check_passphrase(passphrase, passphrase)
    folder = folder or data_folder()
    key = ec.generate_private_key(ec.SECP256R1())
    cert = build_certificate(key, name, organization, email, now or datetime.now(UTC), years)
    p12 = pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"),
        key,
        cert,
        None,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    _store(p12, cert, folder)
    return describe(cert)


def check_dates(cert: x509.Certificate, now: datetime | None = None) -> None:
    now = now or datetime.now(UTC)
    start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
    dates = {"start": format_date(start), "end": format_date(end)}
    if now > end:
        raise CertificateDatesError(
            _(
                "This certificate expired on {end} (valid from {start}); "
                "create or import a current identity."
            ).format(**dates)
        )
    if now < start:
        raise CertificateDatesError(
            _(
                "This certificate is not valid until {start} (valid until {end}); "
                "check the computer's clock or use another identity."
            ).format(**dates)
        )


def unlock_data(data: bytes, passphrase: str, now: datetime | None = None) -> UnlockedIdentity:
    """Open PKCS#12 bytes; wrong passphrase, no key, or certificate out of date → IdentityError."""
    attempts = [passphrase.encode("utf-8")] if passphrase else [b"", None]
    loaded = None
    for secret in attempts:
        try:
            loaded = pkcs12.load_key_and_certificates(data, secret)
            break
        except ValueError as exc:
            if "deserialize" in str(exc):
                raise IdentityError(
                    _("This file is not a .p12 or .pfx identity; choose another file.")
                ) from None
    if loaded is None:
        raise WrongPassphraseError(
            _("The passphrase does not unlock this identity; check it and try again.")
        )
    key, cert, extra = loaded
    if cert is None or not isinstance(
        key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey | ed25519.Ed25519PrivateKey
    ):
        raise IdentityError(
            _("This file holds no signing key with its certificate; choose another .p12 or .pfx.")
        )
    check_dates(cert, now)
    return UnlockedIdentity(key=key, certificate=cert, chain=tuple(extra))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise NoIdentityError(
            _("There is no signing identity at {file}; create or import one first.").format(
                file=path
            )
        ) from None
    except OSError as exc:
        raise IdentityError(
            _("The identity file {file} could not be read ({reason}).").format(
                file=path, reason=exc.strerror or exc
            )
        ) from None


def read_passphrase(path: Path | None) -> str:
    """The passphrase from the first line of ``path``, or asked for on the terminal."""
    if path is None:
        import getpass
        import sys

        if not sys.stdin.isatty():
            raise IdentityError(_("Give the identity's passphrase with --passphrase-file FILE."))
        return getpass.getpass(_("Passphrase for the signing identity: "))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else _("not UTF-8 text")
        raise IdentityError(
            _("The passphrase file {file} could not be read ({reason}).").format(
                file=path.name, reason=reason or exc
            )
        ) from None
    return text.splitlines()[0] if text else ""


def unlock(
    passphrase: str, path: Path | None = None, now: datetime | None = None
) -> UnlockedIdentity:
    """Unlock the stored identity, or the PKCS#12 file at ``path``."""
    return unlock_data(_read(path or identity_path()), passphrase, now)


def import_identity(
    source: Path, passphrase: str, *, folder: Path | None = None, now: datetime | None = None
) -> CertificateInfo:
    """Adopt an existing .p12/.pfx (e.g. issued by a company CA) as the signing identity."""
    data = _read(source)
    identity = unlock_data(data, passphrase, now)
    _store(data, identity.certificate, folder or data_folder())
    return identity.info


def current(folder: Path | None = None) -> CertificateInfo | None:
    """The stored identity's certificate, read without the passphrase; None if there is none."""
    path = certificate_path(folder)
    if not identity_path(folder).exists() or not path.exists():
        return None
    return describe(x509.load_pem_x509_certificate(path.read_bytes()))


def export_certificate(target: Path, folder: Path | None = None) -> None:
    """Write the public certificate: DER for .cer/.crt/.der, PEM otherwise."""
    path = certificate_path(folder)
    if not path.exists():
        raise NoIdentityError(_("There is no signing identity yet; create or import one first."))
    cert = x509.load_pem_x509_certificate(path.read_bytes())
    encoding = (
        serialization.Encoding.DER
        if target.suffix.lower() in {".cer", ".crt", ".der"}
        else serialization.Encoding.PEM
    )
    data = cert.public_bytes(encoding)
    temp = target.with_name(f".{target.name}.tmp")
    with open(temp, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, target)
