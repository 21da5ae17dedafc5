"""The main window: menus and shortcuts, the home screen, and the open workshop."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QStackedWidget

from ui.home import HomePage
from ui.i18n import tr
from ui.settings import LAST_STEP, LAST_WORKSHOP, WINDOW_GEOMETRY, WINDOW_STATE, Settings
from ui.tasks import TaskRunner
from workshop.errors import AccordError

if TYPE_CHECKING:
    from storage.repository import Repository
    from ui.library import Library
    from ui.workshop_view import WorkshopView
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
        self._last_error = ""
        self.setWindowTitle(tr("Accord"))
        self.setMinimumSize(900, 600)
        self.resize(1200, 780)

        self._icons: list[tuple[QAction, str]] = []  # drawn after the first frame
        self._decorated = False
        self.undo_group = QUndoGroup(self)
        self.home = HomePage()
        self.central = QStackedWidget()
        self.central.addWidget(self.home)
        self.setCentralWidget(self.central)
        self._build_actions()
        self._build_menus()
        self._connect_home()
        self.statusBar().setSizeGripEnabled(True)

        geometry = self.settings.get(WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.get(WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        self._update_actions()

    # -- actions and menus ---------------------------------------------------------------------

    def _action(
        self, text: str, keys: Any = None, slot: Any = None, icon_name: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            self._icons.append((action, icon_name))
        if keys is not None:
            if isinstance(keys, list):
                action.setShortcuts([QKeySequence(k) for k in keys])
            else:
                action.setShortcut(QKeySequence(keys))
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        self.new_action = self._action(tr("&New Workshop…"), K.New, self.new_workshop, "plus")
        self.home_action = self._action(tr("&All Workshops"), "Ctrl+O", self.go_home, "house")
        self.open_library_action = self._action(
            tr("Open &Library File…"), None, self.choose_library, "library-big"
        )
        self.duplicate_action = self._action(
            tr("D&uplicate Workshop"), "Ctrl+D", self.duplicate_selected, "copy"
        )
        self.delete_action = self._action(tr("&Delete Workshop…"), None, self.delete_selected)
        self._icons.append((self.delete_action, "trash-2"))
        self.quit_action = self._action(tr("&Quit"), "Ctrl+Q", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action = self.undo_group.createUndoAction(self, tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self._icons.append((self.undo_action, "undo-2"))
        self.redo_action = self.undo_group.createRedoAction(self, tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self._icons.append((self.redo_action, "redo-2"))
        self.rename_action = self._action(tr("Re&name Workshop"), "F2", self.rename_selected)
        self._icons.append((self.rename_action, "pencil"))
        self.find_action = self._action(tr("&Find Workshop"), K.Find, self.focus_search, "search")
        self.next_step_action = self._action(tr("&Next Step"), "Ctrl+PgDown", lambda: self._step(1))
        self.prev_step_action = self._action(
            tr("&Previous Step"), "Ctrl+PgUp", lambda: self._step(-1)
        )
        self.help_action = self._action(tr("Accord &Help"), K.HelpContents, self.show_help)
        self._icons.append((self.help_action, "circle-question-mark"))
        self.about_action = self._action(tr("&About Accord"), None, self.show_about, "info")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        for a in (self.new_action, self.home_action, self.open_library_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.duplicate_action)
        file_menu.addAction(self.delete_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.rename_action)
        edit_menu.addAction(self.find_action)
        view_menu = bar.addMenu(tr("&View"))
        view_menu.addAction(self.home_action)
        view_menu.addSeparator()
        view_menu.addAction(self.next_step_action)
        view_menu.addAction(self.prev_step_action)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(self.help_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _connect_home(self) -> None:
        self.home.new_requested.connect(self.new_workshop)
        self.home.open_requested.connect(self.open_workshop)
        self.home.delete_requested.connect(self.delete_workshop)
        self.home.duplicate_requested.connect(self.duplicate_workshop)
        self.home.retry_requested.connect(self.start)
        self.home.choose_library_requested.connect(self.choose_library)

    def _update_actions(self) -> None:
        on_home = self.central.currentWidget() is self.home
        has_library = self.library is not None
        selected = on_home and self.home.current_id() is not None
        self.new_action.setEnabled(has_library)
        self.duplicate_action.setEnabled(selected or (not on_home and self.view is not None))
        self.delete_action.setEnabled(selected)
        self.rename_action.setEnabled(selected or not on_home)
        self.find_action.setEnabled(has_library)
        self.next_step_action.setEnabled(not on_home)
        self.prev_step_action.setEnabled(not on_home)

    # -- the library -------------------------------------------------------------------------

    def start(self) -> None:
        """Open the library off the GUI thread; the window is already showing."""
        self.home.show_loading()
        database = self.database

        def work() -> tuple[Repository, list[Any]]:
            from storage.engine import default_library_path, resolve_url, sqlite_path
            from storage.library import open_library

            url = resolve_url(database)
            is_default = sqlite_path(url) == default_library_path()
            repo = open_library(url, create_folder=is_default)
            return repo, repo.summaries()

        self.runner.submit(work, self._library_opened, self._library_failed)

    def _library_opened(self, result: tuple[Repository, list[Any]]) -> None:
        from ui.library import Library

        repo, summaries = result
        if self.library is not None:
            self.close_workshop()
            self.library.repository.close()
            self.undo_group.removeStack(self.library.undo_stack)
        self.library = Library(repo, summaries, self)
        self.library.failed.connect(self.report)
        self.undo_group.addStack(self.library.undo_stack)
        self.undo_group.setActiveStack(self.library.undo_stack)
        self.home.set_library(self.library)
        self.home.table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._update_actions()
        )
        self.statusBar().showMessage(tr("Library: {where}").format(where=repo.where), 6000)
        self._restore_session()
        self._update_actions()
        self.library_ready.emit()

    def _library_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, AccordError):
            raise exc
        self.home.show_error(exc.message)
        self._update_actions()

    def choose_library(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            tr("Open or create a library"),
            "",
            tr("Accord libraries (*.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database = path
            self.start()

    # -- workshops -------------------------------------------------------------------------------

    def new_workshop(self) -> None:
        from ui.new_workshop_dialog import NewWorkshopDialog

        if self.library is None:
            return
        dialog = NewWorkshopDialog(self)
        accepted = dialog.exec()
        workshop = dialog.workshop
        dialog.deleteLater()
        if accepted and workshop is not None and self.library.create(workshop):
            self.open_workshop(workshop.id)

    def open_workshop(self, workshop_id: str, step: Step | None = None) -> None:
        from ui.document import WorkshopDocument
        from ui.workshop_view import WorkshopView

        if self.library is None:
            return
        try:
            workshop = self.library.repository.get(workshop_id)
        except AccordError as exc:
            self.report(exc.message)
            return
        self.close_workshop()
        doc = WorkshopDocument(workshop, self.library.repository, self)
        doc.save_failed.connect(self.report)
        doc.saved.connect(self._saved)
        self.view = WorkshopView(doc)
        self.view.home_requested.connect(self.go_home)
        self.view.step_changed.connect(lambda s: self.settings.set(LAST_STEP, s))
        self.undo_group.addStack(self.view.undo_stack)
        self.undo_group.setActiveStack(self.view.undo_stack)
        self.central.addWidget(self.view)
        self.central.setCurrentWidget(self.view)
        if step is not None:
            self.view.show_step(step)
        self.settings.set(LAST_WORKSHOP, workshop_id)
        self.setWindowTitle(tr("{title} — Accord").format(title=workshop.title))
        doc.field_changed.connect(self._title_changed)
        self._update_actions()

    def close_workshop(self) -> None:
        if self.view is None:
            return
        view, self.view = self.view, None
        self.undo_group.removeStack(view.undo_stack)
        self.central.removeWidget(view)
        if self.library is not None:
            self.library.refresh_one(view.doc.workshop.id)
        view.deleteLater()
        view.doc.deleteLater()

    def go_home(self) -> None:
        opened = self.view.doc.workshop.id if self.view is not None else None
        self.close_workshop()
        self.central.setCurrentWidget(self.home)
        self.settings.set(LAST_WORKSHOP, "")
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
            from workshop.steps import Step

            self.view.show_step(Step.ROOM)
            page = self.view.page(Step.ROOM)
            page.title_edit.setFocus()  # type: ignore[attr-defined]
            page.title_edit.selectAll()  # type: ignore[attr-defined]
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
        if self.library is None:
            return
        title = self.library.repository.summary(workshop_id).title
        from ui import dialogs

        if not dialogs.ask(
            self,
            tr("Delete workshop"),
            tr("Delete “{title}”?").format(title=title),
            tr("Delete"),
            tr("It leaves the library; Edit ▸ Undo (Ctrl+Z) brings it back."),
        ):
            return
        self.library.delete(workshop_id)
        self.statusBar().showMessage(
            tr("“{title}” deleted — press Ctrl+Z to undo.").format(title=title), 8000
        )
        self._update_actions()

    def _title_changed(self, path: str) -> None:
        if path == "title" and self.view is not None:
            title = self.view.doc.workshop.title
            self.setWindowTitle(tr("{title} — Accord").format(title=title))

    def _step(self, delta: int) -> None:
        if self.view is not None:
            self.view.next_step(delta)

    # -- session ---------------------------------------------------------------------------------

    def _restore_session(self) -> None:
        last = self.settings.get(LAST_WORKSHOP)
        if not last or self.library is None or self.library.model.row_of(last) is None:
            return
        step_value = self.settings.get(LAST_STEP)
        from workshop.steps import Step

        step = Step(step_value) if step_value in {s.value for s in Step} else None
        self.open_workshop(last, step)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(WINDOW_STATE, self.saveState())
        last = self.view.doc.workshop.id if self.view is not None else ""
        self.settings.set(LAST_WORKSHOP, last)
        if self.view is not None:
            self.settings.set(LAST_STEP, self.view.current_step.value)
        self.settings.sync()
        self.runner.wait()
        if self.library is not None:
            self.library.repository.close()
        super().closeEvent(event)

    # -- messages --------------------------------------------------------------------------------

    def report(self, message: str) -> None:
        """A problem the user must know about: status bar, and a dialog the first time."""
        self.statusBar().showMessage(message)
        if message != self._last_error:
            self._last_error = message
            from ui import dialogs

            dialogs.tell(self, message)

    def _saved(self) -> None:
        self._last_error = ""

    def show_help(self) -> None:
        from ui.help import show_help

        self._help = show_help(self)

    def show_about(self) -> None:
        from ui.help import show_about

        show_about(self)

    def event(self, e: QEvent) -> bool:
        result = super().event(e)
        if e.type() == QEvent.Type.Paint:
            self.painted.emit()
            if not self._decorated:
                self._decorated = True
                QTimer.singleShot(0, self.decorate)
        return result

    def decorate(self) -> None:
        """Icons, drawn right after the first frame: loading the SVG renderer costs ~45 ms,
        which the first frame should not wait for."""
        from ui import theme
        from ui.icons import icon, pixmap

        for action, name in self._icons:
            action.setIcon(icon(name))
        self.home.decorate()
        app_icon = QIcon(pixmap("handshake", 64, theme.tone(theme.Tone.ACCENT)))
        QApplication.setWindowIcon(app_icon)
