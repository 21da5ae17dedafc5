"""Build and seal agreement PDFs (and build workshop summaries) in a helper process.

ReportLab and pyHanko are pure Python doing a lot of work: in the app's own process they
share one interpreter lock with the window, and each full garbage collection of a large
document (walking everything it built) held that lock for ~100 ms — the window froze. In a
process of their own they cannot stop the window at all. The helper starts on first use,
stays for the session (so only the first export pays for importing ReportLab and loading the
fonts) and answers one request at a time over a pipe: progress as it goes, then the result
or the error's sentence. It never touches the library; the passphrase crosses the pipe in
memory only.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from exporters.files import ExportError
from workshop.agreement import Agreement
from workshop.errors import AccordError
from workshop.i18n import _
from workshop.model import AgreementVersion
from workshop.summary_data import SummaryData

Progress = Callable[[int, int], None]
SealBox = tuple[int, tuple[float, float, float, float]]


@dataclass(frozen=True)
class Rendered:
    """What :func:`exporters.agreement_pdf.render` returns, in plain values (unpickling it
    must not import ReportLab into the app's process)."""

    data: bytes
    pages: int
    seal_box: SealBox
    missing_glyphs: tuple[str, ...]


def _render(payload: dict[str, Any], report: Progress) -> Rendered:
    from exporters.agreement_pdf import render

    rendered = render(
        payload["agreement"],
        payload["version"],
        workshop_id=payload["workshop_id"],
        page_size=payload["page_size"],
        app_version=payload["app_version"],
        progress=report,
    )
    return Rendered(rendered.data, rendered.pages, rendered.seal_box, rendered.missing_glyphs)


def _seal(payload: dict[str, Any], _report: Progress) -> bytes:
    from exporters.identity import unlock
    from exporters.seal import seal_pdf

    identity = unlock(payload["passphrase"], Path(payload["identity"]))
    return seal_pdf(payload["data"], identity, payload["seal_box"], payload["digest"])


def _summary(payload: dict[str, Any], _report: Progress) -> bytes:
    from exporters.summary_pdf import summary_pdf

    data: bytes = summary_pdf(payload["summary"])
    return data


_JOBS: dict[str, Callable[[dict[str, Any], Progress], Any]] = {
    "render": _render,
    "seal": _seal,
    "summary": _summary,
}


def serve(requests: Connection, answers: Connection) -> None:
    """The helper process: answer requests until the app closes its end (or goes away)."""
    while True:
        try:
            kind, payload = requests.recv()
        except (EOFError, OSError):
            return
        try:
            result = _JOBS[kind](
                payload, lambda done, total: answers.send(("progress", done, total))
            )
        except AccordError as exc:
            answers.send(("refused", type(exc).__name__, exc.message))
        except Exception as exc:  # reported to the app, which shows it as a failure
            answers.send(("failed", type(exc).__name__, str(exc)))
        else:
            answers.send(("done", result))


class PdfProcess:
    """The app's side: one helper process, one request at a time (callers may be on any
    thread; they wait in turn)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: Connection | None = None
        self._answers: Connection | None = None
        self._process: subprocess.Popen[bytes] | None = None

    def _ensure(self) -> tuple[Connection, Connection]:
        alive = self._process is not None and self._process.poll() is None
        if alive and self._requests is not None and self._answers is not None:
            return self._requests, self._answers
        self.close()
        # A fresh interpreter running this module (not a fork: no copy of Qt or the
        # library; not multiprocessing's spawn, which re-runs the app's main script).
        to_helper, requests = os.pipe()
        answers, from_helper = os.pipe()
        env = dict(os.environ)  # this Accord's own modules first, installed or not
        root = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        self._process = subprocess.Popen(
            [sys.executable, "-m", "exporters.pdf_process", str(to_helper), str(from_helper)],
            pass_fds=(to_helper, from_helper),
            stdin=subprocess.DEVNULL,
            env=env,
        )
        os.close(to_helper)
        os.close(from_helper)
        self._requests = Connection(requests, readable=False)
        self._answers = Connection(answers, writable=False)
        return self._requests, self._answers

    def _call(self, kind: str, payload: dict[str, Any], progress: Progress | None) -> Any:
        with self._lock:
            requests, answers = self._ensure()
            try:
                requests.send((kind, payload))
                while True:
                    message = answers.recv()  # waits without holding the interpreter lock
                    if message[0] == "progress":
                        if progress is not None:
                            progress(message[1], message[2])
                        continue
                    break
            except (EOFError, OSError, BrokenPipeError):
                self.close()
                raise ExportError(
                    _("The PDF builder stopped unexpectedly; nothing was written. Try again.")
                ) from None
        if message[0] == "done":
            return message[1]
        if message[0] == "refused":
            raise _rebuilt(message[1], message[2])
        raise ExportError(
            _("The PDF could not be built ({kind}: {detail}); nothing was written.").format(
                kind=message[1], detail=message[2]
            )
        )

    def render(
        self,
        agreement: Agreement,
        version: AgreementVersion,
        *,
        workshop_id: str,
        page_size: str,
        app_version: str,
        progress: Progress | None = None,
    ) -> Rendered:
        """Like :func:`exporters.agreement_pdf.render`, in the helper process."""
        payload = {
            "agreement": agreement,
            "version": version,
            "workshop_id": workshop_id,
            "page_size": page_size,
            "app_version": app_version,
        }
        rendered: Rendered = self._call("render", payload, progress)
        return rendered

    def seal(
        self, data: bytes, seal_box: SealBox, digest: str, passphrase: str, identity: Path
    ) -> bytes:
        """Seal ``data`` with the identity stored at ``identity``, in the helper process."""
        payload = {
            "data": data,
            "seal_box": seal_box,
            "digest": digest,
            "passphrase": passphrase,
            "identity": str(identity),
        }
        sealed: bytes = self._call("seal", payload, None)
        return sealed

    def summary(self, summary: SummaryData) -> bytes:
        """Like :func:`exporters.summary_pdf.summary_pdf`, in the helper process."""
        data: bytes = self._call("summary", {"summary": summary}, None)
        return data

    def close(self) -> None:
        """End the helper: it stops when its end of the pipe closes."""
        for conn in (self._requests, self._answers):
            if conn is not None:
                conn.close()
        process, self._process = self._process, None
        self._requests = self._answers = None
        if process is not None:
            try:
                process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _rebuilt(name: str, message: str) -> AccordError:
    """The helper's refusal as the same kind of error, so callers can tell them apart."""
    from exporters import identity, seal

    for module in (identity, seal):
        kind = getattr(module, name, None)
        if isinstance(kind, type) and issubclass(kind, AccordError):
            return kind(message)
    return ExportError(message)


_shared: PdfProcess | None = None


def shared() -> PdfProcess:
    """The session's helper process (ended when the app exits)."""
    global _shared
    if _shared is None:
        _shared = PdfProcess()
        atexit.register(_shared.close)
    return _shared


if __name__ == "__main__":
    # Run as a script, this file is ``__main__``; serve from the module itself so that what
    # goes back over the pipe is pickled under its importable name.
    from exporters.pdf_process import serve as serve_from_module

    serve_from_module(
        Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False)
    )
