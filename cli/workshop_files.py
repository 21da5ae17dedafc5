"""workshop-export and workshop-import: one workshop in a portable .accord.json file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.repository import open_repository, warn_if_damaged


def export_workshop(args: argparse.Namespace) -> int:
    """Write the workshop to the file and print where it went."""
    from storage.transfer import export_workshop as write_workshop

    workshop_id: str = args.id
    target = Path(args.out).expanduser()
    with open_repository(args.database) as repo:
        write_workshop(repo, workshop_id, target)
        warn_if_damaged(repo, workshop_id)
    print(target)
    return 0


def import_workshop(args: argparse.Namespace) -> int:
    """Add the file's workshop to the library; print its title, then its id last."""
    from storage.transfer import import_workshop as read_workshop
    from workshop.i18n import _
    from workshop.portable import digest_matches

    as_copy: bool | None = args.as_copy
    with open_repository(args.database) as repo:
        workshop_id = read_workshop(repo, Path(args.file).expanduser(), as_copy)
        workshop = repo.get(workshop_id)
    for version in workshop.versions:
        if not digest_matches(version):
            print(
                _(
                    "Warning: the digest of agreement version {number} does not match its "
                    "text — it is not the signed text."
                ).format(number=version.number),
                file=sys.stderr,
            )
    print(_("Imported “{title}”.").format(title=workshop.title))
    print(workshop_id)
    return 0
