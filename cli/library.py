"""list, demo, backup and restore: the library as a whole."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.repository import library_file, open_repository, warn_if_damaged


def list_workshops(args: argparse.Namespace) -> int:
    """One tab-separated line per workshop on stdout; for an empty library, stdout stays
    empty (no lines to parse) and stderr says so. Control characters in an id or title are
    printed escaped (``\\x1b``, ``\\t``; a backslash as ``\\\\``), never to the terminal."""
    from workshop.editing import STATUS_LABELS
    from workshop.i18n import _
    from workshop.text import escaped

    with open_repository(args.database) as repo:
        summaries = repo.summaries()
        where = repo.where
        for s in summaries:
            warn_if_damaged(repo, s.id, s.title)
    for s in summaries:
        updated = s.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{escaped(s.id)}\t{escaped(s.title)}\t{STATUS_LABELS[s.status]}\t{updated}")
    if not summaries:
        print(
            _(
                "No workshops yet in the library {where}; "
                "`accord demo` adds a sample one, or start the app to plan one."
            ).format(where=where),
            file=sys.stderr,
        )
    return 0


def demo(args: argparse.Namespace) -> int:
    """Add the sample workshop and print its id."""
    from datetime import UTC, date, datetime, time, timedelta

    from workshop.demo import build_demo_workshop
    from workshop.demo_history import with_history

    with open_repository(args.database) as repo:
        # A workshop held in the past week: its version 1 was signed on the day, so that
        # a version signed today is the later one.
        workshop = build_demo_workshop(date.today() - timedelta(days=10))
        assert workshop.date is not None
        signed_on = datetime.combine(workshop.date, time(12, 40), UTC)
        repo.add(with_history(workshop, signed_on))
    print(workshop.id)
    return 0


def backup(args: argparse.Namespace) -> int:
    """Write a consistent copy of the library (rotating the default folder's copies)."""
    from storage.backups import rotate, take_backup

    with open_repository(args.database):
        pass  # the library must open cleanly (and be migrated) first
    library = library_file(args.database)
    out: str | None = args.out
    target = take_backup(library, Path(out).expanduser() if out else None)
    if out is None:
        rotate(library)
    print(target)
    return 0


def restore(args: argparse.Namespace) -> int:
    """Replace the library with a backup; the current one is kept first."""
    from storage.backups import restore as restore_backup

    file: str = args.file
    library = library_file(args.database)
    kept = restore_backup(Path(file).expanduser(), library)
    with open_repository(args.database):
        pass  # opens, checks and migrates what was restored
    if kept is None:  # there was no library to keep
        print(f"Restored {file} into {library}.")
    else:
        print(f"Restored {file} into {library}; the previous library was kept as {kept}.")
    return 0
