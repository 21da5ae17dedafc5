"""backup, restore and workshop-import when the disk or the folder is not as expected: one
plain sentence, a non-zero exit, and nothing lost."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import main
from tests.run_accord import accord

ROOT = Path(__file__).resolve().parents[2]


def one_sentence(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].endswith(".")
    return lines[0]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library with the demo workshop, a backup of it and the workshop as a file."""
    path = tmp_path / "library.sqlite3"
    created = accord("--database", str(path), "demo")
    assert created.returncode == 0, created.stderr
    taken = accord("--database", str(path), "backup", "--out", str(tmp_path / "b.sqlite3"))
    assert taken.returncode == 0, taken.stderr
    out = tmp_path / "w.accord.json"
    workshop_id = created.stdout.strip()
    exported = accord("--database", str(path), "workshop-export", workshop_id, "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    return path


def listed(library: Path) -> list[str]:
    return accord("--database", str(library), "list").stdout.splitlines()


def test_a_file_named_backups_beside_the_library(library: Path) -> None:
    in_the_way = library.parent / "backups"
    in_the_way.write_text("my notes about backups\n")
    before = listed(library)

    for args in (
        ["backup"],
        ["workshop-import", str(library.parent / "w.accord.json"), "--as-copy"],
        ["restore", str(library.parent / "b.sqlite3")],
    ):
        sentence = one_sentence(accord("--database", str(library), *args))
        assert "a file has that name" in sentence and "nothing was changed" in sentence
        assert str(in_the_way) in sentence
    assert in_the_way.read_text() == "my notes about backups\n"
    assert listed(library) == before


@pytest.fixture
def snapshot(library: Path) -> Iterator[dict[str, bytes]]:
    """The bytes of every file in the library's folder, to compare after a refusal."""
    sqlite3.connect(library).close()  # the last connection folds the journal into the file
    yield {p.name: p.read_bytes() for p in library.parent.iterdir() if p.is_file()}


def files_now(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main.main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.err.strip()


def test_restore_on_a_read_only_disk_is_one_sentence(
    library: Path,
    snapshot: dict[str, bytes],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real_access = os.access

    def read_only_mount(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        # What access() says for every file on a read-only mount, even to root.
        if mode & os.W_OK and Path(path).is_relative_to(library.parent):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", read_only_mount)
    code, err = run_main(
        capsys, "--database", str(library), "restore", str(library.parent / "b.sqlite3")
    )
    assert code == 1 and len(err.splitlines()) == 1
    assert "read-only" in err and "nothing was restored" in err
    assert files_now(library.parent) == snapshot


def test_restore_when_writing_fails_with_erofs_is_one_sentence(
    library: Path,
    snapshot: dict[str, bytes],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The mount turns read-only after the checks (or access() does not know): every
    write into the folder fails with EROFS."""
    folder = library.parent
    real_open, real_unlink, real_mkdir = os.open, os.unlink, os.mkdir

    def erofs(path: Any) -> OSError:
        return OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT
        if flags & writes and Path(path).parent == folder / "backups":
            raise erofs(path)
        return real_open(path, flags, *args, **kwargs)

    def unlink(path: Any, *args: Any, **kwargs: Any) -> None:
        if Path(path).parent == folder / "backups":
            raise erofs(path)
        real_unlink(path, *args, **kwargs)

    def mkdir(path: Any, *args: Any, **kwargs: Any) -> None:
        if Path(path).parent == folder:
            raise erofs(path)
        real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(os, "mkdir", mkdir)
    code, err = run_main(capsys, "--database", str(library), "restore", str(folder / "b.sqlite3"))
    assert code == 1 and len(err.splitlines()) == 1, err
    assert "Read-only file system" in err and "nothing was changed" in err
    assert files_now(folder) == snapshot


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A real tmpfs, remounted read-only by the test; skipped where mounting is not allowed."""
    mount = tmp_path / "mnt"
    mount.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    done = subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("mounting a file system is not allowed here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def test_on_a_real_read_only_mount_every_command_is_one_sentence(
    read_only_mount: Path, tmp_path: Path
) -> None:
    library = read_only_mount / "library.sqlite3"
    assert accord("--database", str(library), "demo").returncode == 0
    backup = tmp_path / "b.sqlite3"
    assert accord("--database", str(library), "backup", "--out", str(backup)).returncode == 0
    out = tmp_path / "w.accord.json"
    workshop_id = listed(library)[0].split("\t")[0]
    assert (
        accord(
            "--database", str(library), "workshop-export", workshop_id, "--out", str(out)
        ).returncode
        == 0
    )
    sqlite3.connect(library).close()
    remounted = subprocess.run(
        ["mount", "-o", "remount,ro", str(read_only_mount)], capture_output=True
    )
    assert remounted.returncode == 0, remounted.stderr
    before = files_now(read_only_mount)
    for args in (["restore", str(backup)], ["backup"], ["workshop-import", str(out), "--as-copy"]):
        sentence = one_sentence(accord("--database", str(library), *args))
        assert "read-only" in sentence
    assert files_now(read_only_mount) == before


def test_restore_says_what_it_kept(library: Path, tmp_path: Path) -> None:
    backup = library.parent / "b.sqlite3"
    restored = accord("--database", str(library), "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    kept = Path(restored.stdout.strip().rsplit(" kept as ", 1)[1].rstrip("."))
    assert kept.exists() and kept.parent == library.parent / "backups"

    fresh = tmp_path / "new library.sqlite3"
    into_new = accord("--database", str(fresh), "restore", str(backup))
    assert into_new.returncode == 0, into_new.stderr
    assert "kept as" not in into_new.stdout
    assert len(listed(fresh)) == 1


def test_restore_will_not_overwrite_another_programs_database(library: Path) -> None:
    other = library.parent / "invoices.db"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    db.commit()
    db.close()
    before = other.read_bytes()
    sentence = one_sentence(
        accord("--database", str(other), "restore", str(library.parent / "b.sqlite3"))
    )
    assert "not an Accord library" in sentence and "nothing was restored" in sentence
    assert other.read_bytes() == before
