"""Column types that keep domain values exact: Decimal as text, enums as their values."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from storage.text_decoding import DamagedJson


class DecimalText(TypeDecorator[Decimal]):
    """A Decimal stored as its exact text, so 0.1 stays 0.1 on every backend."""

    impl = String(64)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        """The stored number; NaN for text that is no longer one (damaged bytes), which the
        repository reports as damaged rather than failing to read the workshop."""
        if value is None:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            return Decimal("NaN")
        return Decimal("NaN") if number.is_snan() else number


class EnumText(TypeDecorator[StrEnum]):
    """A StrEnum stored as its value; new members need no migration."""

    impl = String(32)
    cache_ok = True

    def __init__(self, enum: type[StrEnum]) -> None:
        super().__init__()
        self.enum = enum

    def process_bind_param(self, value: StrEnum | str | None, dialect: Dialect) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> StrEnum | None:
        return None if value is None else self.enum(value)


class JsonText(TypeDecorator[Any]):
    """JSON kept as text with stable key order."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        """The stored value; an empty :class:`DamagedJson` for text that no longer parses
        (damaged bytes), which the repository reports rather than failing the read."""
        if value is None:
            return None
        try:
            return json.loads(value)
        except ValueError:
            return DamagedJson()


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes, stored naive in UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)
