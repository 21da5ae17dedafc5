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
