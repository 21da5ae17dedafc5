"""Environmental storage failures, turned into one plain sentence each."""

from __future__ import annotations

import sqlite3

from workshop.errors import AccordError
from workshop.i18n import _


class StorageError(AccordError):
    """The library could not be read or written for a reason outside the app."""


class NotADatabaseError(StorageError):
    pass


class ReadOnlyLibraryError(StorageError):
    pass


class LibraryLockedError(StorageError):
    pass


class DiskFullError(StorageError):
    pass


class CannotOpenError(StorageError):
    pass


class NewerLibraryError(StorageError):
    pass


class DamagedLibraryError(StorageError):
    """The file is a SQLite database, but damaged: it fails SQLite's integrity check."""


class UnknownWorkshopError(StorageError):
    pass


class SignedVersionError(StorageError):
    """An attempt to change an agreement version that has been signed: it never changes."""


class StaleSignaturesError(StorageError):
    """Signatures were given to a draft whose text has changed since."""


def not_a_database(where: str) -> NotADatabaseError:
    return NotADatabaseError(
        _(
            "{where} is not an Accord library (it is not a database); "
            "it was left untouched — choose another library file."
        ).format(where=where)
    )


def translate(exc: BaseException, where: str) -> StorageError | None:
    """The typed error for a database failure caused by the environment, or None for a bug."""
    orig = getattr(exc, "orig", exc)
    if not isinstance(orig, sqlite3.Error):
        return None
    text = str(orig).lower()
    if "locked" in text or "busy" in text:
        return LibraryLockedError(
            _(
                "The library {where} is in use by another program; "
                "close the other Accord window and try again."
            ).format(where=where)
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyLibraryError(
            _(
                "The library {where} is read-only, so changes cannot be saved; "
                "copy it to a folder you can write to or open another library."
            ).format(where=where)
        )
    if "full" in text:
        return DiskFullError(
            _(
                "The disk holding {where} is full, so the change was not saved; "
                "free some space and Accord will save it."
            ).format(where=where)
        )
    if "not a database" in text or "encrypted" in text or "malformed" in text:
        return not_a_database(where)
    if "unable to open" in text:
        return CannotOpenError(
            _(
                "The library {where} cannot be opened; check that its folder exists "
                "and that you may write to it."
            ).format(where=where)
        )
    return None
