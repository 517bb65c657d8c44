"""SQLAlchemy's aiosqlite driver, with one thread round trip per statement instead of four.

aiosqlite runs each sqlite3 call in its own thread and hands the result back to the event loop;
SQLAlchemy's adapter makes four such calls per statement (open a cursor, execute, fetch all,
close), and each costs a queue hand-off, a wake-up of the loop and a GIL switch: about three
quarters of the CPU of a small statement (issue 26: a changed feed runs about thirty). Here the
four run as one function in aiosqlite's thread. Transactions are partly this module's: the
connection issues the BEGIN (or BEGIN IMMEDIATE) itself, with the transaction's first statement
rather than in a round trip of its own, and skips the commit or rollback of a transaction in
which nothing ran (none was opened). Everything else (the pool, the dialect, error translation)
is SQLAlchemy's and aiosqlite's own, handed to ``create_async_engine`` as its DBAPI module.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from typing import Any, NoReturn

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
    AsyncAdaptFallback_aiosqlite_connection,
)

Outcome = tuple[Any, list[Any] | None, int | None, int]


def _run(connection: aiosqlite.Connection, operation: str, parameters: Any,
         many: bool, begin: str | None = None) -> Outcome:
    """In aiosqlite's thread: the transaction's BEGIN when this is its first statement, then
    what SQLAlchemy's cursor needs of the statement."""
    if begin is not None:
        connection._conn.execute(begin)
    cursor = connection._conn.cursor()  # the sqlite3 connection, owned by this thread
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        rows = cursor.fetchall() if cursor.description else None
        return cursor.description, rows, cursor.lastrowid, cursor.rowcount
    finally:
        cursor.close()


class OneHopCursor(AsyncAdapt_aiosqlite_cursor):
    """``execute`` and ``executemany`` in one round trip to aiosqlite's thread."""

    __slots__ = ()

    def _one_hop(self, operation: Any, parameters: Any, many: bool) -> None:
        adapted = self._adapt_connection
        begin = None
        if isinstance(adapted, OneHopConnection):
            begin = adapted.take_begin()
            adapted.opened = adapted.opened or begin is not None
        try:
            description, rows, lastrowid, rowcount = self.await_(self._connection._execute(
                _run, self._connection, operation, parameters, many, begin))
        except Exception as error:
            self._adapt_connection._handle_exception(error)
        if description and not many:
            self.description = description
            self.lastrowid = self.rowcount = -1
            self._rows = deque(rows or ())
        else:
            self.description = None
            self.lastrowid = lastrowid
            self.rowcount = rowcount

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        self._one_hop(operation, parameters, False)

    def executemany(self, operation: Any, seq_of_parameters: Any) -> Any:
        self._one_hop(operation, seq_of_parameters, True)


def _begin_now(connection: aiosqlite.Connection, begin: str) -> None:
    connection._conn.execute(begin)


class OneHopConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ("_begin", "opened")

    def __init__(self, dbapi: Any, connection: Any) -> None:
        super().__init__(dbapi, connection)
        self._begin: str | None = None
        # Whether a BEGIN ran since the last commit or rollback: statements run without one
        # (Database.read_alone) are in autocommit, with nothing to end.
        self.opened = False

    def begin_later(self, statement: str) -> None:
        """``BEGIN``/``BEGIN IMMEDIATE``, run in the round trip of the transaction's first
        statement (one round trip less per transaction, issue 26)."""
        self._begin = statement

    def take_begin(self) -> str | None:
        begin, self._begin = self._begin, None
        return begin

    def commit(self) -> None:
        # a BEGIN still waiting: nothing ran, no transaction was opened
        if self.take_begin() is None and self.opened:
            super().commit()
        self.opened = False

    def rollback(self) -> None:
        if self.take_begin() is None and self.opened:
            super().rollback()
        self.opened = False

    def _handle_exception(self, error: Exception) -> NoReturn:
        # A closed or stopped aiosqlite connection refuses every call with a plain ValueError
        # ("Connection closed"); SQLAlchemy knows a lost connection only as this
        # OperationalError: without it the connection is not invalidated, goes back to the
        # pool and fails every later checkout, and callers catching SQLAlchemyError miss it.
        driver = self._connection
        if isinstance(error, ValueError) and not (driver._running and driver._connection):
            raise self.dbapi.sqlite.OperationalError("no active connection") from error
        super()._handle_exception(error)

    def cursor(self, server_side: bool = False) -> AsyncAdapt_aiosqlite_cursor:
        if server_side:  # streamed results keep SQLAlchemy's own cursor: BEGIN goes first
            begin = self.take_begin()
            if begin is not None:
                self.opened = True
                try:
                    self.await_(self._connection._execute(_begin_now, self._connection, begin))
                except Exception as error:
                    self._handle_exception(error)
            return super().cursor(server_side=True)
        return OneHopCursor(self)


class OneHopDbapi(AsyncAdapt_aiosqlite_dbapi):
    """What ``create_async_engine(..., module=...)`` takes: SQLAlchemy's aiosqlite module whose
    connections hand out :class:`OneHopCursor`."""

    def connect(self, *arg: Any, **kw: Any) -> AsyncAdapt_aiosqlite_connection:
        adapted = super().connect(*arg, **kw)
        if isinstance(adapted, AsyncAdaptFallback_aiosqlite_connection):
            return adapted  # async_fallback awaits differently: keep SQLAlchemy's own type
        return OneHopConnection(self, adapted._connection)


def dbapi() -> OneHopDbapi:
    return OneHopDbapi(aiosqlite, sqlite3)
