"""crm-import: a CRM export's records into the library, for a workshop's scorecard."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.repository import open_repository

SHOWN_ROW_ERRORS = 20  # skipped rows listed on stderr; the rest are counted


def crm_import(args: argparse.Namespace) -> int:
    """Import the file; the skipped rows on stderr, the counts as the last line of stdout.
    Exit 2, with nothing imported, for a file (or mapping file) that cannot be imported."""
    from storage.crm_import import import_crm
    from workshop.crm_file import CrmFileError, Mapping, ReadOptions, load_mapping
    from workshop.i18n import _

    path = Path(args.file).expanduser()
    try:
        mapping: Mapping | None = None
        if args.mapping:
            where = Path(args.mapping).expanduser()
            try:
                text = where.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeError) as exc:
                raise CrmFileError(
                    _("The mapping file “{where}” cannot be read ({reason}).").format(
                        where=where, reason=getattr(exc, "strerror", None) or exc
                    )
                ) from exc
            mapping = load_mapping(text, str(where))
        options = ReadOptions(preset=args.preset, mapping=mapping, date_format=args.date_format)
        with open_repository(args.database) as repo:
            result = import_crm(repo, args.id, path, options)
    except CrmFileError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    for error in result.skipped[:SHOWN_ROW_ERRORS]:
        print(
            _("Line {line} skipped: {reason}.").format(line=error.line, reason=error.reason),
            file=sys.stderr,
        )
    hidden = len(result.skipped) - SHOWN_ROW_ERRORS
    if hidden > 0:
        print(_("… and {n} more lines skipped.").format(n=hidden), file=sys.stderr)
    print(_("Read as: {source}.").format(source=result.source))
    print(result.line())
    return 0
