"""Dependency rules: the domain is plain Python; start-up does not load the database stack."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sqlalchemy", "alembic", "reportlab", "pyhanko", "pypdf")


def loaded_after(code: str) -> set[str]:
    env = dict(os.environ)
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {name.split(".")[0] for name in out.split()}


def test_the_domain_imports_no_framework() -> None:
    modules = sorted(p.stem for p in (ROOT / "workshop").glob("*.py") if p.stem != "__init__")
    code = "\n".join(f"import workshop.{m}" for m in modules)
    loaded = loaded_after(code)
    assert not loaded & {"PySide6", "shiboken6", *HEAVY}


def test_starting_the_window_loads_no_database_or_pdf_library() -> None:
    loaded = loaded_after("import main, ui.shell.app, ui.shell.main_window, ui.library.home")
    assert "PySide6" in loaded
    assert not loaded & set(HEAVY)


def test_storage_and_exporters_never_import_the_interface() -> None:
    for package in ("storage", "workshop", "exporters"):
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text()
            assert "from ui" not in text and "import ui" not in text, path
            if package != "storage":
                assert "PySide6" not in text, path


def test_exporters_never_reach_into_storage() -> None:
    """Renderers take prepared data; reading the library is the caller's job."""
    for path in (ROOT / "exporters").rglob("*.py"):
        assert not {"storage"} & _imported_packages(path), path


# Which room of the interface may use which: the toolkit and the document first, then the
# rooms that build on them. The shell (main window, menus) may use every room; a room
# reaches the shell only through ui.shell.bridge, whose protocols say what it may ask.
UI_ROOMS: dict[str, set[str]] = {
    "common": set(),
    "editing": {"common"},
    "steps": {"common", "editing"},
    "room": {"common", "editing", "steps"},
    "capture": {"common", "editing"},
    "sealing": {"common"},
    "agreement": {"common", "editing", "steps", "sealing"},
    "library": {"common"},
    "files": {"common"},
}
BRIDGE = "ui.shell.bridge"


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at run time or for type checking."""
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _imported_packages(path: Path) -> set[str]:
    return {name.split(".")[0] for name in _imports(path)}


def test_the_interface_is_in_rooms_that_say_what_they_hold() -> None:
    import ast

    packages = {p.name for p in (ROOT / "ui").iterdir() if (p / "__init__.py").exists()}
    assert packages == {*UI_ROOMS, "shell"}
    assert not [p.name for p in (ROOT / "ui").glob("*.py") if p.name != "__init__.py"]
    for package in packages:
        doc = ast.get_docstring(ast.parse((ROOT / "ui" / package / "__init__.py").read_text()))
        assert doc and len(doc) > 60, f"ui/{package}/__init__.py should say what lives there"


def test_each_room_uses_only_the_rooms_below_it_and_the_shell_only_through_its_bridge() -> None:
    for room, allowed in UI_ROOMS.items():
        for path in (ROOT / "ui" / room).rglob("*.py"):
            for name in _imports(path):
                parts = name.split(".")
                if parts[0] != "ui" or len(parts) < 2 or parts[1] == room:
                    continue
                if parts[1] == "shell":
                    through_bridge = name == BRIDGE or name.startswith(BRIDGE + ".")
                    assert through_bridge, f"{path.relative_to(ROOT)} imports {name}"
                else:
                    assert parts[1] in allowed, f"{path.relative_to(ROOT)} imports {name}"


def test_the_bridge_costs_nothing_to_import() -> None:
    """Rooms import the bridge for its protocols: it loads no Qt and no other room."""
    loaded = loaded_after("import ui.shell.bridge")
    assert not loaded & {"PySide6", "shiboken6", *HEAVY}
