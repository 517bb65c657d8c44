"""A database outage in the log: one line per failed attempt, without a traceback (the cause is
the same each time and a traceback per tick buries everything else), and one line when the
database answers again. Errors that are not the database being unreachable or unwritable (a
bug) keep their traceback."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bot.logs import EventLog

# SQLSTATE of a server that cannot be reached or used (PostgreSQL): 08 connection exceptions;
# 53 insufficient resources (disk full, out of memory, too many connections); 57P01-57P03 the
# server shutting down or starting. Not 57014 (a cancelled statement: which one matters).
_DOWN_SQLSTATES = ("08", "53", "57P01", "57P02", "57P03")
# SQLite has no codes in its messages: a file that cannot be opened, written or locked.
_DOWN_SQLITE = ("unable to open database", "disk i/o error", "database or disk is full",
                "readonly database", "database is locked", "no active connection")


def _lost(exc: DBAPIError) -> bool:
    """Whether a DBAPI error is the database being unreachable or unusable, not a bug: SQLAlchemy
    saw the connection drop, or it could not connect at all (no statement), or the driver's
    code or message says so. "no such table" and its kind are errors in the program."""
    if exc.connection_invalidated or exc.statement is None:
        return True
    sqlstate = str(getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None) or "")
    if sqlstate.startswith(_DOWN_SQLSTATES):
        return True
    return any(text in str(exc.orig).lower() for text in _DOWN_SQLITE)


def database_problem(exc: BaseException) -> str | None:
    """One line saying why the database failed, or None when ``exc`` is not an outage (a bug,
    or another service's connection: a platform's reset is not the database's)."""
    if isinstance(exc, DBAPIError) and _lost(exc):
        cause = exc.orig if exc.orig is not None else exc
        lines = str(cause).strip().splitlines()
        return f"{type(cause).__name__}: {lines[0] if lines else ''}"[:300]
    if isinstance(exc, DisconnectionError | PoolTimeout):
        return f"{type(exc).__name__}: {exc}"[:300]
    return None


class Outage:
    """One loop's view (the heartbeat, a scheduler job, the outbox): ``failed`` counts a failure
    that is the database's and says it in one line for the caller to log; ``ok`` logs the
    recovery."""

    def __init__(self, log: EventLog, where: str) -> None:
        self.log = log
        self.where = where
        self.failures = 0

    def failed(self, exc: BaseException) -> str | None:
        """The line to log (with ``failures``) for an outage; None: not the database's, so the
        caller logs it with its traceback."""
        problem = database_problem(exc)
        if problem is not None:
            self.failures += 1
        return problem

    def ok(self) -> None:
        if self.failures:
            self.log.info("database.recovered", where=self.where, failures=self.failures)
            self.failures = 0
