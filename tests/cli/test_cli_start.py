"""Starting the window where it cannot start: one sentence, never Qt's abort or a traceback."""

from __future__ import annotations

import importlib.abc
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest

import main
from cli.start import no_display

ROOT = Path(__file__).resolve().parents[2]


def _without_display(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    return env | extra


@pytest.mark.parametrize("platform", [None, "xcb"])
def test_without_a_display_the_app_says_a_desktop_session_is_needed(
    tmp_path: Path, platform: str | None
) -> None:
    env = _without_display(**({"QT_QPA_PLATFORM": platform} if platform else {}))
    result = subprocess.run(
        [sys.executable, "main.py", "--database", str(tmp_path / "lib.sqlite3")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "needs a desktop session" in lines[0]
    assert "`accord list`" in lines[0] and "`accord export`" in lines[0]
    assert not (tmp_path / "lib.sqlite3").exists()  # nothing was opened


@pytest.mark.parametrize(
    ("env", "blocked"),
    [
        ({}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "xcb:foo=1"}, True),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, True),
        ({"DISPLAY": ":0"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":1"}, False),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "offscreen:configfile=/tmp/screen.json"}, False),
        ({"QT_QPA_PLATFORM": "wayland"}, False),
        ({"QT_QPA_PLATFORM": "eglfs"}, False),
    ],
)
def test_which_platforms_need_a_display(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], blocked: bool
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert (no_display() is not None) is blocked


class _MissingSystemLibrary(importlib.abc.MetaPathFinder):
    """Importing ``ui.shell.app`` fails as it does where a library Qt links to is not installed."""

    def __init__(self, message: str) -> None:
        self.message = message

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> None:
        if fullname == "ui.shell.app":
            raise ImportError(self.message)
        return None


def _gui_import_fails(monkeypatch: pytest.MonkeyPatch, message: str) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.delitem(sys.modules, "ui.shell.app", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_MissingSystemLibrary(message), *sys.meta_path])


@pytest.mark.parametrize(
    ("message", "library", "package"),
    [
        ("libEGL.so.1: cannot open shared object file: No such file or directory",
         "libEGL.so.1", "libegl1"),
        ("libxkbcommon.so.0: cannot open shared object file: No such file or directory",
         "libxkbcommon.so.0", "libxkbcommon0"),
        ("libfoo-7.so.3.1: cannot open shared object file: No such file or directory",
         "libfoo-7.so.3.1", None),
    ],
)  # fmt: skip
def test_a_missing_system_library_is_named_in_one_sentence(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    message: str,
    library: str,
    package: str | None,
) -> None:
    _gui_import_fails(monkeypatch, message)
    assert main.main(["--database", str(tmp_path / "lib.sqlite3")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert library in lines[0]
    assert "README.md" in lines[0] and "packages-debian.txt" in lines[0]
    if package:
        assert f"Debian package {package}" in lines[0]
    else:
        assert "Debian package" not in lines[0]
    assert "Traceback" not in err


def test_any_other_import_error_is_not_hidden(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _gui_import_fails(monkeypatch, "cannot import name 'MainWindow' from 'ui.shell.main_window'")
    with pytest.raises(ImportError, match="MainWindow"):
        main.main(["--database", str(tmp_path / "lib.sqlite3")])
