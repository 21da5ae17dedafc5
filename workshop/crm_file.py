"""Reading a CRM export (CSV) into records: encoding, delimiter, decimal mark and date
order detected, headers mapped by a preset or a mapping file, one record or one row error
per line, streamed so that memory stays flat however long the file.

A file that cannot be read, or lacks the id or every stage column, raises
:class:`CrmFileError` (one sentence); a bad row is yielded as a :class:`RowError` with its
line number. Stage moments come out as aware UTC datetimes: a timestamp without a zone is
local wall time (of ``zone``, else of this computer).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

from workshop.crm_presets import FIELDS, ID, STAGES, Preset, header_key, recognise
from workshop.errors import AccordError
from workshop.i18n import _

DELIMITERS = (",", ";", "\t", "|")
MAX_E4 = 2**63 - 1
CHUNK = 1 << 20
CACHED = 100_000  # distinct texts remembered per column kind (dates, amounts, stages)

M = TypeVar("M")
# What :meth:`CrmFile.values` yields for a record: id, the five stage moments (as the
# caller converts them), amount in ten-thousandths, owner, source, line number.
Values = tuple[str, M | None, M | None, M | None, M | None, M | None, int | None, str, str, int]


class CrmFileError(AccordError):
    """A CRM export that cannot be imported as a whole; nothing was imported."""


class AmbiguousDatesError(CrmFileError):
    """Every slashed date in the file reads as day/month as well as month/day."""


@dataclass(frozen=True, slots=True)
class CrmRecord:
    crm_id: str
    mql_at: datetime | None
    sal_at: datetime | None
    sql_at: datetime | None
    won_at: datetime | None
    first_touch_at: datetime | None
    amount_e4: int | None
    owner: str
    source: str
    line: int


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    reason: str


@dataclass(frozen=True)
class Mapping:
    """What a mapping file says: field → header, and the file's conventions if known."""

    columns: dict[str, str]
    delimiter: str | None = None
    decimal: str | None = None
    date_format: str | None = None


@dataclass(frozen=True)
class ReadOptions:
    preset: str = "auto"
    mapping: Mapping | None = None
    date_format: str | None = None
    zone: tzinfo | None = None  # of timestamps without one; None: this computer's


def load_mapping(text: str, where: str) -> Mapping:
    """The mapping file's content; :class:`CrmFileError` naming what is wrong."""
    try:
        data: Any = json.loads(text)
    except ValueError as exc:
        raise CrmFileError(
            _("The mapping file “{where}” is not JSON ({reason}).").format(where=where, reason=exc)
        ) from exc
    columns = data.get("columns", {}) if isinstance(data, dict) else None
    if not isinstance(columns, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in columns.items()
    ):
        raise CrmFileError(
            _(
                "The mapping file “{where}” needs a “columns” object of field names and headers."
            ).format(where=where)
        )
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise CrmFileError(
            _("The mapping file “{where}” names unknown fields ({unknown}); use {fields}.").format(
                where=where, unknown=", ".join(unknown), fields=", ".join(FIELDS)
            )
        )
    extra = {k: data.get(k) for k in ("delimiter", "decimal", "date_format")}
    for key, value in extra.items():
        if value is not None and (not isinstance(value, str) or not value):
            raise CrmFileError(
                _("In the mapping file “{where}”, “{key}” must be a text.").format(
                    where=where, key=key
                )
            )
    if extra["delimiter"] is not None and len(extra["delimiter"]) != 1:
        raise CrmFileError(
            _("In the mapping file “{where}”, the delimiter must be one character.").format(
                where=where
            )
        )
    if extra["decimal"] not in (None, ".", ","):
        raise CrmFileError(
            _("In the mapping file “{where}”, the decimal mark must be “.” or “,”.").format(
                where=where
            )
        )
    return Mapping(
        {k: v for k, v in columns.items() if v.strip()},
        extra["delimiter"],
        extra["decimal"],
        extra["date_format"],
    )


# -- values -------------------------------------------------------------------------------

_TIME = r"(?:,?[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6})\d*)?)?)?"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME + r"\s*(Z|UTC|[+-]\d{2}:?\d{2})?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})" + _TIME)
_ANY_SLASHED = re.compile(r"\d/\d{1,2}/\d{4}")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})" + _TIME + r"\s*([AaPp][Mm])?")


