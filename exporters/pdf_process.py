"""Build and seal agreement PDFs in a helper process.

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

import multiprocessing
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


_JOBS: dict[str, Callable[[dict[str, Any], Progress], Any]] = {
    "render": _render,
    "seal": _seal,
}


def serve(conn: Connection) -> None:
    """The helper process: answer requests until the pipe closes."""
    while True:
        try:
            kind, payload = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = _JOBS[kind](payload, lambda done, total: conn.send(("progress", done, total)))
        except AccordError as exc:
            conn.send(("refused", type(exc).__name__, exc.message))
        except Exception as exc:  # reported to the app, which shows it as a failure
            conn.send(("failed", type(exc).__name__, str(exc)))
        else:
            conn.send(("done", result))


class PdfProcess:
    """The app's side: one helper process, one request at a time (callers may be on any
    thread; they wait in turn)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conn: Connection | None = None
        self._process: Any = None

    def _ensure(self) -> Connection:
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        self.close()
        context = multiprocessing.get_context("spawn")  # no copy of Qt or the library
        ours, theirs = context.Pipe()
        process = context.Process(target=serve, args=(theirs,), name="accord-pdf", daemon=True)
        process.start()
        theirs.close()
        self._conn, self._process = ours, process
        return ours

    def _call(self, kind: str, payload: dict[str, Any], progress: Progress | None) -> Any:
        with self._lock:
            conn = self._ensure()
            try:
                conn.send((kind, payload))
                while True:
                    message = conn.recv()  # waits without holding the interpreter lock
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

    def close(self) -> None:
        conn, process = self._conn, self._process
        self._conn = self._process = None
        if conn is not None:
            conn.close()
        if process is not None:
            process.join(timeout=2)
            if process.is_alive():
                process.terminate()


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
    """The session's helper process."""
    global _shared
    if _shared is None:
        _shared = PdfProcess()
    return _shared
