"""PDFs built and sealed in the helper process: the same result as in the app's process,
refusals come back as the same errors, and a helper that died is replaced."""

from __future__ import annotations

import datetime as dt
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest

from exporters.agreement_pdf import render
from exporters.files import ExportError
from exporters.identity import WrongPassphraseError
from exporters.pdf_process import PdfProcess
from exporters.verify import verify_pdf
from tests.exporters.sealing import PASSPHRASE, make_identity
from workshop.demo import build_demo_workshop
from workshop.demo_history import with_history
from workshop.summary_data import prepare_summary
from workshop.versions import export_target


@pytest.fixture(scope="module")
def helper() -> PdfProcess:
    process = PdfProcess()
    yield process  # type: ignore[misc]
    process.close()


def test_render_in_the_helper_matches_render_here(helper: PdfProcess) -> None:
    w = with_history(
        build_demo_workshop(date(2026, 11, 23)), dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    )
    agreement, version = export_target(w, 1)
    steps: list[tuple[int, int]] = []
    there = helper.render(
        agreement,
        version,
        workshop_id=w.id,
        page_size="Letter",
        app_version="9.9",
        progress=lambda done, total: steps.append((done, total)),
    )
    here = render(agreement, version, workshop_id=w.id, page_size="Letter", app_version="9.9")
    assert (there.pages, there.seal_box, there.missing_glyphs) == (
        here.pages,
        here.seal_box,
        here.missing_glyphs,
    )
    assert there.data.startswith(b"%PDF") and steps and steps[-1][0] <= steps[-1][1]


def test_seal_in_the_helper_verifies_and_a_wrong_passphrase_is_the_same_error(
    helper: PdfProcess, tmp_path: Path
) -> None:
    make_identity(tmp_path)
    w = with_history(
        build_demo_workshop(date(2026, 11, 23)), dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    )
    agreement, version = export_target(w, 1)
    rendered = render(agreement, version, workshop_id=w.id)
    identity = tmp_path / "identity.p12"
    sealed = helper.seal(rendered.data, rendered.seal_box, version.digest, PASSPHRASE, identity)
    assert verify_pdf(sealed, []).digest == version.digest
    with pytest.raises(WrongPassphraseError, match="passphrase does not unlock"):
        helper.seal(rendered.data, rendered.seal_box, version.digest, "wrong", identity)


def test_a_helper_that_died_is_replaced(helper: PdfProcess) -> None:
    w = build_demo_workshop(date(2026, 11, 23))
    agreement, version = export_target(w)
    helper.render(agreement, version, workshop_id=w.id, page_size="A4", app_version="")
    first = helper._process
    assert first is not None
    first.kill()
    first.wait()
    again = helper.render(agreement, version, workshop_id=w.id, page_size="A4", app_version="")
    assert again.pages > 3 and helper._process is not first
    assert helper._process is not None and helper._process.poll() is None


def test_a_bad_page_size_is_refused_with_its_sentence(helper: PdfProcess) -> None:
    w = build_demo_workshop(date(2026, 11, 23))
    agreement, version = export_target(w)
    with pytest.raises(ExportError, match="not a page size Accord prints"):
        helper.render(agreement, version, workshop_id=w.id, page_size="A3", app_version="")


def test_summary_in_the_helper_is_the_same_document(helper: PdfProcess) -> None:
    from pypdf import PdfReader

    from exporters.summary_pdf import summary_pdf

    w = build_demo_workshop(date(2026, 11, 23))
    there = helper.summary(prepare_summary(w, date(2026, 11, 30)))
    here = summary_pdf(prepare_summary(w, date(2026, 11, 30)))
    texts = [
        [page.extract_text() for page in PdfReader(BytesIO(data)).pages] for data in (there, here)
    ]
    assert texts[0] == texts[1] and len(texts[0]) >= 3
