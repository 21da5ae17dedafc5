"""export and verify: the agreement PDF, sealed on request, and the check of a sealed one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli.repository import open_repository, warn_if_damaged
from workshop import __version__
from workshop.errors import AccordError

if TYPE_CHECKING:
    from exporters.verdict_text import LibraryMatch
    from workshop.model import AgreementVersion


def _sealed(
    data: bytes,
    seal_box: tuple[int, tuple[float, float, float, float]],
    version: AgreementVersion,
    args: argparse.Namespace,
) -> bytes:
    """The PDF sealed with the identity in ``args.seal``; refused for an unsigned version."""
    from exporters.identity import read_passphrase, unlock
    from exporters.seal import seal_pdf
    from workshop.i18n import _
    from workshop.model import VersionStatus

    if version.status is not VersionStatus.SIGNED:
        raise AccordError(
            _(
                "Version {n} is not signed yet, so it cannot be sealed; "
                "have it signed first, or export it without --seal."
            ).format(n=version.number)
        )
    passphrase = read_passphrase(Path(args.passphrase_file) if args.passphrase_file else None)
    identity = unlock(passphrase, Path(args.seal).expanduser())
    return seal_pdf(data, identity, seal_box, version.digest)


def export(args: argparse.Namespace) -> int:
    """Write the agreement PDF atomically; print where it went and how many pages it has."""
    from exporters.agreement_pdf import render
    from exporters.files import write_atomically
    from workshop.i18n import _
    from workshop.versions import export_target

    with open_repository(args.database) as repo:
        workshop = repo.get(args.id)
        warn_if_damaged(repo, workshop.id, workshop.title)
    agreement, version = export_target(workshop, args.version)
    rendered = render(
        agreement,
        version,
        workshop_id=workshop.id,
        page_size=args.page_size,
        app_version=__version__,
    )
    data = rendered.data
    if args.seal:
        data = _sealed(data, rendered.seal_box, version, args)
    target = Path(args.out).expanduser()
    write_atomically(target, data)
    if rendered.missing_glyphs:
        print(
            _(
                "No font could draw these characters, so they are shown as empty boxes: {chars}"
            ).format(chars=" ".join(rendered.missing_glyphs)),
            file=sys.stderr,
        )
    print(_("{path}: {pages} pages").format(path=target, pages=rendered.pages))
    return 0


def _library_match(database: str | None, digest: str | None) -> LibraryMatch | None:
    """The library's agreement version with ``digest``; no library file is created."""
    from exporters.verdict_text import LibraryMatch
    from storage.engine import resolve_url, sqlite_path
    from workshop.i18n import _

    path = sqlite_path(resolve_url(database))
    if digest is None or (path is not None and not path.exists()):
        return None
    try:
        with open_repository(database) as repo:
            found = repo.version_with_digest(digest)
    except AccordError as exc:
        message = _("The library was not searched: {reason}").format(reason=exc.message)
        print(message, file=sys.stderr)
        return None
    return LibraryMatch(found[0], found[1].number) if found else None


def verify(args: argparse.Namespace) -> int:
    """Print the verdict; exit 0 intact and unmodified, 1 modified or broken, 2 unreadable."""
    from exporters.certificates import read_certificates
    from exporters.trust import trusted_certificates
    from exporters.verdict_text import report
    from exporters.verify import verify_file

    trust: list[str] = args.trust
    try:
        trusted = trusted_certificates()
        for name in trust:
            trusted += read_certificates(Path(name).expanduser())
        verdict = verify_file(Path(args.file).expanduser(), trusted)
    except AccordError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    print(report(verdict, _library_match(args.database, verdict.digest)))
    return verdict.exit_code
