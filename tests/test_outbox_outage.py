"""The database failing a row's ``sending`` transaction (SQLite locked past its busy timeout by
another process, a PostgreSQL connection dropped) defers the row: nothing is posted, nothing is
failed for good, and it goes out once the database answers. Content that cannot be built still
fails (tests/test_outbox.py)."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from adapters.recording import RecordingAdapter
from bot.outbox.worker import OutboxWorker
from bot.store import outbox as outbox_store
from bot.store.db import Database
from tests.support.crash_delivery import seed
from tests.support.outbox import FakeClock, db, rows, worker  # noqa: F401  (fixtures)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


async def _deferred_then_sent(db: Database, w: OutboxWorker, rec: RecordingAdapter,
                              clock: FakeClock, key: str) -> None:
    """The row is pending with its attempts untouched and nothing posted; after its backoff the
    next batch posts it once."""
    row = (await rows(db))[key]
    assert row["state"] == "pending" and row["attempts"] == 0 and row["lease_owner"] is None
    assert rec.attempts == []
    assert await w.run_once() == 0  # not due again at once: the database is given a moment
    clock.advance(w.backoff(1).total_seconds() + 1)
    assert await w.run_once() == 1
    assert (await rows(db))[key]["state"] == "sent" and rec.keys() == [key]


@pytest.mark.sqlite_only
async def test_a_database_locked_by_another_process_defers_the_row(db: Database) -> None:
    """Another process (``newsbrief feeds import``) holds the file's write lock past the busy
    timeout while a row is marked ``sending``: the row was failed for good as unloadable."""
    [(_, key)] = await seed(db, briefs=1, refs=["test:a"])
    await db.engine.dispose()

    def short_busy_timeout(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.cursor().execute("PRAGMA busy_timeout=50")

    other = sqlite3.connect(str(db.engine.url.database), isolation_level=None,
                            check_same_thread=False)

    def unlock(_context: Any) -> None:  # once the worker has met the lock, the other ends
        if other.in_transaction:
            other.execute("ROLLBACK")

    event.listen(db.engine.sync_engine, "connect", short_busy_timeout)
    event.listen(db.engine.sync_engine, "handle_error", unlock)
    rec, clock = RecordingAdapter(), FakeClock()
    w = worker(db, rec, clock)
    try:
        jobs = await w._claim(outbox_store.due(w.worker_id, clock(), sqlite=True), clock())
        other.execute("BEGIN IMMEDIATE")
        own, platform = w._paces(jobs[0])
        assert await w._deliver(jobs[0], own, platform, clock() + w.lease) == "deferred"
    finally:
        other.close()
    await _deferred_then_sent(db, w, rec, clock, key)


async def test_a_dropped_connection_while_marking_sending_defers_the_row(
        db: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """The connection drops under the ``sending`` update (a PostgreSQL restart): the row was
    failed for good as "cannot load message"."""
    [(_, key)] = await seed(db, briefs=1, refs=["test:a"])
    mark_sending = outbox_store.mark_sending
    drops = 0

    async def dropped(*args: Any, **kwargs: Any) -> bool:
        nonlocal drops
        drops += 1
        if drops == 1:
            raise OperationalError("UPDATE outbox", {}, OSError("server closed the connection"),
                                   connection_invalidated=True)
        return await mark_sending(*args, **kwargs)

    monkeypatch.setattr(outbox_store, "mark_sending", dropped)
    rec, clock = RecordingAdapter(), FakeClock()
    w = worker(db, rec, clock)
    with caplog.at_level("WARNING"):
        assert await w.run_once() == 1
    [record] = [r for r in caplog.records if r.getMessage().startswith("outbox.deferred")]
    assert "reason=database" in record.getMessage() and "server closed" in record.getMessage()
    await _deferred_then_sent(db, w, rec, clock, key)
