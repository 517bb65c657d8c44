"""The SQLite driver (bot.store.sqlite_driver): one round trip to aiosqlite's thread per
statement, and the same results and errors as SQLAlchemy's own aiosqlite cursor."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdaptFallback_aiosqlite_connection
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.store import Database
from bot.store.sqlite_driver import dbapi

META = MetaData()
THINGS = Table("things", META, Column("id", Integer, primary_key=True),
               Column("name", String, unique=True, nullable=False))


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'x.db'}")
    async with database.begin() as conn:
        await conn.run_sync(META.create_all)
    yield database
    await database.close()


@pytest.fixture
def hops(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every call aiosqlite runs in its thread, by name."""
    seen: list[str] = []
    real = aiosqlite.Connection._execute

    async def counted(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(getattr(fn, "__name__", repr(fn)))
        return await real(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    return seen


async def test_one_thread_round_trip_per_statement(db: Database, hops: list[str]) -> None:
    """SQLAlchemy's cursor made four (cursor, execute, fetchall, close): each a queue hand-off
    and a wake-up of the loop, most of a small statement's CPU (issue 26)."""
    async with db.read() as conn:
        hops.clear()
        await conn.execute(select(THINGS.c.id).where(THINGS.c.id == 1))
        assert len(hops) == 1, hops
        hops.clear()
        await conn.execute(text("SELECT 1"))
        assert len(hops) == 1, hops


async def test_a_transactions_begin_goes_with_its_first_statement(db: Database,
                                                                   hops: list[str]) -> None:
    """BEGIN took a round trip of its own: a one-statement transaction made three (issue 26:
    a changed feed runs about four transactions). It now runs in its first statement's, and a
    transaction that runs nothing costs none."""
    async with db.begin() as conn:
        await conn.execute(insert(THINGS).values(name="a"))
    assert hops == ["_run", "commit"], hops
    hops.clear()
    async with db.read() as conn:
        await conn.execute(select(THINGS.c.id))
    assert hops == ["_run", "commit"], hops
    hops.clear()
    async with db.begin():
        pass
    with pytest.raises(LookupError):
        async with db.begin():
            raise LookupError("nothing ran")
    assert hops == []
    async with db.read() as conn:
        assert (await conn.execute(select(THINGS.c.name))).scalars().all() == ["a"]


async def test_a_read_alone_is_one_round_trip_and_leaves_no_transaction(
        db: Database, hops: list[str], tmp_path: Path) -> None:
    """A changed feed's read of its known entries was a transaction: its statement and a
    commit, two round trips (issue 26). A lone statement is atomic by itself: read_alone runs
    it in one, opens no transaction (a writer goes on beside it), and the connection's next
    transaction begins and commits as ever."""
    async with db.begin() as conn:
        await conn.execute(insert(THINGS).values(name="a"))
    hops.clear()
    other = sqlite3.connect(tmp_path / "x.db", timeout=0, isolation_level=None)
    try:
        async with db.read_alone() as conn:
            assert (await conn.execute(select(THINGS.c.name))).scalars().all() == ["a"]
            other.execute("BEGIN IMMEDIATE")  # no lock held, not even a read snapshot's
            other.execute("INSERT INTO things (name) VALUES ('b')")
            other.execute("COMMIT")
            assert (await conn.execute(select(THINGS.c.name))).scalars().all() == ["a", "b"]
    finally:
        other.close()
    assert hops == ["_run", "_run"], hops
    hops.clear()
    async with db.begin() as conn:  # the same pooled connection: a transaction again
        await conn.execute(insert(THINGS).values(name="c"))
    assert hops == ["_run", "commit"], hops
    async with db.read() as conn:
        assert (await conn.execute(select(THINGS.c.name))).scalars().all() == ["a", "b", "c"]


async def test_a_write_transaction_holds_the_write_lock_from_its_first_statement(
        db: Database, tmp_path: Path) -> None:
    """Its BEGIN is still IMMEDIATE: from its first statement, even a read, another writer of
    the file waits (here, with no timeout, fails); a read transaction takes no write lock."""
    other = sqlite3.connect(tmp_path / "x.db", timeout=0, isolation_level=None)
    try:
        async with db.begin() as conn:
            await conn.execute(select(THINGS.c.id))
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        async with db.read() as conn:
            await conn.execute(select(THINGS.c.id))
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


async def test_rows_ids_and_counts_are_the_drivers(db: Database) -> None:
    async with db.begin() as conn:
        first = await conn.execute(insert(THINGS).values(name="a"))
        assert first.inserted_primary_key == (1,)
        await conn.execute(insert(THINGS), [{"name": "b"}, {"name": "c"}])
        returned = await conn.execute(insert(THINGS).values(name="d").returning(THINGS.c.id))
        assert returned.scalar() == 4
        changed = await conn.execute(
            update(THINGS).where(THINGS.c.id > 1).values(name=THINGS.c.name + "!"))
        assert changed.rowcount == 3
        rows = (await conn.execute(select(THINGS).order_by(THINGS.c.id))).all()
    assert [tuple(r) for r in rows] == [(1, "a"), (2, "b!"), (3, "c!"), (4, "d!")]
    async with db.read() as conn:
        streamed = await conn.stream(select(THINGS.c.name).order_by(THINGS.c.id))
        assert [r.name async for r in streamed] == ["a", "b!", "c!", "d!"]


async def test_errors_are_sqlalchemys_and_roll_back(db: Database) -> None:
    with pytest.raises(IntegrityError):
        async with db.begin() as conn:
            await conn.execute(insert(THINGS).values(name="x"))
            await conn.execute(insert(THINGS).values(name="x"))
    with pytest.raises(IntegrityError):
        async with db.begin() as conn:
            await conn.execute(insert(THINGS), [{"name": "y"}, {"name": "y"}])
    with pytest.raises(OperationalError):
        async with db.read() as conn:
            await conn.execute(text("SELECT nothing FROM nowhere"))
    async with db.read() as conn:
        assert (await conn.execute(select(THINGS))).all() == []


async def test_a_closed_driver_connection_is_a_lost_connection(db: Database) -> None:
    """aiosqlite refuses a closed connection with a plain ValueError; it must reach callers as
    SQLAlchemy's OperationalError (what the pipeline catches) and invalidate the connection,
    so the pool does not hand the dead one out again."""
    async with db.engine.connect() as conn:
        await conn.execute(text("SELECT 1"))  # inside the transaction: BEGIN is behind us
        raw = await conn.get_raw_connection()
        await raw.driver_connection.close()
        with pytest.raises(OperationalError):
            await conn.execute(text("SELECT 1"))
        assert conn.invalidated
    async with db.read() as conn:
        assert (await conn.execute(text("SELECT 1"))).scalar() == 1


def test_async_fallback_keeps_sqlalchemys_connection_type() -> None:
    """async_fallback connections await by running the loop themselves: rebuilt as a
    OneHopConnection they would not."""
    loop = asyncio.new_event_loop()  # async_fallback runs its awaits on the thread's loop
    asyncio.set_event_loop(loop)
    try:
        connection = dbapi().connect(":memory:", async_fallback=True)
        assert isinstance(connection, AsyncAdaptFallback_aiosqlite_connection)
        connection.close()
    finally:
        asyncio.set_event_loop(None)
        loop.close()


async def test_each_connection_keeps_a_small_page_cache(db: Database) -> None:
    """The pool keeps a connection per poll task open; each holds at most 128 KiB of pages, not
    SQLite's 2 MiB: seventeen kept connections with full caches grew the bot's memory by about
    11 MB (bench.window), and at 512 KiB each held about 5 MB more than at 128 KiB."""
    async with db.read() as conn:
        assert (await conn.execute(text("PRAGMA cache_size"))).scalar() == -128
