"""Accord: start the app, or run a headless command against the library.

Heavy libraries (SQLAlchemy, Alembic) are imported only by the commands that need them,
so the window appears as fast as a bare Qt window does.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from workshop import __version__
from workshop.errors import AccordError

if TYPE_CHECKING:
    from exporters.verdict_text import LibraryMatch
    from storage.repository import Repository
    from workshop.model import AgreementVersion


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
    wimport = commands.add_parser(
        "workshop-import",
        help="add the workshop in a .accord.json file to the library and print its id",
    )
    wimport.add_argument("file", metavar="FILE.accord.json")
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
    _take_home_parsers(commands)
    return parser


def _take_home_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """summary, actions, calendar: what people take home from a workshop."""
    for name, suffix, text in (
        ("summary", "pdf", "write the workshop summary PDF (plan vs actual, outcomes, votes, "
         "decisions, action items by owner, parking lot)"),
        ("actions", "csv", "write the action items as CSV (UTF-8 with BOM, for spreadsheets)"),
        ("calendar", "ics", "write the review meetings and the review date as an iCalendar file"),
    ):  # fmt: skip
        sub = commands.add_parser(name, help=text)
        sub.add_argument("id", metavar="ID")
        sub.add_argument("--out", required=True, metavar=f"FILE.{suffix}")
        if name == "calendar":
            sub.add_argument(
                "--timezone",
                metavar="ZONE",
                help="the meetings' time zone, e.g. Europe/Berlin (default: this computer's; "
                "'floating' for times without a zone)",
            )


def _repository(database: str | None) -> Repository:
    from storage.engine import default_library_path, resolve_url, sqlite_path
    from storage.library import open_library

    url = resolve_url(database)
    return open_library(
        url,
        create_folder=sqlite_path(url) == default_library_path(),
        notify=lambda notice: print(notice, file=sys.stderr),
    )


def _library_file(database: str | None) -> Path:
    from storage.engine import resolve_url, sqlite_path
    from storage.errors import StorageError

    path = sqlite_path(resolve_url(database))
    if path is None:
        raise StorageError("Backups are made of SQLite library files; this library is not one.")
    return path


def cmd_backup(database: str | None, out: str | None) -> int:
    from storage.backups import rotate, take_backup

    _repository(database).close()  # the library must open cleanly (and be migrated) first
    library = _library_file(database)
    target = take_backup(library, Path(out).expanduser() if out else None)
    if out is None:
        rotate(library)
    print(target)
    return 0


def cmd_restore(database: str | None, file: str) -> int:
    from storage.backups import restore

    library = _library_file(database)
    kept = restore(Path(file).expanduser(), library)
    _repository(database).close()  # opens, checks and migrates what was restored
    if kept is None:  # there was no library to keep
        print(f"Restored {file} into {library}.")
    else:
        print(f"Restored {file} into {library}; the previous library was kept as {kept}.")
    return 0


def cmd_workshop_export(database: str | None, workshop_id: str, out: str) -> int:
    from storage.transfer import export_workshop

    target = Path(out).expanduser()
    repo = _repository(database)
    try:
        export_workshop(repo, workshop_id, target)
        _warn_if_damaged(repo, workshop_id)
    finally:
        repo.close()
    print(target)
    return 0


def _sealed_export(
    data: bytes,
    seal_box: tuple[int, tuple[float, float, float, float]],
    version: AgreementVersion,
    args: argparse.Namespace,
) -> bytes:
    """The PDF sealed with the identity in ``args.seal``; refused for an unsigned version."""
    from exporters.identity import read_passphrase, unlock
    from exporters.seal import seal_pdf
    from workshop.i18n import _
    from workshop.model import VersionStatus

    if version.status is not VersionStatus.SIGNED:
        raise AccordError(
            _(
                "Version {n} is not signed yet, so it cannot be sealed; "
                "have it signed first, or export it without --seal."
            ).format(n=version.number)
        )
    passphrase = read_passphrase(Path(args.passphrase_file) if args.passphrase_file else None)
    identity = unlock(passphrase, Path(args.seal).expanduser())
    return seal_pdf(data, identity, seal_box, version.digest)


def cmd_export(database: str | None, args: argparse.Namespace) -> int:
    """Write the agreement PDF atomically; print where it went and how many pages it has."""
    from exporters.agreement_pdf import render
    from exporters.files import write_atomically
    from workshop.i18n import _
    from workshop.versions import export_target

    repo = _repository(database)
    try:
        workshop = repo.get(args.id)
        _warn_if_damaged(repo, workshop.id, workshop.title)
    finally:
        repo.close()
    agreement, version = export_target(workshop, args.version)
    rendered = render(
        agreement,
        version,
        workshop_id=workshop.id,
        page_size=args.page_size,
        app_version=__version__,
    )
    data = rendered.data
    if args.seal:
        data = _sealed_export(data, rendered.seal_box, version, args)
    target = Path(args.out).expanduser()
    write_atomically(target, data)
    if rendered.missing_glyphs:
        print(
            _(
                "No font could draw these characters, so they are shown as empty boxes: {chars}"
            ).format(chars=" ".join(rendered.missing_glyphs)),
            file=sys.stderr,
        )
    print(_("{path}: {pages} pages").format(path=target, pages=rendered.pages))
    return 0


def cmd_workshop_import(database: str | None, file: str, as_copy: bool | None) -> int:
    from storage.transfer import import_workshop
    from workshop.i18n import _
    from workshop.portable import digest_matches

    repo = _repository(database)
    try:
        workshop_id = import_workshop(repo, Path(file).expanduser(), as_copy)
        workshop = repo.get(workshop_id)
    finally:
        repo.close()
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


def _library_match(database: str | None, digest: str | None) -> LibraryMatch | None:
    """The library's agreement version with ``digest``; no library file is created."""
    from exporters.verdict_text import LibraryMatch
    from storage.engine import resolve_url, sqlite_path
    from workshop.i18n import _

    path = sqlite_path(resolve_url(database))
    if digest is None or (path is not None and not path.exists()):
        return None
    try:
        repo = _repository(database)
        try:
            found = repo.version_with_digest(digest)
        finally:
            repo.close()
    except AccordError as exc:
        message = _("The library was not searched: {reason}").format(reason=exc.message)
        print(message, file=sys.stderr)
        return None
    return LibraryMatch(found[0], found[1].number) if found else None


