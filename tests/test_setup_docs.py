"""README's set-up lines and .ci/run agree with packages-debian.txt, the one package list."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
LAUNCH = "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/accord"
TEST = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"


def package_groups() -> dict[str, list[str]]:
    """``[group]`` → its packages, in file order."""
    groups: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in (ROOT / "packages-debian.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        header = re.fullmatch(r"\[([\w-]+)\]", line)
        if header:
            current = groups.setdefault(header.group(1), [])
        elif line:
            assert current is not None, f"a package before any [group]: {raw}"
            current.extend(line.split())
    return groups


def readme_commands() -> list[str]:
    """The lines of README's ``sh`` code blocks."""
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def installed_by(command: str) -> list[str]:
    """The packages an ``… apt-get install -y --no-install-recommends P …`` line names."""
    words = shlex.split(command)
    packages: list[str] = []
    for i, word in enumerate(words):
        if word == "install" and i > 0 and words[i - 1] == "apt-get":
            for rest in words[i + 1 :]:
                if rest in {"&&", ";", "||"}:
                    break
                if not rest.startswith("-"):
                    packages.append(rest)
    return packages


def test_the_package_list_has_an_app_group_and_a_tests_group_without_repeats() -> None:
    groups = package_groups()
    assert list(groups) == ["app", "tests"]
    everything = groups["app"] + groups["tests"]
    assert len(everything) == len(set(everything))
    for name in everything:
        assert re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", name), name


def test_readme_installs_exactly_the_listed_packages() -> None:
    groups = package_groups()
    installs = [line for line in readme_commands() if "apt-get install" in line]
    assert [installed_by(line) for line in installs] == [groups["app"], groups["tests"]]
    for line in installs:
        assert "-y" in line.split() and "--no-install-recommends" in line.split()
    assert installs[0].startswith("apt-get update && apt-get install")


def test_readme_gives_the_launch_command_and_ci_runs_its_test_command_verbatim() -> None:
    commands = readme_commands()
    assert LAUNCH in commands and TEST in commands
    lines = CI.splitlines()
    at = lines.index("# README's test command, verbatim:")
    assert lines[at + 1] == TEST


def test_ci_installs_what_the_list_says_and_names_no_package_itself() -> None:
    groups = package_groups()
    start = CI.index("packages=()")
    end = CI.index("done <packages-debian.txt") + len("done <packages-debian.txt")
    script = CI[start:end] + '\nprintf "%s\\n" "${packages[@]}"\n'
    printed = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert printed == groups["app"] + groups["tests"]
    rest = CI.replace(TEST, "")  # the one place a package's name (python3) is a command
    for name in printed:
        assert not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w.-])", rest), name
