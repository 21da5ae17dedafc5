"""The Agreement & signatures page: terms, open points, who signs, signing on the pad, the
lock, amendments and the versions' PDFs."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from storage.engine import resolve_url
from storage.library import open_library
from tests.ui.agreement.test_signature_pad import drag, wave
from tests.ui.typing_helpers import type_text
from ui.agreement import output as agreement_output
from ui.agreement import sign_dialog
from ui.agreement.page import AgreementPage
from ui.agreement.sign_dialog import SignDialog
from ui.common import dialogs
from ui.shell.main_window import MainWindow
from workshop.demo import build_demo_workshop
from workshop.demo_history import with_history
from workshop.editing import new_workshop
from workshop.model import Signature, SignatureKind, Workshop
from workshop.steps import Step

DAY = date(2026, 11, 23)


def open_page(
    make_window: Callable[..., MainWindow], path: Path, workshop: Workshop
) -> tuple[MainWindow, AgreementPage]:
    repo = open_library(resolve_url(str(path)))
    repo.add(workshop)
    repo.close()
    window = make_window()
    window.open_workshop(workshop.id, Step.AGREEMENT)
    assert window.view is not None
    page = window.view.page(Step.AGREEMENT)
    assert isinstance(page, AgreementPage)
    return window, page


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def texts(widget: QWidget) -> list[str]:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()  # new lines are shown by the layout, queued
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def sign_in_dialog(qtbot: QtBot, seen: list[str]) -> None:
    """When the signing dialog is up, draw on its pad with the mouse and press Sign."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignDialog):
            QTimer.singleShot(20, act)
            return
        seen.append(dialog.statement_label.text())
        drag(dialog.pad, wave(dialog.pad))
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


