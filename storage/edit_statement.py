"""Autosave's statement: ``UPDATE table SET columns WHERE id = ? [AND workshop_id = ?]`` as
driver SQL, made once per table and set of columns and run on the repository's kept
connection."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Engine, Table
from sqlalchemy.exc import CompileError


class EditStatement:
    """``UPDATE table SET columns WHERE id = ? [AND workshop_id = ?]`` as driver SQL, with
    each column type's conversion of its value, made once per table and set of columns."""

    def __init__(self, engine: Engine, table: Table, columns: Sequence[str], child: bool) -> None:
        unknown = [name for name in columns if name not in table.c]
        if unknown or not columns:
            # What SQLAlchemy says for the same mistake: a bug, never the environment.
            raise CompileError(f"Unconsumed column names: {', '.join(unknown) or '(none)'}")
        dialect = engine.dialect
        quote = dialect.identifier_preparer.quote
        where = f"{quote('id')} = ?" + (f" AND {quote('workshop_id')} = ?" if child else "")
        sets = ", ".join(f"{quote(name)} = ?" for name in columns)
        self.sql = f"UPDATE {quote(table.name)} SET {sets} WHERE {where}"
        self.columns = tuple(columns)
        self.convert: tuple[Callable[[Any], Any] | None, ...] = tuple(
            table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns
        )

    def params(self, values: Mapping[str, Any], *where: str) -> list[Any]:
        params = [values[name] for name in self.columns]
        for i, convert in enumerate(self.convert):
            if convert is not None:
                params[i] = convert(params[i])
        params.extend(where)
        return params
