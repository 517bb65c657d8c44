"""Storage faults under the real pipeline: SQLite locked by another writer, full, or read-only.
Whatever happens, no fetched item is lost and nothing is posted twice.

PostgreSQL going away is exercised in tests/test_postgres.py; outbox crash recovery in
tests/test_outbox.py and tests/test_crash.py.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import SQLAlchemyError

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import DestinationSettings, FeedSettings, Secrets, Settings, SubscriptionSettings
from bot.runner import Runner
from bot.store.schema import entries
from tests.support.clock import Clock
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

pytestmark = pytest.mark.sqlite_only  # locks, pragmas and files are SQLite's own

LOCK_SECONDS = 1.5  # well under the 10 s busy_timeout that bot/store/db.py sets




class World:
    def __init__(self, app: App, rec: RecordingAdapter, clock: Clock, path: Path) -> None:
        self.app, self.rec, self.clock, self.path = app, rec, clock, path

    def headlines(self) -> list[str]:
        return sorted(d.message.brief.headline for d in self.rec.deliveries if d.message.brief)

    async def stored(self) -> int:
        async with self.app.db.begin() as conn:
            return int((await conn.execute(select(func.count()).select_from(entries))).scalar_one())

    async def poll_as_the_runner_does(self) -> None:
        """One scheduler tick through Runner's job wrapper (which logs a failed tick)."""
        runner = Runner(self.app, self.app.commands)
        await runner._job("poll", runner._poll)()
        try:
            await self.app.deliver_pending()
        except SQLAlchemyError:  # as OutboxWorker.run_forever does: log (outbox.loop_error), go on
            logging.getLogger(__name__).exception("outbox.loop_error")

    async def fault(self, pragma: str | None) -> None:
        """Every new connection runs ``pragma`` (None lifts the fault); pooled ones are closed."""
        engine = self.app.db.engine.sync_engine
        for listener in list(getattr(self, "_listeners", [])):
            event.remove(engine, "connect", listener)
        self._listeners: list[Callable[..., None]] = []
        if pragma is not None:
            def apply(dbapi: Any, _record: Any) -> None:
                cursor = dbapi.cursor()
                cursor.execute(pragma)
                cursor.close()
            event.listen(engine, "connect", apply)
            self._listeners.append(apply)
        await self.app.db.engine.dispose()


def long_item(n: int, topic: str) -> dict[str, str]:
    """An item whose text needs new database pages (a full disk cannot hide in free space)."""
    entry = item(n, topic=topic)
    entry["text"] += " " + " ".join(f"Filler sentence {i} of {topic} {n} for the store."
                                    for i in range(400))
    return entry


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.set("/a.xml", rss("A", [long_item(1, "a"), long_item(2, "a")]))
        srv.set("/b.xml", rss("B", [long_item(1, "b")]))
        yield srv


@pytest.fixture
async def world(tmp_path: Path, server: FeedServer) -> AsyncIterator[World]:
    clock, rec = Clock(), RecordingAdapter(name="console")
    settings = Settings(
        data_dir=tmp_path,
        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 5.0},
        polling={"interval": 60, "min_interval": 60, "backfill": 5,
                 "max_item_age_days": 36500},
        summarizer={"full_text": False},
        feeds=[FeedSettings(url=server.url("/a.xml")), FeedSettings(url=server.url("/b.xml"))],
        destinations=[DestinationSettings(ref="console:",
                                          subscriptions=[SubscriptionSettings()])])
    app = await App.create(settings, Secrets(values={}), adapters={"console": rec}, clock=clock)
    yield World(app, rec, clock, tmp_path / "newsbrief.db")
    await app.close()


EXPECTED = ["Story 1 about the a project", "Story 1 about the b project",
            "Story 2 about the a project"]


async def test_a_writer_holding_the_lock_makes_the_poll_wait_not_fail(world: World) -> None:
    """hostile case: another process holds SQLite's write lock (BEGIN IMMEDIATE) for 1.5 s
    while a poll runs
    expected: the poll waits (WAL + busy_timeout), then commits every item; no feed fails;
    each item is delivered once"""
    held, release = threading.Event(), threading.Event()

    def hold_lock() -> None:
        other = sqlite3.connect(world.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE feeds SET title = title")
        held.set()
        release.wait(LOCK_SECONDS)
        other.execute("COMMIT")
        other.close()

    def blocked_writer() -> bool:
        probe = sqlite3.connect(world.path, timeout=0)
        try:
            probe.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            return "locked" in str(exc)
        finally:
            probe.close()
        return False

    holder = threading.Thread(target=hold_lock)
    holder.start()
    held.wait(5)
    assert blocked_writer()  # the lock really is held when the poll starts
    stats = await world.app.pipeline.poll_due()
    holder.join()
    await world.app.deliver_pending()

    assert stats.failed == 0 and stats.new_items == 3
    assert await world.stored() == 3
    assert world.headlines() == EXPECTED


@pytest.mark.parametrize("pragma, message", [
    ("PRAGMA max_page_count = {pages}", "database or disk is full"),
    ("PRAGMA query_only = ON", "readonly database"),
], ids=["disk-full", "read-only"])
async def test_a_full_or_read_only_database_loses_nothing(
        world: World, server: FeedServer, caplog: pytest.LogCaptureFixture,
        pragma: str, message: str) -> None:
    """hostile case: the database is full (max_page_count pinned at its current size) or
    read-only (query_only) during a poll
    expected: the tick fails with a logged error naming the cause; nothing is delivered; once
    the fault is gone the next poll stores and delivers every item exactly once"""
    pages = sqlite3.connect(world.path).execute("PRAGMA page_count").fetchone()[0]
    await world.fault(pragma.format(pages=pages))
    with caplog.at_level(logging.ERROR):
        await world.poll_as_the_runner_does()
    # A full disk fails each feed's commit (poll.store_failed, per feed); a read-only database
    # already fails the tick's claim of due feeds (job.failed). Either way the cause is logged.
    errors = [r.getMessage() + (logging.Formatter().formatException(r.exc_info)
                                if r.exc_info else "") for r in caplog.records
              if r.getMessage().startswith(("poll.store_failed", "job.failed job=poll"))]
    assert errors, [r.getMessage() for r in caplog.records]
    assert all(message in text for text in errors), errors
    assert world.rec.deliveries == []

    await world.fault(None)
    assert await world.stored() == 0  # the failed poll committed nothing half-way
    # The lease taken by the failed poll runs out (total_timeout * 4 + 60 s), then it is due.
    world.clock.now += timedelta(seconds=120)
    await world.poll_as_the_runner_does()
    assert await world.stored() == 3
    assert world.headlines() == EXPECTED

    world.clock.now += timedelta(seconds=120)  # and again: nothing is posted twice
    await world.poll_as_the_runner_does()
    assert world.headlines() == EXPECTED
    assert server.hits("/a.xml") >= 2  # the items were fetched again, not remembered half-way
