"""The agreement's content as ReportLab flowables, section by section, in print order.

Every string that came from the workshop passes through :class:`~exporters.pdf_text.TextSetter`
(escaped, split by font coverage); labels are this module's own words, escaped all the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeAlias

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    LongTable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from exporters.bidi_lines import BidiParagraph, base_direction, has_rtl
from exporters.fonts import BOLD, REGULAR
from exporters.long_text import PIECE_CHARS, LongText, long_text, shortened
from exporters.pdf_styles import (
    NOTICE_FILL,
    NOTICE_RULE,
    RULE,
    Styles,
    facts_style,
    grid_style,
    table_style,
)
from exporters.pdf_text import TextSetter, amount, clean, number, percent, utc_time
from exporters.signature_art import SealPlace, SealSpace, SignatureArt
from workshop.agreement import Agreement
from workshop.dates import long_date
from workshop.editing import TEAM_LABELS
from workshop.i18n import _
from workshop.limits import LINE_CHARS, TEXT_CHARS
from workshop.model import AgreementVersion, Signatory, Team, VersionStatus

Cell: TypeAlias = str | Flowable
# Styles that hold one line of a field (a title, a client): a stored text longer than a
# line accepts is shortened there. Any other text prints whole up to ten times the longest
# a field accepts (a library from before the limits may hold a 100 KB profile), and is
# shortened beyond that: a million characters would be a thousand pages.
_ONE_LINE_STYLES = frozenset({"kicker", "title", "subtitle", "h1", "h2"})
PRINTED_CHARS = 10 * TEXT_CHARS


def team_label(value: str) -> str:
    try:
        return TEAM_LABELS[Team(value)]
    except ValueError:
        return value


def status_text(agreement: Agreement, version: AgreementVersion) -> str:
    if version.status == VersionStatus.SIGNED:
        status = _("Signed")
        if version.signed_at is not None:
            status = _("Signed on {when}").format(when=utc_time(version.signed_at))
    else:
        status = _("Draft — not signed")
    if agreement.contains_open_points:
        status += " · " + _("contains open points")
    return status


class SectionBuilder:
    """Builds flowables for one agreement; ``width`` is the frame's usable width in points."""

    def __init__(self, setter: TextSetter, styles: Styles, width: float) -> None:
        self.setter = setter
        self.styles = styles
        self.width = width
        self._number = 0

    # -- small pieces ------------------------------------------------------------------

    def para(self, text: str, style_name: str = "body") -> Flowable:
        """``text`` in the named style; a long text in pieces (:mod:`exporters.long_text`),
        one longer than any field accepts shortened with a note."""
        style = getattr(self.styles, style_name)
        face = style.fontName
        limit = LINE_CHARS if style_name in _ONE_LINE_STYLES else PRINTED_CHARS
        text = shortened(text, limit)
        if len(text) > PIECE_CHARS:
            text = clean(text)  # cut into pieces as it will print (markup cleans short ones)
        if has_rtl(text) and base_direction(text) == "R" and style.alignment == TA_LEFT:
            style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        return long_text(
            text, style, lambda piece, look: BidiParagraph(self.setter.markup(piece, face), look)
        )

    def cell(self, text: str, bold: bool = False) -> Flowable:
        return self.para(text or "—", "cell_bold" if bold else "cell")

    def heading(self, title: str) -> list[Flowable]:
        self._number += 1
        # Room for the heading and a few lines, or a new page: a heading never ends a page.
        return [CondPageBreak(110), self.para(f"{self._number}. {title}", "h1")]

    def subheading(self, title: str) -> list[Flowable]:
        return [CondPageBreak(80), self.para(title, "h2")]

    def table(
        self,
        header: Sequence[Cell],
        rows: Sequence[Sequence[Cell | list[Flowable]]],
        fractions: Sequence[float],
    ) -> Flowable:
        """A table that repeats its header on every page and lets long cells wrap and split."""
        head = [self.para(h, "header_cell") if isinstance(h, str) else h for h in header]
        body = [[self.cell(c) if isinstance(c, str) else c for c in row] for row in rows]
        widths = [self.width * f for f in fractions]
        table = LongTable(
            [head, *body],
            colWidths=widths,
            repeatRows=1,
            splitInRow=int(_has_long_text(rows)),
            hAlign="LEFT",
        )
        table.setStyle(grid_style())
        return table

    def facts(self, pairs: Sequence[tuple[str, str]], label_share: float = 0.28) -> Flowable:
        rows = [[self.para(k, "label"), self.cell(v)] for k, v in pairs]
        widths = [self.width * label_share, self.width * (1 - label_share)]
        long_text = _has_long_text([[v] for _k, v in pairs])
        table = LongTable(rows, colWidths=widths, splitInRow=int(long_text), hAlign="LEFT")
        table.setStyle(facts_style())
        return table

    def none_yet(self, what: str) -> Paragraph:
        return self.para(what, "muted")

    # -- title page ----------------------------------------------------------------------

    def title_page(
        self, agreement: Agreement, version: AgreementVersion, short_digest: str
    ) -> list[Flowable]:
        parties = ", ".join(p for p in agreement.parties if p.strip()) or "—"
        created = version.created_at.date() if version.created_at else None
        story: list[Flowable] = [
            Spacer(1, 110),
            self.para(_("SALES–MARKETING PERFORMANCE AGREEMENT"), "kicker"),
            self.para(agreement.title or _("Untitled agreement"), "title"),
            self.para(agreement.client or "", "subtitle"),
            self.facts(
                [
                    (_("Parties"), parties),
                    (_("Version"), str(version.number)),
                    (_("Date"), long_date(created or agreement.workshop_date)),
                    (_("Status"), status_text(agreement, version)),
                    (_("Effective date"), long_date(agreement.effective_date)),
                    (_("Facilitated by"), agreement.facilitator or "—"),
                    (_("Document digest"), short_digest),
                ]
            ),
        ]
        if agreement.contains_open_points:
            story += [Spacer(1, 18), self._open_points_notice(len(agreement.open_points))]
        story.append(Spacer(1, 18))
        story.append(
            self.para(
                _(
                    "This agreement records what the sales and marketing teams commit to each "
                    "other: a shared goal, one language for the lead lifecycle, who does what, "
                    "the service levels each team keeps, and how progress is shared and reviewed."
                ),
                "muted",
            )
        )
        story.append(PageBreak())
        return story

    def _open_points_notice(self, count: int) -> Flowable:
        text = _(
            "This version contains open points ({count}). They are listed in their own section "
            "before the signatures; signing now accepts the agreement with them open."
        ).format(count=count)
        box = Table([[self.para(text, "notice")]], colWidths=[self.width])
        box.setStyle(
            table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), NOTICE_FILL),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, NOTICE_RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, -1), 7),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        return box

    # -- sections ------------------------------------------------------------------------

    def parties_and_term(self, a: Agreement) -> list[Flowable]:
        term = _("{months} months").format(months=a.term_months) if a.term_months else "—"
        return [
            *self.heading(_("Parties and term")),
            self.para(
                _("This agreement is made between the following teams of {client}:").format(
                    client=a.client or _("the company")
                )
            ),
            self.facts(
                [
                    (_("Parties"), "\n".join(p for p in a.parties if p.strip()) or "—"),
                    (_("Effective date"), long_date(a.effective_date)),
                    (_("Term"), term),
                    (_("Review date"), long_date(a.review_date)),
                    (
                        _("Agreed at"),
                        _("Workshop of {date}").format(date=long_date(a.workshop_date))
                        if a.workshop_date
                        else "—",
                    ),
                    (_("Facilitated by"), a.facilitator or "—"),
                ]
            ),
        ]

    def goal_and_objectives(self, a: Agreement) -> list[Flowable]:
        g = a.goal
        story = [
            *self.heading(_("Shared goal and objectives")),
            self.para(g.statement or _("No shared goal has been stated.")),
            self.facts(
                [
                    (_("Metric"), g.metric or "—"),
                    (_("Baseline"), amount(g.baseline, g.unit)),
                    (_("Target"), amount(g.target, g.unit)),
                    (_("Deadline"), long_date(g.deadline)),
                ]
            ),
            Spacer(1, 10),
            *self.subheading(_("Team objectives supporting the shared goal")),
        ]
        if not a.objectives:
            return [*story, self.none_yet(_("No team objectives were recorded."))]
        rows = [
            [
                team_label(o.team),
                self.cell(o.statement, bold=True),
                o.metric,
                f"{amount(o.baseline, o.unit)} → {amount(o.target, o.unit)}",
                long_date(o.deadline),
            ]
            for o in a.objectives
        ]
        header = [_("Team"), _("Objective"), _("Measured by"), _("Baseline → target"), _("By")]
        return [*story, self.table(header, rows, (0.14, 0.29, 0.23, 0.18, 0.16))]

    def funnel(self, a: Agreement) -> list[Flowable]:
        f = a.funnel
        story = [
            *self.heading(_("Funnel plan")),
            self.para(
                _(
                    "The lead commitment is worked back from the revenue target: deals needed, "
                    "then the sales-qualified leads (SQLs) and marketing-qualified leads (MQLs) "
                    "it takes to win them."
                )
            ),
            self.facts(
                [
                    (_("Revenue target"), amount(f.revenue_target)),
                    (_("Average deal size"), amount(f.average_deal)),
                    (_("Share from marketing-sourced deals"), percent(f.marketing_share)),
                    (_("MQL → SQL rate"), percent(f.mql_to_sql)),
                    (_("SQL → won rate"), percent(f.sql_to_won)),
                    (
                        _("Period"),
                        _("{months} months").format(months=f.months) if f.months else "—",
                    ),
                ],
                label_share=0.4,
            ),
            Spacer(1, 10),
        ]
        if f.deals is None:
            return [
                *story,
                self.none_yet(
                    _("The funnel inputs are incomplete, so no lead volumes are agreed yet.")
                ),
            ]
        rows = [
            [
                self.cell(label, bold=True),
                self.para(number(total), "cell_number"),
                self.para(number(monthly), "cell_number"),
            ]
            for label, total, monthly in (
                (_("Deals"), f.deals, f.deals_per_month),
                (_("SQLs"), f.sqls, f.sqls_per_month),
                (_("MQLs"), f.mqls, f.mqls_per_month),
            )
        ]
        header = [
            self.para(_("Stage"), "header_cell"),
            self.para(_("For the period"), "header_number"),
            self.para(_("Per month"), "header_number"),
        ]
        return [*story, self.table(header, rows, (0.4, 0.3, 0.3))]

    def definitions(self, a: Agreement) -> list[Flowable]:
        story = [
            *self.heading(_("Definitions")),
            self.para(
                _(
                    "Both teams use these lifecycle stages, with these entry criteria, in every "
                    "report and conversation covered by this agreement."
                )
            ),
        ]
        if not a.definitions:
            return [*story, self.none_yet(_("No lifecycle stages were defined."))]
        rows = [
            [self.cell(d.stage, bold=True), d.entry_criteria, d.decided_by, d.handoff]
            for d in a.definitions
        ]
        header = [_("Stage"), _("Entry criteria"), _("Decided by"), _("Hand-off")]
        return [*story, self.table(header, rows, (0.17, 0.35, 0.21, 0.27))]

    def customer_profile(self, a: Agreement) -> list[Flowable]:
        text = a.ideal_customer_profile.strip()
        return [
            *self.heading(_("Ideal customer profile")),
            self.para(text) if text else self.none_yet(_("No customer profile was recorded.")),
        ]

    def raci(self, a: Agreement) -> list[Flowable]:
        story = [
            *self.heading(_("Shared responsibilities")),
            self.para(
                _(
                    "R = responsible (does the work), A = accountable (one per activity, owns "
                    "the outcome), C = consulted, I = informed."
                ),
                "muted",
            ),
        ]
        if not a.raci:
            return [*story, self.none_yet(_("No shared activities were recorded."))]
        parties: list[str] = list(a.parties)
        for row in a.raci:
            for c in row.roles:
                if c.party not in parties:
                    parties.append(c.party)
        first = 0.4 if len(parties) <= 5 else 0.3
        share = (1 - first) / max(len(parties), 1)
        rows: list[list[Cell | list[Flowable]]] = []
        for row in a.raci:
            roles = {c.party: c.roles for c in row.roles}
            activity = self.para(row.activity or "—", "cell_bold")
            what: Cell | list[Flowable] = activity
            if row.description.strip():
                what = [activity, self.cell(row.description)]
            letters = [self.para(roles.get(p, "") or " ", "cell_centre") for p in parties]
            rows.append([what, *letters])
        header = [self.para(_("Activity"), "header_cell")] + [
            self.para(p, "header_centre") for p in parties
        ]
        return [*story, self.table(header, rows, (first, *([share] * len(parties))))]

    def commitments(self, a: Agreement) -> list[Flowable]:
        story = [*self.heading(_("Commitments"))]
        if not a.commitments:
            return [*story, self.none_yet(_("No commitments were recorded."))]
        rows = [
            [
                team_label(c.committed_by),
                self.cell(c.what, bold=True),
                " ".join(x for x in (amount(c.target, c.unit), c.period) if x and x != "—") or "—",
                c.measured_by,
                c.data_source,
            ]
            for c in a.commitments
        ]
        header = [_("Team"), _("Commitment"), _("Target"), _("Measured by"), _("Data source")]
        return [*story, self.table(header, rows, (0.14, 0.27, 0.18, 0.21, 0.2))]

    def kpis(self, a: Agreement) -> list[Flowable]:
        story = [*self.heading(_("Key performance indicators"))]
        if not a.kpis:
            return [*story, self.none_yet(_("No KPIs were recorded."))]
        rows = [
            [
                self.cell(k.name, bold=True),
                amount(k.target, k.unit),
                k.data_source,
                k.owner,
                k.cadence,
            ]
            for k in a.kpis
        ]
        header = [_("KPI"), _("Target"), _("Data source"), _("Owner"), _("Reviewed")]
        return [*story, self.table(header, rows, (0.24, 0.18, 0.26, 0.19, 0.13))]

    def reporting(self, a: Agreement) -> list[Flowable]:
        story = [
            *self.heading(_("Reporting and meeting cadence")),
            *self.subheading(_("What each side shares")),
        ]
        if a.reporting:
            rows = [
                [
                    f"{team_label(s.from_team)} → {team_label(s.to_team)}",
                    self.cell(s.what, bold=True),
                    s.channel,
                    s.frequency,
                ]
                for s in a.reporting
            ]
            header = [_("From → to"), _("What"), _("Channel"), _("How often")]
            story.append(self.table(header, rows, (0.2, 0.36, 0.2, 0.24)))
        else:
            story.append(self.none_yet(_("No reporting was agreed.")))
        story += [Spacer(1, 10), *self.subheading(_("Meetings"))]
        if a.meetings:
            rows = [
                [
                    self.cell(m.title, bold=True),
                    m.attendees,
                    m.cadence,
                    _("{minutes} min").format(minutes=m.duration_minutes)
                    if m.duration_minutes
                    else "—",
                    long_date(m.first_date),
                    m.agenda,
                ]
                for m in a.meetings
            ]
            header = [
                _("Meeting"),
                _("Attendees"),
                _("Cadence"),
                _("Length"),
                _("First"),
                _("Agenda"),
            ]
            story.append(self.table(header, rows, (0.16, 0.22, 0.14, 0.09, 0.13, 0.26)))
        else:
            story.append(self.none_yet(_("No meetings were agreed.")))
        return story

    def escalation(self, a: Agreement) -> list[Flowable]:
        story = [
            *self.heading(_("Escalation")),
            self.para(_("When a commitment is missed, these steps are taken in order.")),
        ]
        if not a.escalation:
            return [*story, self.none_yet(_("No escalation path was agreed."))]
        rows = [
            [str(i), self.cell(e.what, bold=True), e.who, e.within]
            for i, e in enumerate(a.escalation, start=1)
        ]
        header = [_("Step"), _("What happens"), _("Who"), _("Within")]
        return [*story, self.table(header, rows, (0.08, 0.46, 0.26, 0.2))]

    def open_points(self, a: Agreement) -> list[Flowable]:
        if not a.open_points:
            return []
        items = [self.para(f"•  {p}", "notice") for p in a.open_points]
        box = Table(
            [[self.para(_("Open when this version was made"), "h2")], *[[i] for i in items]],
            colWidths=[self.width],
            splitByRow=1,
        )
        box.setStyle(
            table_style(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), NOTICE_FILL),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, NOTICE_RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, 0), 6),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
                ]
            )
        )
        return [*self.heading(_("Open points")), box]

    # -- signatures and audit ------------------------------------------------------------

    def signatures(self, a: Agreement, version: AgreementVersion) -> list[Flowable]:
        people: list[Signatory] = list(version.signatories) or [
            Signatory(name=s.name, title=s.title, team=_team(s.team)) for s in a.signatories
        ]
        story: list[Flowable] = [PageBreak(), *self.heading(_("Signatures"))]
        story.append(
            self.para(
                _(
                    "By signing, each signatory agrees to this version of the agreement on "
                    "behalf of their team. Times are stated in UTC."
                )
            )
        )
        story.append(Spacer(1, 8))
        if not people:
            return [*story, self.none_yet(_("No signatories have been named yet."))]
        column = (self.width - 24) / 2
        blocks = [self._signature_block(p, column) for p in people]
        if len(blocks) % 2:
            blocks.append(Spacer(1, 1))
        rows = [blocks[i : i + 2] for i in range(0, len(blocks), 2)]
        grid = Table(rows, colWidths=[column + 12, column + 12], hAlign="LEFT")
        grid.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 22),
                ]
            )
        )
        return [*story, grid]

    def _signature_block(self, person: Signatory, width: float) -> Flowable:
        signature = person.signature
        when = (
            _("Signed {when}").format(when=utc_time(signature.signed_at))
            if signature is not None and signature.signed_at is not None
            else _("Not signed")
        )
        art_width = min(width, 210)
        rows: list[list[Flowable]] = [
            [SignatureArt(signature, self.setter, art_width)],
            [self.para(person.name or "—", "cell_bold")],
            [self.cell(" · ".join(x for x in (person.title, team_label(person.team)) if x))],
            [self.para(when, "muted")],
        ]
        block = Table(rows, colWidths=[width])
        block.setStyle(
            table_style(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (0, 0), 4),
                    ("LINEBELOW", (0, 0), (0, 0), 0.8, RULE),
                    ("TOPPADDING", (0, 1), (0, 1), 5),
                ]
            )
        )
        return block

    def audit(
        self,
        a: Agreement,
        version: AgreementVersion,
        *,
        workshop_id: str,
        digest: str,
        app_version: str,
        seal: SealPlace,
    ) -> list[Flowable]:
        signed = [p for p in version.signatories if p.signature is not None]
        who = "\n".join(
            _("{name} — {kind}, {when}").format(
                name=p.name or "—",
                kind=_("typed name") if p.signature and p.signature.kind == "typed" else _("drawn"),
                when=utc_time(p.signature.signed_at if p.signature else None),
            )
            for p in signed
        ) or _("Nobody has signed this version.")
        status = _("Signed") if version.status == VersionStatus.SIGNED else _("Draft")
        creator = f"Accord {app_version}".strip()  # a product name: not translated
        return [
            PageBreak(),
            self.para(_("Audit record"), "h1"),
            self.para(
                _(
                    "The digest below is the SHA-256 of the agreement's exact text. Any copy "
                    "whose text gives another digest is not this agreement."
                ),
                "muted",
            ),
            self.facts(
                [
                    (_("Workshop"), shortened(a.title, LINE_CHARS) or "—"),
                    (_("Workshop id"), workshop_id),
                    (_("Version"), f"{version.number} ({status})"),
                    (_("Created"), utc_time(version.created_at)),
                    (_("Signed"), utc_time(version.signed_at)),
                    (_("SHA-256 digest"), digest),
                    (_("Signatures"), who),
                ],
                label_share=0.2,
            ),
            Spacer(1, 6),
            self.para(_("Created with {creator}").format(creator=creator), "muted"),
            # Room for a seal's stamp, which names itself ("Sealed by …"); an unsealed copy
            # shows nothing here rather than a heading over blank space.
            Spacer(1, 18),
            SealSpace(seal),
        ]


