"""Action items as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads the
accents and emoji right), RFC 4180 quoting, CRLF line ends.

A cell that starts like a formula (``=``, ``+``, ``-``, ``@``) gets a leading apostrophe,
so a spreadsheet shows the text instead of running it; :func:`unguard` reverses that.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from workshop.action_items import ActionRow
from workshop.i18n import _

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def header() -> list[str]:
    return [_("What"), _("Owner"), _("Owner e-mail"), _("Due"), _("Status"), _("Overdue"),
            _("Step")]  # fmt: skip


def guard(text: str) -> str:
    """``text`` as a cell a spreadsheet will not evaluate."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def unguard(cell: str) -> str:
    """The text a cell written by :func:`guard` holds."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell


def actions_csv(rows: Sequence[ActionRow]) -> bytes:
    """The action items prepared by :func:`workshop.action_items.action_rows`, one row
    each, in the order given (the room's)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header())
    for row in rows:
        writer.writerow(
            [
                guard(row.what),
                guard(row.owner),
                guard(row.owner_email),
                row.due.isoformat() if row.due else "",
                row.status_label,
                _("yes") if row.overdue else "",
                row.step,
            ]
        )
    return (BOM + out.getvalue()).encode("utf-8")
