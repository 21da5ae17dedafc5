"""The portable workshop file's name, version and limits, and its one error."""

from __future__ import annotations

from workshop.errors import AccordError

FORMAT = "accord-workshop"
VERSION = 1
MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 20
MAX_ITEMS = 10_000
# Objects and lists in the whole file, and values (commas + 1): checked before parsing, so
# the memory a file can take is bounded (a real file has a few hundred of each; a drawn
# signature adds a list per point, a few hundred points each).
MAX_CONTAINERS = 200_000
MAX_VALUES = 1_000_000
MAX_CHARS = 1_000_000
MAX_ID_CHARS = 32
MAX_STEP_CHARS = 32
MAX_DECIMAL_CHARS = 64
MAX_DECIMAL_EXPONENT = 120  # 10^±120: far beyond any business figure, cheap to compute with
MAX_INT = 2**31 - 1


class ImportFileError(AccordError):
    """A workshop file that cannot be read; nothing was imported."""
