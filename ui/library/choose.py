"""File ▸ Open Library… and New Library…: choosing the library file Accord works in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ui.common.i18n import tr

LIBRARY_FILES = "Accord libraries (*.sqlite3 *.db);;All files (*)"


def library_path(database: str | None) -> Path | None:
    """The library's file, or None for a library that is not a SQLite file."""
    from storage.engine import resolve_url, sqlite_path

    return sqlite_path(resolve_url(database))


def _folder(database: str | None) -> str:
    """Where the file dialog starts: the current library's folder."""
    try:
        path = library_path(database)
    except Exception:  # an unparsable URL: start the dialog anywhere
        return ""
    return str(path.parent) if path else ""


def ask_library(parent: QWidget, database: str | None, new: bool) -> str:
    """The file the user chose ("" for none); a new library without a suffix gets
    ``.sqlite3``."""
    if not new:
        path, _ = QFileDialog.getOpenFileName(
            parent, tr("Open library"), _folder(database), tr(LIBRARY_FILES)
        )
        return path
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("New library"), _folder(database), tr(LIBRARY_FILES)
    )
    if path and "." not in path.rsplit("/", 1)[-1]:
        path += ".sqlite3"
    return path
