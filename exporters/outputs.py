"""The files people take home from a workshop, each declared once.

An :class:`Output` holds everything the command line and the window need to offer it: the
sub-command's name, help and own options, the file suffix, the save dialog's title and
filter, the menu entry, the sentence said once it is written, and how it is built — bytes,
plus notes for what the file could not hold, in sentences. A build prepares the workshop into
frozen data (:mod:`workshop`) and hands that to its renderer. The command line makes one
sub-command per entry (:mod:`cli.take_home`), the window one File ▸ Take-home Outputs entry
per entry (:mod:`ui.files.take_home`): adding a format is one entry here and its renderer.

Texts are written here in English as typed; each side translates them (``_`` on the command
line, ``tr`` in the window). Nothing heavy is imported here: a build imports its renderer
when it runs, so the window and ``--help`` start without ReportLab.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop.model import Workshop


@dataclass(frozen=True)
class Built:
    """A file's content, and what it could not hold (one sentence each)."""

    data: bytes
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class BuildOptions:
    """What a build needs besides the workshop."""

    today: date  # decides what is overdue
    now: datetime  # stamps the file where its format wants a moment (aware)
    choices: Mapping[str, str] = field(default_factory=dict)  # an output's own options, given
    helper_process: bool = False  # PDF work in the helper process (the window stays live)

    @classmethod
    def current(
        cls, choices: Mapping[str, str] | None = None, *, helper_process: bool = False
    ) -> BuildOptions:
        return cls(date.today(), datetime.now(UTC), dict(choices or {}), helper_process)


@dataclass(frozen=True)
class Option:
    """An option one output takes on the command line (``--name VALUE``)."""

    name: str
    metavar: str
    help: str

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


@dataclass(frozen=True)
class Output:
    name: str  # the sub-command
    suffix: str  # with its dot: ".pdf"
    help: str  # the sub-command's help
    menu_text: str  # File ▸ Take-home Outputs entry, with its mnemonic
    dialog_title: str  # the save dialog's title
    file_label: str  # in the suggested file name: "<workshop> - <file_label><suffix>"
    file_filter: str  # the save dialog's filter
    saved: str  # said once written; {file} is the path
    build: Callable[[Workshop, BuildOptions], Built]
    options: tuple[Option, ...] = ()


def _summary(workshop: Workshop, options: BuildOptions) -> Built:
    from workshop.summary_data import prepare_summary

    summary = prepare_summary(workshop, options.today)
    if options.helper_process:
        from exporters.pdf_process import shared  # ReportLab runs there, not here

        return Built(shared().summary(summary))
    from exporters.summary_pdf import summary_pdf

    return Built(summary_pdf(summary))


def _actions(workshop: Workshop, options: BuildOptions) -> Built:
    from exporters.actions_csv import actions_csv
    from workshop.action_items import action_rows

    return Built(actions_csv(action_rows(workshop, options.today)))


FLOATING = "floating"  # the calendar's --timezone for times without a zone


def _calendar(workshop: Workshop, options: BuildOptions) -> Built:
    from exporters.calendar_ics import calendar_ics
    from exporters.ics_zone import local_zone_name
    from workshop.review_calendar import prepare_calendar

    zone = options.choices.get("timezone") or local_zone_name()
    calendar = prepare_calendar(workshop)
    result = calendar_ics(calendar, options.now, None if zone == FLOATING else zone)
    return Built(result.data, tuple(result.notes))


OUTPUTS: dict[str, Output] = {
    output.name: output
    for output in (
        Output(
            name="summary",
            suffix=".pdf",
            help="write the workshop summary PDF (plan vs actual, outcomes, votes, "
            "decisions, action items by owner, parking lot)",
            menu_text="Workshop &Summary (PDF)…",
            dialog_title="Save workshop summary",
            file_label="summary",
            file_filter="PDF files (*.pdf)",
            saved="Workshop summary saved to {file}.",
            build=_summary,
        ),
        Output(
            name="actions",
            suffix=".csv",
            help="write the action items as CSV (UTF-8 with BOM, for spreadsheets)",
            menu_text="&Action Items (CSV)…",
            dialog_title="Save action items",
            file_label="action items",
            file_filter="CSV files (*.csv)",
            saved="Action items saved to {file}.",
            build=_actions,
        ),
        Output(
            name="calendar",
            suffix=".ics",
            help="write the review meetings and the review date as an iCalendar file",
            menu_text="Review &Calendar (iCalendar)…",
            dialog_title="Save review calendar",
            file_label="calendar",
            file_filter="Calendar files (*.ics)",
            saved="Calendar saved to {file}.",
            build=_calendar,
            options=(
                Option(
                    "timezone",
                    "ZONE",
                    "the meetings' time zone, e.g. Europe/Berlin (default: this computer's; "
                    f"'{FLOATING}' for times without a zone)",
                ),
            ),
        ),
    )
}
