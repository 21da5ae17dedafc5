"""The take-home outputs are declared once: every entry is complete, and an entry added to
the registry is a sub-command and a File ▸ Take-home Outputs entry with nothing else changed."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from exporters.outputs import OUTPUTS, BuildOptions, Built, Option, Output
from storage.repository import Repository
from workshop.demo import build_demo_workshop
from workshop.model import Workshop

DAY = date(2026, 11, 23)
OPTIONS = BuildOptions(DAY, datetime(2026, 11, 23, 9, 30, tzinfo=UTC), {"timezone": "UTC"})


def _sub_commands() -> dict[str, argparse.ArgumentParser]:
    from cli.parser import build_parser

    parser = build_parser()
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(found[0].choices)


def test_every_output_is_declared_whole() -> None:
    assert list(OUTPUTS) == ["summary", "actions", "calendar"]
    for name, output in OUTPUTS.items():
        assert output.name == name
        assert output.suffix.startswith(".") and f"*{output.suffix}" in output.file_filter
        assert "&" in output.menu_text and output.menu_text.endswith("…"), name
        assert output.help and output.dialog_title and output.file_label, name
        assert "{file}" in output.saved, name
        assert len({o.flag for o in output.options}) == len(output.options), name


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_every_output_builds_from_the_demo_workshop(name: str) -> None:
    built = OUTPUTS[name].build(build_demo_workshop(DAY), OPTIONS)
    assert isinstance(built, Built) and built.data
    assert all(isinstance(note, str) and note for note in built.notes)


def _shout(workshop: Workshop, options: BuildOptions) -> Built:
    text = workshop.title.upper() + options.choices.get("ending", "!")
    return Built(text.encode("utf-8"), (f"Shouted on {options.today.isoformat()}.",))


FAKE = Output(
    name="shout",
    suffix=".txt",
    help="write the workshop's title, loudly",
    menu_text="&Shouted Title (text)…",
    dialog_title="Save shouted title",
    file_label="shout",
    file_filter="Text files (*.txt)",
    saved="Shouted title saved to {file}.",
    build=_shout,
    options=(Option("ending", "TEXT", "what the title ends with"),),
)


@pytest.fixture
def with_fake_output(monkeypatch: pytest.MonkeyPatch) -> Output:
    monkeypatch.setitem(OUTPUTS, FAKE.name, FAKE)
    return FAKE


def test_an_output_added_to_the_registry_is_a_sub_command(
    with_fake_output: Output,
    repo: Repository,
    library_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import main
    from cli.commands import commands

    sub = _sub_commands()
    assert list(sub)[-4:] == ["summary", "actions", "calendar", "shout"]
    assert "shout" in commands()
    usage = sub["shout"].format_usage()
    assert "--out FILE.txt" in usage and "--ending TEXT" in usage

    workshop = build_demo_workshop(DAY)
    repo.add(workshop)
    target = tmp_path / "loud.txt"
    args = ["shout", workshop.id, "--out", str(target), "--ending", "?!"]
    code = main.main(["--database", str(library_path), *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == workshop.title.upper() + "?!"
    assert out == f"{target}\n"
    assert err == f"Note: Shouted on {date.today().isoformat()}.\n"


def test_an_output_added_to_the_registry_is_in_the_take_home_menu(
    qtbot: QtBot, with_fake_output: Output
) -> None:
    from PySide6.QtWidgets import QMenu

    from ui.files.take_home import output_actions

    menu = QMenu()
    exported: list[str] = []
    for action in output_actions(menu, exported.append):
        menu.addAction(action)
    entries = [a.text() for a in menu.actions()]
    assert entries == [
        "Workshop &Summary (PDF)…",
        "&Action Items (CSV)…",
        "Review &Calendar (iCalendar)…",
        "&Shouted Title (text)…",
    ]
    menu.actions()[-1].trigger()
    assert exported == ["shout"]
