"""Accord: start the app, or run a headless command against the library.

The sub-commands live in :mod:`cli`; heavy libraries (SQLAlchemy, ReportLab, pyHanko) are
imported only by the commands that need them, so the window appears as fast as a bare Qt
window does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cli.parser import build_parser
from workshop.errors import AccordError


def run_gui(args: argparse.Namespace) -> int:
    """Start the window: one sentence instead of Qt's abort or a traceback when it cannot."""
    from cli.start import missing_library, no_display

    reason = no_display()
    if reason is not None:
        print(reason, file=sys.stderr)
        return 1
    try:
        from ui.shell.app import run
    except ImportError as exc:
        message = missing_library(exc)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 1
    return run(database=args.database, quit_after_show=args.quit_after_show)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            return run_gui(args)
        from cli.commands import run

        return run(args)
    except AccordError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
