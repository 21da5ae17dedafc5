"""What giving one signature means for an agreement version.

The draft being signed is stored, with its text, at the first signature. Every signature
after that goes to the same stored text: if the agreement has changed since someone signed,
the signing starts again rather than mixing signatures of two texts; if it has changed but
nobody has signed yet, the stored draft is simply replaced. A version number already used
by another stored version is never reused. When the last signatory has signed, the version
is signed and locked, and so is the workshop.

:func:`sign` takes the versions as stored and returns what to store; it changes nothing it
is given. The repository persists the result in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from workshop.errors import ValidationError
from workshop.i18n import _
from workshop.model import AgreementVersion, Signatory, Signature, VersionStatus


class SigningRefused(ValidationError):
    """A signature that cannot be given to this version; nothing is stored."""


class StaleSignatures(SigningRefused):
    """Signatures were given to a draft whose text has changed since."""


@dataclass(frozen=True)
class Signing:
    """What one signature changes in the library."""

    version: AgreementVersion
    """The version as it stands after this signature (its signatories, status and date)."""
    signatory: Signatory
    """Who signed, with the signature as stored."""
    discard: AgreementVersion | None = None
    """A stored draft whose text changed before anyone signed it: it goes."""
    insert: AgreementVersion | None = None
    """The draft stored at its first signature (without signatures): it is added."""

    @property
    def locked(self) -> bool:
        """The last signatory signed: the version and the workshop are signed for good."""
        return self.version.status is VersionStatus.SIGNED


def stored_draft(versions: Sequence[AgreementVersion]) -> AgreementVersion | None:
    """The draft being signed, as stored (the last stored version still a draft)."""
    drafts = [v for v in versions if v.status is VersionStatus.DRAFT]
    return drafts[-1] if drafts else None


def _new_version(draft: AgreementVersion, now: datetime) -> AgreementVersion:
    return AgreementVersion(
        number=draft.number,
        snapshot=draft.snapshot,
        digest=draft.digest,
        contains_open_points=draft.contains_open_points,
        created_at=now,
        signatories=[Signatory(name=s.name, title=s.title, team=s.team) for s in draft.signatories],
    )


def sign(
    versions: Sequence[AgreementVersion],
    draft: AgreementVersion,
    position: int,
    signature: Signature,
    now: datetime,
) -> Signing:
    """Signatory number ``position`` of ``draft`` (the version
    :func:`workshop.versions.current_draft` composed) signs, given the workshop's
    ``versions`` as stored. Raises :class:`StaleSignatures` or :class:`SigningRefused`
    (each with its sentence) when the signature cannot be given."""
    stored = stored_draft(versions)
    discard = insert = None
    if stored is not None and stored.digest != draft.digest:
        if any(s.signature for s in stored.signatories):
            raise StaleSignatures(
                _(
                    "The agreement has changed since the first signatures were given; "
                    "start the signing again so everyone signs the same text."
                )
            )
        discard, stored = stored, None
    if stored is None:
        if any(v.number == draft.number for v in versions if v is not discard):
            raise SigningRefused(
                _("Version {n} of this agreement is already signed.").format(n=draft.number)
            )
        stored = insert = _new_version(draft, now)
    if not 0 <= position < len(stored.signatories):
        raise SigningRefused(_("That signatory is not on this agreement version."))
    who = stored.signatories[position]
    if who.signature is not None:
        raise SigningRefused(_("{name} has already signed this version.").format(name=who.name))
    signed_at = signature.signed_at or now
    signed = replace(
        who,
        signature=Signature(
            kind=signature.kind,
            strokes=[list(stroke) for stroke in signature.strokes],
            typed_name=signature.typed_name,
            signed_at=signed_at,
        ),
    )
    signatories = [signed if s is who else s for s in stored.signatories]
    version = replace(stored, signatories=signatories)
    if all(s.signature is not None for s in signatories):
        version = replace(version, status=VersionStatus.SIGNED, signed_at=signed_at)
    return Signing(version=version, signatory=signed, discard=discard, insert=insert)
