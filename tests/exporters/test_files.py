"""Atomic writes: the target is the old file or the new one, never half of either."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from exporters import files
from exporters.files import ExportError, write_atomically
from workshop.errors import AccordError


def test_writes_a_new_file_and_replaces_an_old_one(tmp_path: Path) -> None:
    target = tmp_path / "Agreement v2.pdf"
    write_atomically(target, b"first")
    assert target.read_bytes() == b"first"
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Agreement v2.pdf"]


def test_a_failed_write_leaves_the_existing_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "agreement.pdf"
    target.write_bytes(b"the signed one")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(ExportError) as caught:
        write_atomically(target, b"x" * 100_000)
    assert str(caught.value) == (
        "The disk is full, so agreement.pdf was not written; free some space and try again."
    )
    assert isinstance(caught.value, AccordError)
    assert target.read_bytes() == b"the signed one"
    assert [p.name for p in tmp_path.iterdir()] == ["agreement.pdf"]  # no temp file left


def test_a_failed_rename_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "agreement.pdf"
    target.write_bytes(b"old")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(ExportError, match="may not write to the folder"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["agreement.pdf"]


def test_a_missing_folder_is_one_sentence(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "agreement.pdf"
    with pytest.raises(ExportError) as caught:
        write_atomically(target, b"data")
    assert str(caught.value) == (
        f"The folder {target.parent} does not exist; choose another place to save agreement.pdf."
    )


def test_an_unwritable_folder_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:  # root may write anywhere: make the folder refuse as it would a user

        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        with pytest.raises(ExportError) as caught:
            write_atomically(folder / "agreement.pdf", b"data")
    finally:
        folder.chmod(0o700)
    assert str(caught.value) == (
        f"Accord may not write to the folder {folder}; choose another place to save agreement.pdf."
    )
    assert list(folder.iterdir()) == []


def test_a_folder_as_target_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder; choose a file name"):
        write_atomically(tmp_path, b"data")