class _DateParser(Generic[M]):
    """Stage moments from text, in the file's date order, to aware UTC datetimes, and
    those through ``convert``; each distinct text is parsed and converted once."""

    def __init__(
        self,
        day_first: bool | None,
        date_format: str | None,
        zone: tzinfo | None,
        convert: Callable[[datetime], M],
    ):
        self.day_first = day_first
        self.date_format = date_format
        self.zone = zone
        self.convert = convert
        self._cache: dict[str, M] = {}

    def __call__(self, text: str) -> M:
        found = self._cache.get(text)
        if found is None:
            found = self.convert(self._parse(text))
            if len(self._cache) < CACHED:
                self._cache[text] = found
        return found

    def _to_utc(self, moment: datetime) -> datetime:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.zone) if self.zone else moment.astimezone()
        return moment.astimezone(UTC)

    def _parse(self, text: str) -> datetime:
        if self.date_format:
            try:
                return self._to_utc(datetime.strptime(text, self.date_format))
            except ValueError:
                pass
        zone: str | None = None
        if m := _ISO.fullmatch(text):
            y, mo, d, h, mi, s, frac, zone = m.groups()
        elif m := _DOTTED.fullmatch(text):
            d, mo, y, h, mi, s, frac = m.groups()
        elif m := _SLASHED.fullmatch(text):
            a, b, y, h, mi, s, frac, half = m.groups()
            if self.day_first is None:
                raise ValueError("ambiguous")
            d, mo = (a, b) if self.day_first else (b, a)
            if half and h:
                if not 1 <= int(h) <= 12:
                    raise ValueError("hour")
                h = str(int(h) % 12 + (12 if half.lower() == "pm" else 0))
        else:
            raise ValueError("shape")
        micro = int((frac or "0").ljust(6, "0"))
        moment = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0), micro)
        if zone and zone not in ("Z", "UTC"):
            moment = datetime.fromisoformat(f"{moment.isoformat()}{zone[:3]}:{zone[-2:]}")
        elif zone:
            moment = moment.replace(tzinfo=UTC)
        return self._to_utc(moment)


_JUNK = str.maketrans("", "", " \u00a0\u202f'’€$£¥")
_PLAIN = re.compile(r"(-?)([0-9]{1,18})(?:\.([0-9]{0,4}))?")


def parse_amount(text: str, decimal: str) -> int:
    """The amount in ten-thousandths, exactly; ValueError for anything else."""
    cleaned = text.translate(_JUNK)
    for code in ("EUR", "USD", "GBP", "CHF"):
        cleaned = cleaned.removeprefix(code).removesuffix(code)
    if decimal == ",":
        cleaned = cleaned.replace(".", "").replace(",", ".")
    else:
        cleaned = cleaned.replace(",", "")
    if plain := _PLAIN.fullmatch(cleaned):  # the usual case, without Decimal
        sign, units, e4 = plain.groups()
        number_e4 = int(units) * 10_000 + int((e4 or "").ljust(4, "0"))
        if number_e4 > MAX_E4:
            raise ValueError("too large")
        return -number_e4 if sign else number_e4
    try:
        number = Decimal(cleaned) * 10_000
    except InvalidOperation as exc:
        raise ValueError("not a number") from exc
    if not number.is_finite() or number != number.to_integral_value():
        raise ValueError("more than four decimals" if number.is_finite() else "not a number")
    if abs(number) > MAX_E4:
        raise ValueError("too large")
    return int(number)


def _decimal_hint(text: str) -> str | None:
    """``.`` or ``,`` if this amount shows which one is the decimal mark."""
    digits = text.translate(_JUNK)
    last_dot, last_comma = digits.rfind("."), digits.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        return "." if last_dot > last_comma else ","
    for mark, other in ((",", "."), (".", ",")):
        if digits.count(mark) == 1 and other not in digits:
            tail = digits.rsplit(mark, 1)[1]
            return mark if len(tail) != 3 else None
        if digits.count(mark) > 1:
            return other
    return None


# -- the file -----------------------------------------------------------------------------


