"""A verification verdict in plain words, the same for the command line and the window."""

from __future__ import annotations

from dataclasses import dataclass

from exporters.certificates import format_date
from exporters.verify import Change, Outcome, Verdict
from workshop.i18n import _


@dataclass(frozen=True)
class LibraryMatch:
    """The agreement version in this library whose digest the sealed file carries."""

    workshop_title: str
    version_number: int


def headline(verdict: Verdict) -> str:
    if verdict.outcome is Outcome.INTACT:
        return _("Intact and unmodified")
    if verdict.outcome is Outcome.MODIFIED:
        return _("Modified after sealing")
    return _("Broken: no seal") if verdict.no_seal else _("Broken")


def _change_words(change: Change | None) -> str:
    return {
        Change.VALIDATION_DATA: _("only validation data (certificates or timestamps) was added"),
        Change.FORM_FILLING: _("form fields were filled in or signed"),
        Change.ANNOTATIONS: _("annotations (comments, highlights or drawings) were added"),
    }.get(change or Change.OTHER, _("page content or structure was changed"))


def _signer(verdict: Verdict) -> str:
    who = verdict.signer.subject if verdict.signer else _("an unknown signer")
    trust = (
        _("trusted")
        if verdict.trusted
        else _("signer not in your trust list; confirm the certificate with its owner")
    )
    return _("Sealed by {who} ({trust}).").format(who=who, trust=trust)


def _when(verdict: Verdict) -> list[str]:
    if verdict.signed_at is None:
        return []
    return [_("Sealed on {when}.").format(when=format_date(verdict.signed_at))]


def sentences(verdict: Verdict, match: LibraryMatch | None = None) -> list[str]:
    """What a person needs to know, most important first."""
    out: list[str] = []
    if verdict.outcome is Outcome.INTACT:
        out.append(_("The seal covers the whole file and nothing was changed after sealing."))
        out.append(_signer(verdict))
        out.extend(_when(verdict))
        if match is not None:
            signer = verdict.signer.name if verdict.signer else _("an unknown signer")
            out.append(
                _("This is version {number} of “{title}”, sealed by {signer}.").format(
                    number=match.version_number, title=match.workshop_title, signer=signer
                )
            )
        elif verdict.digest:
            out.append(_("No agreement version in this library has this document's digest."))
        return out
    if verdict.outcome is Outcome.MODIFIED:
        out.append(
            _(
                "The seal still checks for the document as it was sealed, but content was "
                "added to the file afterwards: {change}."
            ).format(change=_change_words(verdict.change))
        )
        out.append(_("This is not the sealed document; ask the sender for the original file."))
        out.append(_signer(verdict))
        out.extend(_when(verdict))
        return out
    if verdict.no_seal:
        out.append(_("This PDF carries no seal, so nothing shows whether it was changed."))
        return out
    out.append(
        _(
            "The sealed content was changed: the file's bytes no longer match the seal. "
            "Do not rely on this document; ask the sender for the original file."
        )
    )
    if verdict.signer is not None:
        out.append(_("The seal names {who}.").format(who=verdict.signer.subject))
    return out


def report(verdict: Verdict, match: LibraryMatch | None = None) -> str:
    return "\n".join([headline(verdict), *sentences(verdict, match)])
