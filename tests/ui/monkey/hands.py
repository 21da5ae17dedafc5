"""The monkey's actions, one ``do_*`` method each: click, type, edit a cell, pick from a list,
use a menu or a shortcut, press a key, follow a link, sign on a pad, let time pass, resize,
close, open a context menu. Each returns whether it found something to act on."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPoint,
    QPointF,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.ui.monkey.world import (
    DISRUPTIONS,
    ITEM_KEYS,
    KEYS,
    NAVIGATION,
    QUIT,
    WINDOW_SIZES,
    describe,
    key_parts,
    label_of,
    place_of,
    shown,
    valid,
)


class Hands:
    """Mixed into :class:`tests.ui.monkey.core.Monkey`, whose state the actions use."""

    def do_click(self, scope: Sequence[QWidget]) -> bool:
        buttons = [
            b
            for b in self.widgets(scope, QAbstractButton)
            if isinstance(b, QAbstractButton)
            and not QUIT.search(b.text())
            # A line edit's clear button fades in and out by the wall clock, so whether it
            # is there would differ between replays: it is used through its action instead.
            and not isinstance(b.parentWidget(), QLineEdit)
        ]
        if not buttons:
            return False
        button = self.fresh(buttons, describe)
        if not self.slow(label_of(button)):
            return False
        self.note(f"click {describe(button)}")
        self.activate(button)
        button.click()
        return True

    def do_type(self, scope: Sequence[QWidget]) -> bool:
        editors = [
            w
            for w in self.widgets(scope, QWidget)
            if (isinstance(w, QAbstractSpinBox) or self.writable(w))
            and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)
        ]
        if not editors:
            return False
        self.write(self.fresh(editors, describe))
        return True

    def write(self, editor: QWidget) -> None:
        """Type into ``editor`` (or over what it holds), then go on somehow."""
        text = self.hostile()
        replace = self.rng.random() < 0.6
        self.note(f"{'replace' if replace else 'type into'} {describe(editor)}: {shown(text)}")
        self.activate(editor)
        editor.setFocus(Qt.FocusReason.MouseFocusReason)
        if replace:
            QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        self.type_into(editor, text)
        end = self.rng.choice(("stay", "Return", "Tab", "Esc", "leave", "clear"))
        if end == "stay" or not valid(editor):
            return
        if end == "leave":
            self.note("  …and click elsewhere")
            editor.clearFocus()
        elif end == "clear":
            clear = self.clear_action(editor)
            if clear is not None:
                self.note("  …and clear it with its clear button")
                clear.trigger()
        else:
            self.note(f"  …and press {end}")
            self.press(editor, end)

    @staticmethod
    def clear_action(editor: QWidget) -> QAction | None:
        """The action behind a line edit's clear button, when the button shows."""
        if not isinstance(editor, QLineEdit) or not editor.isClearButtonEnabled():
            return None
        if not editor.text():
            return None
        return editor.findChild(QAction, "_q_qlineeditclearaction")

    @staticmethod
    def writable(widget: QWidget) -> bool:
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            return not widget.isReadOnly()
        return False

    def do_cell(self, scope: Sequence[QWidget]) -> bool:
        """Edit a table cell through its delegate's editor, then commit, cancel or leave it
        open while doing something else."""
        views = [
            v
            for v in self.widgets(scope, QAbstractItemView)
            if isinstance(v, QAbstractItemView)
            and not isinstance(v, QHeaderView)
            and v.model() is not None
            and v.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
        ]
        if not views:
            return False
        view = self.fresh(views, describe)
        index = self.random_index(view.model())
        if index is None or not view.model().flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        self.note(f"edit {self.index_name(view, index)}")
        self.activate(view)
        view.setFocus(Qt.FocusReason.MouseFocusReason)
        view.setCurrentIndex(index)
        view.edit(index)
        editor = view.indexWidget(index) if index.isValid() else None
        if editor is None or not valid(editor):
            self.note("  (no editor opened)")
            return True
        self.fill(editor)
        self.settle()
        end = self.rng.choice(("Return", "Tab", "Esc", "click away", "leave open", "disrupt"))
        if not (valid(editor) and editor.isVisible()):
            return True
        if end in ("Return", "Tab", "Esc"):
            self.note(f"  …and press {end}")
            self.press(editor, end)
        elif end == "click away":
            self.note("  …and click elsewhere")
            if valid(view):
                view.setFocus(Qt.FocusReason.MouseFocusReason)
        elif end == "disrupt":
            keys = self.rng.choice(DISRUPTIONS)
            self.note(f"  …and, the editor still open, press {keys}")
            self.press(editor, keys)
        else:
            self.note("  …and leave the editor open")
        return True

    def fill(self, editor: QWidget) -> None:
        """Put something into a cell's editor."""
        if isinstance(editor, QComboBox):
            if editor.count():
                i = self.rng.randrange(editor.count())
                self.note(f"  pick {editor.itemText(i)!r} in the cell's drop-down")
                self.choose_in_combo(editor, i)
            return
        if isinstance(editor, QAbstractSpinBox) or self.writable(editor):
            text = self.hostile()
            replace = self.rng.random() < 0.8
            self.note(f"  {'replace with' if replace else 'type'} {shown(text)}")
            if replace:
                QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            self.type_into(editor, text)
            return
        keys = self.rng.choice(NAVIGATION)
        self.note(f"  press {keys} in the cell's {type(editor).__name__}")
        self.press(editor, keys)

    def random_index(self, model: QAbstractItemModel) -> QModelIndex | None:
        rows = model.rowCount(QModelIndex())
        columns = model.columnCount(QModelIndex()) if model.hasIndex(0, 1) else 1
        if rows <= 0:
            return None
        return model.index(self.rng.randrange(rows), self.rng.randrange(columns))

    @staticmethod
    def index_name(view: QAbstractItemView, index: QModelIndex) -> str:
        header = view.model().headerData(index.column(), Qt.Orientation.Horizontal)
        column = f"column {str(header)!r}" if header else f"column {index.column()}"
        return f"row {index.row()}, {column} of {describe(view)}"

    def do_item(self, scope: Sequence[QWidget]) -> bool:
        """Click, double-click or press a key on an item of any list or table, or click a
        column's header."""
        views = [
            v
            for v in self.widgets(scope, QAbstractItemView)
            if isinstance(v, QAbstractItemView) and v.model() is not None
        ]
        if not views:
            return False
        view = self.fresh(views, describe)
        if isinstance(view, QHeaderView):
            return self.click_header(view)
        index = self.random_index(view.model())
        if index is None:
            return False
        where = self.index_name(view, index)
        how = self.rng.choice(("click", "double-click", "key", "key"))
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        if how in ("click", "double-click"):
            self.note(f"{how} {where}")
            self.activate(view)
            view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
            at = view.visualRect(index).center()
            click = QTest.mouseClick if how == "click" else QTest.mouseDClick
            click(view.viewport(), left, none, at)
        else:
            keys = self.rng.choice(ITEM_KEYS)
            self.note(f"select {where} and press {keys}")
            self.activate(view)
            view.setFocus(Qt.FocusReason.MouseFocusReason)
            view.setCurrentIndex(index)
            self.press(view, keys)
        return True

    def click_header(self, header: QHeaderView) -> bool:
        if header.count() == 0:
            return False
        section = self.rng.randrange(header.count())
        if header.isSectionHidden(section):
            return False
        orientation = header.orientation()
        name = header.model().headerData(section, orientation) if header.model() else None
        self.note(f"click the header {str(name)!r} of {describe(header.parentWidget() or header)}")
        self.activate(header)
        middle = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
        across = (
            header.height() // 2
            if orientation == Qt.Orientation.Horizontal
            else header.width() // 2
        )
        at = (
            QPoint(middle, across)
            if orientation == Qt.Orientation.Horizontal
            else QPoint(across, middle)
        )
        QTest.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at
        )
        return True

    def do_combo(self, scope: Sequence[QWidget]) -> bool:
        combos = [
            c
            for c in self.widgets(scope, QComboBox)
            if isinstance(c, QComboBox)
            and c.count() > 0
            and not isinstance(c.parentWidget(), QAbstractItemView)
        ]
        if not combos:
            return False
        combo = self.fresh(combos, describe)
        i = self.rng.randrange(combo.count())
        self.note(f"pick {combo.itemText(i)!r} in {describe(combo)}")
        self.activate(combo)
        self.choose_in_combo(combo, i)
        return True

    @staticmethod
    def choose_in_combo(combo: QComboBox, i: int) -> None:
        """What choosing entry ``i`` from the drop-down does."""
        combo.setFocus(Qt.FocusReason.MouseFocusReason)
        combo.setCurrentIndex(i)
        if valid(combo):
            combo.activated.emit(i)
        if valid(combo):
            combo.textActivated.emit(combo.itemText(i))

    def menu_actions(self) -> list[QAction]:
        """The enabled entries of the menu bar, submenus included."""
        found: list[QAction] = []

        def walk(menu: QMenu) -> None:
            for action in menu.actions():
                if action.isSeparator() or not action.isVisible():
                    continue
                submenu = action.menu()
                if isinstance(submenu, QMenu):
                    walk(submenu)
                elif action.isEnabled():
                    found.append(action)

        for top in self.window.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                walk(menu)
        return [
            a
            for a in found
            if a.menuRole() != QAction.MenuRole.QuitRole and not QUIT.search(a.text())
        ]

    def do_menu(self, scope: Sequence[QWidget]) -> bool:
        if self.window not in scope:
            return False
        actions = self.menu_actions()
        if not actions:
            return False
        action = self.fresh(actions, QAction.text)
        if not self.slow(action.text()):
            return False
        self.note(f"menu {action.text().replace('&', '')!r}")
        self.activate(self.window)
        action.trigger()
        return True

    def shortcuts(self) -> list[str]:
        """KEYS and every shortcut of the window's actions, but quitting."""
        found = set(KEYS)
        for action in self.window.findChildren(QAction):
            if not valid(action) or action.menuRole() == QAction.MenuRole.QuitRole:
                continue
            for sequence in action.shortcuts():
                text = sequence.toString()
                # A keyboard has the keys up to F35 (not Cut, Paste, New … of some keyboards).
                if sequence.count() == 1 and key_parts(text)[0].value <= Qt.Key.Key_F35.value:
                    found.add(text)
        quit_keys = {s.toString() for s in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)}
        return sorted(found - quit_keys - {"", "Ctrl+Q"})

    def do_shortcut(self, scope: Sequence[QWidget]) -> bool:
        keys = self.fresh(self.shortcuts(), str)
        if not self.slow("print" if keys == "Ctrl+P" else ""):
            return False
        target = self.keyboard()
        if target.window() not in scope:
            self.activate(scope[0])
            target = scope[0].focusWidget() or scope[0]
        self.note(f"press {keys} in {describe(target)}")
        self.press(target, keys)
        return True

    def do_key(self, scope: Sequence[QWidget]) -> bool:
        """A navigation or editing key into whatever has the keyboard."""
        keys = self.rng.choice(NAVIGATION)
        target = self.keyboard()
        if target.window() not in scope:
            return False
        self.note(f"press {keys} in {describe(target)}")
        self.press(target, keys)
        return True

    def do_tab(self, scope: Sequence[QWidget]) -> bool:
        bars = [b for b in self.widgets(scope, QTabBar) if isinstance(b, QTabBar) and b.count() > 1]
        if not bars:
            return False
        bar = self.fresh(bars, describe)
        i = self.rng.randrange(bar.count())
        self.note(f"tab {bar.tabText(i).replace('&', '')!r} on {place_of(bar)}")
        self.activate(bar)
        bar.setCurrentIndex(i)
        return True

    def do_link(self, scope: Sequence[QWidget]) -> bool:
        links: list[tuple[QLabel, str]] = []
        for label in self.widgets(scope, QLabel):
            if isinstance(label, QLabel) and "<a " in label.text():
                hrefs = re.findall(r"href=['\"]([^'\"]*)", label.text())
                links += [(label, href) for href in hrefs]
        if not links:
            return False
        label, href = self.fresh(links, lambda link: link[1])
        self.note(f"follow the link {label.accessibleName() or href!r} on {place_of(label)}")
        self.activate(label)
        label.linkActivated.emit(href)
        return True

    def do_scribble(self, scope: Sequence[QWidget]) -> bool:
        """Drag across a drawing surface (the signature pad), in and out of it."""
        pads = [w for w in self.widgets(scope, QWidget) if self.is_pad(w)]
        if not pads:
            return False
        self.draw(self.fresh(pads, describe))
        return True

    @staticmethod
    def is_pad(widget: QWidget) -> bool:
        return type(widget).__module__.startswith("ui.") and "Pad" in type(widget).__name__

    def draw(self, pad: QWidget) -> None:
        points = [
            QPoint(
                self.rng.randrange(-20, pad.width() + 20),
                self.rng.randrange(-20, pad.height() + 20),
            )
            for _ in range(self.rng.randrange(1, 8))
        ]
        self.note(f"draw {len(points)} points on {describe(pad)}")
        self.activate(pad)
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        QTest.mousePress(pad, left, none, points[0])
        for point in points[1:]:
            if not valid(pad):
                return
            event = QMouseEvent(
                QEvent.Type.MouseMove,
                QPointF(point),
                QPointF(pad.mapToGlobal(point)),
                Qt.MouseButton.NoButton,
                left,
                none,
            )
            QApplication.sendEvent(pad, event)
        if valid(pad):
            QTest.mouseRelease(pad, left, none, points[-1])

    def do_time(self, scope: Sequence[QWidget]) -> bool:
        self.pass_time(self.rng.choice((30.0, 60.0, 300.0, 1200.0, 2400.0)))
        return True

    def do_resize(self, scope: Sequence[QWidget]) -> bool:
        if self.window not in scope:
            return False
        width, height = self.rng.choice(WINDOW_SIZES)
        self.note(f"resize the window to {width}×{height}")
        self.window.resize(width, height)
        return True

    def do_close(self, scope: Sequence[QWidget]) -> bool:
        others = [w for w in scope if w is not self.window]
        if not others:
            return False
        window: QWidget = self.pick(others)
        self.note(f"close the window {describe(window)}")
        window.close()
        return True

    def do_context(self, scope: Sequence[QWidget]) -> bool:
        """Right-click where the app offers a menu of its own."""
        targets = [
            w
            for w in self.widgets(scope, QWidget)
            if w.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
        ]
        if not targets:
            return False
        widget = self.fresh(targets, describe)
        at = QPoint(
            self.rng.randrange(max(widget.width(), 1)), self.rng.randrange(max(widget.height(), 1))
        )
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            index = self.random_index(widget.model())
            if index is not None:
                at = widget.visualRect(index).center()
        self.note(f"right-click {describe(widget)} at ({at.x()}, {at.y()})")
        self.activate(widget)
        widget.customContextMenuRequested.emit(at)
        return True
