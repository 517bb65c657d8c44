"""A connection that only records the statements it is asked to execute: for tests that check a
store function reuses its statements instead of building them per call."""

from __future__ import annotations

from typing import Any


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

    def __iter__(self) -> Any:
        return iter(())


class _Dialect:
    def __init__(self, name: str) -> None:
        self.name = name


class RecordingConnection:
    def __init__(self, dialect: str = "sqlite") -> None:
        self.statements: list[object] = []
        self.dialect = _Dialect(dialect)

    async def execute(self, statement: object, params: object = None) -> _Result:
        self.statements.append(statement)
        return _Result()


def same_statements(runs: list[list[object]]) -> bool:
    """Every run executed the very same statement objects, in the same order."""
    first = runs[0]
    return all(len(run) == len(first) and all(a is b for a, b in zip(run, first, strict=True))
               for run in runs[1:])
