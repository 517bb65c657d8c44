"""The bookkeeping of a poll cycle is batched (issue 26): feeds that brought nothing new are
written together in one statement at the end of the cycle, and none of them costs a read of its
entries; a changed feed reads its known entries without taking the write lock. Statements
counted, never timed."""

from __future__ import annotations

import asyncio
import logging
import threading
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import event, insert, select
from sqlalchemy.exc import OperationalError

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import Secrets
from bot.feeds.parse import parse_feed
from bot.models import Brief, FeedItem, Point, Reason
from bot.store import Database, tenancy
from bot.store import briefs as brief_store
from bot.store import entries as entry_store
from bot.store import feeds as feed_store
from bot.store import outbox as outbox_store
from bot.store import reasons as reason_store
from bot.store.briefs import save_brief
from bot.store.schema import briefs, story_bands
from tests.support.clock import Clock
from tests.support.dbs import database_url
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer
from tests.support.polled import polled_app, statements
from tests.support.statements import RecordingConnection, same_statements

pytestmark = pytest.mark.usefixtures("pass_database")

FEEDS = 6


async def test_unchanged_feeds_are_written_in_one_statement(tmp_path: Path) -> None:
    clock = Clock()
    executed: list[tuple[str, int]] = []

    def note(conn: Any, cursor: Any, statement: str, params: Any, context: Any,
             executemany: bool) -> None:
        executed.append((" ".join(statement.split()), len(params) if executemany else 1))

    with FeedServer() as server:
        for i in range(FEEDS):  # half answer 304 by ETag, half the same body again
            server.set(f"/f/{i}.xml", rss(f"F{i}", [item(n, topic=f"t{i}") for n in range(3)]),
                       etag=f'"e{i}"' if i % 2 else None)
        async with polled_app(tmp_path, server, clock,
                              [f"/f/{i}.xml" for i in range(FEEDS)]) as app:
            server.set("/f/0.xml", rss("F0", [item(n, topic="t0") for n in range(4)]))
            clock.advance(app.settings.polling.interval + 1)
            event.listen(app.db.engine.sync_engine, "before_cursor_execute", note)
            stats = await app.pipeline.poll_due()
            event.remove(app.db.engine.sync_engine, "before_cursor_execute", note)
    assert (stats.feeds, stats.unchanged, stats.new_items) == (FEEDS, FEEDS - 1, 1)
    bookkeeping = [rows for sql, rows in executed
                   if sql.startswith("UPDATE feeds SET") and "last_success_at" in sql]
    # the changed feed's own, in its transaction; then one for every unchanged feed
    assert bookkeeping == [1, FEEDS - 1]
    assert len([sql for sql, _ in executed if sql.startswith("SELECT entries.entry_key")]) == 1
    begins = [sql for sql, _ in executed if sql.startswith("BEGIN")]
    if begins:  # SQLite: the claim, the changed feed's commit, the batch; its read takes no lock
        assert begins.count("BEGIN IMMEDIATE") == 3 and begins.count("BEGIN") == 1


