"""A database outage in the log: one line per failed attempt, without a traceback (the cause is
the same each time and a traceback per tick buries everything else), and one line when the
database answers again. Errors that are not the database being unreachable or unwritable (a
bug) keep their traceback."""

from __future__ import annotations

from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bot.logs import EventLog


def database_problem(exc: BaseException) -> str | None:
    """One line saying why the database failed, or None when ``exc`` is not an outage."""
    if isinstance(exc, OperationalError | InterfaceError):
        cause = exc.orig if exc.orig is not None else exc
        lines = str(cause).strip().splitlines()
        return f"{type(cause).__name__}: {lines[0] if lines else ''}"[:300]
    if isinstance(exc, DisconnectionError | PoolTimeout | ConnectionError):
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
