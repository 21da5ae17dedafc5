"""Signing one version of the agreement: drawn or typed, Sign only once there is something."""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.ui.agreement.test_signature_pad import drag, wave
from tests.ui.shell.test_accessibility import unnamed_focusable
from tests.ui.typing_helpers import type_text
from ui.agreement import sign_dialog
from ui.agreement.sign_dialog import SignDialog, ask_signature
from workshop.model import Signatory, SignatureKind, Team

STATEMENT = (
    "I have read and agree to version 3 of the agreement <b>Q3</b> & a<b (digest 9f2c 41aa 07de …)"
)


def signatory(name: str = "Maya Lindqvist") -> Signatory:
    return Signatory(name=name, title="Head of Sales", team=Team.SALES)


def open_dialog(qtbot: QtBot, who: Signatory | None = None) -> SignDialog:
    dialog = SignDialog(who or signatory(), STATEMENT)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    return dialog


def test_it_shows_who_signs_and_what_they_agree_to_literally(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    assert dialog.name_label.text() == "Maya Lindqvist"
    assert dialog.role_label.text() == "Head of Sales · Sales"
    assert dialog.statement_label.text() == STATEMENT
    assert dialog.statement_label.isReadOnly()


def test_a_huge_unbreakable_statement_neither_widens_the_dialog_nor_is_cut(qtbot: QtBot) -> None:
    statement = "x" * 100_000 + " <img src=/etc/passwd> & 👩🏽‍💼 مريم"
    who = Signatory(name="N" * 5_000, title="T" * 5_000, team=Team.MARKETING)
    dialog = SignDialog(who, statement)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    assert dialog.statement_label.text() == statement
    assert dialog.name_label.text() == who.name
    assert dialog.statement_label.verticalScrollBar().maximum() > 0  # the rest scrolls
    assert dialog.pad.area().width() >= 360


def test_the_keyboard_walks_the_draw_page_in_order(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    drag(dialog.pad, wave(dialog.pad))
    dialog.pad.setFocus()
    seen = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [
        dialog.undo_button,
        dialog.clear_button,
        dialog.sign_button,
        dialog.cancel_button,
        dialog.tabs.tabBar(),
    ]


def test_sign_is_off_until_something_is_drawn(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    assert dialog.tabs.currentIndex() == sign_dialog.DRAW_TAB
    assert dialog.pad.hasFocus()
    assert not dialog.sign_button.isEnabled()
    assert not dialog.sign_button.isDefault()
    qtbot.keyClick(dialog.pad, Qt.Key.Key_Return)  # Enter signs nothing yet
    assert dialog.isVisible() and dialog.signature() is None

    drag(dialog.pad, wave(dialog.pad))
    assert dialog.sign_button.isEnabled() and dialog.sign_button.isDefault()

    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert dialog.pad.is_empty()
    assert not dialog.sign_button.isEnabled() and not dialog.sign_button.isDefault()

    drag(dialog.pad, wave(dialog.pad))
    qtbot.keyClick(dialog.pad, Qt.Key.Key_Return)  # now Enter signs
    signature = dialog.signature()
    assert signature is not None and signature.strokes == dialog.pad.strokes()


def test_drawing_and_signing_returns_the_strokes(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    before = datetime.now(UTC)
    drag(dialog.pad, wave(dialog.pad))
    pad = dialog.pad
    area = pad.area()
    drag(
        pad, [QPointF(area.left() + 20, area.bottom() - 20), QPointF(area.right() - 20, area.top())]
    )
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    strokes = pad.strokes()
    assert len(strokes) == 1

    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)

    signature = dialog.signature()
    assert signature is not None
    assert dialog.result() == SignDialog.DialogCode.Accepted
    assert signature.kind == SignatureKind.DRAWN
    assert signature.strokes == strokes
    assert signature.typed_name == ""
    assert signature.signed_at is not None and signature.signed_at.tzinfo == UTC
    assert before <= signature.signed_at <= datetime.now(UTC)


def test_the_typed_path_works_with_the_keyboard_alone(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClick(dialog.pad, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert dialog.tabs.currentIndex() == sign_dialog.TYPE_TAB
    edit = dialog.name_edit
    assert edit.hasFocus() and edit.text() == "Maya Lindqvist"
    assert edit.selectedText() == "Maya Lindqvist"  # typing replaces the suggestion
    assert dialog.sign_button.isDefault()

    type_text(edit, "Maya L.")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert dialog.sign_button.hasFocus()
    qtbot.keyClick(dialog.sign_button, Qt.Key.Key_Space)

    signature = dialog.signature()
    assert signature is not None
    assert signature.kind == SignatureKind.TYPED
    assert signature.typed_name == "Maya L."
    assert signature.strokes == []
    assert signature.signed_at is not None and signature.signed_at.tzinfo == UTC


def test_a_blank_name_cannot_sign(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    dialog.tabs.setCurrentIndex(sign_dialog.TYPE_TAB)
    edit = dialog.name_edit
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(edit, "   ")
    assert not dialog.sign_button.isEnabled() and not dialog.sign_button.isDefault()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.signature() is None


NAMES = [
    "مريم العلي",
    "Ana 👩🏽‍💼 Sørensen",
    "<b>Bo</b> & a<b <img src=/etc/passwd>",
    "李小龍",
    'O\'Brien "Jr." \\ %s {0}',
]


@pytest.mark.parametrize("name", NAMES)
def test_any_typed_name_is_kept_literally(qtbot: QtBot, name: str) -> None:
    dialog = open_dialog(qtbot, signatory(""))
    qtbot.keyClick(dialog.pad, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    type_text(dialog.name_edit, name)
    assert dialog.preview.text() == name
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    signature = dialog.signature()
    assert signature is not None and signature.kind == SignatureKind.TYPED
    assert signature.typed_name == name


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
)
def test_any_unicode_name_signs_as_typed(qtbot: QtBot, name: str) -> None:
    dialog = SignDialog(signatory(""), STATEMENT)
    dialog.tabs.setCurrentIndex(sign_dialog.TYPE_TAB)
    dialog.name_edit.setText(name)
    if name.strip():
        dialog.sign_button.click()
        signature = dialog.signature()
        assert signature is not None and signature.typed_name == name.strip()
    else:
        assert not dialog.sign_button.isEnabled()
    dialog.deleteLater()


def test_a_very_long_name_is_accepted_and_previewed(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    dialog.tabs.setCurrentIndex(sign_dialog.TYPE_TAB)
    name = "Ž" * 100_000
    dialog.name_edit.setText(name)
    dialog.preview.grab()  # paints without trouble
    dialog.sign_button.click()
    signature = dialog.signature()
    assert signature is not None and signature.typed_name == name


def test_escape_and_cancel_leave_nothing(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    drag(dialog.pad, wave(dialog.pad))
    qtbot.keyClick(dialog.pad, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.signature() is None

    dialog = open_dialog(qtbot)
    drag(dialog.pad, wave(dialog.pad))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.signature() is None


def when_the_dialog_is_up(action: Callable[[SignDialog], None]) -> None:
    """Run ``action`` on the modal sign dialog as soon as it is on screen."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SignDialog) and dialog.isActiveWindow():
            action(dialog)
        else:
            if isinstance(dialog, SignDialog):
                dialog.activateWindow()  # shortcuts reach only the active window
            QTimer.singleShot(10, attempt)

    QTimer.singleShot(0, attempt)


def test_ask_signature_returns_none_on_cancel_and_the_signature_on_sign(qtbot: QtBot) -> None:
    when_the_dialog_is_up(lambda dialog: qtbot.keyClick(dialog.pad, Qt.Key.Key_Escape))
    assert ask_signature(None, signatory(), STATEMENT) is None

    def type_and_sign(dialog: SignDialog) -> None:
        qtbot.keyClick(dialog.pad, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
        edit = dialog.focusWidget()
        if not isinstance(edit, QLineEdit):
            dialog.reject()  # fails the test below instead of waiting forever
            return
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    when_the_dialog_is_up(type_and_sign)
    signature = ask_signature(None, signatory("Jonas Berg"), STATEMENT)
    assert signature is not None
    assert (signature.kind, signature.typed_name) == (SignatureKind.TYPED, "Jonas Berg")


def test_the_pad_is_large_and_grows_with_the_dialog(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    first = dialog.pad.area()
    assert first.width() >= 480  # a projector audience can see it
    dialog.resize(dialog.width() + 300, dialog.height() + 100)
    qtbot.waitUntil(lambda: dialog.pad.area().width() > first.width())


def test_the_typed_name_uses_the_shipped_script_font(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    font_file = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
    if not font_file.is_file():
        pytest.fail("the test needs a TrueType font file; DejaVu is part of the test image")
    stand_in = types.ModuleType("exporters.font_files")
    stand_in.SCRIPT_FONT = font_file  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "exporters.font_files", stand_in)
    sign_dialog.script_families.cache_clear()
    try:
        assert "DejaVu Sans Mono" in sign_dialog.script_font().families()
    finally:
        sign_dialog.script_families.cache_clear()


def test_without_the_script_font_the_preview_uses_an_italic_serif(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stand_in = types.ModuleType("exporters.font_files")
    stand_in.SCRIPT_FONT = tmp_path / "missing.ttf"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "exporters.font_files", stand_in)
    sign_dialog.script_families.cache_clear()
    try:
        font = sign_dialog.script_font()
        assert font.italic()
    finally:
        sign_dialog.script_families.cache_clear()


def test_every_control_has_a_name_a_screen_reader_can_say(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot)
    drag(dialog.pad, wave(dialog.pad))
    assert unnamed_focusable(dialog) == []
    dialog.tabs.setCurrentIndex(sign_dialog.TYPE_TAB)
    assert unnamed_focusable(dialog) == []
    assert dialog.pad.accessibleName() == "Signature pad"
    assert dialog.statement_label.accessibleName() == "What you agree to"
