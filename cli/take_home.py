"""summary, actions and calendar: the files people take home from a workshop."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.repository import open_repository, warn_if_damaged


def write_output(args: argparse.Namespace) -> int:
    """Write the summary PDF, the action items CSV or the calendar atomically; print where."""
    from datetime import UTC, date, datetime

    from exporters.files import write_atomically
    from workshop.i18n import _

    with open_repository(args.database) as repo:
        workshop = repo.get(args.id)
        warn_if_damaged(repo, workshop.id, workshop.title)
    notes: list[str] = []
    if args.command == "summary":
        from exporters.summary_pdf import summary_pdf

        data = summary_pdf(workshop, date.today())
    elif args.command == "actions":
        from exporters.actions_csv import actions_csv

        data = actions_csv(workshop, date.today())
    else:
        from exporters.calendar_ics import calendar_ics
        from exporters.ics_zone import local_zone_name

        zone = args.timezone or local_zone_name()
        result = calendar_ics(workshop, datetime.now(UTC), None if zone == "floating" else zone)
        data, notes = result.data, result.notes
    target = Path(args.out).expanduser()
    write_atomically(target, data)
    for note in notes:
        print(_("Note: {note}").format(note=note), file=sys.stderr)
    print(target)
    return 0
