"""The agreement's last pages: a block for each signatory (the drawn or typed signature,
name, title, team, when), and the audit record with the digest and room for a seal."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from exporters.long_text import shortened
from exporters.pdf_pieces import PdfPieces, team_label
from exporters.pdf_styles import RULE, table_style
from exporters.pdf_text import utc_time
from exporters.signature_art import SealPlace, SealSpace, SignatureArt
from workshop.agreement import Agreement
from workshop.i18n import _
from workshop.limits import LINE_CHARS
from workshop.model import AgreementVersion, Signatory, Team, VersionStatus


def signatures(b: PdfPieces, a: Agreement, version: AgreementVersion) -> list[Flowable]:
    people: list[Signatory] = list(version.signatories) or [
        Signatory(name=s.name, title=s.title, team=_team(s.team)) for s in a.signatories
    ]
    story: list[Flowable] = [PageBreak(), *b.heading(_("Signatures"))]
    story.append(
        b.para(
            _(
                "By signing, each signatory agrees to this version of the agreement on "
                "behalf of their team. Times are stated in UTC."
            )
        )
    )
    story.append(Spacer(1, 8))
    if not people:
        return [*story, b.none_yet(_("No signatories have been named yet."))]
    column = (b.width - 24) / 2
    blocks = [_signature_block(b, p, column) for p in people]
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


def _signature_block(b: PdfPieces, person: Signatory, width: float) -> Flowable:
    signature = person.signature
    when = (
        _("Signed {when}").format(when=utc_time(signature.signed_at))
        if signature is not None and signature.signed_at is not None
        else _("Not signed")
    )
    art_width = min(width, 210)
    rows: list[list[Flowable]] = [
        [SignatureArt(signature, b.setter, art_width)],
        [b.para(person.name or "—", "cell_bold")],
        [b.cell(" · ".join(x for x in (person.title, team_label(person.team)) if x))],
        [b.para(when, "muted")],
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
    b: PdfPieces,
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
        b.para(_("Audit record"), "h1"),
        b.para(
            _(
                "The digest below is the SHA-256 of the agreement's exact text. Any copy "
                "whose text gives another digest is not this agreement."
            ),
            "muted",
        ),
        b.facts(
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
        b.para(_("Created with {creator}").format(creator=creator), "muted"),
        # Room for a seal's stamp, which names itself ("Sealed by …"); an unsealed copy
        # shows nothing here rather than a heading over blank space.
        Spacer(1, 18),
        SealSpace(seal),
    ]


def _team(value: str) -> Team:
    try:
        return Team(value)
    except ValueError:
        return Team.OTHER
