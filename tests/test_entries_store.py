"""Entries stored together (a first poll's unposted ones) are stored as one at a time would be,
in one statement per chunk."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Text, bindparam, cast, event, func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.errors import ParseError
from bot.feeds.parse import parse_feed
from bot.models import FeedItem
from bot.store import Database
from bot.store import entries as entry_store
from bot.store.feeds import add_feed
from bot.store.schema import entries
from tests.conftest import shared_path
from tests.support.dbs import db  # noqa: F401  (the fixture)

pytestmark = pytest.mark.usefixtures("pass_database")

NOW = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)


def _item(n: int) -> FeedItem:
    return FeedItem(entry_key=f"guid:{n}", id_kind="guid", title=f"Story {n}",
                    link=f"https://news.example/{n}", published=NOW, text=f"Text {n}.",
                    content_hash=f"c{n}", categories=("world", "x"), author="Ann", lang="en",
                    raw_hash=f"r{n}")



async def _stored_both_ways(conn: AsyncConnection, items: list[FeedItem],
                            name: str = "rss") -> tuple[int, int]:
    """Two new feeds holding ``items``: the first inserted one entry at a time, the second all
    together."""
    one, _ = await add_feed(conn, f"https://one.example/{name}", now=NOW)
    many, _ = await add_feed(conn, f"https://many.example/{name}", now=NOW)
    for item in items:
        await entry_store.insert_entry(conn, one, item, now=NOW)
    await entry_store.insert_entries(conn, many, items, now=NOW)
    return one, many


def _rows(conn_rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{k: v for k, v in r.items() if k not in ("id", "feed_id")} for r in conn_rows]


async def _stored(conn: AsyncConnection, feed_id: int) -> list[dict[str, object]]:
    return [r._asdict() for r in await conn.execute(
        select(entries).where(entries.c.feed_id == feed_id).order_by(entries.c.id))]


async def _stored_raw(conn: AsyncConnection, feed_id: int) -> list[tuple[object, ...]]:
    """The rows as the database holds them (every column but the ids), before SQLAlchemy
    parses them back: a datetime stored as other text parses back equal but sorts apart."""
    columns = [c for c in entries.c if c.name not in ("id", "feed_id")]
    raw = [func.quote(c) if conn.dialect.name == "sqlite" else cast(c, Text) for c in columns]
    return [tuple(r) for r in await conn.execute(
        select(*raw).where(entries.c.feed_id == feed_id).order_by(entries.c.id))]


async def test_entries_inserted_together_match_entries_inserted_one_by_one(
        db: Database) -> None:
    async with db.begin() as conn:
        one, many = await _stored_both_ways(conn, [_item(n) for n in range(3)])
        await entry_store.insert_entries(conn, many, [], now=NOW)  # nothing to store
        rows = {feed: await _stored(conn, feed) for feed in (one, many)}
        known = await entry_store.known_hashes(conn, many, ["guid:0", "guid:2"])
    assert _rows(rows[one]) == _rows(rows[many])
    assert [r["entry_key"] for r in rows[many]] == ["guid:0", "guid:1", "guid:2"]
    assert known["guid:2"] == entry_store.Known("c2", "r2")


# PostgreSQL has no full-text table to flush; its executemany is batched.
@pytest.mark.sqlite_only
async def test_a_feeds_entries_are_one_statement_not_one_per_row(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    # On SQLite each statement writing entries flushes the full-text index its trigger fills:
    # an executemany of N rows flushed it N times (issue 26). Chunks still bound the parameters.
    monkeypatch.setattr(entry_store, "SQLITE_VARIABLES", 2 * 13 + 1)  # 2 rows a statement
    seen: list[bool] = []

    def note(conn: object, cursor: object, statement: str, parameters: object, context: object,
             executemany: bool) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO ENTRIES"):
            seen.append(executemany)

    async with db.begin() as conn:
        feed, _ = await add_feed(conn, "https://many.example/rss", now=NOW)
        event.listen(conn.sync_engine, "before_cursor_execute", note)
        await entry_store.insert_entries(conn, feed, [_item(n) for n in range(5)], now=NOW)
        event.remove(conn.sync_engine, "before_cursor_execute", note)
        rows = await _stored(conn, feed)
    assert seen == [False, False, False]  # 2 + 2 + 1 rows, each chunk one statement
    assert [r["entry_key"] for r in rows] == [f"guid:{n}" for n in range(5)]


# The FTS5 table is SQLite's; PostgreSQL searches the entries' own index.
@pytest.mark.sqlite_only
async def test_entries_inserted_together_are_searchable_each(db: Database) -> None:
    async with db.begin() as conn:
        feed, _ = await add_feed(conn, "https://many.example/rss", now=NOW)
        await entry_store.insert_entries(conn, feed, [_item(n) for n in range(3)], now=NOW)
        found = (await conn.execute(text(
            "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'Story'"))).scalar()
    assert found == 3


async def test_a_real_first_poll_stores_the_rows_one_at_a_time_would(db: Database) -> None:
    # Every real-world capture that parses, its items as a first poll keeps them: stored
    # together they are the rows (every column but the ids, as the database holds them) that
    # inserting them one at a time gives.
    root = shared_path("feeds", "real-world")
    bodies = [p.read_bytes() for p in sorted(root.rglob("*"))
              if p.is_file() and p.suffix in (".xml", ".rss", ".atom", ".rdf", ".json")]
    compared = 0
    for n, body in enumerate(bodies):
        try:
            items = parse_feed(body, url=f"https://real.example/{n}", now=NOW).items
        except ParseError:
            continue
        unique = list({item.entry_key: item for item in items}.values())
        if not unique:
            continue
        async with db.begin() as conn:
            one, many = await _stored_both_ways(conn, unique, str(n))
            assert await _stored_raw(conn, many) == await _stored_raw(conn, one), n
        compared += len(unique)
    assert compared > 500, compared


async def test_entries_stored_together_hold_the_same_datetimes_as_one_stored_alone(
        db: Database) -> None:
    # A clock at a whole second (microsecond 0): rows stored together once held
    # '2026-03-09 10:00:00' where insert_entry held '2026-03-09 10:00:00.000000', so the newest
    # sorted last and `published_at >= now` missed them.
    async with db.begin() as conn:
        feed, _ = await add_feed(conn, "https://f.example/rss", now=NOW)
        await entry_store.insert_entries(conn, feed, [_item(1)], now=NOW)
        await entry_store.insert_entry(conn, feed, _item(2), now=NOW)
        await entry_store.insert_entries(conn, feed, [_item(3)], now=NOW)
        raw = await _stored_raw(conn, feed)
        newest = [a.title for a in await entry_store.recent_articles(conn, 3)]
        since = [r.title for r in await conn.execute(
            select(entries.c.title).where(entries.c.published_at >= bindparam(
                "t", type_=entries.c.published_at.type)).order_by(entries.c.id),
            {"t": NOW})]
    published = {row[4] for row in raw}  # published_at, first_seen_at
    seen = {row[5] for row in raw}
    assert len(published) == 1 and len(seen) == 1, raw
    assert newest == ["Story 3", "Story 2", "Story 1"]
    assert since == ["Story 1", "Story 2", "Story 3"]


@pytest.mark.sqlite_only
async def test_a_first_poll_fits_a_connection_allowing_999_variables(db: Database) -> None:
    # SQLite builds before 3.32, and embedders since, allow 999 bound parameters a statement:
    # 77 rows of 13 values once failed "too many SQL variables" and the first poll never ended.

    def lower_limit(dbapi_conn: Any, record: object, proxy: object) -> None:
        # the adapter's aiosqlite connection, then the sqlite3 one it runs in its thread; on
        # every checkout, as the migration's connections are pooled already
        raw: sqlite3.Connection = dbapi_conn._connection._conn
        raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)

    event.listen(db.engine.sync_engine, "checkout", lower_limit)
    async with db.begin() as conn:
        feed, _ = await add_feed(conn, "https://f.example/rss", now=NOW)
        await entry_store.insert_entries(conn, feed, [_item(n) for n in range(200)], now=NOW)
        keys = [r[0] for r in await conn.execute(
            select(entries.c.entry_key).where(entries.c.feed_id == feed)
            .order_by(entries.c.id))]
    assert keys == [f"guid:{n}" for n in range(200)]


async def test_entries_stored_together_take_every_column_insert_entry_takes(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    # The columns of the multi-row insert are the keys of the values insert_entry stores, not a
    # second list kept by hand that a new column could miss: here the values lose one.
    plain = entry_store._entry_values

    def without_lang(feed_id: int, item: FeedItem, now: datetime) -> dict[str, object]:
        values = plain(feed_id, item, now)
        del values["lang"]
        return values

    monkeypatch.setattr(entry_store, "_entry_values", without_lang)
    async with db.begin() as conn:
        one, many = await _stored_both_ways(conn, [_item(n) for n in range(3)])
        assert await _stored_raw(conn, many) == await _stored_raw(conn, one)
        assert [r["lang"] for r in await _stored(conn, many)] == [None] * 3


def test_the_stored_values_name_every_entries_column() -> None:
    values = entry_store._entry_values(1, _item(0), NOW)
    assert set(values) == {c.name for c in entries.c} - {"id"}


@pytest.mark.sqlite_only  # it runs the PostgreSQL pass's collection itself
def test_the_tests_about_sqlite_build_no_postgresql_database() -> None:
    # Skipped inside its body, a test about SQLite would skip only after its ``db`` fixture
    # had built and migrated a PostgreSQL database: the PostgreSQL pass leaves them out at
    # collection instead.
    env = {**os.environ, "NEWSBRIEF_TEST_BACKEND": "postgresql"}
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p",
                           "no:cacheprovider", __file__], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1], env=env, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    kept = done.stdout
    assert "test_entries_inserted_together_match_entries_inserted_one_by_one" in kept, kept
    for name in ("test_a_feeds_entries_are_one_statement_not_one_per_row",
                 "test_entries_inserted_together_are_searchable_each",
                 "test_a_first_poll_fits_a_connection_allowing_999_variables",
                 "test_the_tests_about_sqlite_build_no_postgresql_database"):
        assert f"::{name}" not in kept, name
