"""Why the window cannot start, as one sentence instead of Qt's abort or a traceback."""

from __future__ import annotations

import os
import re
import sys

SYSTEM_PACKAGES = {  # a library Qt loads at import → the Debian package that has it
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libX11.so.6": "libx11-6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
}


def no_display() -> str | None:
    """Why Qt would find no screen to open the window on, or None.

    Only for the platforms that need a display server (xcb, or Qt's own choice when
    ``QT_QPA_PLATFORM`` is unset): without ``DISPLAY`` (or ``WAYLAND_DISPLAY``) Qt aborts
    with a hint about reinstalling its plugins. Offscreen and other platforms are left to Qt.
    """
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    from workshop.i18n import _

    platforms = [
        p.split(":", 1)[0].strip() for p in os.environ.get("QT_QPA_PLATFORM", "").split(";")
    ]
    if any(p not in {"", "xcb"} for p in platforms):
        return None
    unset = platforms == [""]
    if os.environ.get("DISPLAY") or (unset and os.environ.get("WAYLAND_DISPLAY")):
        return None
    return _(
        "Accord's window needs a desktop session, and none was found "
        "(DISPLAY{wayland} is not set); the commands that need no window, such as "
        "`accord list` and `accord export`, work without one (see `accord --help`)."
    ).format(wayland=" or WAYLAND_DISPLAY" if unset else "")


def missing_library(exc: ImportError) -> str | None:
    """The sentence for a Qt import that failed because a system library is missing."""
    from workshop.i18n import _

    found = re.search(r"(lib[\w.+-]*?\.so(?:\.\d+)*)", str(exc))
    if found is None:
        return None
    library = found.group(1)
    package = SYSTEM_PACKAGES.get(library)
    return _(
        "Accord's window cannot start: the system library {library}{package} is missing; "
        "install the system packages listed under “Start” in README.md "
        "(packages-debian.txt) and try again."
    ).format(library=library, package=f" (Debian package {package})" if package else "")
