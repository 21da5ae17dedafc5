"""Puts the capture panel (parking lot, action items, votes) under the open workshop and
carries out its shortcuts. Cheap to import: the panel itself loads when a workshop opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from ui.capture.dock import CaptureDock
    from ui.shell.bridge import OpenWorkshop


class CaptureControl(QObject):
    wanted_changed = Signal(bool)  # shown or hidden for good: the menu's check follows

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dock: CaptureDock | None = None
        self.wanted = False  # shown or hidden by the user; kept from workshop to workshop

    def attach(self, view: OpenWorkshop) -> None:
        from PySide6.QtCore import Qt  # Qt's enums cost ~30 ms: not before the first frame

        from ui.capture.dock import CaptureDock

        self.detach()
        self.dock = CaptureDock(view, self.window)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.setVisible(self.wanted)
        self.dock.visibilityChanged.connect(self._follow)

    def detach(self) -> None:
        if self.dock is None:
            return
        dock, self.dock = self.dock, None
        dock.visibilityChanged.disconnect(self._follow)
        self.window.removeDockWidget(dock)
        dock.deleteLater()

    def set_visible(self, visible: bool) -> None:
        self.wanted = visible
        if self.dock is not None:
            self.dock.setVisible(visible)
            if visible:
                self.dock.tabs.currentWidget().setFocus()

    def park(self) -> None:
        if self.dock is not None:
            self.wanted = True
            self.dock.park()

    def new_action_item(self) -> None:
        if self.dock is not None:
            self.wanted = True
            self.dock.new_action_item()

    def _follow(self, visible: bool) -> None:
        """The panel's own close button hides it for good (until shown again)."""
        if self.window.isVisible() and not self.window.isMinimized():
            self.wanted = visible
        self.wanted_changed.emit(self.wanted)
