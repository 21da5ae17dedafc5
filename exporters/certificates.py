"""X.509 certificates as people read them: who, which organisation, valid when, fingerprint.

Only ``cryptography`` is used here (no pyHanko), so dialogs can describe an identity or a
trust list without paying for the signing stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID

from workshop.errors import AccordError
from workshop.i18n import _


class CertificateFileError(AccordError):
    """A file that should hold a certificate does not."""


@dataclass(frozen=True)
class CertificateInfo:
    name: str
    organization: str
    email: str
    issuer: str
    not_before: datetime
    not_after: datetime
    fingerprint: str  # SHA-256 of the DER encoding, lower-case hex

    @property
    def self_signed(self) -> bool:
        return self.issuer == self.subject

    @property
    def subject(self) -> str:
        return ", ".join(p for p in (self.name, self.organization) if p)

    @property
    def short_fingerprint(self) -> str:
        return ":".join(self.fingerprint[i : i + 2] for i in range(0, 16, 2)).upper()


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    if not values:
        return ""
    value = values[0].value
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


def _readable(name: x509.Name) -> str:
    parts = (
        _attribute(name, NameOID.COMMON_NAME),
        _attribute(name, NameOID.ORGANIZATION_NAME),
    )
    return ", ".join(p for p in parts if p) or name.rfc4514_string()


def fingerprint(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex()


def describe(cert: x509.Certificate) -> CertificateInfo:
    subject = cert.subject
    email = _attribute(subject, NameOID.EMAIL_ADDRESS)
    if not email:
        try:
            alt = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName)
            emails = alt.value.get_values_for_type(x509.RFC822Name)
            email = emails[0] if emails else ""
        except x509.ExtensionNotFound:
            pass
    return CertificateInfo(
        name=_attribute(subject, NameOID.COMMON_NAME) or subject.rfc4514_string(),
        organization=_attribute(subject, NameOID.ORGANIZATION_NAME),
        email=email,
        issuer=_readable(cert.issuer),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        fingerprint=fingerprint(cert),
    )


def format_date(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def to_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def parse_certificates(data: bytes, source: str = "") -> list[x509.Certificate]:
    """Every certificate in PEM text (one or more) or a single DER certificate."""
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return list(x509.load_pem_x509_certificates(data))
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise CertificateFileError(
            _("{file} is not a certificate; choose a .pem or .cer certificate file.").format(
                file=source or _("The file")
            )
        ) from None


def read_certificates(path: Path) -> list[x509.Certificate]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CertificateFileError(
            _("{file} could not be read ({reason}).").format(
                file=path.name, reason=exc.strerror or exc
            )
        ) from None
    return parse_certificates(data, path.name)