def _encoding(raw: IO[bytes]) -> str:
    """UTF-8 (with or without BOM), UTF-16 with its BOM, else Windows-1252."""
    head = raw.read(4)
    raw.seek(0)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := raw.read(CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"
    finally:
        raw.seek(0)


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


class CrmFile:
    """One CRM export, opened and its layout worked out; :meth:`records` streams it.

    ``source`` is a path, or the file's bytes (for tests and pasted data)."""

    def __init__(self, source: Path | bytes, options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions()
        self.where = str(source) if isinstance(source, Path) else _("the pasted data")
        self.source = source
        mapping = self.options.mapping
        try:
            with self._open_bytes() as raw:
                self.total_bytes = raw.seek(0, io.SEEK_END)
                raw.seek(0)
                self.encoding = _encoding(raw)
                with self._text(raw) as text:
                    first = text.readline()
        except (OSError, UnicodeError) as exc:
            raise self._unreadable(exc) from exc
        self.delimiter = (mapping and mapping.delimiter) or _delimiter(first)
        self.headers = next(csv.reader([first], delimiter=self.delimiter), [])
        self.preset, self.columns = self._columns()
        self.date_format = self.options.date_format or (mapping and mapping.date_format) or None
        self.bytes_read = 0
        self.decimal = (mapping and mapping.decimal) or None
        self.day_first = _order_of(self.date_format)
        if self.decimal is None or (self.day_first is None and not self.date_format):
            self._survey()

    # -- opening ------------------------------------------------------------------------

    def _open_bytes(self) -> IO[bytes]:
        if isinstance(self.source, bytes):
            return io.BytesIO(self.source)
        return self.source.open("rb")

    def _text(self, raw: IO[bytes]) -> io.TextIOWrapper:
        return io.TextIOWrapper(raw, encoding=self.encoding, newline="")

    def _unreadable(self, exc: BaseException) -> CrmFileError:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return CrmFileError(
            _("The CRM export “{where}” cannot be read ({reason}); nothing was imported.").format(
                where=self.where, reason=reason
            )
        )

    def _columns(self) -> tuple[Preset | None, dict[str, int]]:
        """The preset recognised (if any) and field → column index."""
        mapping = self.options.mapping
        preset = recognise(self.headers, self.options.preset)
        if preset is None and mapping is None:
            which = self.options.preset if self.options.preset != "auto" else _("a known CRM")
            raise CrmFileError(
                _(
                    "The columns of “{where}” are not those of {which} export; "
                    "say which column holds what in a mapping file (--mapping)."
                ).format(where=self.where, which=which)
            )
        named = dict(preset.resolve(self.headers)) if preset else {}
        named |= mapping.columns if mapping else {}
        index = {header_key(h): i for i, h in reversed(list(enumerate(self.headers)))}
        columns: dict[str, int] = {}
        for name, header in named.items():
            if header_key(header) not in index:
                raise CrmFileError(
                    _("The CRM export “{where}” has no column “{header}” (for {field}).").format(
                        where=self.where, header=header, field=name
                    )
                )
            columns[name] = index[header_key(header)]
        if ID not in columns:
            raise CrmFileError(
                _("The CRM export “{where}” has no id column; name it in the mapping file.").format(
                    where=self.where
                )
            )
        if not any(stage in columns for stage in STAGES):
            raise CrmFileError(
                _(
                    "The CRM export “{where}” has no stage column (MQL, SAL, SQL, won or "
                    "first touch date); name one in the mapping file."
                ).format(where=self.where)
            )
        won = preset.won_header(self.headers) if preset else None
        if won is not None and "won_at" in columns:
            columns["won?"] = index[header_key(won)]
        return preset, columns

    def _rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line number, cells) of each data row; the bytes read so far kept up to date."""
        try:
            with self._open_bytes() as raw, self._text(raw) as text:
                reader = csv.reader(text, delimiter=self.delimiter, strict=False)
                next(reader, None)
                line = reader.line_num
                for cells in reader:
                    if cells:
                        if not reader.line_num & 1023:
                            self.bytes_read = raw.tell()
                        yield line + 1, cells
                    line = reader.line_num
                self.bytes_read = self.total_bytes
        except (OSError, UnicodeError, csv.Error) as exc:
            raise self._unreadable(exc) from exc

    def _survey(self) -> None:
        """A first pass: which mark is the decimal one, and whether slashed dates are
        day/month or month/day (decided over the whole file)."""
        stages = [self.columns[s] for s in STAGES if s in self.columns]
        amount = self.columns.get("amount")
        need_order = self.day_first is None and not self.date_format
        day_first = month_first = slashed = None
        hints: dict[str, int] = {".": 0, ",": 0}
        need_order = need_order and self._has_slashed_dates()
        if amount is None and not need_order:
            self.decimal = self.decimal or ("," if self.delimiter == ";" else ".")
            return
        for _line, cells in self._rows():
            if not need_order and sum(hints.values()) >= 1000:
                break
            if amount is not None and self.decimal is None and amount < len(cells):
                hint = _decimal_hint(cells[amount])
                if hint:
                    hints[hint] += 1
            if need_order:
                for i in stages:
                    if i < len(cells) and "/" in cells[i]:
                        m = _SLASHED.fullmatch(cells[i].strip())
                        if m:
                            slashed = slashed or (cells[i], self.headers[i])
                            if int(m[1]) > 12 >= int(m[2]):
                                day_first = day_first or cells[i]
                            elif int(m[2]) > 12 >= int(m[1]):
                                month_first = month_first or cells[i]
        self.bytes_read = 0
        if self.decimal is None:
            fallback = "," if self.delimiter == ";" else "."
            self.decimal = max((".", ","), key=lambda m: (hints[m], m == fallback))
        if not need_order or slashed is None:
            return
        if day_first and month_first:
            raise AmbiguousDatesError(
                _(
                    "The dates in “{where}” mix day/month (“{a}”) and month/day (“{b}”); "
                    'say which with --date-format, e.g. --date-format "%d/%m/%Y".'
                ).format(where=self.where, a=day_first, b=month_first)
            )
        if not day_first and not month_first:
            raise AmbiguousDatesError(
                _(
                    "The dates in “{where}” could be day/month or month/day (such as “{value}” "
                    'in column “{column}”); say which with --date-format "%d/%m/%Y" or '
                    '--date-format "%m/%d/%Y".'
                ).format(where=self.where, value=slashed[0], column=slashed[1])
            )
        self.day_first = bool(day_first)

    def _has_slashed_dates(self) -> bool:
        """Whether anything in the file looks like a slashed date (a quick scan)."""
        with self._open_bytes() as raw, self._text(raw) as text:
            while chunk := text.read(CHUNK):
                if "/" in chunk and _ANY_SLASHED.search(chunk):
                    return True
        return False

    # -- records ------------------------------------------------------------------------

    def records(self) -> Iterator[CrmRecord | RowError]:
        """One record or one row error per data row, in file order. A CRM id seen on an
        earlier line makes the later line a row error."""
        for item in self.values(_same):
            yield item if isinstance(item, RowError) else CrmRecord(*item)

    def values(self, convert: Callable[[datetime], M]) -> Iterator[Values[M] | RowError]:
        """What :meth:`records` yields, a record as a plain tuple (:data:`Values`) with its
        stage moments passed through ``convert`` (once per distinct text)."""
        parse_date = _DateParser(self.day_first, self.date_format, self.options.zone, convert)
        decimal = self.decimal or "."
        columns = self.columns
        id_at = columns[ID]
        stages = [
            (STAGES.index(s), columns[s], self.headers[columns[s]]) for s in STAGES if s in columns
        ]
        won_index = STAGES.index("won_at")
        headers = self.headers
        amount_at, owner_at, source_at = (columns.get(k) for k in ("amount", "owner", "source"))
        amount_header = headers[amount_at] if amount_at is not None else ""
        won_at = columns.get("won?")
        won_values = self.preset.won_values if self.preset else frozenset()
        won_texts: dict[str, bool] = {}
        amounts: dict[str, int] = {}
        seen: dict[str, int] = {}
        for line, cells in self._rows():
            width = len(cells)
            crm_id = cells[id_at].strip() if id_at < width else ""
            if not crm_id:
                yield RowError(line, _("no id in column “{c}”").format(c=headers[id_at]))
                continue
            if crm_id in seen:
                yield RowError(
                    line,
                    _("the id “{id}” is on line {first} already").format(
                        id=crm_id, first=seen[crm_id]
                    ),
                )
                continue
            moments: list[M | None] = [None, None, None, None, None]
            problem = None
            for stage, at, header in stages:
                text = cells[at].strip() if at < width else ""
                if text:
                    try:
                        moments[stage] = parse_date(text)
                    except (ValueError, OverflowError):
                        problem = _("“{v}” in column “{c}” is not a date").format(v=text, c=header)
                        break
            if problem is None and won_at is not None and moments[won_index] is not None:
                stage_text = cells[won_at].strip() if won_at < width else ""
                won = won_texts.get(stage_text)
                if won is None:
                    won = header_key(stage_text) in won_values
                    if len(won_texts) < CACHED:
                        won_texts[stage_text] = won
                if not won:
                    moments[won_index] = None
            amount = None
            text = cells[amount_at].strip() if amount_at is not None and amount_at < width else ""
            if problem is None and text:
                amount = amounts.get(text)
                if amount is None:
                    try:
                        amount = parse_amount(text, decimal)
                    except ValueError as exc:
                        problem = _("“{v}” in column “{c}” is not an amount ({why})").format(
                            v=text,
                            c=amount_header,
                            why=exc,
                        )
                    else:
                        if len(amounts) < CACHED:
                            amounts[text] = amount
            if problem is not None:
                yield RowError(line, problem)
                continue
            seen[crm_id] = line
            yield (
                crm_id,
                moments[0],
                moments[1],
                moments[2],
                moments[3],
                moments[4],
                amount,
                cells[owner_at].strip() if owner_at is not None and owner_at < width else "",
                cells[source_at].strip() if source_at is not None and source_at < width else "",
                line,
            )


def _same(moment: datetime) -> datetime:
    return moment


def _order_of(date_format: str | None) -> bool | None:
    """True if the format puts the day before the month, False if after, None if unknown."""
    if not date_format or "%d" not in date_format or "%m" not in date_format:
        return None
    return date_format.index("%d") < date_format.index("%m")
