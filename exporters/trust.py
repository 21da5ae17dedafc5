"""The trust list: certificates whose seals verify as coming from a known signer.

It holds the user's own certificate (``identity.pem``) and every certificate imported into
``trust/`` in the user data folder, one PEM file per certificate named by its fingerprint.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from exporters.certificates import (
    CertificateInfo,
    describe,
    fingerprint,
    parse_certificates,
    read_certificates,
    to_pem,
)
from exporters.identity import certificate_path, data_folder, identity_path
from workshop.errors import AccordError
from workshop.i18n import _

TRUST_FOLDER = "trust"


@dataclass(frozen=True)
class TrustEntry:
    info: CertificateInfo
    own: bool  # the user's current signing identity: it cannot be removed from the list


def trust_folder(folder: Path | None = None) -> Path:
    return (folder or data_folder()) / TRUST_FOLDER


def _own(folder: Path | None) -> x509.Certificate | None:
    path = certificate_path(folder)
    if not identity_path(folder).exists() or not path.exists():
        return None
    return x509.load_pem_x509_certificate(path.read_bytes())


def _imported(folder: Path | None) -> list[x509.Certificate]:
    certs: list[x509.Certificate] = []
    for path in sorted(trust_folder(folder).glob("*.pem")):
        try:
            certs.extend(read_certificates(path))
        except AccordError:
            continue  # an unreadable file in the folder is not a trusted certificate
    return certs


def trusted_certificates(folder: Path | None = None) -> list[x509.Certificate]:
    """Own certificate first, then the imported ones; each once."""
    seen: dict[str, x509.Certificate] = {}
    own = _own(folder)
    for cert in ([own] if own else []) + _imported(folder):
        seen.setdefault(fingerprint(cert), cert)
    return list(seen.values())


def entries(folder: Path | None = None) -> list[TrustEntry]:
    own = _own(folder)
    own_print = fingerprint(own) if own else ""
    return [
        TrustEntry(describe(cert), own=fingerprint(cert) == own_print)
        for cert in trusted_certificates(folder)
    ]


def trust_data(data: bytes, folder: Path | None = None, source: str = "") -> list[CertificateInfo]:
    """Add every certificate in ``data`` (PEM or DER) to the trust list."""
    certs = parse_certificates(data, source)
    target = trust_folder(folder)
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    for cert in certs:
        path = target / f"{fingerprint(cert)}.pem"
        temp = path.with_name(f".{path.name}.tmp")
        temp.write_bytes(to_pem(cert))
        os.replace(temp, path)
    return [describe(cert) for cert in certs]


def trust_file(path: Path, folder: Path | None = None) -> list[CertificateInfo]:
    certs = read_certificates(path)
    return trust_data(b"".join(to_pem(c) for c in certs), folder, path.name)


def remove(fingerprint_hex: str, folder: Path | None = None) -> None:
    own = _own(folder)
    if own is not None and fingerprint(own) == fingerprint_hex:
        raise AccordError(
            _("Your own certificate is always trusted; replace your identity to change it.")
        )
    (trust_folder(folder) / f"{fingerprint_hex}.pem").unlink(missing_ok=True)