async def test_a_first_poll_reads_its_entries_only_inside_its_commit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A feed never polled has nothing stored: no read transaction of its own (issue 26: the
    costliest store step of a cold first poll), one look inside its commit instead."""
    clock = Clock()
    executed: list[str] = []
    with FeedServer() as server:
        for i in range(FEEDS):
            server.set(f"/f/{i}.xml", rss(f"F{i}", [item(n, topic=f"t{i}") for n in range(3)]))
        async with polled_app(tmp_path, server, clock, [f"/f/{i}.xml" for i in range(FEEDS)],
                              poll=False) as app:
            reads = 0
            real_read = app.db.read

            def counted_read() -> Any:
                nonlocal reads
                reads += 1
                return real_read()

            monkeypatch.setattr(app.db, "read", counted_read)
            event.listen(app.db.engine.sync_engine, "before_cursor_execute",
                         lambda *args: executed.append(" ".join(args[2].split())))
            stats = await app.pipeline.poll_due()
    assert (stats.feeds, stats.new_items) == (FEEDS, FEEDS * 3)
    assert reads == 0
    assert len([sql for sql in executed if sql.startswith("SELECT entries.entry_key")]) == FEEDS


async def test_entries_another_poller_stored_since_the_claim_are_not_stored_again(
        tmp_path: Path) -> None:
    """A first poll whose lease was lost: what the other poller stored is not new."""
    clock = Clock()
    body = rss("F", [item(n, topic="t") for n in range(3)])
    with FeedServer() as server:
        server.set("/f.xml", body)
        async with polled_app(tmp_path, server, clock, ["/f.xml"], poll=False) as app:
            async with app.db.begin() as conn:
                [feed] = await feed_store.claim_due(conn, now=clock.now, owner="other",
                                                    limit=10, lease=timedelta(seconds=-1))
                stored = parse_feed(body, url=feed.url).items[:2]
                await entry_store.insert_entries(conn, feed.id, stored, now=clock.now)
            stats = await app.pipeline.poll_due()
            async with app.db.read() as conn:
                kept = await entry_store.known_hashes(conn, feed.id, [
                    i.entry_key for i in parse_feed(body, url=feed.url).items])
    assert (stats.feeds, stats.failed, stats.new_items) == (1, 0, 1)
    assert len(kept) == 3


async def test_two_pollers_storing_the_same_first_poll_on_postgresql_lose_and_double_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On PostgreSQL the first-poll read in _commit takes no lock: a poller whose lease was
    lost and the one that took the feed over both find nothing stored. The unique constraint on
    (feed_id, entry_key) makes the later commit wait for the earlier one and roll back; the feed
    keeps one copy of each entry and of each brief's delivery."""
    clock = Clock()
    with FeedServer() as server:
        server.set("/f.xml", rss("F", [item(n, topic="t") for n in range(3)]))
        async with polled_app(tmp_path, server, clock, ["/f.xml"], poll=False) as first:
            if first.db.is_sqlite:
                pytest.skip("PostgreSQL only: SQLite's write lock makes the read exclusive")
            second = await App.create(first.settings, Secrets(values={}), adapters={
                "console": RecordingAdapter(name="console")}, clock=clock)
            second.pipeline.owner = "taken-over"
            try:
                first_waits, second_inside, second_goes = (asyncio.Event() for _ in range(3))
                real_commit, real_success = first.pipeline._commit, feed_store.record_success

                async def first_commit(*args: Any) -> None:
                    await first_waits.wait()  # fetched and summarized, its lease lapsing
                    await real_commit(*args)

                async def second_success(conn: Any, feed_id: int, **kw: Any) -> bool:
                    if kw["owner"] == "taken-over":  # its entries stored, not yet committed
                        second_inside.set()
                        await second_goes.wait()
                    return await real_success(conn, feed_id, **kw)

                monkeypatch.setattr(first.pipeline, "_commit", first_commit)
                monkeypatch.setattr(feed_store, "record_success", second_success)
                first_poll = asyncio.create_task(first.pipeline.poll_due())
                while server.hits("/f.xml") < 1:
                    await asyncio.sleep(0.01)
                clock.advance(3600)  # the first poller's lease runs out
                second_poll = asyncio.create_task(second.pipeline.poll_due())
                await second_inside.wait()
                first_waits.set()
                while not await _waits_on_a_lock(second):  # the first's insert, on the index
                    await asyncio.sleep(0.01)
                second_goes.set()
                lost, won = await first_poll, await second_poll
                async with first.db.read() as conn:
                    stored = (await conn.exec_driver_sql(
                        "SELECT entry_key FROM entries ORDER BY entry_key")).scalars().all()
                    queued = (await conn.exec_driver_sql(
                        "SELECT count(*) FROM outbox")).scalar()
            finally:
                await second.close()
    assert (lost.failed, lost.errors, lost.new_items) == (1, {"store": 1}, 0)
    assert (won.failed, won.new_items) == (0, 3)
    assert len(stored) == len(set(stored)) == 3
    assert queued == won.briefs > 0


