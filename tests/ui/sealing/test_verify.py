"""Verify a PDF… and dropping a PDF on the window: the verdict a person reads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from exporters.identity import UnlockedIdentity
from tests.exporters.sealing import DIGEST, make_identity, make_pdf, sealed
from tests.exporters.test_verify import changed_page
from ui.sealing.verify_dialog import VerifyDialog, open_verification
from ui.shell.main_window import MainWindow
from workshop.model import AgreementVersion, VersionStatus, Workshop


@pytest.fixture
def identity() -> UnlockedIdentity:
    from exporters.identity import data_folder

    return make_identity(data_folder())  # the user's own identity: trusted


@pytest.fixture
def files(identity: UnlockedIdentity, tmp_path: Path) -> dict[str, Path]:
    data = sealed(identity)
    at = data.index(b"Clause 2.2")
    contents = {
        "intact": data,
        "modified": changed_page(data),
        "broken": data[:at] + b"X" + data[at + 1 :],
        "unsealed": make_pdf(),
        "notes": b"meeting notes, not a PDF\n",
    }
    out = {}
    for name, content in contents.items():
        out[name] = tmp_path / f"{name}.pdf"
        out[name].write_bytes(content)
    return out


@pytest.fixture
def signed_in_library(library_path: Path) -> None:
    from storage.engine import resolve_url
    from storage.library import open_library

    repo = open_library(resolve_url(str(library_path)))
    version = AgreementVersion(
        number=2,
        status=VersionStatus.SIGNED,
        snapshot="{}",
        digest=DIGEST,
        created_at=datetime(2026, 11, 20, tzinfo=UTC),
        signed_at=datetime(2026, 11, 21, tzinfo=UTC),
    )
    repo.add(Workshop(title="Spring <i>offsite</i>", versions=[version]))
    repo.close()


def _verdict(dialog: VerifyDialog) -> tuple[str, str]:
    return dialog.headline.text(), dialog.text.text()


def test_the_verdicts_for_intact_modified_and_broken_files(
    make_window: Callable[..., MainWindow],
    files: dict[str, Path],
    signed_in_library: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    monkeypatch.setattr(
        "ui.sealing.verify_dialog.QFileDialog.getOpenFileName",
        lambda *a, **k: (str(files["intact"]), ""),
    )
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "&Verify a PDF…")
    action.trigger()
    dialog = window.findChild(VerifyDialog)
    assert dialog is not None and dialog.isVisible()
    headline, text = _verdict(dialog)
    assert headline == "Intact and unmodified"
    assert "Sealed by Dana Whitfield, Northwind Analytics (trusted)." in text
    assert "This is version 2 of “Spring <i>offsite</i>”, sealed by Dana Whitfield." in text
    assert dialog.text.textFormat() == Qt.TextFormat.PlainText  # titles shown as typed
    assert dialog.file.text() == str(files["intact"])

    open_verification(window, str(files["modified"]))
    headline, text = _verdict(dialog)
    assert headline == "Modified after sealing"
    assert "page content or structure was changed" in text
    assert "This is not the sealed document" in text

    open_verification(window, str(files["broken"]))
    headline, text = _verdict(dialog)
    assert headline == "Broken"
    assert "no longer match the seal" in text

    open_verification(window, str(files["unsealed"]))
    assert _verdict(dialog)[0] == "Broken: no seal"

    open_verification(window, str(files["notes"]))
    assert _verdict(dialog) == (
        "Not a readable PDF",
        "This file is not a PDF; check that it is the right file.",
    )
    assert len(window.findChildren(VerifyDialog)) == 1  # one dialog, reused


def test_details_show_pyhankos_account(
    qtbot: QtBot, make_window: Callable[..., MainWindow], files: dict[str, Path]
) -> None:
    window = make_window()
    dialog = open_verification(window, str(files["modified"]))
    assert dialog is not None and not dialog.details.isVisible()
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.details.isVisible()
    details = dialog.details.toPlainText()
    assert "Modifications" in details and "Bottom line" in details
    close = next(
        b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == "Close"
    )
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def _drop(window: MainWindow, path: Path) -> tuple[bool, bool]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    where = QPoint(window.width() // 2, window.height() // 2)
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, actions, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(where.toPointF(), actions, mime, buttons, modifiers)
    if enter.isAccepted():
        QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_a_pdf_on_the_window_shows_its_verdict(
    make_window: Callable[..., MainWindow], files: dict[str, Path], tmp_path: Path
) -> None:
    window = make_window()
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a pdf")
    assert _drop(window, text_file) == (False, False)  # only PDFs are taken
    assert window.findChild(VerifyDialog) is None

    assert _drop(window, files["intact"]) == (True, True)
    dialog = window.findChild(VerifyDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.headline.text() == "Intact and unmodified"
    _drop(window, files["broken"])
    assert dialog.headline.text() == "Broken"