def cmd_verify(database: str | None, file: str, trust: list[str]) -> int:
    """Print the verdict; exit 0 intact and unmodified, 1 modified or broken, 2 unreadable."""
    from exporters.certificates import read_certificates
    from exporters.trust import trusted_certificates
    from exporters.verdict_text import report
    from exporters.verify import verify_file

    try:
        trusted = trusted_certificates()
        for name in trust:
            trusted += read_certificates(Path(name).expanduser())
        verdict = verify_file(Path(file).expanduser(), trusted)
    except AccordError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    print(report(verdict, _library_match(database, verdict.digest)))
    return verdict.exit_code


def _warn_if_damaged(repo: Repository, workshop_id: str, title: str = "") -> None:
    """One line on stderr naming the workshop's damaged fields, if its last read found any."""
    from storage.text_decoding import damage_warning

    damaged = repo.damaged(workshop_id)
    if damaged:
        print(damage_warning(damaged, title), file=sys.stderr)


def cmd_list(database: str | None) -> int:
    """One tab-separated line per workshop on stdout; for an empty library, stdout stays
    empty (no lines to parse) and stderr says so. Control characters in an id or title are
    printed escaped (``\\x1b``, ``\\t``; a backslash as ``\\\\``), never to the terminal."""
    from workshop.editing import STATUS_LABELS
    from workshop.i18n import _
    from workshop.text import escaped

    repo = _repository(database)
    try:
        summaries = repo.summaries()
        where = repo.where
        for s in summaries:
            _warn_if_damaged(repo, s.id, s.title)
    finally:
        repo.close()
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


def cmd_demo(database: str | None) -> int:
    from datetime import UTC, date, datetime, time, timedelta

    from workshop.demo import build_demo_workshop
    from workshop.demo_history import with_history

    repo = _repository(database)
    try:
        # A workshop held in the past week: its version 1 was signed on the day, so that
        # a version signed today is the later one.
        workshop = build_demo_workshop(date.today() - timedelta(days=10))
        assert workshop.date is not None
        signed_on = datetime.combine(workshop.date, time(12, 40), UTC)
        repo.add(with_history(workshop, signed_on))
    finally:
        repo.close()
    print(workshop.id)
    return 0


