"""The main window's actions, shortcuts and menus, declared in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from ui.common.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoGroup
    from PySide6.QtWidgets import QMainWindow

    from ui.capture.control import CaptureControl
    from ui.files.take_home import TakeHomeOutputs
    from ui.files.workshop_files import WorkshopFiles
    from ui.library.care import LibraryCare
    from ui.room.controls import RoomControls
    from ui.shell.bridge import OpenWorkshop, Shell

    class Window(Shell, Protocol):
        """What the menus act on: the main window's own commands and its rooms."""

        care: LibraryCare
        files: WorkshopFiles
        room: RoomControls
        capture: CaptureControl
        outputs: TakeHomeOutputs
        undo_group: QUndoGroup

        def on_workshop(self) -> OpenWorkshop | None: ...
        def new_workshop(self) -> None: ...
        def go_home(self) -> None: ...
        def open_library(self) -> None: ...
        def new_library(self) -> None: ...
        def reload_library(self) -> None: ...
        def duplicate_selected(self) -> None: ...
        def delete_selected(self) -> None: ...
        def rename_selected(self) -> None: ...
        def focus_search(self) -> None: ...
        def show_side_panel(self, visible: bool) -> None: ...
        def step_by(self, delta: int) -> None: ...
        def show_help(self) -> None: ...
        def show_about(self) -> None: ...


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


def _verify(window: Window) -> None:
    from ui.sealing.verify_dialog import open_verification

    open_verification(window)


def _agreement(window: Window, what: str) -> None:
    """Preview, export or print the agreement version chosen on the Agreement step (the
    newest one when none is chosen)."""
    view = window.on_workshop()
    if view is not None:
        view.agreement_output(what)


def _identity(window: Window) -> None:
    from ui.sealing.identity_dialog import open_identity

    open_identity(window)


class Actions:
    def __init__(self, window: Window) -> None:
        self.window: QMainWindow = window.widget()
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
        self.quit = self._make(tr("&Quit"), "Ctrl+Q", self.window.close)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo = w.undo_group.createUndoAction(self.window, tr("&Undo"))
        self.undo.setShortcuts(K.Undo)
        self.redo = w.undo_group.createRedoAction(self.window, tr("&Redo"))
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action, name in ((self.undo, "undo-2"), (self.redo, "redo-2")):
            self.window.addAction(action)
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
        # File ▸ Take-home Outputs: one entry per output exporters.outputs declares.
        self.take_home = w.outputs.actions()
        for action in self.take_home:
            self.window.addAction(action)

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
        for action in self.take_home:
            outputs.addAction(action)
        file_menu.insertMenu(self.quit, outputs)
        file_menu.insertSeparator(self.quit)
        view_menu.addSeparator()
        for action in (self.capture_panel, self.park, self.new_action_item):
            view_menu.addAction(action)

    def update(self, has_library: bool, on_home: bool, selected: bool, in_workshop: bool) -> None:
        """Enable what applies where the user is: the home screen (with a workshop
        ``selected`` or not) or a workshop (``in_workshop``)."""
        for action in (self.new, self.reload, self.backups, self.import_, self.from_template):
            action.setEnabled(has_library)
        self.find.setEnabled(has_library)
        for action in (self.export, self.duplicate):
            action.setEnabled(selected or in_workshop)
        self.delete.setEnabled(selected)
        self.rename.setEnabled(selected or not on_home)
        # F2 renames on the home screen; in a workshop it edits the current table cell.
        set_keys(self.rename, "F2" if on_home else "")
        for action in (self.capture_panel, self.park, self.new_action_item):
            action.setEnabled(in_workshop)
        for action in self.take_home:
            action.setEnabled(selected or in_workshop)
        for action in (self.next_step, self.prev_step, self.side_panel):
            action.setEnabled(not on_home)
        timer = (self.timer_toggle, self.timer_extend, self.timer_reset, self.timer_next)
        for action in (self.present, *timer):
            action.setEnabled(in_workshop)

    def decorate(self) -> None:
        from ui.common.icons import icon

        for action, name in self.icons:
            action.setIcon(icon(name))
