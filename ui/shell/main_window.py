"""The main window: the home screen and the open workshop, menus, session memory."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QStackedWidget

from ui.capture.control import CaptureControl
from ui.common.i18n import tr
from ui.common.settings import (
    LAST_STEP,
    LAST_WORKSHOP,
    SIDE_PANEL,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
)
from ui.common.tasks import TaskRunner
from ui.files.take_home import TakeHomeOutputs
from ui.files.workshop_files import WorkshopFiles
from ui.library.care import LibraryCare
from ui.library.home import HomePage
from ui.room.controls import RoomControls
from ui.shell.actions import Actions, set_keys
from workshop.errors import AccordError

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from storage.repository import Repository
    from ui.editing.document import WorkshopDocument
    from ui.library.open_library import Library
    from ui.shell.workshop_view import WorkshopView
    from workshop.steps import Step

LIBRARY_FILES = "Accord libraries (*.sqlite3 *.db);;All files (*)"
MESSAGE_MS = 10_000


class MainWindow(QMainWindow):
    library_ready = Signal()
    painted = Signal()

    def __init__(
        self,
        database: str | None = None,
        runner: TaskRunner | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__()
        self.database = database
        self.runner = runner or TaskRunner(self)
        self.settings = settings or Settings()
        self.library: Library | None = None
        self.view: WorkshopView | None = None
        # Workshops opened in this run keep their document and undo history.
        self._sessions: dict[str, tuple[WorkshopDocument, QUndoStack]] = {}
        self._scope = ""
        self._last_error = ""
        self._decorated = False
        self.decorate_after_paint = True
        self.setWindowTitle(tr("Accord"))
        self.setMinimumSize(900, 600)
        self.resize(1200, 780)

        self.undo_group = QUndoGroup(self)
        self.undo_group.indexChanged.connect(lambda _i: self.statusBar().clearMessage())
        self.home = HomePage()
        self.central = QStackedWidget()
        self.central.addWidget(self.home)
        self.setCentralWidget(self.central)
        self.setAcceptDrops(True)  # a PDF dropped on the window is verified
        self.care = LibraryCare(self)
        self.capture = CaptureControl(self)
        self.outputs = TakeHomeOutputs(self)
        self.files = WorkshopFiles(self)
        self.room = RoomControls(self)
        self.act = Actions(self)
        self.act.side_panel.setChecked(bool(self.settings.get(SIDE_PANEL)))
        self._connect_home()
        self.statusBar().setSizeGripEnabled(True)

        geometry = self.settings.get(WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.get(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        self._update_actions()

    # -- wiring ------------------------------------------------------------------------------

    def _connect_home(self) -> None:
        self.home.new_requested.connect(self.new_workshop)
        self.home.open_requested.connect(self.open_workshop)
        self.home.delete_requested.connect(self.delete_workshop)
        self.home.duplicate_requested.connect(self.duplicate_workshop)
        self.home.retry_requested.connect(self.start)
        self.home.choose_library_requested.connect(self.open_library)
        self.home.new_library_requested.connect(self.new_library)
        self.home.recover_requested.connect(self.care.recover_library)
        self.home.afresh_requested.connect(self.care.start_afresh)
        self.home.selection_changed.connect(self._update_actions)

    def _update_actions(self) -> None:
        a = self.act
        on_home = self.central.currentWidget() is self.home
        has_library = self.library is not None
        selected = on_home and self.home.current_id() is not None
        a.new.setEnabled(has_library)
        a.reload.setEnabled(has_library)
        a.backups.setEnabled(has_library)
        a.export.setEnabled(selected or (not on_home and self.view is not None))
        a.import_.setEnabled(has_library)
        a.from_template.setEnabled(has_library)
        a.duplicate.setEnabled(selected or (not on_home and self.view is not None))
        a.delete.setEnabled(selected)
        a.rename.setEnabled(selected or not on_home)
        # F2 renames on the home screen; in a workshop it edits the current table cell.
        set_keys(a.rename, "F2" if on_home else "")
        in_workshop = not on_home and self.view is not None
        for action in (a.capture_panel, a.park, a.new_action_item):
            action.setEnabled(in_workshop)
        for action in (a.summary_pdf, a.actions_csv, a.calendar):
            action.setEnabled(selected or in_workshop)
        a.find.setEnabled(has_library)
        a.next_step.setEnabled(not on_home)
        a.prev_step.setEnabled(not on_home)
        a.side_panel.setEnabled(not on_home)
        for action in (a.present, a.timer_toggle, a.timer_extend, a.timer_reset, a.timer_next):
            action.setEnabled(not on_home and self.view is not None)

    # -- the library -------------------------------------------------------------------------

    def start(self) -> None:
        """Open the library off the GUI thread; the window is already showing."""
        self.home.show_loading()
        database = self.database

        def work() -> tuple[Repository, list[Any], list[str]]:
            from storage.engine import default_library_path, resolve_url, sqlite_path
            from storage.library import open_library

            url = resolve_url(database)
            is_default = sqlite_path(url) == default_library_path()
            notices: list[str] = []  # e.g. where leftover journal files were copied to
            repo = open_library(url, create_folder=is_default, notify=notices.append)
            return repo, repo.summaries(), notices

        self.runner.submit(work, self._library_opened, self.library_failed)

    def _library_opened(self, result: tuple[Repository, list[Any], list[str]]) -> None:
        from ui.library.open_library import Library

        repo, summaries, notices = result
        self.forget_library()
        self.library = Library(repo, summaries, self)
        self.library.failed.connect(self.report)
        self.library.invalid.connect(lambda m: self.statusBar().showMessage(m, MESSAGE_MS))
        self.library.changed.connect(self._workshop_changed_in_library)
        self.library.restored.connect(self.home.select)
        self.library.changed.connect(self.care.count_change)
        self.library.undo_stack.indexChanged.connect(self.care.count_change)
        self.care.timer.start()
        self._scope = hashlib.sha1(repo.where.encode()).hexdigest()[:12]
        self.undo_group.addStack(self.library.undo_stack)
        self.undo_group.setActiveStack(self.library.undo_stack)
        self.home.set_library(self.library)
        self.statusBar().showMessage(tr("Library: {where}").format(where=repo.where), 6000)
        for notice in notices:
            self.report(notice)
        self._restore_session()
        self._update_actions()
        self.library_ready.emit()

    def forget_library(self) -> None:
        if self.library is None:
            return
        self.close_workshop()
        for _doc, stack in self._sessions.values():
            self.undo_group.removeStack(stack)
        self._sessions.clear()
        self.undo_group.removeStack(self.library.undo_stack)
        self.library.repository.close()
        self.library.deleteLater()
        self.library = None

    def library_failed(self, exc: BaseException) -> None:
        from storage.errors import DamagedLibraryError

        if not isinstance(exc, AccordError):
            raise exc
        self.forget_library()
        damaged = isinstance(exc, DamagedLibraryError)
        backup = False
        if damaged:
            from storage.backups import newest_good_backup

            path = self.library_path()
            backup = path is not None and newest_good_backup(path) is not None
        self.home.show_error(exc.message, damaged=damaged, backup=backup)
        self._update_actions()

    def library_path(self) -> Path | None:
        """The library's file, or None for a library that is not a SQLite file."""
        from storage.engine import resolve_url, sqlite_path

        return sqlite_path(resolve_url(self.database))

    def _library_folder(self) -> str:
        from storage.engine import resolve_url, sqlite_path

        try:
            path = sqlite_path(resolve_url(self.database))
        except Exception:  # an unparsable URL: start the dialog anywhere
            return ""
        return str(path.parent) if path else ""

    def open_library(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Open library"), self._library_folder(), tr(LIBRARY_FILES)
        )
        self._switch_library(path)

    def new_library(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("New library"), self._library_folder(), tr(LIBRARY_FILES)
        )
        if path and "." not in path.rsplit("/", 1)[-1]:
            path += ".sqlite3"
        self._switch_library(path)

    def _switch_library(self, path: str) -> None:
        if path:
            self.save_session()
            self.database = path
            self.start()

    def reload_library(self) -> None:
        if self.library is not None:
            self.library.refresh()
            self.statusBar().showMessage(tr("Library reloaded."), 3000)

    # -- workshops -------------------------------------------------------------------------------

    def new_workshop(self) -> None:
        from ui.library.new_workshop_dialog import NewWorkshopDialog

        if self.library is None:
            return
        dialog = NewWorkshopDialog(self)
        accepted = dialog.exec()
        workshop = dialog.workshop
        dialog.deleteLater()
        if accepted and workshop is not None and self.library.create(workshop):
            self.open_workshop(workshop.id, fresh=True)

    def open_workshop(
        self, workshop_id: str, step: Step | None = None, fresh: bool = False
    ) -> None:
        from ui.editing.document import WorkshopDocument
        from ui.shell.workshop_view import WorkshopView

        if self.library is None:
            return
        session = self._sessions.get(workshop_id)
        if session is None:
            try:
                workshop = self.library.repository.get(workshop_id)
            except AccordError as exc:
                self.report(exc.message)
                return
            damaged = self.library.repository.damaged(workshop_id)
            if damaged:  # read with � where bytes went bad; the rest is as stored
                from storage.text_decoding import damage_warning

                self.report(damage_warning(damaged, workshop.title))
            doc = WorkshopDocument(workshop, self.library.repository, self, self.runner)
            doc.save_failed.connect(self._not_saved)
            doc.saved.connect(self._saved)
            doc.saved.connect(self.care.count_change)
            doc.field_changed.connect(self._title_changed)
            stack = QUndoStack(self)
            stack.setUndoLimit(500)
            session = self._sessions[workshop_id] = (doc, stack)
        self.close_workshop()
        doc, stack = session
        self.view = WorkshopView(doc, stack)
        self.view.home_requested.connect(self.go_home)
        self.view.step_changed.connect(
            lambda s: self.settings.set(self.settings.scoped(LAST_STEP, self._scope), s)
        )
        self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(stack)
        self.central.addWidget(self.view)
        self.central.setCurrentWidget(self.view)
        if step is not None:
            self.view.show_step(step)
        self.settings.set(self.settings.scoped(LAST_WORKSHOP, self._scope), workshop_id)
        self.setWindowTitle(tr("{title} — Accord").format(title=doc.workshop.title))
        self.view.set_side_visible(self.act.side_panel.isChecked())
        self.capture.attach(self.view)
        self.room.workshop_opened(doc, stack)
        self.view.focus_start(fresh)
        self._update_actions()

    def close_workshop(self) -> None:
        if self.view is None:
            return
        self.room.workshop_closed()
        self.capture.detach()
        view, self.view = self.view, None
        self.undo_group.removeStack(view.undo_stack)
        self.central.removeWidget(view)
        if self.library is not None:
            self.library.refresh_one(view.doc.workshop.id)
        view.deleteLater()

    def _workshop_changed_in_library(self, workshop_id: str) -> None:
        """Renamed, deleted or restored from the home screen: its open session is stale."""
        session = self._sessions.pop(workshop_id, None)
        if session is not None:
            doc, stack = session
            self.undo_group.removeStack(stack)
            stack.deleteLater()
            doc.deleteLater()

    def go_home(self) -> None:
        opened = self.view.doc.workshop.id if self.view is not None else None
        self.close_workshop()
        self.central.setCurrentWidget(self.home)
        if self._scope:
            self.settings.set(self.settings.scoped(LAST_WORKSHOP, self._scope), "")
        self.setWindowTitle(tr("Accord"))
        if self.library is not None:
            self.undo_group.setActiveStack(self.library.undo_stack)
            if opened:
                self.home.select(opened)
            self.home.table.setFocus()
        self._update_actions()

    def focus_search(self) -> None:
        if self.central.currentWidget() is not self.home:
            self.go_home()
        self.home.search.setFocus()
        self.home.search.selectAll()

    def rename_selected(self) -> None:
        if self.view is not None:
            self.view.focus_title()
        else:
            self.home.rename_current()

    def duplicate_selected(self) -> None:
        target = self.view.doc.workshop.id if self.view is not None else self.home.current_id()
        if target:
            self.duplicate_workshop(target)

    def duplicate_workshop(self, workshop_id: str) -> None:
        if self.library is None:
            return
        if self.view is not None:
            self.go_home()
        copy_id = self.library.duplicate(workshop_id)
        if copy_id:
            self.home.select(copy_id)
            self.statusBar().showMessage(tr("Workshop duplicated."), 4000)

    def delete_selected(self) -> None:
        target = self.home.current_id()
        if target:
            self.delete_workshop(target)

    def delete_workshop(self, workshop_id: str) -> None:
        from ui.common import dialogs

        if self.library is None:
            return
        try:
            title = self.library.repository.summary(workshop_id).title
        except AccordError as exc:
            self.report(exc.message)
            return
        if not dialogs.ask(
            self,
            tr("Delete workshop"),
            tr("Delete “{title}”?").format(title=title),
            tr("Delete"),
            tr("It leaves the library; Edit ▸ Undo (Ctrl+Z) brings it back."),
        ):
            return
        self.library.delete(workshop_id, title)
        self.statusBar().showMessage(
            tr("“{title}” deleted — press Ctrl+Z to undo.").format(title=title), MESSAGE_MS
        )
        self._update_actions()

    def _title_changed(self, path: str) -> None:
        if path == "title" and self.view is not None:
            title = self.view.doc.workshop.title
            self.setWindowTitle(tr("{title} — Accord").format(title=title))

    def show_side_panel(self, visible: bool) -> None:
        self.settings.set(SIDE_PANEL, int(visible))
        if self.view is not None:
            self.view.set_side_visible(visible)

    def step_by(self, delta: int) -> None:
        if self.view is not None:
            self.view.next_step(delta)

    # -- session memory --------------------------------------------------------------------------

    def _restore_session(self) -> None:
        from workshop.steps import Step

        last = self.settings.get(self.settings.scoped(LAST_WORKSHOP, self._scope))
        if not last or self.library is None or self.library.model.row_of(last) is None:
            return
        step_value = self.settings.get(self.settings.scoped(LAST_STEP, self._scope))
        step = Step(step_value) if step_value in {s.value for s in Step} else None
        self.open_workshop(last, step)

    def save_session(self) -> None:
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(WINDOW_STATE, self.saveState())
        if self._scope:
            last = self.view.doc.workshop.id if self.view is not None else ""
            self.settings.set(self.settings.scoped(LAST_WORKSHOP, self._scope), last)
            if self.view is not None:
                step = self.view.current_step.value
                self.settings.set(self.settings.scoped(LAST_STEP, self._scope), step)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close():
            event.ignore()
            return
        self.save_session()
        self.room.close_presenter()
        self.care.timer.stop()
        self.runner.wait()
        if self.library is not None:
            self.library.repository.close()
        super().closeEvent(event)

    def _may_close(self) -> bool:
        """Last try to store queued changes; if some still can't be, ask before quitting."""
        unsaved = 0
        for doc, _stack in self._sessions.values():
            doc.retry()
            unsaved += doc.unsaved
        if not unsaved:
            return True
        from ui.common import dialogs

        return dialogs.ask(
            self,
            tr("Unsaved changes"),
            tr("{n} change(s) could not be saved to the library yet. Quit anyway?").format(
                n=unsaved
            ),
            tr("Quit and lose them"),
            tr("Cancel keeps Accord open and keeps trying to save them."),
        )

    # -- messages --------------------------------------------------------------------------------

    def report(self, message: str) -> None:
        """A problem the user must know about: status bar, and a dialog the first time."""
        self.statusBar().showMessage(message, MESSAGE_MS)
        if message != self._last_error:
            self._last_error = message
            from ui.common import dialogs

            dialogs.tell(self, message)

    def _not_saved(self, message: str) -> None:
        """The library refused a change: said in the window's bar and status line, never in
        a dialog, which would take the keys the facilitator is typing."""
        self.statusBar().showMessage(message, MESSAGE_MS)

    def _saved(self) -> None:
        self._last_error = ""

    def show_help(self) -> None:
        from ui.shell.help import show_help

        self._help = show_help(self)

    def show_about(self) -> None:
        from ui.shell.help import show_about

        show_about(self)

    # -- first frame -----------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from ui.sealing.verify_dialog import dropped_pdf

        if dropped_pdf(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        from ui.sealing.verify_dialog import dropped_pdf, open_verification

        path = dropped_pdf(event.mimeData())
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        open_verification(self, path)

    def event(self, e: QEvent) -> bool:
        result = super().event(e)
        if e.type() == QEvent.Type.Paint:
            self.painted.emit()
            if not self._decorated and self.decorate_after_paint:
                self._decorated = True
                QTimer.singleShot(0, self.decorate)
        return result

    def decorate(self) -> None:
        """Icons, drawn right after the first frame: loading the SVG renderer costs ~40 ms,
        which the first frame should not wait for."""
        from ui.common import theme
        from ui.common.icons import pixmap

        self.act.decorate()
        self.home.decorate()
        app_icon = QIcon(pixmap("handshake", 64, theme.tone(theme.Tone.ACCENT)))
        QApplication.setWindowIcon(app_icon)
