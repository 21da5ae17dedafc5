"""How the monkey meets a dialog, menu or popup that runs its own event loop: uses it for a
few actions, then answers it (a button, Enter, Escape, closing it) or picks an entry."""

from __future__ import annotations

import traceback

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

from tests.ui.monkey.world import (
    DRAFT_DPI,
    TYPE_FIRST,
    describe,
    label_of,
    loop_level,
    shown,
    usable,
    valid,
)


class Answers:
    """Mixed into :class:`tests.ui.monkey.core.Monkey`, whose state the answers use."""

    def popup(self, popup: QWidget) -> None:
        """A calendar or a list popped up: choose in it with the keyboard, or dismiss it."""
        keys = self.rng.choice(("Esc", "Return", "Down", "Right", "PgDown", "Esc"))
        self.note(f"press {keys} in the popup {type(popup).__name__}")
        self.press(popup.focusWidget() or popup, keys)
        if valid(popup) and popup.isVisible() and self.rng.random() < 0.5:
            self.note("  …and click outside it")
            popup.close()

    # -- dialogs and menus that run their own event loop -----------------------------------

    def loop_running(self) -> None:
        """Called by the watch timer in every event loop: a dialog's or menu's ``exec``
        waits for an answer when the loop is deeper than the one being answered."""
        level = loop_level()
        if level <= self.depth:
            return
        outer, self.depth = self.depth, level
        self.watching(level, True)
        try:
            popup = QApplication.activePopupWidget()
            modal = QApplication.activeModalWidget()
            if isinstance(popup, QMenu) and popup.isVisible():
                self.choose_from(popup)
            elif isinstance(modal, QDialog) and modal.isVisible():
                self.use_dialog(modal)
        except Exception:
            self.failed("exception", traceback.format_exc())
        finally:
            self.watching(level, False)
            self.depth = outer

    def choose_from(self, menu: QMenu) -> None:
        """Choose an entry of ``menu`` with the keyboard, or dismiss it."""
        entries = [
            a for a in menu.actions() if not a.isSeparator() and a.isVisible() and a.isEnabled()
        ]
        title = menu.title() or menu.accessibleName()
        if not entries or self.rng.random() < 0.2:
            self.note(f"dismiss the menu {title!r}")
            QTest.keyClick(menu, Qt.Key.Key_Escape)
        else:
            action: QAction = self.pick(entries)
            self.note(f"choose {action.text().replace('&', '')!r} in the menu {title!r}")
            menu.setActiveAction(action)
            QTest.keyClick(menu, Qt.Key.Key_Return)
            submenu = action.menu()
            if isinstance(submenu, QMenu) and valid(submenu) and submenu.isVisible():
                self.choose_from(submenu)
        if valid(menu) and menu.isVisible():
            menu.close()

    def use_dialog(self, dialog: QDialog) -> None:
        """A dialog waits in ``exec``: use it for a few actions, then answer it."""
        text = f": {shown(dialog.text(), 90)}" if isinstance(dialog, QMessageBox) else ""
        self.note(f"dialog {describe(dialog)}{text}")
        if isinstance(dialog, QFileDialog):
            self.note("cancel the file dialog")
            dialog.reject()
            return
        if isinstance(dialog, QPrintDialog):
            self.answer_print(dialog)
            return
        self.settle()
        # Most people start with the field the dialog puts the cursor in (or sign on its
        # pad).
        focus = dialog.focusWidget()
        if focus is not None and self.rng.random() < TYPE_FIRST:
            if isinstance(focus, QAbstractSpinBox) or self.writable(focus):
                self.write(focus)
            elif self.is_pad(focus):
                for _stroke in range(self.rng.randrange(1, 4)):
                    self.draw(focus)
            self.settle()
        limit = (8, 3, 1)[min(self.depth - 1, 2)]
        for _ in range(self.rng.randrange(limit + 1)):
            if self.failures or not (valid(dialog) and dialog.isVisible()):
                break
            if QApplication.activeModalWidget() is not dialog:
                break
            self.step()
            self.settle()
            self.background()
        if valid(dialog) and dialog.isVisible() and QApplication.activeModalWidget() is dialog:
            self.answer(dialog)

    def answer(self, dialog: QDialog) -> None:
        """Answer ``dialog`` as a user would: a button, Enter, Escape or closing it."""
        for _attempt in range(3):
            if not (valid(dialog) and dialog.isVisible()):
                return
            buttons: list[QAbstractButton] = []
            if isinstance(dialog, QMessageBox):
                buttons = [b for b in dialog.buttons() if usable(b)]
            for box in dialog.findChildren(QDialogButtonBox):
                if box.window() is dialog:
                    buttons += [b for b in box.buttons() if usable(b) and b not in buttons]
            choice = self.pick(["Return", "Esc", "close", *buttons, *buttons])
            title = dialog.windowTitle()
            if isinstance(choice, QAbstractButton):
                self.note(f"answer {title!r}: click {label_of(choice)!r}")
                choice.click()
            elif choice == "close":
                self.note(f"answer {title!r}: close its window")
                dialog.close()
            else:
                self.note(f"answer {title!r}: press {choice}")
                self.press(dialog.focusWidget() or dialog, choice)
            self.settle()
        if valid(dialog) and dialog.isVisible():
            self.note(f"answer {dialog.windowTitle()!r}: close it for good")
            QDialog.done(dialog, int(QDialog.DialogCode.Rejected))

    def answer_print(self, dialog: QPrintDialog) -> None:
        """Print to a PDF file instead of a printer, or cancel."""
        if self.rng.random() < 0.5:
            self.note("cancel the print dialog")
            QDialog.done(dialog, int(QDialog.DialogCode.Rejected))
            return
        printer: QPrinter = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.scratch / "printed.pdf"))
        printer.setResolution(DRAFT_DPI)
        self.note(f"print (to a PDF file, at {DRAFT_DPI} dpi)")
        QDialog.done(dialog, int(QDialog.DialogCode.Accepted))
