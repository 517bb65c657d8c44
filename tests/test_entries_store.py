"""Entries stored together (a first poll's unposted ones) are stored as one at a time would be."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.models import FeedItem
from bot.store import Database
from bot.store import entries as entry_store
from bot.store.feeds import add_feed
from bot.store.schema import entries
from tests.support.dbs import database_url

pytestmark = pytest.mark.usefixtures("pass_database")

NOW = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)


def _item(n: int) -> FeedItem:
    return FeedItem(entry_key=f"guid:{n}", id_kind="guid", title=f"Story {n}",
                    link=f"https://news.example/{n}", published=NOW, text=f"Text {n}.",
                    content_hash=f"c{n}", categories=("world", "x"), author="Ann", lang="en",
                    raw_hash=f"r{n}")


async def test_entries_inserted_together_match_entries_inserted_one_by_one(
        tmp_path: Path) -> None:
    db = Database(database_url(tmp_path))
    await db.migrate()
    try:
        async with db.begin() as conn:
            one, _ = await add_feed(conn, "https://one.example/rss", now=NOW)
            many, _ = await add_feed(conn, "https://many.example/rss", now=NOW)
            for n in range(3):
                await entry_store.insert_entry(conn, one, _item(n), now=NOW)
            await entry_store.insert_entries(conn, many, [_item(n) for n in range(3)], now=NOW)
            await entry_store.insert_entries(conn, many, [], now=NOW)  # nothing to store
            rows = {feed: [r._asdict() for r in await conn.execute(
                select(entries).where(entries.c.feed_id == feed).order_by(entries.c.id))]
                for feed in (one, many)}
            known = await entry_store.known_hashes(conn, many, ["guid:0", "guid:2"])
    finally:
        await db.close()
    strip = [{k: v for k, v in r.items() if k not in ("id", "feed_id")} for r in rows[one]]
    assert strip == [{k: v for k, v in r.items() if k not in ("id", "feed_id")}
                     for r in rows[many]]
    assert [r["entry_key"] for r in rows[many]] == ["guid:0", "guid:1", "guid:2"]
    assert known["guid:2"] == entry_store.Known("c2", "r2")
