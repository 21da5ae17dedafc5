"""What the presenter view says and how it is marked up: the lines for a step (what the room
has agreed, or the agenda), the live funnel numbers, and the projector's style.

Every piece of the room's text is escaped before it goes into markup, so "<b>" or "a<b"
shows on the wall exactly as typed.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from ui.common.i18n import tr
from ui.common.text import shorten
from workshop.agenda import duration_text, plan_agenda
from workshop.errors import ValidationError
from workshop.funnel import plan
from workshop.model import Workshop
from workshop.step.spec import WallLines
from workshop.steps import SPECS, Step
from workshop.summary import captured
from workshop.timer import Level

Px = Callable[[float], int]  # a size at 1920×1080, in pixels on this window
Line = tuple[str, str]  # (caption or time, text)

# A dark stage: light text on deep slate reads well on projectors and in dim rooms.
BACKGROUND = "#0f172a"
PANEL = "#1e293b"
TEXT = "#f8fafc"
MUTED = "#94a3b8"
ACCENT = "#7aa7ff"
AMBER = "#fbbf24"
RED = "#f87171"

MAX_LINE = 180  # characters of one captured line shown on the wall
MAX_LINES = 7  # captured lines shown; the rest are counted
MAX_AGENDA = 11  # agenda lines shown around the running item
RUNNING = "▶ "  # marks the agenda item the timer runs for


def shows_agenda(step: Step) -> bool:
    """Whether the wall shows the agenda under ``step``'s questions (else what the room has
    agreed so far), as the step declares."""
    return SPECS[step].presenter.lines is WallLines.AGENDA


def shows_funnel(step: Step) -> bool:
    """Whether the wall shows the live funnel numbers for ``step``, as the step declares."""
    return SPECS[step].presenter.funnel


def agenda_lines(workshop: Workshop, running_id: str | None) -> list[Line]:
    slots = {s.item_id: s for s in plan_agenda(workshop.agenda, workshop.start_time).slots}
    lines = []
    for item in workshop.agenda:
        slot = slots.get(item.id)
        when = slot.text if slot is not None else duration_text(item.planned_minutes)
        mark = RUNNING if item.id == running_id else ""
        lines.append((when, mark + shorten(item.title, 120)))
    return around_current(lines) or [("", tr("The agenda is still to be set."))]


def agreed_lines(workshop: Workshop, step: Step) -> list[Line]:
    found = [(shorten(k, 60), shorten(v, MAX_LINE)) for k, v in captured(workshop, step)]
    if not found:
        return [("", tr("Nothing yet — this is where the room decides."))]
    if len(found) > MAX_LINES:
        rest = len(found) - MAX_LINES + 1
        found = [*found[: MAX_LINES - 1], ("", tr("… and {n} more").format(n=rest))]
    return found


def around_current(lines: list[Line]) -> list[Line]:
    """A long agenda shows MAX_AGENDA lines: a little of what is done, the running item, and
    what comes next, with how many more there are either side."""
    if len(lines) <= MAX_AGENDA:
        return lines
    current = next((n for n, (_k, t) in enumerate(lines) if t.startswith(RUNNING)), 0)
    first = max(0, min(current - 2, len(lines) - MAX_AGENDA))
    shown = lines[first : first + MAX_AGENDA]
    if first:
        shown[0] = ("", tr("… {n} earlier").format(n=first + 1))
    after = len(lines) - first - MAX_AGENDA
    if after:
        shown[-1] = ("", tr("… and {n} more").format(n=after + 1))
    return shown


def funnel_numbers(workshop: Workshop) -> tuple[Line, ...] | None:
    """What marketing commits to, per month; None until the funnel's inputs are all agreed."""
    try:
        numbers = plan(workshop.funnel)
    except ValidationError:
        return None
    return (
        (f"{numbers.mqls_per_month:,}", tr("MQLs a month")),
        (f"{numbers.sqls_per_month:,}", tr("SQLs a month")),
        (f"{numbers.deals_per_month:,}", tr("deals a month")),
    )


# -- markup ------------------------------------------------------------------------------------


def rows_html(lines: list[Line], px: Px, key_color: str = ACCENT, key_size: int = 0) -> str:
    """Key/text pairs as a table. The running agenda item is picked out in the accent."""
    gap = px(18)
    size = f"font-size:{key_size}px; " if key_size else ""
    rows = []
    for key, text in lines:
        current = f"; color:{ACCENT}; font-weight:700" if text.startswith(RUNNING) else ""
        rows.append(
            # The key column as narrow as its text, the rest for the text.
            f"<tr><td width='1%' style='color:{key_color}; {size}font-weight:700; "
            f"padding:0 {gap}px {gap}px 0; white-space:nowrap'>{html.escape(key)}</td>"
            f"<td width='99%' style='padding-bottom:{gap}px{current}'>{html.escape(text)}</td>"
            "</tr>"
        )
    return f"<table width='100%' cellspacing='0' cellpadding='0'>{''.join(rows)}</table>"


def stacked_html(lines: list[Line], px: Px) -> str:
    """Caption over text, one block per line."""
    blocks = []
    for key, text in lines:
        caption = (
            f"<div style='color:{MUTED}; font-size:{px(22)}px; font-weight:600'>"
            f"{html.escape(key.upper())}</div>"
            if key
            else ""
        )
        blocks.append(f"{caption}<div style='margin-bottom:{px(20)}px'>{html.escape(text)}</div>")
    return "".join(blocks)


def funnel_html(numbers: tuple[Line, ...] | None, px: Px) -> str:
    if numbers is None:
        return html.escape(tr("The lead numbers appear once the funnel's inputs are agreed."))
    cells = "".join(
        f"<td style='padding-right:{px(56)}px'>"
        f"<div style='color:{ACCENT}; font-size:{px(88)}px; font-weight:700'>"
        f"{html.escape(value)}</div>"
        f"<div style='color:{MUTED}; font-size:{px(24)}px; white-space:nowrap'>"
        f"{html.escape(caption)}</div>"
        "</td>"
        for value, caption in numbers
    )
    return f"<table cellspacing='0' cellpadding='0'><tr>{cells}</tr></table>"


def stylesheet(px: Px, family: str) -> str:
    """Sizes at 1920×1080: questions 34 px and the step title 68 px — readable from about
    10 m on a 2 m wide screen."""
    return f"""
        QWidget#Presenter {{ background: {BACKGROUND}; }}
        QWidget#Presenter QLabel {{ color: {TEXT}; font-family: "{family}"; }}
        QLabel#Muted {{ color: {MUTED}; font-size: {px(26)}px; }}
        QLabel#Now {{ color: {TEXT}; font-size: {px(30)}px; font-weight: 600; }}
        QLabel#Digits {{ font-size: {px(112)}px; font-weight: 700; }}
        QLabel#Digits[level="{Level.AMBER.value}"] {{ color: {AMBER}; }}
        QLabel#Digits[level="{Level.RED.value}"], QLabel#Digits[level="{Level.OVER.value}"] {{
            color: {RED}; }}
        QLabel#Title {{ font-size: {px(68)}px; font-weight: 700; }}
        QLabel#Heading {{ color: {ACCENT}; font-size: {px(24)}px; font-weight: 700; }}
        QLabel#Questions {{ font-size: {px(34)}px; }}
        QLabel#Agreed {{ font-size: {px(30)}px; }}
        QLabel#Funnel {{ font-size: {px(30)}px; }}
        QFrame#Panel {{ background: {PANEL}; border-radius: {px(20)}px; }}
    """