def cmd_funnel(args: argparse.Namespace) -> int:
    """Print the reverse funnel; a bad value is one sentence on stderr and exit status 2."""
    import json

    from workshop.funnel import (
        FunnelInputError,
        format_rate,
        parse_amount,
        parse_months,
        parse_rate,
        plan,
        plan_with_defaults,
    )
    from workshop.i18n import _
    from workshop.model import FunnelAssumptions

    try:
        revenue_target = parse_amount(args.revenue_target, "revenue_target")
        average_deal = parse_amount(args.average_deal, "average_deal")
        share = parse_rate(args.marketing_share or "", "marketing_share")
        mql_to_sql = parse_rate(args.mql_to_sql or "", "mql_to_sql")
        sql_to_won = parse_rate(args.sql_to_won or "", "sql_to_won")
        months = parse_months(args.months or "")
        if revenue_target is None or average_deal is None:
            # Given as blank text: the domain says which input the funnel needs.
            plan(FunnelAssumptions(revenue_target=revenue_target, average_deal=average_deal))
            return 2  # not reached: plan() refuses a missing amount
        result = plan_with_defaults(
            revenue_target, average_deal, share, mql_to_sql, sql_to_won, months
        )
    except FunnelInputError as exc:
        print(exc.message, file=sys.stderr)
        return 2

    one = Decimal(1)
    share = one if share is None else share
    mql_to_sql = one if mql_to_sql is None else mql_to_sql
    sql_to_won = one if sql_to_won is None else sql_to_won
    if args.json:
        payload = {
            "deals": result.deals,
            "sqls": result.sqls,
            "mqls": result.mqls,
            "deals_per_month": result.deals_per_month,
            "sqls_per_month": result.sqls_per_month,
            "mqls_per_month": result.mqls_per_month,
            "months": result.months,
            "revenue_target": f"{revenue_target:f}",
            "average_deal": f"{average_deal:f}",
            "marketing_share": f"{share:f}",
            "mql_to_sql": f"{mql_to_sql:f}",
            "sql_to_won": f"{sql_to_won:f}",
        }
        print(json.dumps(payload))
        return 0

    rows = [
        (_("Stage"), _("For the period"), _("Per month")),
        (_("Deals"), f"{result.deals:,}", f"{result.deals_per_month:,}"),
        (_("SQLs"), f"{result.sqls:,}", f"{result.sqls_per_month:,}"),
        (_("MQLs"), f"{result.mqls:,}", f"{result.mqls_per_month:,}"),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for stage, period, per_month in rows:
        print(f"{stage:<{widths[0]}}  {period:>{widths[1]}}  {per_month:>{widths[2]}}")
    print(
        _(
            "Inputs: revenue target {revenue}, average deal size {deal}, marketing-sourced "
            "share {share}, MQL→SQL rate {mql}, SQL→won rate {sql}, {months} months."
        ).format(
            revenue=f"{revenue_target:,f}",
            deal=f"{average_deal:,f}",
            share=format_rate(share),
            mql=format_rate(mql_to_sql),
            sql=format_rate(sql_to_won),
            months=result.months,
        )
    )
    return 0


def cmd_take_home(database: str | None, args: argparse.Namespace) -> int:
    """Write the summary PDF, the action items CSV or the calendar atomically; print where."""
    from datetime import UTC, date, datetime

    from exporters.files import write_atomically
    from workshop.i18n import _

    repo = _repository(database)
    try:
        workshop = repo.get(args.id)
        _warn_if_damaged(repo, workshop.id, workshop.title)
    finally:
        repo.close()
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


def no_display() -> str | None:
    """Why Qt would find no screen to open the window on, or None.

    Only for the platforms that need a display server (xcb, or Qt's own choice when
    ``QT_QPA_PLATFORM`` is unset): without ``DISPLAY`` (or ``WAYLAND_DISPLAY``) Qt aborts
    with a hint about reinstalling its plugins. Offscreen and other platforms are left to Qt.
    """
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    from workshop.i18n import _

    platforms = [
        p.split(":", 1)[0].strip() for p in os.environ.get("QT_QPA_PLATFORM", "").split(";")
    ]
    if any(p not in {"", "xcb"} for p in platforms):
        return None
    unset = platforms == [""]
    if os.environ.get("DISPLAY") or (unset and os.environ.get("WAYLAND_DISPLAY")):
        return None
    return _(
        "Accord's window needs a desktop session, and none was found "
        "(DISPLAY{wayland} is not set); the commands that need no window, such as "
        "`accord list` and `accord export`, work without one (see `accord --help`)."
    ).format(wayland=" or WAYLAND_DISPLAY" if unset else "")


def missing_library(exc: ImportError) -> str | None:
    """The sentence for a Qt import that failed because a system library is missing."""
    from workshop.i18n import _

    found = re.search(r"(lib[\w.+-]*?\.so(?:\.\d+)*)", str(exc))
    if found is None:
        return None
    library = found.group(1)
    package = SYSTEM_PACKAGES.get(library)
    return _(
        "Accord's window cannot start: the system library {library}{package} is missing; "
        "install the system packages listed under “Start” in README.md "
        "(packages-debian.txt) and try again."
    ).format(library=library, package=f" (Debian package {package})" if package else "")


SYSTEM_PACKAGES = {  # a library Qt loads at import → the Debian package that has it
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libX11.so.6": "libx11-6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
}


def run_gui(args: argparse.Namespace) -> int:
    """Start the window: one sentence instead of Qt's abort or a traceback when it cannot."""
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
        if args.command == "list":
            return cmd_list(args.database)
        if args.command == "demo":
            return cmd_demo(args.database)
        if args.command == "funnel":
            return cmd_funnel(args)
        if args.command == "backup":
            return cmd_backup(args.database, args.out)
        if args.command == "restore":
            return cmd_restore(args.database, args.file)
        if args.command == "workshop-export":
            return cmd_workshop_export(args.database, args.id, args.out)
        if args.command == "export":
            return cmd_export(args.database, args)
        if args.command == "workshop-import":
            return cmd_workshop_import(args.database, args.file, args.as_copy)
        if args.command == "verify":
            return cmd_verify(args.database, args.file, args.trust)
        if args.command in {"summary", "actions", "calendar"}:
            return cmd_take_home(args.database, args)
        return run_gui(args)
    except AccordError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
