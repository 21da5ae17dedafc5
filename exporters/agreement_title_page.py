"""The agreement's title page: what it is, between whom, which version and its status,
and a notice when the version holds open points."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from exporters.pdf_pieces import PdfPieces
from exporters.pdf_text import utc_time
from workshop.agreement import Agreement
from workshop.dates import long_date
from workshop.i18n import _
from workshop.model import AgreementVersion, VersionStatus


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


def title_page(
    b: PdfPieces, agreement: Agreement, version: AgreementVersion, short_digest: str
) -> list[Flowable]:
    parties = ", ".join(p for p in agreement.parties if p.strip()) or "—"
    created = version.created_at.date() if version.created_at else None
    story: list[Flowable] = [
        Spacer(1, 110),
        b.para(_("SALES–MARKETING PERFORMANCE AGREEMENT"), "kicker"),
        b.para(agreement.title or _("Untitled agreement"), "title"),
        b.para(agreement.client or "", "subtitle"),
        b.facts(
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
        story += [Spacer(1, 18), _open_points_notice(b, len(agreement.open_points))]
    story.append(Spacer(1, 18))
    story.append(
        b.para(
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


def _open_points_notice(b: PdfPieces, count: int) -> Flowable:
    text = _(
        "This version contains open points ({count}). They are listed in their own section "
        "before the signatures; signing now accepts the agreement with them open."
    ).format(count=count)
    padding: list[tuple[object, ...]] = [
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    return b.notice([[b.para(text, "notice")]], padding)
