"""``accord verify FILE.pdf [--trust CERT.pem]``: the verdict in words and its exit code."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from exporters.identity import UnlockedIdentity, export_certificate
from main import main
from tests.exporters.sealing import DIGEST, make_identity, make_pdf, sealed
from tests.exporters.test_verify import changed_page
from workshop.model import AgreementVersion, VersionStatus, Workshop

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def identity(tmp_path: Path) -> UnlockedIdentity:
    return make_identity(tmp_path / "signer")  # not the user's own: unknown until trusted


@pytest.fixture
def sealed_file(identity: UnlockedIdentity, tmp_path: Path) -> Path:
    path = tmp_path / "agreement.pdf"
    path.write_bytes(sealed(identity))
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_intact_from_an_unknown_signer_exits_0(
    sealed_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "--database", str(tmp_path / "none.sqlite3"), "verify", str(sealed_file)
    )
    assert code == 0, err
    assert out.startswith("Intact and unmodified\n")
    assert "signer not in your trust list" in out
    assert not (tmp_path / "none.sqlite3").exists()  # verifying creates no library


def test_trusting_the_certificate_on_the_command_line(
    sealed_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cert = tmp_path / "dana.cer"
    export_certificate(cert, tmp_path / "signer")
    code, out, _ = run(capsys, "verify", str(sealed_file), "--trust", str(cert))
    assert code == 0
    assert "Sealed by Dana Whitfield, Northwind Analytics (trusted)." in out


def test_a_match_in_the_library_names_the_workshop_and_version(
    sealed_file: Path, library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from storage.engine import resolve_url
    from storage.library import open_library

    repo = open_library(resolve_url(str(library_path)))
    version = AgreementVersion(
        number=3,
        status=VersionStatus.SIGNED,
        snapshot="{}",
        digest=DIGEST,
        created_at=datetime(2026, 11, 20, tzinfo=UTC),
        signed_at=datetime(2026, 11, 21, tzinfo=UTC),
    )
    repo.add(Workshop(title="Q3 <b>alignment</b> & offsite", versions=[version]))
    repo.close()
    code, out, _ = run(capsys, "--database", str(library_path), "verify", str(sealed_file))
    assert code == 0
    assert "This is version 3 of “Q3 <b>alignment</b> & offsite”, sealed by Dana Whitfield." in out


def test_broken_and_modified_exit_1(
    sealed_file: Path,
    identity: UnlockedIdentity,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = sealed_file.read_bytes()
    at = data.index(b"Clause 1.3")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[:at] + b"X" + data[at + 1 :])
    code, out, _ = run(capsys, "verify", str(broken))
    assert code == 1 and out.startswith("Broken\n")

    modified = tmp_path / "modified.pdf"
    modified.write_bytes(changed_page(data))
    code, out, _ = run(capsys, "verify", str(modified))
    assert code == 1 and out.startswith("Modified after sealing\n")
    assert "not the sealed document" in out

    unsealed = tmp_path / "unsealed.pdf"
    unsealed.write_bytes(make_pdf())
    code, out, _ = run(capsys, "verify", str(unsealed))
    assert code == 1 and out.startswith("Broken: no seal\n")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some notes\n", "This file is not a PDF; check that it is the right file.\n"),
        (None, "This file is not a readable PDF"),
    ],
)
def test_unreadable_files_exit_2_with_one_sentence(
    sealed_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    message: str,
) -> None:
    target = tmp_path / "other.pdf"
    data = sealed_file.read_bytes()
    target.write_bytes(content if content is not None else data[: len(data) // 2])
    code, out, err = run(capsys, "verify", str(target))
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1


def test_a_missing_file_or_bad_trust_file_exits_2(
    sealed_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "verify", str(tmp_path / "nowhere.pdf"))
    assert code == 2 and "could not be read" in err
    bogus = tmp_path / "bogus.pem"
    bogus.write_text("not a certificate")
    code, _, err = run(capsys, "verify", str(sealed_file), "--trust", str(bogus))
    assert (
        code == 2
        and err == "bogus.pem is not a certificate; choose a .pem or .cer certificate file.\n"
    )


def test_the_real_command_prints_no_traceback(sealed_file: Path) -> None:
    """pyHanko logs path-building failures with tracebacks; none reach the terminal."""
    result = subprocess.run(
        [sys.executable, "main.py", "verify", str(sealed_file)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert result.stderr == ""
    assert "Traceback" not in result.stdout


def test_export_seal_on_the_demo_workshop_end_to_end(
    tmp_path: Path, library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from exporters.identity import certificate_path, identity_path

    db = str(library_path)
    code, out, _ = run(capsys, "--database", db, "demo")
    workshop_id = out.split()[-1]
    make_identity(identity_path().parent)  # the user's own identity: trusted
    secret = tmp_path / "passphrase.txt"
    secret.write_text("correct horse battery\n")
    target = tmp_path / "sealed.pdf"
    args = ["--seal", str(identity_path()), "--passphrase-file", str(secret)]
    code, out, err = run(
        capsys,
        "--database",
        db,
        "export",
        workshop_id,
        "--out",
        str(target),
        "--version",
        "1",
        *args,
    )
    assert code == 0, err
    code, out, err = run(capsys, "--database", db, "verify", str(target))
    assert code == 0, err
    assert "(trusted)" in out
    assert "This is version 1 of “Sales & Marketing Alignment Offsite”" in out
    pdfsig = subprocess.run(["pdfsig", str(target)], capture_output=True, text=True).stdout
    assert "Total document signed" in pdfsig and "Signature is Valid" in pdfsig
    # pyHanko's own command line, independently, trusting the identity's certificate.
    pyhanko = Path(sys.executable).with_name("pyhanko")
    checked = subprocess.run(
        [
            str(pyhanko),
            "sign",
            "validate",
            "--trust",
            str(certificate_path()),
            str(target),
        ],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.strip().endswith(":INTACT:TRUSTED,UNTOUCHED")

    # The amendment is a draft: it is not sealed, and nothing is written.
    draft = tmp_path / "draft.pdf"
    code, _, err = run(capsys, "--database", db, "export", workshop_id, "--out", str(draft), *args)
    assert code == 1 and "not signed yet" in err and not draft.exists()
    # A wrong passphrase: one sentence, nothing written.
    secret.write_text("not it\n")
    wrong = tmp_path / "wrong.pdf"
    code, _, err = run(
        capsys,
        "--database",
        db,
        "export",
        workshop_id,
        "--out",
        str(wrong),
        "--version",
        "1",
        *args,
    )
    assert code == 1 and not wrong.exists()
    assert err == "The passphrase does not unlock this identity; check it and try again.\n"
