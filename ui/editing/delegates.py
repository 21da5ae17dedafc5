"""Item delegates: a drop-down for enum columns, a number field, a date field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

Choices = Sequence[tuple[Any, str]]  # (value stored, label shown)


class _ReleasedEditors(QStyledItemDelegate):
    """A column's own delegate. When its row goes, the view hides the editor without taking
    this delegate's event filter off it (Qt removes only the view's default delegate), so
    the focus leaving the hidden editor would commit into a view that has let it go."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        hidden = isinstance(editor, QWidget) and editor.isHidden()
        if event.type() == QEvent.Type.FocusOut and hidden:
            return False  # released: nothing to commit
        return super().eventFilter(editor, event)


class ChoiceDelegate(_ReleasedEditors):
    """A drop-down of fixed choices, or of choices read each time it opens (``choices`` a
    function, e.g. the workshop's participants)."""

    def __init__(self, choices: Choices | Callable[[], Choices], parent: Any = None) -> None:
        super().__init__(parent)
        self.choices = choices if callable(choices) else list(choices)

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = _ChoiceCombo(parent)
        combo.values = []
        for value, label in self.choices() if callable(self.choices) else self.choices:
            combo.addItem(label)
            combo.values.append(value)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, _ChoiceCombo)
        value = index.data(Qt.ItemDataRole.EditRole)
        for i, choice in enumerate(editor.values):
            if choice == value:
                editor.setCurrentIndex(i)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, _ChoiceCombo)
        if 0 <= editor.currentIndex() < len(editor.values):
            # The Python value itself: Qt would hand an enum back as its plain string.
            model.setData(index, editor.values[editor.currentIndex()], Qt.ItemDataRole.EditRole)


class _ChoiceCombo(QComboBox):
    """The drop-down with the values its entries stand for, kept on the Python side."""

    values: list[Any]


class NumberDelegate(_ReleasedEditors):
    """A right-aligned line edit for a number. ``strict`` takes only what a number can be made
    of (digits, separators, sign); otherwise anything typed reaches the column's own check,
    which explains it (e.g. "90 min")."""

    def __init__(self, parent: Any = None, strict: bool = True) -> None:
        super().__init__(parent)
        self.strict = strict

    PATTERN = QRegularExpression("^[+-]?[0-9 .,'\u00a0\u202f]*$")  # NBSP, narrow NBSP

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        if self.strict:
            editor.setValidator(QRegularExpressionValidator(self.PATTERN, editor))
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QLineEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText("" if value is None else str(value))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class DateDelegate(_ReleasedEditors):
    """The optional date field (with its calendar) inside a table cell."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        from ui.common.widgets import OptionalDateEdit

        return OptionalDateEdit(parent)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        editor.set_value(index.data(Qt.ItemDataRole.EditRole))  # type: ignore[attr-defined]

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]
