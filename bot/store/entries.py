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


def held_by_legacy_hash(stored: str | None, legacy: Callable[[], str]) -> bool:
    """Whether ``stored`` is a raw hash of the format before raw hashes were marked with their
    version (no ":") and equals the entry's ``legacy`` hash, computed only then. Such an entry
    is unchanged, not edited: only its stored hash is rewritten (``rewrite_raw_hashes``), so
    an upgrade alone never re-cleans, diffs or notes an entry (issue 26)."""
    return stored is not None and ":" not in stored and stored == legacy()


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


# SQLite's bound parameters a statement: 999 was its default before 3.32 and some builds (or a
# connection's setlimit) still allow no more, so a chunk stays under it whatever the library:
# 76 rows of 13 values. The full-text index is then flushed once per 76 rows, not per row.
SQLITE_VARIABLES = 999


@lru_cache(maxsize=128)
def _sqlite_insert_rows(columns: tuple[str, ...], count: int) -> str:
    """INSERT of ``count`` rows, qmark style; built once per count (few counts recur)."""
    row = "(" + ", ".join("?" * len(columns)) + ")"
    return f"INSERT INTO entries ({', '.join(columns)}) VALUES " + ", ".join([row] * count)


# One per kind of dialect, not per engine (as bot.store.briefs keeps its band rows): a cache
# keyed on the dialect itself would keep every engine's dialect alive.
_PROCESSORS: dict[tuple[type[Dialect], tuple[str, ...]],
                  tuple[Callable[[Any], Any] | None, ...]] = {}


def _bind_processors(dialect: Dialect,
                     columns: tuple[str, ...]) -> tuple[Callable[[Any], Any] | None, ...]:
    """What SQLAlchemy does to each column's value on its way in (UTC datetimes, JSON): the
    dialect's own impl of each type, as a compiled insert binds it. A TypeDecorator's own
    ``bind_processor`` wraps the generic DateTime's, which has none, and handed datetimes to
    sqlite3's default adapter: it drops '.000000' when the microseconds are 0, so such rows
    sorted and compared apart from insert_entry's."""
    key = (type(dialect), columns)
    if key not in _PROCESSORS:
        _PROCESSORS[key] = tuple(entries.c[name].type.dialect_impl(dialect)
                                 .bind_processor(dialect) for name in columns)
    return _PROCESSORS[key]


async def insert_entries(conn: AsyncConnection, feed_id: int, items: Sequence[FeedItem], *,
                         now: datetime) -> None:
    """Entries whose ids nobody needs (remembered as seen, not posted): a feed's first poll
    stores dozens of them. On SQLite in one multi-row INSERT per chunk, not an executemany:
    each statement that writes entries ends by flushing the full-text index its trigger fills
    (FTS5 writes its pending terms when the statement's savepoint is released), so executemany
    flushed it once per row (issue 26). The SQL is written here, as SQLAlchemy's multi-row
    insert cost more to build and bind than the flushes it saved; its columns are the keys
    ``_entry_values`` gives, the same as insert_entry stores. PostgreSQL keeps the executemany:
    its search index is not flushed per statement, and its driver sends the rows in one round
    trip (pipeline mode), still one INSERT per row."""
    if not items:
        return
    if conn.dialect.name != "sqlite":
        await conn.execute(_INSERT_ENTRY, [_entry_values(feed_id, item, now) for item in items])
        return
    rows = [_entry_values(feed_id, item, now) for item in items]
    columns = tuple(rows[0])
    processors = _bind_processors(conn.dialect, columns)
    per_statement = SQLITE_VARIABLES // len(columns)
    for start in range(0, len(rows), per_statement):
        chunk = rows[start:start + per_statement]
        params: list[Any] = []
        for values in chunk:
            params += [value if process is None else process(value)
                       for value, process in zip(values.values(), processors, strict=True)]
        await conn.exec_driver_sql(_sqlite_insert_rows(columns, len(chunk)), tuple(params))


# built once; the names differ from the columns', which an UPDATE's own parameters take
# Only the hash that was compared is replaced: another worker that took the feed over may have
# stored an edit (its text and new hash) since, which a late rewrite must not overwrite.
_REWRITE_RAW_HASH = (update(entries)
                     .where(entries.c.feed_id == bindparam("b_feed_id"),
                            entries.c.entry_key == bindparam("b_entry_key"),
                            entries.c.raw_hash == bindparam("b_legacy"))
                     .values(raw_hash=bindparam("b_raw_hash")))


async def rewrite_raw_hashes(conn: AsyncConnection,
                             rows: Sequence[tuple[int, str, str, str]]) -> None:
    """(feed_id, entry_key, raw_hash, legacy) of unchanged entries found by their legacy hash:
    their hash in the current format where the row still holds ``legacy``, in one statement
    for the cycle's feeds. Only the hash: title and text are not set, so the search index is
    not touched."""
    if rows:
        await conn.execute(_REWRITE_RAW_HASH, [
            {"b_feed_id": feed_id, "b_entry_key": key, "b_raw_hash": raw_hash,
             "b_legacy": legacy}
            for feed_id, key, raw_hash, legacy in rows])


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