def test_terms_are_typed_and_checked_where_they_are_typed(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    _window, page = open_page(make_window, library_path, new_workshop("Terms", client="Acme"))
    page.term_edit.setFocus()
    type_text(page.term_edit, "x12")
    assert page.term_error.text() == "The term must be a whole number of months from 1 to 120."
    assert rows(library_path, "SELECT term_months FROM workshops") == [(None,)]
    page.term_edit.clear()
    type_text(page.term_edit, "18")
    assert page.term_error.text() == ""
    assert rows(library_path, "SELECT term_months FROM workshops") == [(18,)]
    page.stack.undo()
    assert rows(library_path, "SELECT term_months FROM workshops") == [(None,)]


def test_open_points_link_to_the_step_that_closes_them(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page = open_page(make_window, library_path, new_workshop("Gaps", client="Acme"))
    lines = texts(page.open_box)
    assert any("Give the shared goal a target number." in t for t in lines)
    assert any("Add the people who sign." in t for t in lines)
    link = next(
        label
        for label in page.open_box.findChildren(QLabel)
        if "Give the shared goal a target number." in label.text()
    )
    link.linkActivated.emit("goal.target")
    assert window.view is not None
    assert window.view.current_step is Step.GOAL
    goal_page = window.view.page(Step.GOAL)
    assert goal_page.fields["goal.target"].hasFocus()


def test_two_leads_sign_on_the_pad_and_the_version_locks(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    w = build_demo_workshop(DAY)
    w.signatories = w.signatories[:2]  # the sales and the marketing lead
    _window, page = open_page(make_window, library_path, w)
    assert "Nothing is missing: the agreement is ready to sign." in texts(page.open_box)
    assert len(page.signing.sign_buttons) == 2
    statements: list[str] = []
    for expected_left in (1, 0):
        sign_in_dialog(qtbot, statements)
        qtbot.mouseClick(page.signing.sign_buttons[0], Qt.MouseButton.LeftButton)
        assert len(page.signing.sign_buttons) == expected_left
    assert statements[0].startswith(
        "I have read and agree to version 1 of the agreement “Sales & Marketing Alignment"
    )
    assert rows(library_path, "SELECT number, status FROM agreement_versions") == [(1, "signed")]
    strokes = rows(library_path, "SELECT strokes FROM signatures")
    assert len(strokes) == 2 and all(len(s[0]) > 20 for s in strokes)
    assert rows(library_path, "SELECT status FROM workshops") == [("signed",)]
    assert "Version 1 is signed by everyone and locked." in texts(page.signing_box)
    assert page.history.table.rowCount() == 1
    assert page.history.table.item(0, 1).text() == "Signed"

    # Export the signed version: the signatures page draws the strokes as vector paths.
    target = tmp_path / "signed.pdf"
    monkeypatch.setattr(agreement_output.ExportOptions, "exec", lambda self: QDialog.Accepted)
    page.output.export(1, target=target)
    assert target.exists(), page.output.last_message
    assert page.output.last_message.startswith(f"Exported version 1 to {target}")
    reader = PdfReader(target)
    page_of_signatures = next(p for p in reader.pages if "Signatures" in p.extract_text()[:200])
    stream = page_of_signatures.get_contents().get_data().decode("latin-1")
    number = r"-?[\d.]+"
    assert re.search(rf"{number} {number} m( {number}){{6}} c ", stream), "strokes as curves"
    assert re.search(r"(?m)^S$", stream), "stroked"
    assert "Tobias Brandt" in page_of_signatures.extract_text()

    # Editing afterwards starts an amendment: version 2, with what changed.
    page.term_edit.setFocus()
    page.term_edit.selectAll()
    type_text(page.term_edit, "24")
    assert rows(library_path, "SELECT term_months FROM workshops") == [(24,)]
    lines = texts(page.changes_box)
    assert "• Term (months): 12 → 24" in lines
    assert "Version 2 changes these points of version 1:" in lines
    assert page.history.table.rowCount() == 2
    assert page.history.table.item(1, 1).text() == "Draft"
    assert len(page.signing.sign_buttons) == 2


def test_open_points_need_an_explicit_yes_and_are_recorded(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    w = build_demo_workshop(DAY)
    w.signatories = w.signatories[:1]  # no marketing signatory: an open point
    _window, page = open_page(make_window, library_path, w)
    answers: list[str] = []

    def ask(_parent: Any, title: str, *_a: Any, **_k: Any) -> bool:
        answers.append(title)
        return len(answers) > 1  # no the first time, yes the second

    monkeypatch.setattr(dialogs, "ask", ask)
    signed: list[Any] = []
    monkeypatch.setattr(
        sign_dialog,
        "ask_signature",
        lambda *_a: (
            signed.append(1) or Signature(kind=SignatureKind.TYPED, typed_name="Tobias Brandt")
        ),
    )
    qtbot.mouseClick(page.signing.sign_buttons[0], Qt.MouseButton.LeftButton)
    assert answers == ["Sign with open points?"] and not signed
    assert rows(library_path, "SELECT count(*) FROM agreement_versions") == [(0,)]
    qtbot.mouseClick(page.signing.sign_buttons[0], Qt.MouseButton.LeftButton)
    assert rows(library_path, "SELECT status, contains_open_points FROM agreement_versions") == [
        ("signed", 1)
    ]
    assert "contains open points" in page.history.table.item(0, 1).text()


def test_text_changed_mid_signing_asks_to_start_again(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    w = build_demo_workshop(DAY)
    _window, page = open_page(make_window, library_path, w)
    monkeypatch.setattr(
        sign_dialog,
        "ask_signature",
        lambda *_a: Signature(kind=SignatureKind.TYPED, typed_name="T. Brandt"),
    )
    qtbot.mouseClick(page.signing.sign_buttons[0], Qt.MouseButton.LeftButton)
    assert len(page.signing.sign_buttons) == 2
    page.term_edit.setFocus()
    page.term_edit.selectAll()
    type_text(page.term_edit, "6")
    lines = " ".join(texts(page.signing_box))
    assert "The agreement changed after Tobias Brandt signed" in lines
    assert page.signing.sign_buttons == []  # nobody signs a mixed text
    monkeypatch.setattr(dialogs, "ask", lambda *_a, **_k: True)
    restart = next(
        b
        for b in page.signing_box.findChildren(QWidget)
        if b.accessibleName() == "Start signing again"
    )
    qtbot.mouseClick(restart, Qt.MouseButton.LeftButton)
    assert rows(library_path, "SELECT count(*) FROM agreement_versions") == [(0,)]
    assert len(page.signing.sign_buttons) == 3


def test_demo_shows_v1_signed_and_the_amendment(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    w = with_history(build_demo_workshop(DAY), dt.datetime(2026, 12, 1, 12, 40, tzinfo=dt.UTC))
    _window, page = open_page(make_window, library_path, w)
    lines = texts(page.changes_box)
    assert lines[-3:] == [
        "• Commitments — “First follow-up of every MQL”, target: 48 → 24",
        "• KPIs — “Sales-cycle length”: added.",
        "• Signatories — “Zoë Müller”: added.",
    ]
    table = page.history.table
    assert [table.item(r, 0).text() for r in range(2)] == ["Version 1", "Version 2"]
    assert table.item(0, 3).text() == "Tobias Brandt, José Álvarez"


def test_a_tampered_signed_version_is_marked(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    w = with_history(build_demo_workshop(DAY), dt.datetime(2026, 12, 1, 12, 40, tzinfo=dt.UTC))
    w.versions[0].snapshot = w.versions[0].snapshot.replace("48", "12", 1)
    _window, page = open_page(make_window, library_path, w)
    assert page.history.table.item(0, 1).text() == (
        "Signed — digest does not match — not the signed text"
    )


def test_preview_shows_the_bytes_and_export_writes_them(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    w = with_history(build_demo_workshop(DAY), dt.datetime(2026, 12, 1, 12, 40, tzinfo=dt.UTC))
    _window, page = open_page(make_window, library_path, w)
    page.history.table.selectRow(1)
    qtbot.mouseClick(page.history.preview_button, Qt.MouseButton.LeftButton)
    preview = page.output.preview_dialog
    qtbot.addWidget(preview)
    assert preview.document.pageCount() == preview.built.pages > 3
    assert "version 2" in preview.windowTitle()
    target = tmp_path / "from-preview.pdf"
    monkeypatch.setattr(agreement_output.ExportOptions, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(
        agreement_output.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a, **_k: (str(target), "")),
    )
    preview.export_requested.emit()
    assert target.read_bytes() == preview.built.data
    assert "DRAFT" in PdfReader(target).pages[0].extract_text()


def test_ctrl_shift_e_exports_the_newest_version_from_any_step(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    w = with_history(build_demo_workshop(DAY), dt.datetime(2026, 12, 1, 12, 40, tzinfo=dt.UTC))
    window, _page = open_page(make_window, library_path, w)
    assert window.view is not None
    window.view.show_step(Step.GOAL)
    target = tmp_path / "v2.pdf"
    monkeypatch.setattr(agreement_output.ExportOptions, "exec", lambda self: QDialog.Accepted)
    monkeypatch.setattr(
        agreement_output.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a, **_k: (str(target), "")),
    )
    qtbot.keyClick(
        window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.view.current_step is Step.AGREEMENT
    text = PdfReader(target).pages[0].extract_text()
    assert "Version 2" in text and "DRAFT" in text


def test_printing_sends_every_page_to_the_printer(qtbot: QtBot, tmp_path: Path) -> None:
    """Print… draws each page of the exported bytes on the printer (here a PDF printer)."""
    from PySide6.QtPrintSupport import QPrinter

    from exporters.agreement_pdf import render
    from workshop.versions import export_target

    w = with_history(build_demo_workshop(DAY), dt.datetime(2026, 12, 1, 12, 40, tzinfo=dt.UTC))
    agreement, version = export_target(w, 1)
    rendered = render(agreement, version, workshop_id=w.id)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert agreement_output.print_pdf(rendered.data, printer) == ""
    assert len(PdfReader(printed).pages) == rendered.pages
