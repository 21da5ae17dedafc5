"""The agreement's content as ReportLab flowables, section by section, in print order:
the title page (:mod:`exporters.agreement_title_page`), the numbered sections built here,
then the signatures and the audit record (:mod:`exporters.agreement_signatures`).

Every string that came from the workshop passes through :class:`~exporters.pdf_text.TextSetter`
(escaped, split by font coverage); labels are this module's own words, escaped all the same.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, Spacer

from exporters.agreement_signatures import audit, signatures
from exporters.agreement_title_page import status_text, title_page
from exporters.fonts import BOLD, REGULAR
from exporters.pdf_pieces import Cell, PdfPieces, team_label
from exporters.pdf_text import amount, number, percent
from exporters.signature_art import SealPlace
from workshop.agreement import Agreement
from workshop.dates import long_date
from workshop.i18n import _
from workshop.model import AgreementVersion


class SectionBuilder(PdfPieces):
    """Builds the numbered sections of one agreement (and, as :class:`PdfPieces`, the
    pieces any PDF section is made of)."""

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
        padding: list[tuple[object, ...]] = [
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
        ]
        title = self.para(_("Open when this version was made"), "h2")
        box = self.notice([[title], *[[i] for i in items]], padding)
        return [*self.heading(_("Open points")), box]


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
    story = title_page(builder, agreement, version, short_digest)
    for section in sections:
        story += section(agreement)
    story += signatures(builder, agreement, version)
    story += audit(
        builder,
        agreement,
        version,
        workshop_id=workshop_id,
        digest=digest,
        app_version=app_version,
        seal=seal,
    )
    return story


__all__ = ["BOLD", "REGULAR", "SectionBuilder", "full_story", "status_text", "team_label"]
