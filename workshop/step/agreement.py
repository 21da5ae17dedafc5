"""Step 6 — Agreement & signatures: the terms and the people who sign."""

from __future__ import annotations

from workshop.dates import long_date
from workshop.i18n import _
from workshop.model import Team, Workshop
from workshop.step.spec import AgendaDefault, Gap, Guidance, Line, Presenter, Step, StepSpec


def _started(w: Workshop) -> bool:
    terms = (w.effective_date, w.term_months, w.review_date)
    return bool(w.versions or w.signatories or any(t is not None for t in terms))


def _gaps(w: Workshop) -> list[Gap]:
    """What the agreement step itself lacks: terms and the people who sign."""
    found: list[Gap] = []
    if w.effective_date is None:
        found.append(
            Gap(Step.AGREEMENT, _("Give the agreement an effective date."), "effective_date")
        )
    if w.term_months is None and w.review_date is None:
        found.append(
            Gap(
                Step.AGREEMENT,
                _("Give the agreement a term or a review date."),
                "review_date",
            )
        )
    named = [s for s in w.signatories if s.name.strip()]
    if not named:
        found.append(Gap(Step.AGREEMENT, _("Add the people who sign."), "signatories"))
    teams = {s.team for s in named}
    for team, message in (
        (Team.SALES, _("Add a signatory from sales.")),
        (Team.MARKETING, _("Add a signatory from marketing.")),
    ):
        if named and team not in teams:
            found.append(Gap(Step.AGREEMENT, message, "signatories"))
    for s in w.signatories:
        if not s.name.strip():
            found.append(
                Gap(
                    Step.AGREEMENT,
                    _("A signatory has no name."),
                    f"signatories/{s.id}/name",
                )
            )
    return found


def _summary(w: Workshop) -> list[Line]:
    lines: list[Line] = []
    if w.signatories:
        names = ", ".join(s.name for s in w.signatories if s.name.strip())
        lines.append((_("Signatories"), names))
    for v in w.versions:
        signed = long_date(v.signed_at.date()) if v.signed_at else ""
        state = _("signed {date}").format(date=signed) if signed else _("being signed")
        lines.append((_("Version {n}").format(n=v.number), state))
    return lines


SPEC = StepSpec(
    step=Step.AGREEMENT,
    title=_("Agreement & signatures"),
    purpose=_(
        "Compose the performance agreement from the steps before, check what is still "
        "open, and have the sales and marketing leads sign it."
    ),
    started=_started,
    gaps=_gaps,
    summary=_summary,
    guidance=Guidance(
        purpose=_(
            "An agreement nobody signs is only a wish list, so this step turns the day's "
            "decisions into one document both leaders put their names to. It flags open points, "
            "records the signatures and keeps later changes as new, re-signed versions."
        ),
        questions=(
            _("Reading the draft aloud, does anything surprise anyone or differ from our notes?"),
            _("Which points are still open, and do they block signing or go to the first review?"),
            _("How long does this agreement run, and when do we sit down to review it?"),
            _(
                "Who signs for sales, who signs for marketing, and should an executive sponsor "
                "sign too?"
            ),
            _("If something needs to change later, who proposes the amendment and who approves?"),
        ),
        example=_(
            "Term 1 Jan – 31 Dec, first review 31 Mar. Signed by Jana Weber (VP Sales) and Tom "
            "Berger (CMO), with the COO as sponsor. Version 2 in June: follow-up time moves from "
            "4 to 8 business hours after the SDR team halves; both leads sign again."
        ),
    ),
    agenda=AgendaDefault(_("Review and sign the agreement"), 25),
    presenter=Presenter(),
)
