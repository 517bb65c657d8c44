"""A database outage in the log: one line per failed tick, no traceback, and one line when the
database answers again; any other failure keeps its traceback."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import Secrets, Settings
from bot.runner import Runner
from bot.store.outage import database_problem


async def test_an_outage_is_one_line_per_failure_then_a_recovery_line(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    app = await App.create(Settings(data_dir=tmp_path), Secrets(values={}),
                           adapters={"console": RecordingAdapter(name="console")})
    outcomes: list[BaseException | None] = [
        OperationalError("SELECT 1", {}, sqlite3.OperationalError("unable to open database")),
        OperationalError("SELECT 1", {}, sqlite3.OperationalError("unable to open database")),
        None, RuntimeError("a bug")]

    async def tick() -> None:
        outcome = outcomes.pop(0)
        if outcome is not None:
            raise outcome

    try:
        job = Runner(app, app.commands)._job("poll", tick)
        with caplog.at_level(logging.INFO, logger="bot.runner"):
            for _ in range(4):
                await job()
    finally:
        await app.close()
    said = [(r.getMessage(), r.exc_info) for r in caplog.records if r.name == "bot.runner"]
    outage = [(m, e) for m, e in said if m.startswith("job.failed") and "unable to open" in m]
    assert len(outage) == 2 and not any(e for _, e in outage)  # one line each, no traceback
    assert "failures=2" in outage[1][0]
    assert [m for m, _ in said if m.startswith("database.recovered")] == [
        "database.recovered where=poll failures=2"]
    bug = [e for m, e in said if m.startswith("job.failed") and "unable to open" not in m]
    assert len(bug) == 1 and bug[0]  # not the database's: its traceback is kept


class _PgError(Exception):
    """A DBAPI error as psycopg raises it, with its SQLSTATE."""

    def __init__(self, message: str, sqlstate: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(("exc", "outage"), [
    # the database's, one line: unreachable, connection lost, unwritable
    (OperationalError(None, None, _PgError("connection refused", "08001")), True),  # connecting
    (OperationalError("SELECT 1", {}, _PgError("server closed the connection", "08006"),
                      connection_invalidated=True), True),
    (OperationalError("UPDATE feeds", {}, _PgError("terminating connection", "57P01")), True),
    (OperationalError("UPDATE feeds", {}, _PgError("could not extend file", "53100")), True),
    (OperationalError("UPDATE feeds", {}, sqlite3.OperationalError("database is locked")), True),
    (OperationalError("UPDATE feeds", {},
                      sqlite3.OperationalError("attempt to write a readonly database")), True),
    (OperationalError("UPDATE feeds", {}, sqlite3.OperationalError("disk I/O error")), True),
    # bugs and other services' failures: their traceback is kept
    (OperationalError("SELECT x FROM nope", {}, sqlite3.OperationalError("no such table: nope")),
     False),
    (OperationalError("SELECT x", {}, _PgError("canceling statement", "57014")), False),
    (ConnectionResetError("a platform reset the connection"), False),
    (RuntimeError("a bug"), False),
])
def test_only_a_lost_or_unusable_database_is_an_outage(exc: BaseException, outage: bool) -> None:
    assert (database_problem(exc) is not None) is outage
