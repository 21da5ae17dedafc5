"""Binds a field editor to a workshop path: typing pushes undoable, autosaved edits.

Typing in one editor merges into a single undo step until the editor loses focus.
When the value changes underneath (undo, redo), the editor shows the new value.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from ui.common.widgets import OptionalDateEdit
from ui.editing.commands import SetField
from ui.editing.document import WorkshopDocument
from workshop.errors import ValidationError

_sessions = count(1)


def exact_text(editor: QPlainTextEdit) -> str:
    """What was typed, as typed. ``toPlainText`` turns no-break spaces into spaces and line
    separators into newlines; the blocks' own text keeps them (paragraphs join with "\n")."""
    document = editor.document()
    block = document.begin()
    lines = []
    while block.isValid():
        lines.append(block.text())
        block = block.next()
    return "\n".join(lines)


class _Binding(QObject):
    def __init__(
        self,
        editor: QLineEdit | QPlainTextEdit | OptionalDateEdit,
        doc: WorkshopDocument,
        stack: QUndoStack,
        path: str,
        label: str,
        clean: Callable[[str], Any] | None,
        error: QLabel | None,
    ) -> None:
        super().__init__(editor)
        self.editor, self.doc, self.stack, self.path = editor, doc, stack, path
        self.label, self.clean, self.error = label, clean, error
        self.session = next(_sessions)
        self._updating = False
        editor.installEventFilter(self)
        doc.field_changed.connect(self._field_changed)
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(self._edited)
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(lambda: self._edited(exact_text(editor)))
        else:
            editor.date_changed.connect(self._date_edited)
        self._show(doc.value(path))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.session = next(_sessions)  # the next typing is a new undo step
            self._show(self.doc.value(self.path))  # an invalid entry shows the kept value
            self._set_error("")
        return False

    def _edited(self, text: str) -> None:
        if self._updating:
            return
        value: Any = text
        if self.clean is not None:
            try:
                value = self.clean(text)
            except ValidationError as exc:
                self._set_error(exc.message)
                return
        self._set_error("")
        if value != self.doc.value(self.path):
            self.stack.push(SetField(self.doc, self.path, value, self.label, self.session))

    def _date_edited(self, value: Any) -> None:
        if value != self.doc.value(self.path):
            self.stack.push(SetField(self.doc, self.path, value, self.label))

    def _field_changed(self, path: str) -> None:
        if path == self.path:
            self._show(self.doc.value(path))

    def _show(self, value: Any) -> None:
        self._updating = True
        try:
            editor = self.editor
            if isinstance(editor, OptionalDateEdit):
                if editor.value() != value:
                    editor.set_value(value)
            elif isinstance(editor, QPlainTextEdit):
                if exact_text(editor) != (value or ""):
                    editor.setPlainText(value or "")
            else:
                # Keep what is typed if it only differs by what cleaning removed.
                shown = editor.text()
                if self._cleaned(shown) != value:
                    position = editor.cursorPosition()
                    editor.setText("" if value is None else str(value))
                    editor.setCursorPosition(min(position, len(editor.text())))
        finally:
            self._updating = False

    def _cleaned(self, text: str) -> Any:
        if self.clean is None:
            return text
        try:
            return self.clean(text)
        except ValidationError:
            return None

    def _set_error(self, message: str) -> None:
        if self.error is not None:
            self.error.setText(message)


def bind(
    editor: QLineEdit | QPlainTextEdit | OptionalDateEdit,
    doc: WorkshopDocument,
    stack: QUndoStack,
    path: str,
    label: str,
    clean: Callable[[str], Any] | None = None,
    error: QLabel | None = None,
) -> None:
    """Keep ``editor`` and the workshop field at ``path`` in step, through ``stack``."""
    _Binding(editor, doc, stack, path, label, clean, error)
