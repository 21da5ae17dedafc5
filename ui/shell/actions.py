"""The main window's actions, shortcuts and menus, declared in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from ui.common.i18n import tr

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow

K = QKeySequence.StandardKey


def set_keys(action: QAction, keys: str) -> None:
    """Give ``action`` one shortcut (or none, for ""). The list form is used on purpose:
    ``setShortcut``'s overloads make PySide build Qt's whole enum namespace (~30 ms),
    which start-up does not otherwise need."""
    action.setShortcuts([QKeySequence(keys)] if keys else [])


def _edit(operation: str) -> None:
    """Cut, copy, paste or select all in whatever has the keyboard focus."""
    widget = QApplication.focusWidget()
    method = getattr(widget, operation, None)
    if callable(method):
        method()


def _verify(window: MainWindow) -> None:
    from ui.sealing.verify_dialog import open_verification

    open_verification(window)


def _agreement(window: MainWindow, what: str) -> None:
    """Preview, export or print the agreement version chosen on the Agreement step (the
    newest one when none is chosen)."""
    from workshop.steps import Step

    view = window.view
    if view is None or window.central.currentWidget() is not view:
        return
    view.show_step(Step.AGREEMENT)
    page: Any = view.page(Step.AGREEMENT)
    page.refresh()
    version = page.history.selected()
    if version is not None:
        getattr(page.output, what)(version.number)


def _identity(window: MainWindow) -> None:
    from ui.sealing.identity_dialog import open_identity

    open_identity(window)


class Actions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.icons: list[tuple[QAction, str]] = []  # drawn after the first frame
        w = window
        self.new = self._make(tr("&New Workshop…"), K.New, w.new_workshop, "plus")
        self.home = self._make(tr("&All Workshops"), "Ctrl+O", w.go_home, "house")
        self.open_library = self._make(tr("&Open Library…"), None, w.open_library, "library-big")
        self.new_library = self._make(tr("New &Library…"), None, w.new_library)
        self.reload = self._make(tr("&Reload Library"), "Ctrl+R", w.reload_library)
        self.backups = self._make(tr("&Backups…"), None, w.care.show_backups)
        self.export = self._make(
            tr("&Export Workshop…"), "Ctrl+E", lambda: w.files.export_workshop()
        )
        self.import_ = self._make(
            tr("&Import Workshop…"), "Ctrl+I", lambda: w.files.import_workshop()
        )
        self.from_template = self._make(
            tr("New from &Template…"), None, lambda: w.files.import_workshop(as_copy=True)
        )
        self.preview_agreement = self._make(
            tr("Pre&view Agreement…"), None, lambda: _agreement(w, "preview")
        )
        self.export_agreement = self._make(
            tr("Export Agreement &PDF…"), "Ctrl+Shift+E", lambda: _agreement(w, "export")
        )
        self.print_agreement = self._make(
            tr("P&rint Agreement…"), K.Print, lambda: _agreement(w, "print_version"), "printer"
        )
        self.verify_pdf = self._make(tr("&Verify a PDF…"), None, lambda: _verify(w))
        self.identity = self._make(tr("Signing &Identity…"), None, lambda: _identity(w))
        self.duplicate = self._make(
            tr("D&uplicate Workshop"), "Ctrl+D", w.duplicate_selected, "copy"
        )
        self.delete = self._make(tr("&Delete Workshop…"), None, w.delete_selected, "trash-2")
        self.quit = self._make(tr("&Quit"), "Ctrl+Q", w.close)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo = w.undo_group.createUndoAction(w, tr("&Undo"))
        self.undo.setShortcuts(K.Undo)
        self.redo = w.undo_group.createRedoAction(w, tr("&Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action, name in ((self.undo, "undo-2"), (self.redo, "redo-2")):
            w.addAction(action)
            self.icons.append((action, name))
        self.cut = self._make(tr("Cu&t"), K.Cut, lambda: _edit("cut"))
        self.copy = self._make(tr("&Copy"), K.Copy, lambda: _edit("copy"))
        self.paste = self._make(tr("&Paste"), K.Paste, lambda: _edit("paste"))
        self.select_all = self._make(tr("Select &All"), K.SelectAll, lambda: _edit("selectAll"))
        self.rename = self._make(tr("Re&name Workshop"), "F2", w.rename_selected, "pencil")
        self.find = self._make(tr("&Find Workshop"), K.Find, w.focus_search, "search")

        self.side_panel = self._make(tr("&Guidance and Gaps"), "Ctrl+G", w.show_side_panel)
        self.side_panel.setCheckable(True)
        self.next_step = self._make(tr("&Next Step"), "Ctrl+PgDown", lambda: w.step_by(1))
        self.prev_step = self._make(tr("&Previous Step"), "Ctrl+PgUp", lambda: w.step_by(-1))
        self.present = self._make(tr("&Present"), "F5", w.room.present, "presentation")
        self.timer_toggle = self._make(tr("&Start or Pause Timer"), "F6", w.room.toggle_timer)
        self.timer_extend = self._make(tr("Add &5 Minutes"), "Shift+F6", w.room.extend_timer)
        self.timer_reset = self._make(tr("Rese&t Timer"), "Ctrl+F6", w.room.reset_timer)
        self.timer_next = self._make(tr("Ne&xt Agenda Item"), "F7", w.room.next_item)

        self.capture_panel = self._make(
            tr("&Capture Panel"), "Ctrl+Shift+L", w.capture.set_visible, "clipboard-list"
        )
        self.capture_panel.setCheckable(True)
        self.park = self._make(tr("&Park an Issue"), "Ctrl+Shift+P", w.capture.park)
        self.new_action_item = self._make(
            tr("New &Action Item"), "Ctrl+Shift+A", w.capture.new_action_item
        )
        self.summary_pdf = self._make(
            tr("Workshop &Summary (PDF)…"), None, lambda: w.outputs.summary_pdf()
        )
        self.actions_csv = self._make(
            tr("&Action Items (CSV)…"), None, lambda: w.outputs.actions_csv()
        )
        self.calendar = self._make(
            tr("Review &Calendar (iCalendar)…"), None, lambda: w.outputs.calendar()
        )

        self.help = self._make(tr("Accord &Help"), K.HelpContents, w.show_help)
        self.icons.append((self.help, "circle-question-mark"))
        self.about = self._make(tr("&About Accord"), None, w.show_about, "info")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self._menus()

    def _make(self, text: str, keys: Any, slot: Any, icon_name: str = "") -> QAction:
        action = QAction(text, self.window)
        if isinstance(keys, QKeySequence.StandardKey):
            action.setShortcuts(keys)
        elif keys is not None:
            set_keys(action, keys)
        action.triggered.connect(slot)
        if icon_name:
            self.icons.append((action, icon_name))
        self.window.addAction(action)
        return action

    def _menus(self) -> None:
        bar = self.window.menuBar()
        menus = {
            tr("&File"): (
                self.new,
                self.home,
                None,
                self.open_library,
                self.new_library,
                self.reload,
                self.backups,
                None,
                self.duplicate,
                self.delete,
                None,
                self.export,
                self.import_,
                self.from_template,
                None,
                self.preview_agreement,
                self.export_agreement,
                self.print_agreement,
                None,
                self.verify_pdf,
                self.identity,
                None,
                self.quit,
            ),
            tr("&Edit"): (
                self.undo,
                self.redo,
                None,
                self.cut,
                self.copy,
                self.paste,
                self.select_all,
                None,
                self.rename,
                self.find,
            ),
            tr("&View"): (
                self.home,
                None,
                self.next_step,
                self.prev_step,
                None,
                self.side_panel,
                None,
                self.present,
                self.timer_toggle,
                self.timer_extend,
                self.timer_reset,
                self.timer_next,
            ),
            tr("&Help"): (self.help, None, self.about),
        }
        for title, entries in menus.items():
            menu = bar.addMenu(title)
            for action in entries:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
        self._capture_menus(bar.actions())

    def _capture_menus(self, menus: list[QAction]) -> None:
        """File ▸ Take-home Outputs, and the capture panel's entries in the View menu."""
        file_menu, view_menu = menus[0].menu(), menus[2].menu()
        assert isinstance(file_menu, QMenu) and isinstance(view_menu, QMenu)
        outputs = QMenu(tr("&Take-home Outputs"), file_menu)
        for action in (self.summary_pdf, self.actions_csv, self.calendar):
            outputs.addAction(action)
        file_menu.insertMenu(self.quit, outputs)
        file_menu.insertSeparator(self.quit)
        view_menu.addSeparator()
        for action in (self.capture_panel, self.park, self.new_action_item):
            view_menu.addAction(action)

    def decorate(self) -> None:
        from ui.common.icons import icon

        for action, name in self.icons:
            action.setIcon(icon(name))
