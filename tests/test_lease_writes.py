"""A poll's bookkeeping is written only by the worker that still holds the feed's lease: a write
after a long batch must not overwrite the etag and body hash of the worker that took the feed
over since (its newer ones), nor clear that worker's lease."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot.store import Database
from bot.store import feeds as feed_store
from bot.store.schema import feeds
from tests.support.dbs import database_url

pytestmark = pytest.mark.usefixtures("pass_database")

NOW = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=5)


async def _taken_over(db: Database) -> int:
    """A feed first leased to "slow", then taken over (and polled) by "fast"."""
    async with db.begin() as conn:
        feed_id, _ = await feed_store.add_feed(conn, "https://one.example/rss", now=NOW)
        await conn.execute(update(feeds).where(feeds.c.id == feed_id).values(
            lease_owner="fast", lease_until=LATER, etag='"new"', body_hash="new"))
    return feed_id


async def _state(db: Database, feed_id: int) -> tuple[str | None, str | None, str | None]:
    async with db.begin() as conn:
        row = (await conn.execute(select(feeds.c.lease_owner, feeds.c.etag, feeds.c.body_hash)
                                  .where(feeds.c.id == feed_id))).one()
    return row.lease_owner, row.etag, row.body_hash


async def test_a_late_batched_write_leaves_the_new_holders_feed_alone(tmp_path: Path) -> None:
    db = Database(database_url(tmp_path))
    await db.migrate()
    try:
        feed_id = await _taken_over(db)
        row = {"feed_id": feed_id, "now": NOW, "next_at": LATER, "etag": '"old"',
               "last_modified": None, "body_hash": "old"}
        async with db.begin() as conn:
            await feed_store.record_unchanged(conn, [row], owner="slow")
        assert await _state(db, feed_id) == ("fast", '"new"', "new")
        async with db.begin() as conn:
            await feed_store.record_unchanged(conn, [row], owner="fast")  # its own: written
        assert await _state(db, feed_id) == (None, '"old"', "old")
    finally:
        await db.close()


async def test_a_late_success_leaves_the_new_holders_feed_alone(tmp_path: Path) -> None:
    db = Database(database_url(tmp_path))
    await db.migrate()
    try:
        feed_id = await _taken_over(db)
        async with db.begin() as conn:
            await feed_store.record_success(conn, feed_id, now=NOW, next_check_at=LATER,
                                            owner="slow", etag='"old"', body_hash="old")
        assert await _state(db, feed_id) == ("fast", '"new"', "new")
        async with db.begin() as conn:
            await feed_store.record_success(conn, feed_id, now=NOW, next_check_at=LATER,
                                            owner="fast", etag='"old"', body_hash="old")
        assert await _state(db, feed_id) == (None, '"old"', "old")
    finally:
        await db.close()
