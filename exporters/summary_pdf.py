"""The workshop summary people take home: agenda planned against actual, what each step
produced, votes, decisions, action items by owner and the parking lot.

Same fonts, escaping and layout pieces as the agreement (every font embedded, user text
printed literally, "Page x of y"); it receives the summary prepared by
:func:`workshop.summary_data.prepare_summary` and returns bytes.
"""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
)

from exporters.agreement_sections import SectionBuilder, team_label
from exporters.fonts import fonts
from exporters.long_text import metadata
from exporters.pdf_pages import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PageFurniture,
    numbered_canvas,
)
from exporters.pdf_styles import make_styles
from exporters.pdf_text import TextSetter
from workshop.dates import long_date
from workshop.i18n import _
from workshop.outcomes import signed_minutes
from workshop.summary_data import SummaryData


def _minutes(value: int | None) -> str:
    return "—" if value is None else _("{n} min").format(n=value)


class SummaryBuilder:
    def __init__(self, builder: SectionBuilder, summary: SummaryData) -> None:
        self.b, self.s = builder, summary

    def head(self) -> list[Flowable]:
        b, s = self.b, self.s
        people = ", ".join(f"{p.name} ({team_label(p.team.value).lower()})" for p in s.people)
        return [
            Spacer(1, 24),
            b.para(_("WORKSHOP SUMMARY"), "kicker"),
            b.para(s.title or _("Untitled workshop"), "title"),
            b.para(s.client, "subtitle") if s.client else Spacer(1, 12),
            b.facts(
                [
                    (_("Date"), long_date(s.date)),
                    (_("Place"), s.location or "—"),
                    (_("Facilitated by"), s.facilitator or "—"),
                    (_("In the room"), people or "—"),
                    (_("Summary as of"), long_date(s.today)),
                ]
            ),
        ]

    def agenda(self) -> list[Flowable]:
        b = self.b
        story = b.heading(_("Agenda: plan and actual"))
        plan = self.s.agenda
        if not plan.rows:
            return [*story, b.none_yet(_("No agenda was planned."))]
        rows: list[list[str | Flowable]] = [
            [r.title, r.step, _minutes(r.planned), _minutes(r.actual), signed_minutes(r.difference)]
            for r in plan.rows
        ]
        total = [
            _("Total"),
            " ",
            _minutes(plan.planned),
            _minutes(plan.actual) if plan.timed else "—",
            signed_minutes(plan.difference) if plan.timed else "—",
        ]
        rows.append([b.cell(text, bold=True) for text in total])
        story.append(
            b.table(
                [_("Item"), _("Step"), _("Planned"), _("Actual"), _("Difference")],
                rows,
                [0.38, 0.22, 0.13, 0.13, 0.14],
            )
        )
        if plan.timed < len(plan.rows):
            untimed = _(
                "{n} of {total} items have no actual time; the difference counts the timed ones."
            ).format(n=len(plan.rows) - plan.timed, total=len(plan.rows))
            story += [Spacer(1, 4), b.para(untimed, "muted")]
        return story

    def outcomes(self) -> list[Flowable]:
        b = self.b
        story = b.heading(_("Outcomes of each step"))
        for step in self.s.outcomes:
            story += b.subheading(step.title)
            lines = list(step.lines)
            story.append(b.facts(lines) if lines else b.none_yet(_("Nothing captured yet.")))
        return story

    def votes(self) -> list[Flowable]:
        b = self.b
        story = b.heading(_("Votes"))
        if not self.s.votes:
            return [*story, b.none_yet(_("The room did not vote."))]
        for n, vote in enumerate(self.s.votes):
            block: list[Flowable] = [b.para(vote.subject, "h2")]
            detail = _("{dots} dots placed, {each} per participant.").format(
                dots=vote.dots_placed, each=vote.dots_per_participant
            )
            block.append(b.para(f"{vote.outcome} {detail}", "body"))
            if vote.revealed:
                rows = [
                    [f"{r.place}." + (" =" if r.tied else ""), r.option, str(r.dots)]
                    for r in vote.ranking
                ]
                block.append(b.table([_("Place"), _("Option"), _("Dots")], rows, [0.1, 0.75, 0.15]))
            if n == 0:  # the section heading never stays behind on its own
                block.insert(0, story.pop())
            # A short vote stays on one page; a long one may split.
            story += [KeepTogether(block)] if vote.options <= 12 else block
        return story

    def decisions(self) -> list[Flowable]:
        b = self.b
        story = b.heading(_("Decisions"))
        found = list(self.s.decisions)
        if not found:
            return [*story, b.none_yet(_("No decisions recorded yet."))]
        story.append(b.table([_("Kind"), _("Decision")], found, [0.18, 0.82]))
        return story

    def actions(self) -> list[Flowable]:
        b = self.b
        story = b.heading(_("Action items by owner"))
        if not self.s.actions:
            return [*story, b.none_yet(_("No action items."))]
        for owner, items in self.s.actions:
            story += b.subheading(owner)
            story.append(
                b.table(
                    [_("What"), _("Due"), _("Status"), _("Step")],
                    [
                        [
                            r.what,
                            long_date(r.due) if r.due else "—",
                            r.status_label + (" · " + _("overdue") if r.overdue else ""),
                            r.step,
                        ]
                        for r in items
                    ],
                    [0.42, 0.19, 0.17, 0.22],
                )
            )
        return story

    def parking_lot(self) -> list[Flowable]:
        b = self.b
        story = b.heading(_("Parking lot"))
        items = self.s.parking_lot
        if not items:
            return [*story, b.none_yet(_("Nothing was parked."))]
        story.append(
            b.table(
                [_("Issue"), _("Raised in"), _("Status")],
                [
                    [p.text, p.raised_in, _("Resolved") if p.resolved else _("Open")]
                    for p in items  # open ones first
                ],
                [0.64, 0.22, 0.14],
            )
        )
        return story

    def story(self) -> list[Flowable]:
        story = self.head()
        for part in (
            self.agenda,
            self.outcomes,
            self.votes,
            self.decisions,
            self.actions,
            self.parking_lot,
        ):
            story += part()
        return story


def summary_pdf(summary: SummaryData) -> bytes:
    """The prepared summary as PDF bytes (A4)."""
    setter = TextSetter(fonts())
    buffer = BytesIO()
    title = summary.title or _("Untitled workshop")
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=_("Workshop summary: {title}").format(title=metadata(title)),
        author="Accord",
        subject=metadata(summary.client),
        creator="Accord",
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    builder = SectionBuilder(setter, make_styles(), doc.width)
    footer = "   ·   ".join(
        part for part in (_("Workshop summary"), long_date(summary.date)) if part and part != "—"
    )
    pages: list[int] = []
    doc.build(
        SummaryBuilder(builder, summary).story(),
        canvasmaker=numbered_canvas(PageFurniture(footer=footer, draft=False), pages.append),
    )
    return buffer.getvalue()