async def _waits_on_a_lock(app: App) -> bool:
    async with app.db.read() as conn:
        found = await conn.exec_driver_sql(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
        return bool(found.scalar())


async def changed_cycle(tmp_path: Path, changed: int = 2) -> list[str]:
    """The statements of one poll cycle in which ``changed`` feeds of four bring one new item
    each, and of the delivery of their briefs."""
    clock = Clock()
    with FeedServer() as server:
        for i in range(4):
            server.set(f"/f/{i}.xml", rss(f"F{i}", [item(n, topic=f"t{i}") for n in range(3)]))
        async with polled_app(tmp_path, server, clock, [f"/f/{i}.xml" for i in range(4)]) as app:
            await app.deliver_pending()  # the first poll's briefs
            for i in range(changed):
                server.set(f"/f/{i}.xml", rss(f"F{i}", [item(n, topic=f"t{i}")
                                                        for n in range(4)]))
            clock.advance(app.settings.polling.interval + 1)
            with statements(app) as executed:
                stats = await app.pipeline.poll_due()
                sent = await app.deliver_pending()
    assert (stats.briefs, sent) == (changed, changed)
    return executed


async def test_routing_and_delivery_read_the_tenancy_mode_inside_their_queries(
        tmp_path: Path) -> None:
    """Each routed and each delivered brief read the mode by itself before: two round trips
    per changed feed for one row that changes only at start-up."""
    executed = await changed_cycle(tmp_path)
    assert [sql for sql in executed if sql.startswith("SELECT install_settings")] == []
    assert any("FROM install_settings" in sql for sql in executed)  # still applied, in SQL


async def test_a_brief_is_saved_with_its_story_and_signature_in_one_insert(
        tmp_path: Path) -> None:
    """Its story was chosen after the insert before, and written by an UPDATE of the row."""
    executed = await changed_cycle(tmp_path)
    assert [sql for sql in executed if sql.startswith("UPDATE briefs")] == []
    inserts = [sql for sql in executed if sql.startswith("INSERT INTO briefs")]
    assert len(inserts) == 2 and all("signature" in sql for sql in inserts)


async def test_a_cycle_reads_its_feeds_audiences_once(tmp_path: Path) -> None:
    """Who may read each feed (bot.store.tenancy) was read once per brief routed before."""
    executed = await changed_cycle(tmp_path)
    assert len([sql for sql in executed if "LEFT OUTER JOIN feed_servers" in sql]) == 1


async def test_the_audiences_read_is_built_once_not_per_cycle() -> None:
    """A cycle's first brief reads the audiences of all its feeds (200 in the bench): the
    statement and its cache key were built anew each cycle (issue 26); now each cycle passes
    only its feed ids."""
    runs = []
    for ids in ([1, 2, 3], [4, 5]):
        conn = RecordingConnection()
        await tenancy.audiences(conn, ids)  # type: ignore[arg-type]
        runs.append(conn.statements)
    assert runs[0][0] is runs[1][0]


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
async def test_a_new_briefs_inserts_are_built_once_not_per_brief(dialect: str) -> None:
    """The entry, the brief, its outbox row and the row's reason were built (and their cache
    keys computed from every value) anew for each brief (issue 26); now each brief passes only
    its values."""
    now = datetime(2026, 3, 2, tzinfo=UTC)
    runs = []
    for n in (1, 2):
        conn = RecordingConnection(dialect)
        await entry_store.insert_entry(conn, 1, FeedItem(  # type: ignore[arg-type]
            entry_key=f"k{n}", id_kind="guid", title=f"T{n}", link=None, published=None,
            text="x", content_hash="h"), now=now)
        await save_brief(conn, entry_id=n, brief=Brief(  # type: ignore[arg-type]
            headline=f"T{n}", points=[Point("p")], tags=[], url=None, lang="en"), now=now)
        await outbox_store.add(conn, key=f"key{n}", destination_id=1,  # type: ignore[arg-type]
                               now=now, brief_id=n, digest=None)
        await reason_store.record_row(conn, n, [(n, Reason("all", ""))])  # type: ignore[arg-type]
        runs.append(conn.statements)
    assert len(runs[0]) == 4
    assert same_statements(runs)


async def test_a_changed_feeds_read_and_its_success_are_built_once_not_per_feed() -> None:
    """The read of a changed feed's known entries and the update of its validators were built
    (with their cache keys) anew for each feed (issue 26); now each passes only its values.
    A different set of fields (a title learnt, a feed moved) is a statement of its own."""
    now = datetime(2026, 3, 2, tzinfo=UTC)
    runs = []
    for n in (1, 2):
        conn = RecordingConnection()
        await entry_store.known_hashes(conn, n, [f"a{n}", f"b{n}"])  # type: ignore[arg-type]
        for owner in ("w1", None):
            await feed_store.record_success(conn, n, now=now,  # type: ignore[arg-type]
                                            next_check_at=now, owner=owner, etag=f'"{n}"',
                                            last_modified=None, body_hash=f"h{n}")
        runs.append(conn.statements)
    assert len(runs[0]) == 3
    assert same_statements(runs)
    assert len({id(statement) for statement in runs[0]}) == 3
    conn = RecordingConnection()
    await feed_store.record_success(conn, 1, now=now, next_check_at=now,  # type: ignore[arg-type]
                                    owner="w1", etag=None, last_modified=None, body_hash="h",
                                    title="T")
    assert conn.statements[0] is not runs[0][1]


async def test_an_unchanged_feeds_bookkeeping_is_a_changed_feeds_statement() -> None:
    """The batched write of unchanged feeds repeated record_success's SET list in a statement
    of its own, built anew for each cycle; it is record_success's statement for the same
    fields, held by the batch's owner, run once per row."""
    now = datetime(2026, 3, 2, tzinfo=UTC)
    conn = RecordingConnection()
    await feed_store.record_success(conn, 1, now=now, next_check_at=now,  # type: ignore[arg-type]
                                    owner="w1", etag=None, last_modified=None, body_hash="h")
    for n in (1, 2):
        row = {"feed_id": n, "now": now, "next_at": now, "etag": None, "last_modified": None,
               "body_hash": f"h{n}"}
        await feed_store.record_unchanged(conn, [row], owner="w1")  # type: ignore[arg-type]
    assert same_statements([conn.statements[:1], conn.statements[1:2], conn.statements[2:]])


async def test_a_connection_goes_back_to_the_pool_clean_after_an_error_or_a_cancel(
        tmp_path: Path) -> None:
    """The pool no longer rolls back on return on SQLite (issue 26): each transaction ends
    itself. After one that raised and one cancelled mid-statement, every pooled connection is
    outside any transaction and sees none of their writes."""
    db = Database(database_url(tmp_path))
    entered, release = threading.Event(), threading.Event()
    try:
        async with db.begin() as conn:
            await conn.exec_driver_sql("CREATE TABLE scratch (n INTEGER)")
        with pytest.raises(LookupError):
            async with db.begin() as conn:
                await conn.exec_driver_sql("INSERT INTO scratch VALUES (1)")
                raise LookupError("a bug mid-transaction")
        await _pooled_connections_are_clean(db)
        task = asyncio.create_task(_write_then_stall(db, entered, release))
        while not (task.done() or entered.is_set() or await _stalled_on_postgresql(db)):
            await asyncio.sleep(0.01)  # until the stalling statement runs
        task.cancel()
        release.set()
        with pytest.raises(asyncio.CancelledError):
            await task
        await _pooled_connections_are_clean(db)
    finally:
        release.set()  # never leave aiosqlite's thread stalled
        await db.close()


async def _write_then_stall(db: Database, entered: threading.Event,
                            release: threading.Event) -> None:
    """Insert a row, then run a statement that does not end until cancelled (PostgreSQL) or
    ``release``d (SQLite, where the statement runs in aiosqlite's thread)."""
    async with db.begin() as conn:
        await conn.exec_driver_sql("INSERT INTO scratch VALUES (2)")
        if db.is_sqlite:
            def stall() -> int:
                entered.set()
                release.wait(30)
                return 0

            raw = await conn.get_raw_connection()
            await raw.driver_connection.create_function("stall", 0, stall)  # type: ignore[union-attr]
            await conn.exec_driver_sql("SELECT stall()")
        else:
            await conn.exec_driver_sql("SELECT pg_sleep(30)")


async def _stalled_on_postgresql(db: Database) -> bool:
    if db.is_sqlite:
        return False
    async with db.read() as conn:
        found = await conn.exec_driver_sql(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE state = 'active' AND query = 'SELECT pg_sleep(30)'")
        return bool(found.scalar())


async def _pooled_connections_are_clean(db: Database) -> None:
    """Check out every connection the pool holds at once, so each is looked at."""
    pool = db.engine.pool
    async with AsyncExitStack() as held:
        connections = [await held.enter_async_context(db.engine.connect())
                       for _ in range(pool.checkedin())]  # type: ignore[attr-defined]
        assert connections
        for conn in connections:
            driver = (await conn.get_raw_connection()).driver_connection
            if db.is_sqlite:  # aiosqlite's connection
                assert not driver.in_transaction  # type: ignore[union-attr]
            else:  # psycopg's
                assert driver.info.transaction_status == TransactionStatus.IDLE  # type: ignore[union-attr]
            assert (await conn.exec_driver_sql("SELECT count(*) FROM scratch")).scalar() == 0
            await conn.rollback()


async def test_a_cycle_prunes_its_changed_feeds_old_story_bands_in_one_statement(
        tmp_path: Path) -> None:
    """Each new brief deleted its feed's story bands older than the window, one statement per
    brief (issue 26); the cycle now prunes its changed feeds' together, once, and leaves the
    other feeds' bands for their own next brief."""
    clock = Clock()
    with FeedServer() as server:
        for i in range(3):
            server.set(f"/f/{i}.xml", rss(f"F{i}", [item(n, topic=f"t{i}") for n in range(3)]))
        async with polled_app(tmp_path, server, clock, [f"/f/{i}.xml" for i in range(3)]) as app:
            async with app.db.begin() as conn:
                by_url = {row.url: row.id for row in await feed_store.list_feeds(conn)}
                ids = [by_url[server.url(f"/f/{i}.xml")] for i in range(3)]
                brief_id = (await conn.execute(select(briefs.c.id))).scalars().first()
                old = clock.now - timedelta(days=3)
                await conn.execute(insert(story_bands), [
                    {"band": -1 - i, "brief_id": brief_id, "feed_id": feed_id, "created_at": old}
                    for i, feed_id in enumerate(ids)])
            for i in range(2):
                server.set(f"/f/{i}.xml", rss(f"F{i}", [item(n, topic=f"t{i}")
                                                        for n in range(4)]))
            clock.advance(app.settings.polling.interval + 1)
            with statements(app) as executed:
                stats = await app.pipeline.poll_due()
            async with app.db.read() as conn:
                left = (await conn.execute(select(story_bands.c.feed_id)
                                           .where(story_bands.c.created_at < clock.now
                                                  - timedelta(days=2)))).scalars().all()
    assert stats.briefs == 2
    assert len([sql for sql in executed if sql.startswith("DELETE FROM story_bands")]) == 1
    assert left == [ids[2]]


async def test_a_failed_flush_of_the_cycle_logs_what_failed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """The cycle's flush logged ``poll.store_failed feeds=`` its unchanged feeds: ``feeds=0``
    when only its changed feeds' band prune failed, as if nothing had. It names the step that
    failed and what each write held."""
    clock = Clock()

    async def full(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("DELETE FROM story_bands", {}, Exception("database or disk is full"))

    with FeedServer() as server:
        server.set("/f/0.xml", rss("F0", [item(n, topic="t0") for n in range(3)]))
        async with polled_app(tmp_path, server, clock, ["/f/0.xml"]) as app:
            server.set("/f/0.xml", rss("F0", [item(n, topic="t0") for n in range(4)]))
            clock.advance(app.settings.polling.interval + 1)
            monkeypatch.setattr(brief_store, "prune_bands", full)
            with caplog.at_level(logging.ERROR):
                stats = await app.pipeline.poll_due()
    assert (stats.briefs, stats.unchanged) == (1, 0)
    [line] = [r.getMessage() for r in caplog.records
              if r.getMessage().startswith("poll.store_failed")]
    assert "step=prune_bands" in line and "feeds=0" in line and "band_feeds=1" in line, line
