"""The visible seal stamp: a one-page PDF the size of the reserved box, drawn with ReportLab.

It says who sealed the document, for which organisation, when, and the start of the
agreement digest. Text is set in the agreement's embedded TrueType faces (any script the
installed fonts cover) and is drawn as text, never parsed as markup.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from workshop.i18n import _

LARGEST = 9.0
SMALLEST = 5.0
PAD = 6.0
INK = (0.11, 0.23, 0.40)


@dataclass(frozen=True)
class StampText:
    signer: str
    organization: str
    when: datetime
    digest: str

    def lines(self) -> list[tuple[str, bool]]:
        """(text, bold) lines, top to bottom."""
        short = " ".join(self.digest[i : i + 4] for i in range(0, 16, 4))
        out = [(_("Sealed by {signer}").format(signer=self.signer), True)]
        if self.organization:
            out.append((self.organization, False))
        out.append((self.when.strftime("%Y-%m-%d %H:%M %Z").strip(), False))
        out.append((_("Agreement SHA-256 {digest}…").format(digest=short), False))
        return out


def _fit(text: str, width: float, size: float, face: str) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, face, size) <= width:
        return text
    while text and stringWidth(text + "…", face, size) > width:
        text = text[:-1]
    return text + "…"


def render_stamp(text: StampText, width: float, height: float) -> bytes:
    """A PDF of one ``width`` × ``height`` pt page showing the stamp."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    from exporters.fonts import BOLD, REGULAR, fonts

    font_set = fonts()
    lines = text.lines()
    # The largest size at which the lines fit the height (the width is fitted per line).
    size = LARGEST
    while size > SMALLEST and len(lines) * size * 1.3 > height - 2 * PAD:
        size -= 0.5
    inner = width - 2 * PAD - 4

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(_("Seal"))
    canvas.setStrokeColorRGB(*INK)
    canvas.setFillColorRGB(0.95, 0.97, 1.0)
    canvas.setLineWidth(1.2)
    canvas.roundRect(1, 1, width - 2, height - 2, 5, stroke=1, fill=1)
    canvas.setFillColorRGB(*INK)
    canvas.rect(PAD - 2, PAD - 2, 2, height - 2 * PAD + 4, stroke=0, fill=1)

    block = len(lines) * size * 1.3
    y = (height + block) / 2 - size
    for line, bold in lines:
        base = BOLD if bold else REGULAR
        fitted = _fit(line, inner, size, base)
        x = PAD + 4
        for face, chars in font_set.runs(fitted, base):
            name = face or base
            canvas.setFont(name, size)
            canvas.drawString(x, y, chars)
            x += stringWidth(chars, name, size)
        y -= size * 1.3
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
