"""The main window: the home screen and the open workshop, menus, session memory."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QUndoGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

from ui.capture.control import CaptureControl
from ui.common.i18n import tr
from ui.common.settings import LAST_STEP, LAST_WORKSHOP, SIDE_PANEL, Settings
from ui.common.tasks import TaskRunner
from ui.files.take_home import TakeHomeOutputs
from ui.files.workshop_files import WorkshopFiles
from ui.library.care import LibraryCare
from ui.library.home import HomePage
from ui.room.controls import RoomControls
from ui.sealing.drop import PdfDrop
from ui.shell.actions import Actions
from ui.shell.bridge import MESSAGE_MS
from ui.shell.sessions import Sessions, last_place, remember, restore_place
from workshop.errors import AccordError

if TYPE_CHECKING:
    from storage.repository import Repository
    from ui.editing.document import WorkshopDocument
    from ui.library.open_library import Library
    from ui.shell.workshop_view import WorkshopView
    from workshop.steps import Step


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
        self._scope = ""
        self._last_error = ""
        self._decorated = False
        self.decorate_after_paint = True
        self.setWindowTitle(tr("Accord"))
        self.setMinimumSize(900, 600)
        self.resize(1200, 780)

        self.undo_group = QUndoGroup(self)
        self.sessions = Sessions(self.undo_group, self.runner)
        self.undo_group.indexChanged.connect(lambda _i: self.statusBar().clearMessage())
        self.home = HomePage()
        self.central = QStackedWidget()
        self.central.addWidget(self.home)
        self.setCentralWidget(self.central)
        PdfDrop(self)  # a PDF dropped on the window is verified
        self.care = LibraryCare(self)
        self.capture = CaptureControl(self)
        self.outputs = TakeHomeOutputs(self)
        self.files = WorkshopFiles(self)
        self.room = RoomControls(self.settings, self.statusBar(), self)
        self.act = Actions(self)
        self.capture.wanted_changed.connect(self._capture_wanted)
        self.act.side_panel.setChecked(bool(self.settings.get(SIDE_PANEL)))
        self._connect_home()
        self.statusBar().setSizeGripEnabled(True)

        restore_place(self.settings, self)
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
        on_home = self.central.currentWidget() is self.home
        self.act.update(
            has_library=self.library is not None,
            on_home=on_home,
            selected=on_home and self.home.current_id() is not None,
            in_workshop=not on_home and self.view is not None,
        )

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
        self.library.invalid.connect(self.say)
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
        self.sessions.clear()
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
        backup = damaged and self.care.good_backup() is not None
        self.home.show_error(exc.message, damaged=damaged, backup=backup)
        self._update_actions()

    def library_path(self) -> Path | None:
        from ui.library.choose import library_path

        return library_path(self.database)

    def open_library(self) -> None:
        from ui.library.choose import ask_library

        self._switch_library(ask_library(self, self.database, new=False))

    def new_library(self) -> None:
        from ui.library.choose import ask_library

        self._switch_library(ask_library(self, self.database, new=True))

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
        from ui.shell.workshop_view import WorkshopView

        if self.library is None:
            return
        session = self.sessions.get(workshop_id)
        if session is None:
            repository = self.library.repository
            try:
                workshop = repository.get(workshop_id)
            except AccordError as exc:
                self.report(exc.message)
                return
            damaged = repository.damaged(workshop_id)
            if damaged:  # read with � where bytes went bad; the rest is as stored
                from storage.text_decoding import damage_warning

                self.report(damage_warning(damaged, workshop.title))
            session = self.sessions.start(workshop, repository, self._follow_document)
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
        self.room.workshop_opened(self.view)
        self.view.focus_start(fresh)
        self._update_actions()

    def _follow_document(self, doc: WorkshopDocument) -> None:
        doc.save_failed.connect(self._not_saved)
        doc.saved.connect(self._saved)
        doc.saved.connect(self.care.count_change)
        doc.field_changed.connect(self._title_changed)

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
        self.sessions.drop(workshop_id)

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
        last, step = last_place(self.settings, self._scope)
        if last and self.library is not None and self.library.model.row_of(last) is not None:
            self.open_workshop(last, step)

    def save_session(self) -> None:
        view = self.view
        where = (view.doc.workshop.id, view.current_step.value) if view is not None else None
        remember(self.settings, self, self._scope, where)

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
        for doc in self.sessions.documents():
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

    # -- what the rooms may use (ui.shell.bridge.Shell) ------------------------------------------

    def widget(self) -> QMainWindow:
        return self

    def repository(self) -> Repository | None:
        return self.library.repository if self.library is not None else None

    def workshop(self) -> WorkshopView | None:
        return self.view

    def on_workshop(self) -> WorkshopView | None:
        """The open workshop when it is on screen (not behind the home screen)."""
        view = self.view
        return view if view is not None and self.central.currentWidget() is view else None

    def chosen_workshop(self) -> str | None:
        return self.view.doc.workshop.id if self.view is not None else self.home.current_id()

    def close_library(self) -> None:
        if self.library is not None:
            self.save_session()
            self.forget_library()
        self.home.show_loading()

    def refresh_library(self) -> None:
        if self.library is not None:
            self.library.refresh()

    def _capture_wanted(self, wanted: bool) -> None:
        action = self.act.capture_panel
        action.blockSignals(True)
        action.setChecked(wanted)
        action.blockSignals(False)

    # -- messages --------------------------------------------------------------------------------

    def say(self, message: str, ms: int = MESSAGE_MS) -> None:
        self.statusBar().showMessage(message, ms)

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
