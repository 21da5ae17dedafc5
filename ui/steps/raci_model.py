"""The RACI matrix as a table: one row per activity, one column per party.

A cell holds the roles a party has in an activity, shown as letters in R, A, C, I order
("R/A"). Changes are undoable commands; the model follows the document's change signals
with proper begin/end calls, and flags every row the step's gap rules find wanting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QUndoStack

from ui.common import theme
from ui.common.i18n import tr
from ui.common.icons import icon
from ui.common.text import shorten, tooltip
from ui.editing.commands import SetRoles
from ui.editing.document import WorkshopDocument
from workshop.gaps import gaps
from workshop.model import Activity, Party, RaciRole
from workshop.steps import Step

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1

ORDER: tuple[RaciRole, ...] = (
    RaciRole.RESPONSIBLE,
    RaciRole.ACCOUNTABLE,
    RaciRole.CONSULTED,
    RaciRole.INFORMED,
)


def role_name(role: RaciRole) -> str:
    return {
        RaciRole.RESPONSIBLE: tr("Responsible"),
        RaciRole.ACCOUNTABLE: tr("Accountable"),
        RaciRole.CONSULTED: tr("Consulted"),
        RaciRole.INFORMED: tr("Informed"),
    }[role]


HEADER_CHARS = 34


def letters(roles: frozenset[RaciRole]) -> str:
    """The roles as a cell shows them: ``"R/A"``, ``"C"``, or ``""``."""
    return "/".join(role.value for role in ORDER if role in roles)


def parse_letters(text: str) -> frozenset[RaciRole]:
    """Roles from letters such as ``"R/A"`` or ``"ar"``; anything else is ignored."""
    return frozenset(role for role in ORDER if role.value in text.upper())


def _one_extra(longer: list[str], shorter: list[str]) -> int | None:
    """Where ``longer`` is ``shorter`` with one id inserted, the index of that id."""
    if len(longer) != len(shorter) + 1:
        return None
    at = next(
        (i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter)
    )
    return at if longer[:at] + longer[at + 1 :] == shorter else None


class RaciModel(QAbstractTableModel):
    def __init__(self, doc: WorkshopDocument, stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc, self.stack = doc, stack
        # Own copies: Qt reads rows between begin… and end…, when the document has changed.
        self._activities: list[Activity] = list(doc.items("activities"))
        self._parties: list[Party] = list(doc.items("parties"))
        self._gaps: dict[str, list[str]] = {}
        self._find_gaps()
        doc.children_changed.connect(self._on_changed)

    # -- following the document ----------------------------------------------------------

    def _find_gaps(self) -> None:
        self._gaps = {}
        for gap in gaps(self.doc.workshop, Step.RESPONSIBILITIES):
            parts = gap.target.split("/")
            if len(parts) == 3 and parts[0] == "activities":
                self._gaps.setdefault(parts[1], []).append(gap.message)

    def _on_changed(self, collection: str) -> None:
        if collection == "activities":
            self._follow(self._activities, list(self.doc.items("activities")), rows=True)
        elif collection == "parties":
            self._follow(self._parties, list(self.doc.items("parties")), rows=False)

    def _follow(self, old: list[Any], new: list[Any], rows: bool) -> None:
        old_ids, new_ids = [i.id for i in old], [i.id for i in new]

        def store() -> None:
            if rows:
                self._activities = new
            else:
                self._parties = new
            self._find_gaps()

        orientation = Qt.Orientation.Vertical if rows else Qt.Orientation.Horizontal
        if old_ids == new_ids:
            store()
            if new_ids:
                self.headerDataChanged.emit(orientation, 0, len(new_ids) - 1)
            self._all_changed()
            return
        steps: list[tuple[list[str], list[str], Callable[..., None], Callable[[], None]]] = [
            (new_ids, old_ids, *self._inserting(rows)),
            (old_ids, new_ids, *self._removing(rows)),
        ]
        for longer, shorter, begin, end in steps:
            at = _one_extra(longer, shorter)
            if at is not None:
                begin(QModelIndex(), at, at)
                store()
                end()
                self._all_changed()  # the gaps of other rows may have changed
                return
        if len(old_ids) != len(new_ids):
            self.beginResetModel()
            store()
            self.endResetModel()
            return
        self._reorder(old_ids, new_ids, rows, store)

    def _inserting(self, rows: bool) -> tuple[Callable[..., None], Callable[[], None]]:
        if rows:
            return self.beginInsertRows, self.endInsertRows
        return self.beginInsertColumns, self.endInsertColumns

    def _removing(self, rows: bool) -> tuple[Callable[..., None], Callable[[], None]]:
        if rows:
            return self.beginRemoveRows, self.endRemoveRows
        return self.beginRemoveColumns, self.endRemoveColumns

    def _reorder(
        self, old_ids: list[str], new_ids: list[str], rows: bool, store: Callable[[], None]
    ) -> None:
        """A move: persistent indexes keep pointing at the same activity and party."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moved = []
        for i in persistent:
            line = i.row() if rows else i.column()
            item_id = old_ids[line] if 0 <= line < len(old_ids) else None
            if item_id not in new_ids:
                moved.append(QModelIndex())
                continue
            to = new_ids.index(item_id)
            moved.append(self.index(to, i.column()) if rows else self.index(i.row(), to))
        store()
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _all_changed(self) -> None:
        if self._activities:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._activities) - 1)
        if self._activities and self._parties:
            last = self.index(len(self._activities) - 1, len(self._parties) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # -- reading -------------------------------------------------------------------------

    def row_of(self, activity_id: str) -> int:
        return next(i for i, a in enumerate(self._activities) if a.id == activity_id)

    def roles_at(self, index: Index) -> frozenset[RaciRole]:
        activity = self._activities[index.row()]
        return activity.roles.get(self._parties[index.column()].id, frozenset())

    def row_gaps(self, row: int) -> list[str]:
        return self._gaps.get(self._activities[row].id, [])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._activities)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._parties)

    def _activity_name(self, row: int) -> str:
        return self._activities[row].name.strip() or tr("(unnamed activity)")

    def _party_name(self, column: int) -> str:
        return self._parties[column].name.strip() or tr("(unnamed party)")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        count = len(self._parties) if horizontal else len(self._activities)
        if not 0 <= section < count:
            return None
        if horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return shorten(self._party_name(section), 24)
            if role == Qt.ItemDataRole.ToolTipRole:
                return tooltip(self._party_name(section))
            return None
        found = self.row_gaps(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return shorten(self._activity_name(section), HEADER_CHARS)
        if role == Qt.ItemDataRole.DecorationRole:
            if found:
                return icon("triangle-alert", theme.tone(theme.Tone.GAP))
            return icon("circle-check-big", theme.tone(theme.Tone.GOOD))
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip("\n".join([self._activity_name(section), *found]))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (
            0 <= index.row() < len(self._activities) and 0 <= index.column() < len(self._parties)
        ):
            return None
        roles = self.roles_at(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return letters(roles)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            held = describe(roles) or tr("no role")
            line = f"{self._party_name(index.column())}: {held}"
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{self._activity_name(index.row())} — {line}"
            return tooltip("\n".join([line, *self.row_gaps(index.row())]))
        if role == Qt.ItemDataRole.BackgroundRole and self.row_gaps(index.row()):
            tint = QColor(theme.tone(theme.Tone.GAP))
            tint.setAlpha(28)
            return tint
        if role == ID_ROLE:
            return self._activities[index.row()].id
        return None

    # -- editing -------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """``value``: letters (``"R/A"``) or a set of roles; stored as one undo step."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        activity, party = self._activities[index.row()], self._parties[index.column()]
        if not (
            self.doc.has_item("activities", activity.id) and self.doc.has_item("parties", party.id)
        ):
            return False  # an editor closing after its row or column went: discarded
        roles = parse_letters(value) if isinstance(value, str) else frozenset(value)
        self.set_roles(index, roles)
        return True

    def set_roles(self, index: Index, roles: frozenset[RaciRole]) -> None:
        if roles == self.roles_at(index):
            return
        activity, party = self._activities[index.row()], self._parties[index.column()]
        label = tr("roles of {party} in {activity}").format(
            party=shorten(self._party_name(index.column()), 30),
            activity=shorten(self._activity_name(index.row()), 40),
        )
        self.stack.push(SetRoles(self.doc, activity.id, party.id, roles, label))

    def toggle(self, index: Index, role: RaciRole) -> None:
        self.set_roles(index, self.roles_at(index) ^ {role})

    def clear(self, index: Index) -> None:
        self.set_roles(index, frozenset())


def describe(roles: frozenset[RaciRole]) -> str:
    """``"Responsible, Accountable"``: the roles in words, in R, A, C, I order."""
    return ", ".join(role_name(r) for r in ORDER if r in roles)
