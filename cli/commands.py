"""Which function runs each sub-command: one table, looked up by the sub-command's name."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from cli import agreement, crm, funnel, library, scorecard, take_home, workshop_files

Command = Callable[[argparse.Namespace], int]

COMMANDS: dict[str, Command] = {
    "list": library.list_workshops,
    "demo": library.demo,
    "funnel": funnel.funnel,
    "backup": library.backup,
    "restore": library.restore,
    "workshop-export": workshop_files.export_workshop,
    "workshop-import": workshop_files.import_workshop,
    "export": agreement.export,
    "verify": agreement.verify,
    "crm-import": crm.crm_import,
    "scorecard": scorecard.scorecard,
}


def commands() -> dict[str, Command]:
    """Every sub-command: the table above, and one per take-home output."""
    from exporters.outputs import OUTPUTS

    return COMMANDS | dict.fromkeys(OUTPUTS, take_home.write_output)


def run(args: argparse.Namespace) -> int:
    """Run the sub-command ``args.command``; its exit status."""
    return commands()[args.command](args)
