"""The capture panel docked under an open workshop: parking lot, action items and votes,
reachable from every step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget

from ui.capture.action_items import ActionItemsPanel
from ui.capture.parking import ParkingPanel
from ui.capture.votes import VotesPanel
from ui.common.i18n import tr
from workshop.steps import Step

if TYPE_CHECKING:
    from ui.shell.bridge import OpenWorkshop

PARKING, ACTIONS, VOTES = range(3)


class CaptureDock(QDockWidget):
    def __init__(self, view: OpenWorkshop, parent: Any = None) -> None:
        super().__init__(tr("Capture"), parent)
        self.setObjectName("CaptureDock")
        self.view = view
        doc, stack = view.doc, view.undo_stack
        self.setAllowedAreas(
            Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(tr("Capture panel"))
        self.tabs.tabBar().setAccessibleName(tr("Parking lot, action items or votes"))
        self.parking = ParkingPanel(doc, stack, self.current_step)
        self.actions_panel = ActionItemsPanel(doc, stack, self.current_step)
        self.votes = VotesPanel(doc, stack)
        self.tabs.addTab(self.parking, "")
        self.tabs.addTab(self.actions_panel, "")
        self.tabs.addTab(self.votes, "")
        self.setWidget(self.tabs)
        self._sized = False
        self.parking.moved.connect(self._moved)
        doc.children_changed.connect(self._titles)
        self._titles("")

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        window = self.parentWidget()
        if not self._sized and isinstance(window, QMainWindow):
            self._sized = True  # a third of the window; the step above keeps the rest
            window.resizeDocks([self], [window.height() // 3], Qt.Orientation.Vertical)

    def current_step(self) -> Step:
        return self.view.current_step

    def _titles(self, _collection: str) -> None:
        w = self.view.doc.workshop
        open_issues = sum(1 for p in w.parking_lot if not p.resolved)
        self.tabs.setTabText(PARKING, tr("Parking Lot ({n})").format(n=open_issues))
        self.tabs.setTabText(ACTIONS, tr("Action Items ({n})").format(n=len(w.action_items)))
        self.tabs.setTabText(VOTES, tr("Votes ({n})").format(n=len(w.votes)))

    # -- what the shortcuts do -------------------------------------------------------------------

    def park(self) -> None:
        self.show()
        self.tabs.setCurrentIndex(PARKING)
        self.parking.focus_capture()

    def new_action_item(self) -> None:
        self.show()
        self.tabs.setCurrentIndex(ACTIONS)
        self.actions_panel.add()

    def _moved(self, step: str, collection: str, item_id: str) -> None:
        """Show what a parked issue became, its text ready to refine."""
        if collection == "action_items":
            self.tabs.setCurrentIndex(ACTIONS)
            self.actions_panel.editor.focus_item(item_id, "owner_id")
            return
        self.view.focus_item(Step(step), collection, item_id)
