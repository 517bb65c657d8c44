"""A connection that only records the statements it is asked to execute: for tests that check a
store function reuses its statements instead of building them per call."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.dialects.sqlite.base import SQLiteDialect
from sqlalchemy.engine import Dialect


class _Result:
    """What a store function reads of a result: one row id, one row changed, no rows."""

    rowcount = 1
    inserted_primary_key = (1,)

    def scalar(self) -> int:
        return 1

    def scalars(self) -> list[int]:
        return [1]

    def all(self) -> list[Any]:
        return []

    def first(self) -> None:
        return None

    def __iter__(self) -> Any:
        return iter(())


_DIALECTS: dict[str, Callable[[], Dialect]] = {"sqlite": SQLiteDialect,
                                               "postgresql": PGDialect_psycopg}


class RecordingConnection:
    def __init__(self, dialect: str = "sqlite") -> None:
        self.statements: list[object] = []
        self.dialect = _dialect(dialect)  # a real one: a store function may compile for it

    async def execute(self, statement: object, params: object = None) -> _Result:
        self.statements.append(statement)
        return _Result()

    async def exec_driver_sql(self, statement: str, params: object = None) -> _Result:
        self.statements.append(statement)
        return _Result()


@cache
def _dialect(name: str) -> Dialect:
    return _DIALECTS[name]()


def same_statements(runs: list[list[object]]) -> bool:
    """Every run executed the very same statement objects, in the same order."""
    first = runs[0]
    return all(len(run) == len(first) and all(a is b for a, b in zip(run, first, strict=True))
               for run in runs[1:])
