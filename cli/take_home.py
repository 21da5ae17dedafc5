"""The take-home outputs (summary, actions, calendar …): one sub-command per entry of
:mod:`exporters.outputs`, each writing its file whole and printing where it went."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.repository import open_repository, warn_if_damaged


def write_output(args: argparse.Namespace) -> int:
    """Build the output named ``args.command`` from the workshop and write it atomically;
    what the file could not hold goes to stderr, one note a line, then the path to stdout."""
    from exporters.files import write_atomically
    from exporters.outputs import OUTPUTS, BuildOptions
    from workshop.i18n import _

    output = OUTPUTS[args.command]
    choices = {o.name: getattr(args, o.name) for o in output.options}
    with open_repository(args.database) as repo:
        workshop = repo.get(args.id)
        warn_if_damaged(repo, workshop.id, workshop.title)
    built = output.build(
        workshop, BuildOptions.current({k: v for k, v in choices.items() if v is not None})
    )
    target = Path(args.out).expanduser()
    write_atomically(target, built.data)
    for note in built.notes:
        print(_("Note: {note}").format(note=note), file=sys.stderr)
    print(target)
    return 0
