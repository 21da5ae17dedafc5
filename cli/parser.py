"""The command line's arguments: the options every command takes, and each sub-command's."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from workshop import __version__

if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]


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
    _funnel(commands)
    backup = commands.add_parser(
        "backup", help="write a consistent backup of the library and print where it went"
    )
    backup.add_argument("--out", metavar="FILE", help="where to write it (default: backups/)")
    restore = commands.add_parser(
        "restore", help="replace the library with a backup (the current one is backed up first)"
    )
    restore.add_argument("file", metavar="FILE")
    wexport = commands.add_parser(
        "workshop-export", help="write one workshop to a portable .accord.json file"
    )
    wexport.add_argument("id", metavar="ID")
    wexport.add_argument("--out", required=True, metavar="FILE.accord.json")
    _export(commands)
    wimport = commands.add_parser(
        "workshop-import",
        help="add the workshop in a .accord.json file to the library and print its id",
    )
    wimport.add_argument("file", metavar="FILE.accord.json")
    choice = wimport.add_mutually_exclusive_group()
    choice.add_argument(
        "--as-copy",
        dest="as_copy",
        action="store_const",
        const=True,
        help="if the workshop is already in the library, add a copy with new ids",
    )
    choice.add_argument(
        "--replace",
        dest="as_copy",
        action="store_const",
        const=False,
        help="if the workshop is already in the library, replace it with the file's content",
    )
    _verify(commands)
    _crm_import(commands)
    _scorecard(commands)
    _take_home(commands)  # last: the take-home outputs are the registry's, in its order
    return parser


def _funnel(commands: SubParsers) -> None:
    funnel = commands.add_parser(
        "funnel",
        help="work a revenue target back to the deals, SQLs and MQLs needed (reverse funnel)",
        description="Work a revenue target back to the deals, SQLs and MQLs needed, "
        "for the period and per month. Omitted rates count as 100 %, the period as 12 months.",
    )
    funnel.add_argument("--revenue-target", required=True, metavar="R", help="e.g. 800000, 800k")
    funnel.add_argument("--average-deal", required=True, metavar="D", help="e.g. 18000, 18k")
    funnel.add_argument(
        "--marketing-share", metavar="S", help="share from marketing-sourced deals, e.g. 60%%"
    )
    funnel.add_argument("--mql-to-sql", metavar="P", help="MQL→SQL rate, e.g. 25%%")
    funnel.add_argument("--sql-to-won", metavar="Q", help="SQL→won rate, e.g. 25%%")
    funnel.add_argument("--months", metavar="M", help="period length in months (1 to 120)")
    funnel.add_argument("--json", action="store_true", help="print one JSON object")


def _export(commands: SubParsers) -> None:
    export = commands.add_parser(
        "export",
        help="write the agreement of a workshop as a PDF (the newest version unless --version)",
    )
    export.add_argument("id", metavar="ID")
    export.add_argument("--out", required=True, metavar="FILE.pdf")
    export.add_argument("--version", type=int, metavar="N", help="the agreement version to print")
    export.add_argument(
        "--page-size", choices=["A4", "Letter"], default="A4", help="paper size (default: A4)"
    )
    export.add_argument(
        "--seal",
        metavar="IDENTITY.p12",
        help="seal the PDF (a signed version only) with this signing identity",
    )
    export.add_argument(
        "--passphrase-file",
        metavar="F",
        help="read the identity's passphrase from the first line of F (else it is asked for)",
    )


def _verify(commands: SubParsers) -> None:
    verify = commands.add_parser(
        "verify",
        help="check a sealed agreement PDF: exit 0 intact and unmodified, "
        "1 modified or broken, 2 not a readable PDF",
    )
    verify.add_argument("file", metavar="FILE.pdf")
    verify.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar="CERT.pem",
        help="also trust this certificate (.pem or .cer); may be repeated",
    )


def _take_home(commands: SubParsers) -> None:
    """One sub-command per take-home output (summary, actions, calendar …), in the order
    :mod:`exporters.outputs` declares them."""
    from exporters.outputs import OUTPUTS

    for output in OUTPUTS.values():
        sub = commands.add_parser(output.name, help=output.help)
        sub.add_argument("id", metavar="ID")
        sub.add_argument("--out", required=True, metavar=f"FILE{output.suffix}")
        for option in output.options:
            sub.add_argument(
                option.flag, dest=option.name, metavar=option.metavar, help=option.help
            )


def _crm_import(commands: SubParsers) -> None:
    from workshop.crm_presets import PRESET_NAMES

    crm = commands.add_parser(
        "crm-import",
        help="import a CRM export (CSV) into a workshop's records for its scorecard",
        description="Import a CRM export into a workshop's records, keyed by CRM id: the same "
        "export again changes nothing, a newer one updates. HubSpot contacts exports and "
        "Salesforce leads or opportunities reports are recognised by their headers; any "
        "other export needs a mapping file. See docs/crm-import.md.",
    )
    crm.add_argument("id", metavar="ID")
    crm.add_argument("file", metavar="FILE")
    crm.add_argument(
        "--preset", choices=PRESET_NAMES, default="auto", help="the CRM (default: auto)"
    )
    crm.add_argument(
        "--mapping", metavar="MAPPING.json", help="which column holds what (JSON; see the docs)"
    )
    crm.add_argument(
        "--date-format",
        metavar="FMT",
        help='how dates are written, e.g. %%d/%%m/%%Y or "%%m/%%d/%%Y %%H:%%M"',
    )


def _scorecard(commands: SubParsers) -> None:
    scorecard = commands.add_parser(
        "scorecard",
        help="one month's figures from the CRM records against the signed agreement in force",
    )
    scorecard.add_argument("id", metavar="ID")
    scorecard.add_argument("--period", required=True, metavar="YYYY-MM", help="a calendar month")
    scorecard.add_argument(
        "--as-of",
        dest="as_of",
        metavar="YYYY-MM-DD",
        help="count what had happened by the start of this day (default: now)",
    )
    scorecard.add_argument("--json", action="store_true", help="print one JSON object")
