"""Entries seen in feeds: which items are new, which were only edited."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.models import Article, FeedItem
from bot.store import tenancy
from bot.store.schema import entries, feeds


class Known(NamedTuple):
    content_hash: str
    raw_hash: str | None  # None for entries stored before raw hashes were kept


# built once: every changed feed runs it (issue 26); the keys come with each execution
_KNOWN = (select(entries.c.entry_key, entries.c.content_hash, entries.c.raw_hash)
          .where(entries.c.feed_id == bindparam("feed_id"),
                 entries.c.entry_key.in_(bindparam("keys", expanding=True))))


async def known_hashes(conn: AsyncConnection, feed_id: int,
                       keys: Sequence[str]) -> dict[str, Known]:
    """entry_key → (content_hash, raw_hash) for the keys this feed has already shown us."""
    found: dict[str, Known] = {}
    chunk = 500  # stays under SQLite's bound-parameter limit
    for start in range(0, len(keys), chunk):
        rows = await conn.execute(_KNOWN, {"feed_id": feed_id,
                                           "keys": list(keys[start:start + chunk])})
        # unpacked by position: a Row's attribute costs ten times an index (issue 26)
        found.update({key: Known(content, raw) for key, content, raw in rows})
    return found


def _entry_values(feed_id: int, item: FeedItem, now: datetime) -> dict[str, object]:
    return {"feed_id": feed_id, "entry_key": item.entry_key, "id_kind": item.id_kind,
            "title": item.title, "link": item.link, "published_at": item.published,
            "first_seen_at": now, "text": item.text, "content_hash": item.content_hash,
            "categories": list(item.categories), "lang": item.lang,
            "raw_hash": item.raw_hash or None, "author": item.author}


_INSERT_ENTRY = insert(entries)  # built once: every new item runs it (issue 26)


async def insert_entry(conn: AsyncConnection, feed_id: int, item: FeedItem, *,
                       now: datetime) -> int:
    result = await conn.execute(_INSERT_ENTRY, _entry_values(feed_id, item, now))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


async def insert_entries(conn: AsyncConnection, feed_id: int, items: Sequence[FeedItem], *,
                         now: datetime) -> None:
    """Entries whose ids nobody needs (remembered as seen, not posted), in one statement: a
    feed's first poll stores dozens of them."""
    if items:
        await conn.execute(_INSERT_ENTRY, [_entry_values(feed_id, item, now) for item in items])


async def update_edited(conn: AsyncConnection, feed_id: int, item: FeedItem) -> None:
    """An edited item keeps its identity: store the new text, post nothing."""
    await conn.execute(
        update(entries)
        .where(entries.c.feed_id == feed_id, entries.c.entry_key == item.entry_key)
        .values(title=item.title, text=item.text, content_hash=item.content_hash,
                link=item.link, raw_hash=item.raw_hash or None,
                author=item.author)
    )


async def recent_articles(conn: AsyncConnection, limit: int = 20,
                          tenants: Collection[str] | None = None) -> list[Article]:
    """The last ``limit`` stored entries of the feeds ``tenants`` may read (None: every feed),
    newest first, as a pattern filter sees them."""
    rows = await conn.execute(
        select(entries.c.title, entries.c.text, entries.c.categories, entries.c.author)
        .select_from(entries.join(feeds, feeds.c.id == entries.c.feed_id))
        .where(await tenancy.readable(conn, tenants))
        .order_by(entries.c.first_seen_at.desc(), entries.c.id.desc()).limit(limit))
    return [Article(title=r.title, text=r.text, author=r.author,
                    categories=tuple(str(c) for c in r.categories or ()))
            for r in rows]
