"""The bookkeeping of a poll cycle is batched (issue 26): feeds that brought nothing new are
written together in one statement at the end of the cycle, and none of them costs a read of its
entries; a changed feed reads its known entries without taking the write lock. Statements
counted, never timed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from bot.feeds.parse import parse_feed
from bot.store import entries as entry_store
from bot.store import feeds as feed_store
from tests.support.clock import Clock
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer
from tests.support.polled import polled_app

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
