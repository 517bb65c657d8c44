"""A poll cycle's feeds read by position (``feeds.feed_rows``, issue 26) are the FeedRows the
one-row reading (``feeds.feed_row``) gives, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot.store import Database
from bot.store.feeds import add_feed, claim_due, feed_row, feed_rows, list_feeds
from bot.store.schema import feeds
from tests.support.dbs import database_url

pytestmark = pytest.mark.usefixtures("pass_database")

NOW = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)


async def test_feeds_read_by_position_are_the_rows_read_by_name(tmp_path: Path) -> None:
    db = Database(database_url(tmp_path))
    await db.migrate()
    try:
        async with db.begin() as conn:
            plain, _ = await add_feed(conn, "https://plain.example/rss", now=NOW)
            full, _ = await add_feed(conn, "https://full.example/rss", now=NOW,
                                     title="Full", tags=["world", "eu"])
            await conn.execute(update(feeds).where(feeds.c.id == full).values(
                etag='"v1"', last_modified="Mon, 09 Mar 2026 09:00:00 GMT", body_hash="ab" * 32,
                consecutive_failures=2, last_error="timeout", first_polled=True))
        async with db.begin() as conn:
            by_name = [feed_row(row) for row in
                       await conn.execute(select(feeds).order_by(feeds.c.id))]
            by_position = feed_rows(await conn.execute(select(feeds).order_by(feeds.c.id)))
            # the same columns in another order: positions come from the result's keys
            reordered = feed_rows(await conn.execute(
                select(*reversed(feeds.c)).order_by(feeds.c.id)))
            one_reordered = feed_row((await conn.execute(
                select(*reversed(feeds.c)).where(feeds.c.id == full))).one())
            listed = await list_feeds(conn)
            claimed = await claim_due(conn, now=NOW + timedelta(days=1), owner="me", limit=10,
                                      lease=timedelta(minutes=5))
        assert [row.id for row in by_name] == [plain, full]
        assert by_position == by_name == reordered == listed
        assert one_reordered == by_name[1]
        assert by_name[1].tags == ["world", "eu"] and by_name[1].first_polled is True
        assert by_name[1].consecutive_failures == 2 and by_name[0].first_polled is False
        assert sorted(row.id for row in claimed) == [plain, full]
        assert {row.id: row.etag for row in claimed} == {plain: None, full: '"v1"'}
    finally:
        await db.close()
