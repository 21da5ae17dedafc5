"""CRM presets: which headers of a known CRM export hold which field of a record.

Each preset is declared once in :data:`PRESETS`; a file is recognised by its headers
(compared without case and surrounding blanks). A preset matches when the file has one of
its id headers and at least one of its stage headers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# The fields of a record, in the order a mapping file names them.
ID = "id"
STAGES = ("mql_at", "sal_at", "sql_at", "won_at", "first_touch_at")
FIELDS = (ID, *STAGES, "amount", "owner", "source")


def header_key(header: str) -> str:
    """A header as headers are compared: without case, surrounding blanks or a BOM."""
    return " ".join(header.replace("\ufeff", "").split()).casefold()


@dataclass(frozen=True)
class Preset:
    """A known export: for each field, the headers that may hold it, best first."""

    name: str  # what --preset takes (several presets may share it)
    title: str  # what the import says it recognised
    columns: dict[str, tuple[str, ...]]
    # The Close Date of an opportunity is a won moment only when the stage says so.
    won_column: tuple[str, ...] = ()
    won_values: frozenset[str] = field(default_factory=frozenset)

    def resolve(self, headers: Sequence[str]) -> dict[str, str]:
        """Field → the file's header that holds it, for the fields this file has."""
        present = {header_key(h): h for h in reversed(headers)}
        found: dict[str, str] = {}
        for name, candidates in self.columns.items():
            for candidate in candidates:
                if header_key(candidate) in present:
                    found[name] = present[header_key(candidate)]
                    break
        return found

    def won_header(self, headers: Sequence[str]) -> str | None:
        present = {header_key(h): h for h in reversed(headers)}
        return next(
            (present[header_key(c)] for c in self.won_column if header_key(c) in present), None
        )

    def matches(self, headers: Sequence[str]) -> bool:
        found = self.resolve(headers)
        return ID in found and any(stage in found for stage in STAGES)


HUBSPOT_CONTACTS = Preset(
    name="hubspot",
    title="HubSpot contacts export",
    columns={
        ID: ("Record ID", "Contact ID", "VID"),
        "mql_at": ("Became a Marketing Qualified Lead Date",),
        "sal_at": ("Became a Sales Accepted Lead Date",),
        "sql_at": ("Became a Sales Qualified Lead Date",),
        "won_at": ("Became a Customer Date",),
        "first_touch_at": ("First Conversion Date", "Became a Lead Date", "Create Date"),
        "amount": ("Recent Deal Amount", "Amount", "Total Revenue"),
        "owner": ("Contact owner", "HubSpot Owner", "Owner"),
        "source": ("Original Source", "Original Source Type", "Latest Source"),
    },
)

SALESFORCE_LEADS = Preset(
    name="salesforce",
    title="Salesforce leads report",
    columns={
        ID: ("Lead ID", "Lead: Lead ID"),
        "mql_at": ("MQL Date", "Created Date"),
        "sal_at": ("SAL Date", "Accepted Date"),
        "sql_at": ("Converted Date", "SQL Date"),
        "first_touch_at": ("First Touch Date", "Created Date"),
        "owner": ("Lead Owner", "Owner", "Owner Name"),
        "source": ("Lead Source",),
    },
)

SALESFORCE_OPPORTUNITIES = Preset(
    name="salesforce",
    title="Salesforce opportunities report",
    columns={
        ID: ("Opportunity ID", "Opportunity: Opportunity ID"),
        "sql_at": ("Created Date",),
        "won_at": ("Close Date",),
        "amount": ("Amount", "Amount (converted)"),
        "owner": ("Opportunity Owner", "Owner", "Owner Name"),
        "source": ("Lead Source", "Source"),
    },
    won_column=("Stage", "Won"),
    won_values=frozenset({"closed won", "won", "1", "true"}),
)

# Tried in this order by --preset auto: the first that matches the file's headers.
PRESETS: tuple[Preset, ...] = (HUBSPOT_CONTACTS, SALESFORCE_LEADS, SALESFORCE_OPPORTUNITIES)
PRESET_NAMES = ("auto", *dict.fromkeys(p.name for p in PRESETS))


def recognise(headers: Sequence[str], name: str = "auto") -> Preset | None:
    """The first preset named ``name`` (any, for ``auto``) that the headers match."""
    candidates: Iterable[Preset] = (p for p in PRESETS if name in ("auto", p.name))
    return next((p for p in candidates if p.matches(headers)), None)
