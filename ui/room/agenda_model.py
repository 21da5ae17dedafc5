"""The agenda as a table model: the items' own fields (minutes typed as people write them),
plus two computed columns — when each item runs, and its actual time against the plan."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyleOptionViewItem

from ui.common import theme
from ui.common.i18n import tr
from ui.editing.collection_model import CollectionModel
from ui.editing.delegates import NumberDelegate
from workshop.agenda import parse_minutes, plan_agenda, variance, variance_text
from workshop.model import AgendaItem

TITLE, STEP, PLANNED, ACTUAL, NOTES, TIME, VERSUS = range(7)
_FIELDS = 5  # columns before TIME and VERSUS are the items' own fields
_EXTRA = 2


def planned_minutes(text: str) -> int:
    minutes = parse_minutes(text, tr("planned minutes"))
    assert minutes is not None
    return minutes


def actual_minutes(text: str) -> int | None:
    return parse_minutes(text, tr("actual minutes"), required=False)


class AgendaModel(CollectionModel):
    """The agenda's fields, plus two computed columns: when each item runs and how its
    actual time compares with the plan."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.running_id: str | None = None  # the item the timer runs for, marked in bold
        self.doc.field_changed.connect(self._field_changed)

    def set_running(self, item_id: str | None) -> None:
        if item_id != self.running_id:
            self.running_id = item_id
            self._extra_changed()

    def _times(self) -> dict[str, str]:
        plan = plan_agenda(self.doc.workshop.agenda, self.doc.workshop.start_time)
        return {slot.item_id: slot.text for slot in plan.slots}

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns) + _EXTRA

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and section >= _FIELDS:
            return tr("Time") if section == TIME else tr("vs plan")
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if index.isValid() and index.column() >= _FIELDS:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return super().flags(index)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        item: AgendaItem = self.item_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.FontRole and item.id == self.running_id:
            bold = QFont(theme.font(theme.Type.BODY))
            bold.setBold(True)
            return bold
        if column == TIME:
            return self._time_data(item, role)
        if column == VERSUS:
            return self._versus_data(item, role)
        if column == STEP and item.step is None and role == Qt.ItemDataRole.DisplayRole:
            return tr("— free item")
        if column in (PLANNED, ACTUAL):
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            if role == Qt.ItemDataRole.EditRole:
                value = getattr(item, self.columns[column].field)
                return "" if value is None else str(value)
        return super().data(index, role)

    def _time_data(self, item: AgendaItem, role: int) -> Any:
        text = self._times().get(item.id, "")
        if role == Qt.ItemDataRole.DisplayRole:
            return ("▶ " if item.id == self.running_id else "") + (text or "—")
        if role == Qt.ItemDataRole.ToolTipRole:
            if not text:
                return tr("Times appear once the start time is a time of day, e.g. 09:00.")
            if "(+" in text:
                return tr("(+1) is the next day.")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return tr("Planned time: {time}").format(time=text or tr("unknown"))
        return None

    def _versus_data(self, item: AgendaItem, role: int) -> Any:
        minutes = variance(item)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if minutes is None else variance_text(minutes)
        if role == Qt.ItemDataRole.ForegroundRole and minutes is not None:
            return theme.tone(theme.Tone.GAP if minutes > 0 else theme.Tone.GOOD)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = tr("not run yet") if minutes is None else variance_text(minutes)
            return tr("Compared with the plan: {shown}").format(shown=shown)
        return None

    def _on_changed(self, collection: str) -> None:
        super()._on_changed(collection)
        if collection == self.collection:
            self._extra_changed()

    def _field_changed(self, path: str) -> None:
        if path == "start_time":
            self._extra_changed()

    def _extra_changed(self) -> None:
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, VERSUS))


class MinutesDelegate(NumberDelegate):
    """Minutes typed freely ("90", "1:30", "1 h 30"); the column explains what it cannot read."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, strict=False)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Any) -> None:
        super().initStyleOption(option, index)
        option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
