"""File ▸ Signing Identity…: a person creates an identity by typing, sees it, exports the
certificate; the passphrase ends up in no file, setting or log."""

from __future__ import annotations

import logging
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from exporters.identity import certificate_path, current, identity_path, unlock
from ui.common.tasks import SyncRunner
from ui.sealing.identity_dialog import IdentityDialog, open_identity
from ui.sealing.seal_options import SealOptions, forget_passphrase
from ui.shell.main_window import MainWindow

SECRET = "Tr0ub4dor & <b>3</b> horse"  # QTest types ASCII only


def _menu_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == text)


def _type(qtbot: QtBot, dialog: IdentityDialog, passphrase: str, repeat: str) -> None:
    for edit, text in (
        (dialog.name, "Dana <b>Whitfield</b> & Co"),
        (dialog.organization, "Northwind Analytics"),
        (dialog.email, "dana@northwind.example"),
        (dialog.passphrase, passphrase),
        (dialog.repeat, repeat),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_create_an_identity_from_the_file_menu(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    settings_path: Path,
    library_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    window = make_window()
    _menu_action(window, "Signing Identity…").trigger()
    dialog = window.findChild(IdentityDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.pages.currentWidget() is dialog.none_page
    qtbot.mouseClick(dialog.start_create, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.create_page

    # Two different passphrases: refused, nothing written.
    _type(qtbot, dialog, SECRET, SECRET + "x")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "The two passphrases differ; type the same passphrase twice."
    assert dialog.error.isVisible()
    assert dialog.focusWidget() is dialog.repeat
    assert not identity_path().exists()

    # Too short: refused.
    _type(qtbot, dialog, "short", "short")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "at least 8 characters" in dialog.error.text()
    assert not identity_path().exists()

    _type(qtbot, dialog, SECRET, SECRET)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.details_page
    assert dialog.fields["name"].text() == "Dana <b>Whitfield</b> & Co"  # shown as typed
    assert dialog.fields["name"].textFormat() == Qt.TextFormat.PlainText
    assert dialog.fields["issuer"].text() == "itself (self-signed)"
    assert dialog.passphrase.text() == "" and dialog.repeat.text() == ""
    items = [dialog.trust.list.item(i).text() for i in range(dialog.trust.list.count())]
    assert len(items) == 1 and items[0].endswith("(your identity)")

    assert stat.S_IMODE(identity_path().stat().st_mode) == 0o600
    assert unlock(SECRET).info.name == "Dana <b>Whitfield</b> & Co"
    # The passphrase is in no file Accord wrote: identity, settings, library, anything at home.
    window.save_session()
    window.settings.store.sync()
    files = [p for p in Path.home().rglob("*") if p.is_file()]
    files += [settings_path, library_path]
    for path in files:
        if path.exists():
            data = path.read_bytes()
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert SECRET.encode(encoding) not in data, path
    assert SECRET not in caplog.text


def test_export_the_certificate_and_replace_the_identity(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    dialog = open_identity(window)
    qtbot.mouseClick(dialog.start_create, Qt.MouseButton.LeftButton)
    _type(qtbot, dialog, SECRET, SECRET)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "dana.pem"
    dialog.export_certificate(str(target))
    assert target.read_bytes() == certificate_path().read_bytes()

    # Replacing asks first; the answer here is yes (QMessageBox is modal).
    monkeypatch.setattr("ui.common.dialogs.ask", lambda *a, **k: True)
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.create_page
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Dana Second")
    qtbot.keyClicks(dialog.passphrase, SECRET)
    qtbot.keyClicks(dialog.repeat, SECRET)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert current() is not None and current().name == "Dana Second"  # type: ignore[union-attr]
    assert dialog.trust.list.count() == 2  # the first certificate stays trusted


def test_a_name_a_certificate_cannot_hold_is_refused_in_the_form(
    qtbot: QtBot,
) -> None:
    dialog = IdentityDialog(SyncRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_create()
    _type(qtbot, dialog, SECRET, SECRET)
    dialog.name.clear()
    dialog.name.insert("Dana 🎉")  # the path typing or pasting takes (QTest types ASCII only)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "a certificate cannot hold “🎉”" in dialog.error.text()
    assert dialog.focusWidget() is dialog.name
    assert not identity_path().exists()


def test_seal_options_follow_the_identity_and_the_version(qtbot: QtBot) -> None:
    options = SealOptions()
    qtbot.addWidget(options)
    options.show()
    assert not options.check.isEnabled() and not options.check.isChecked()
    assert "no signing identity yet" in options.note.text()
    dialog = IdentityDialog(SyncRunner())
    qtbot.addWidget(dialog)
    dialog.show_create()
    _type(qtbot, dialog, SECRET, SECRET)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    options.set_version_signed(True)
    assert options.check.isEnabled() and options.check.isChecked()
    assert not options.note.isVisible()
    options.set_version_signed(False)
    assert not options.check.isEnabled() and not options.check.isChecked()
    assert options.note.text() == "Only a signed version can be sealed."


def test_a_remembered_passphrase_is_forgotten_when_it_fails(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    library_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import datetime as dt

    from PySide6.QtWidgets import QDialog

    import ui.sealing.seal_options as seal_options
    from exporters.identity import create_identity
    from exporters.verify import Outcome, verify_pdf
    from tests.ui.agreement.test_agreement import DAY, open_page
    from ui.agreement import output as agreement_output
    from ui.common import dialogs
    from workshop.demo import build_demo_workshop
    from workshop.demo_history import with_history

    create_identity("Dana", "", "", SECRET)
    signed = with_history(build_demo_workshop(DAY), dt.datetime(2026, 12, 1, 12, 40, tzinfo=dt.UTC))
    _window, page = open_page(make_window, library_path, signed)
    monkeypatch.setattr(agreement_output.ExportOptions, "exec", lambda self: QDialog.Accepted)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda _p, text, title="": told.append(text))
    target = tmp_path / "sealed.pdf"
    monkeypatch.setattr(seal_options, "_remembered", "a wrong one")
    page.output.export(1, target=target)  # no prompt while remembered
    assert len(told) == 1 and not target.exists()
    assert seal_options._remembered is None  # the next export asks again
    monkeypatch.setattr(seal_options, "_remembered", SECRET)
    page.output.export(1, target=target)
    assert verify_pdf(target.read_bytes(), []).outcome is Outcome.INTACT
    forget_passphrase()


def test_the_passphrase_prompt_remembers_only_when_asked(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.sealing.seal_options as seal_options
    from ui.sealing.seal_options import PassphraseDialog, ask_passphrase

    forget_passphrase()

    def answer(dialog: PassphraseDialog) -> int:
        qtbot.keyClicks(dialog.passphrase, SECRET)
        dialog.remember.setChecked(True)
        return 1  # accepted

    monkeypatch.setattr(PassphraseDialog, "exec", answer)
    assert ask_passphrase() == SECRET
    assert seal_options._remembered == SECRET
    monkeypatch.setattr(PassphraseDialog, "exec", lambda _d: 0)
    assert ask_passphrase() == SECRET  # remembered: not asked again
    forget_passphrase()
    assert ask_passphrase() is None  # cancelled


def test_import_a_company_identity_and_keep_the_trust_list(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cryptography.hazmat.primitives import serialization

    from tests.exporters.test_seal_identity import _company_p12

    told: list[str] = []
    monkeypatch.setattr("ui.common.dialogs.tell", lambda _parent, text, title="": told.append(text))
    source, ca = _company_p12(tmp_path, b"company secret")
    dialog = IdentityDialog(SyncRunner())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.import_identity(str(source), "a guess")
    assert told == ["The passphrase does not unlock this identity; check it and try again."]
    assert dialog.pages.currentWidget() is dialog.none_page
    dialog.import_identity(str(source), "company secret")
    assert dialog.pages.currentWidget() is dialog.details_page
    assert dialog.fields["name"].text() == "Lee Okafor"
    assert dialog.fields["issuer"].text() == "Northwind Issuing CA"

    trust = dialog.trust
    own = trust.list.item(0)
    trust.list.setCurrentItem(own)
    assert not trust.remove_button.isEnabled()  # your own certificate stays
    ca_file = tmp_path / "ca.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    monkeypatch.setattr(
        "ui.sealing.trust_list.QFileDialog.getOpenFileName", lambda *a, **k: (str(ca_file), "")
    )
    qtbot.mouseClick(trust.add_button, Qt.MouseButton.LeftButton)
    texts = [trust.list.item(i).text() for i in range(trust.list.count())]
    assert len(texts) == 2 and texts[1].startswith("Northwind Issuing CA — until ")
    trust.list.setCurrentRow(1)
    assert trust.remove_button.isEnabled()
    qtbot.mouseClick(trust.remove_button, Qt.MouseButton.LeftButton)
    assert trust.list.count() == 1

    bogus = tmp_path / "bogus.pem"
    bogus.write_text("nothing here")
    trust.add(str(bogus))
    assert told[-1] == "bogus.pem is not a certificate; choose a .pem or .cer certificate file."
    assert trust.list.count() == 1
