"""Run by ``ui-stall`` in a child process: export and seal a large workshop through the app's
own code (``ui.agreement.output.AgreementOutput`` with the real ``TaskRunner``) while a 5 ms
timer on the GUI thread notes how late it fires.

``python -m bench.stall_child FACTOR OUT``: makes a signing identity in the (temporary) user
data folder, lets the timer run on the idle window for a second, then builds the newest
agreement version of the demo grown FACTOR times, seals it and writes it, as Export does
after its dialogs. Writes "worst-lateness-ms ticks export-ms pages idle-worst-ms" to OUT (the
last for the idle second: what the machine's own load costs the timer). Exit status 3 if
the export did not finish within a minute.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

TICK_MS = 5
IDLE_MS = 1000
PASSPHRASE = "correct horse battery staple"


def main(factor: int, out: Path) -> int:
    from bench.workshops import grown
    from exporters.identity import create_identity
    from storage.engine import resolve_url
    from storage.library import open_library
    from ui.agreement.output import AgreementOutput, Built
    from ui.common.tasks import TaskRunner
    from ui.editing.document import WorkshopDocument
    from ui.shell.app import make_application, style
    from workshop.versions import export_target

    create_identity("Bench Sealer", "Harbourline Software GmbH", "", PASSPHRASE)
    app = make_application()
    style(app)
    owner = QMainWindow()
    owner.resize(1200, 780)
    owner.show()
    folder = Path(tempfile.mkdtemp(prefix="accord-stall-"))
    repo = open_library(resolve_url(str(folder / "library.sqlite3")))
    workshop = grown(factor)
    repo.add(workshop)
    doc = WorkshopDocument(workshop, repo, owner, runner=TaskRunner(owner))
    output = AgreementOutput(owner, doc)
    _agreement, version = export_target(workshop)
    target = folder / "agreement.pdf"

    ticks: list[int] = []
    worst = [0.0]
    idle_worst = [0.0]
    began: list[int] = []
    built: list[Built] = []

    def tick() -> None:
        now = time.perf_counter_ns()
        if ticks:
            worst[0] = max(worst[0], (now - ticks[-1]) / 1e6 - TICK_MS)
        ticks.append(now)
        if output.last_message and len(ticks) > 1:
            finish()

    def finish() -> None:
        timer.stop()
        export_ms = (time.perf_counter_ns() - began[0]) / 1e6
        pages = built[0].pages if built else 0
        out.write_text(
            f"{worst[0]} {len(ticks)} {export_ms} {pages} {idle_worst[0]}\n", encoding="utf-8"
        )
        QApplication.quit()

    def write(b: Built) -> None:
        built.append(b)
        output._write(b, target, PASSPHRASE)

    def export() -> None:
        idle_worst[0] = worst[0]
        worst[0] = 0.0
        del ticks[:-1]
        began.append(time.perf_counter_ns())
        output._build(version.number, "A4", write)  # what Export runs after its dialogs

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(IDLE_MS, export)  # the timer runs on the idle window first
    QTimer.singleShot(60_000, lambda: app.exit(3))
    code = app.exec()
    doc.runner.wait()
    repo.close()
    if code == 0 and not target.read_bytes().startswith(b"%PDF-"):
        return 4
    return code


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), Path(sys.argv[2])))
