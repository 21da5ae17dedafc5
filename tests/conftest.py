"""Every test runs offscreen, with every user directory pointed at a temporary folder."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _offscreen_screen() -> str:
    """Offscreen Qt with a laptop-sized screen (the plugin's default is 800×600)."""
    config = Path(tempfile.gettempdir()) / "accord-test-screen.json"
    screen = {"name": "Test", "x": 0, "y": 0, "width": 1600, "height": 1000, "dpr": 1}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96}
    config.write_text(json.dumps({"screens": [screen]}))
    return f"offscreen:configfile={config}"


os.environ["QT_QPA_PLATFORM"] = _offscreen_screen()


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        target = home / sub
        target.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(target))
    monkeypatch.delenv("ACCORD_DATABASE_URL", raising=False)
    yield


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


@pytest.fixture
def repo(library_path: Path):  # type: ignore[no-untyped-def]
    from storage.engine import resolve_url
    from storage.library import open_library

    repository = open_library(resolve_url(str(library_path)))
    yield repository
    repository.close()
