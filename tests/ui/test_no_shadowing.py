"""No widget of Accord's hides one of Qt's own methods behind an attribute: ``self.size =
…`` on a QWidget makes ``size()`` fail far from where it was set, and PySide says nothing."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

from PySide6.QtCore import QObject

UI = Path(__file__).resolve().parents[2] / "ui"


def _assigned_attributes(node: ast.ClassDef) -> set[str]:
    names: set[str] = set()
    for sub in ast.walk(node):
        targets: list[ast.expr] = []
        if isinstance(sub, ast.Assign):
            targets = list(sub.targets)
        elif isinstance(sub, ast.AnnAssign):
            targets = [sub.target]
        for target in targets:
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
            ):
                names.add(target.attr)
    return names


def test_no_attribute_shadows_a_qt_method() -> None:
    shadowing = []
    checked = 0
    for path in sorted(UI.rglob("*.py")):
        if path.name == "__init__.py":
            continue
        module = importlib.import_module(
            ".".join(path.relative_to(UI.parent).with_suffix("").parts)
        )
        for node in ast.walk(ast.parse(path.read_text())):
            cls = getattr(module, node.name, None) if isinstance(node, ast.ClassDef) else None
            if not (inspect.isclass(cls) and issubclass(cls, QObject)):
                continue
            assert isinstance(node, ast.ClassDef)
            checked += 1
            qt_bases = [b for b in cls.__mro__ if b.__module__.startswith("PySide6")]
            for attribute in _assigned_attributes(node):
                for base in qt_bases:
                    if callable(vars(base).get(attribute)):
                        where = f"{module.__name__}.{cls.__name__}.{attribute}"
                        shadowing.append(f"{where} hides {base.__name__}.{attribute}()")
    assert checked > 50  # every widget, model and controller of the interface was looked at
    assert not shadowing
