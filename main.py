"""Accord: start the app, or run a headless command against the library.

Heavy libraries (SQLAlchemy, Alembic) are imported only by the commands that need them,
so the window appears as fast as a bare Qt window does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from workshop import __version__
from workshop.errors import AccordError

if TYPE_CHECKING:
    from storage.repository import Repository


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="accord",
        description="Run a sales–marketing alignment workshop and produce the signed agreement.",
    )
    parser.add_argument("--version", action="version", version=f"Accord {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="the library to use: a SQLAlchemy URL or a file path "
        "(default: $ACCORD_DATABASE_URL, else library.sqlite3 in your data folder)",
    )
    parser.add_argument(
        "--quit-after-show",
        action="store_true",
        help="show the main window, let it paint once, and exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "list", help="list the workshops in the library: id, title, status, updated"
    )
    commands.add_parser("demo", help="add a realistic sample workshop and print its id")
    return parser


def _repository(database: str | None) -> Repository:
    from storage.engine import default_library_path, resolve_url, sqlite_path
    from storage.library import open_library

    url = resolve_url(database)
    return open_library(url, create_folder=sqlite_path(url) == default_library_path())


def cmd_list(database: str | None) -> int:
    from workshop.editing import STATUS_LABELS

    repo = _repository(database)
    try:
        for s in repo.summaries():
            updated = s.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            print(f"{s.id}\t{s.title}\t{STATUS_LABELS[s.status]}\t{updated}")
    finally:
        repo.close()
    return 0


def cmd_demo(database: str | None) -> int:
    from datetime import date

    from workshop.demo import build_demo_workshop

    repo = _repository(database)
    try:
        workshop = build_demo_workshop(date.today())
        repo.add(workshop)
    finally:
        repo.close()
    print(workshop.id)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "list":
            return cmd_list(args.database)
        if args.command == "demo":
            return cmd_demo(args.database)
        from ui.app import run

        return run(database=args.database, quit_after_show=args.quit_after_show)
    except AccordError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
