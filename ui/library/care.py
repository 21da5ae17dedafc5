"""Looking after the library file: automatic backups, the Backups dialog, restoring, and
recovering from a damaged library. Slow work goes through the shell's task runner."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from ui.common.i18n import tr
from workshop.errors import AccordError

if TYPE_CHECKING:
    from storage.backups import Backup
    from ui.shell.bridge import Shell

BACKUP_EVERY_MS = 30 * 60 * 1000


class LibraryCare(QObject):
    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget())
        self.shell = shell
        self._unsaved_to_backup = 0  # edits since the last automatic backup
        self._backup_warned = False
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_EVERY_MS)
        self.timer.timeout.connect(self.backup_if_changed)

    def count_change(self, *_args: Any) -> None:
        self._unsaved_to_backup += 1

    def backup_if_changed(self) -> None:
        """The automatic backup: off the GUI thread, skipped when nothing changed."""
        path = self.shell.library_path()
        if path is None or not self._unsaved_to_backup:
            return
        self._unsaved_to_backup = 0

        def work() -> None:
            from storage.backups import rotate, take_backup

            take_backup(path)
            rotate(path)

        self.shell.runner.submit(work, lambda _r: None, self._backup_failed)

    def _backup_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, AccordError | OSError):
            raise exc
        if not self._backup_warned:  # warn once; work goes on
            self._backup_warned = True
            message = tr("The automatic backup failed ({reason}); your work is still saved.")
            self.shell.report(message.format(reason=str(exc).rstrip(".")))

    def show_backups(self) -> None:
        from ui.library.backups_dialog import BackupsDialog

        path = self.shell.library_path()
        if path is None:
            self.shell.report(
                tr("Backups are made of SQLite library files; this library is not one.")
            )
            return
        dialog = BackupsDialog(path, self.shell.widget())
        dialog.restore_requested.connect(self.restore_backup)
        dialog.exec()
        dialog.deleteLater()

    def restore_backup(self, backup: str) -> None:
        """Close the library, restore the backup off the GUI thread, open it again."""
        from pathlib import Path

        path = self.shell.library_path()
        if path is None:
            self.shell.report(
                tr("Backups are made of SQLite library files; this library is not one.")
            )
            return
        self.shell.close_library()

        def work() -> Any:
            from storage.backups import restore

            return restore(Path(backup), path)

        def done(_safety: Any) -> None:
            self.shell.start()
            self.shell.say(tr("Backup restored."))

        def failed(exc: BaseException) -> None:
            self.shell.start()  # the library is unchanged: open it again
            if isinstance(exc, AccordError):
                self.shell.report(exc.message)
            else:
                raise exc

        self.shell.runner.submit(work, done, failed)

    def good_backup(self) -> Backup | None:
        """The newest backup of the library that passes its integrity check, if any."""
        from storage.backups import newest_good_backup

        path = self.shell.library_path()
        return newest_good_backup(path) if path is not None else None

    def recover_library(self) -> None:
        """Damaged library: keep it aside, restore the newest good backup, open that."""
        from storage.backups import recover

        path, backup = self.shell.library_path(), self.good_backup()
        if path is None or backup is None:
            return
        self.shell.close_library()

        def done(aside: Any) -> None:
            self.shell.start()
            message = tr("Backup restored; the damaged library was kept as {file}.")
            self.shell.say(message.format(file=aside))

        self.shell.runner.submit(
            lambda: recover(path, backup.path), done, self.shell.library_failed
        )

    def start_afresh(self) -> None:
        """Damaged library: keep it aside under a timestamped name and start an empty one."""
        from storage.backups import set_aside

        path = self.shell.library_path()
        if path is None:
            return
        try:
            aside = set_aside(path)
        except OSError as exc:
            self.shell.report(
                tr("The damaged library could not be moved aside ({reason}).").format(
                    reason=exc.strerror or exc
                )
            )
            return
        self.shell.start()
        message = tr("A new library was started; the damaged one was kept as {file}.")
        self.shell.say(message.format(file=aside))