# A row holding this much text may be split across pages; shorter rows move whole.
LONG_CELL = 1200


def _has_long_text(rows: Sequence[Sequence[object]]) -> bool:
    return (
        any(isinstance(c, str) and len(c) > LONG_CELL for row in rows for c in row)
        or any(isinstance(c, LongText) for row in rows for c in row)
        or any(isinstance(c, Paragraph) and len(c.text) > LONG_CELL for row in rows for c in row)
        or any(
            isinstance(c, list)
            and any(isinstance(f, Paragraph) and len(f.text) > LONG_CELL for f in c)
            for row in rows
            for c in row
        )
    )


def _team(value: str) -> Team:
    try:
        return Team(value)
    except ValueError:
        return Team.OTHER


def full_story(
    builder: SectionBuilder,
    agreement: Agreement,
    version: AgreementVersion,
    *,
    workshop_id: str,
    digest: str,
    short_digest: str,
    app_version: str,
    seal: SealPlace,
) -> list[Flowable]:
    sections: list[Callable[[Agreement], list[Flowable]]] = [
        builder.parties_and_term,
        builder.goal_and_objectives,
        builder.funnel,
        builder.definitions,
        builder.customer_profile,
        builder.raci,
        builder.commitments,
        builder.kpis,
        builder.reporting,
        builder.escalation,
        builder.open_points,
    ]
    story = builder.title_page(agreement, version, short_digest)
    for section in sections:
        story += section(agreement)
    story += builder.signatures(agreement, version)
    story += builder.audit(
        agreement,
        version,
        workshop_id=workshop_id,
        digest=digest,
        app_version=app_version,
        seal=seal,
    )
    return story


__all__ = ["BOLD", "REGULAR", "SectionBuilder", "full_story", "status_text"]
