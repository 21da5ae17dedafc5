"""Whether a Qt object still exists: work finishing late (a build, an export) checks the
widgets it reports to, since their page or workshop may have closed meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shiboken6 import Shiboken


def alive(obj: object) -> bool:
    """True while ``obj``'s C++ side exists (a deleted widget's Python wrapper lingers)."""
    return obj is not None and Shiboken.isValid(obj)


def while_alive(owner: object, callback: Callable[..., None]) -> Callable[..., None]:
    """``callback``, called only while ``owner`` exists: the reply to work that a dialog or
    page asked for, which the person may have closed before the work ended."""

    def reply(*args: Any) -> None:
        if alive(owner):
            callback(*args)

    return reply
