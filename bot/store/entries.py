"""Entries seen in feeds: which items are new, which were only edited."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Dialect, bindparam, insert, select, update
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


# Rows per multi-row insert on SQLite: 13 values a row stays under its 32,766 bound parameters
# (a feed's first poll stores at most polling.max_items_per_feed, 500 by default).
ROWS_PER_INSERT = 1000
_COLUMNS = ("feed_id", "entry_key", "id_kind", "title", "link", "published_at",
            "first_seen_at", "text", "content_hash", "categories", "lang", "raw_hash", "author")


@lru_cache(maxsize=64)
def _sqlite_insert_rows(count: int) -> str:
    """INSERT of ``count`` rows, qmark style; built once per count (few counts recur)."""
    row = "(" + ", ".join("?" * len(_COLUMNS)) + ")"
    return f"INSERT INTO entries ({', '.join(_COLUMNS)}) VALUES " + ", ".join([row] * count)


@lru_cache(maxsize=4)
def _bind_processors(dialect: Dialect) -> tuple[Callable[[Any], Any] | None, ...]:
    """What SQLAlchemy does to each column's value on its way in (UTC datetimes, JSON)."""
    return tuple(entries.c[name].type.bind_processor(dialect) for name in _COLUMNS)


async def insert_entries(conn: AsyncConnection, feed_id: int, items: Sequence[FeedItem], *,
                         now: datetime) -> None:
    """Entries whose ids nobody needs (remembered as seen, not posted): a feed's first poll
    stores dozens of them. On SQLite in one multi-row INSERT, not an executemany: each
    statement that writes entries ends by flushing the full-text index its trigger fills (FTS5
    writes its pending terms when the statement's savepoint is released), so executemany
    flushed it once per row (issue 26). The SQL is written here, as SQLAlchemy's multi-row
    insert cost more to build and bind than the flushes it saved. PostgreSQL's search index
    is not flushed per statement, and its driver already sends an executemany as multi-row
    statements."""
    if not items:
        return
    if conn.dialect.name != "sqlite":
        await conn.execute(_INSERT_ENTRY, [_entry_values(feed_id, item, now) for item in items])
        return
    processors = _bind_processors(conn.dialect)
    for start in range(0, len(items), ROWS_PER_INSERT):
        chunk = items[start:start + ROWS_PER_INSERT]
        params: list[Any] = []
        for item in chunk:
            values = _entry_values(feed_id, item, now)
            params += [value if process is None else process(value)
                       for value, process in zip((values[name] for name in _COLUMNS),
                                                 processors, strict=True)]
        await conn.exec_driver_sql(_sqlite_insert_rows(len(chunk)), tuple(params))


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
