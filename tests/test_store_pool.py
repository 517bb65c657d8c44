"""The store's connection pool keeps what a poll cycle needs open, on either backend."""

from __future__ import annotations

from contextlib import AsyncExitStack
from pathlib import Path

import pytest
from sqlalchemy import event, text

from bot.app import adapters_down, tenancy_in_force
from bot.cli.feeds import run_feeds_command
from bot.clock import now_utc
from bot.config import Secrets, Settings
from bot.startup import open_store
from bot.store.db import POOL_SIZE_CAP, Database

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


async def test_a_cycle_opens_no_connection_once_the_pool_is_warm(tmp_path: Path) -> None:
    """Every poll task reading at once beside the writer finds its connection open in the next
    cycle. Both pools kept SQLAlchemy's 5 against the poll concurrency of 16 and closed the
    overflow as it came back: each cycle opened about 8 again (on SQLite a thread and a file
    handle each, on PostgreSQL a server process)."""
    settings = Settings(data_dir=tmp_path, polling={"concurrency": 8})
    store = await open_store(settings)
    opened: list[object] = []
    event.listen(store.engine.sync_engine, "connect", lambda conn, record: opened.append(conn))

    async def cycle() -> None:
        async with AsyncExitStack() as stack:
            for _ in range(settings.polling.concurrency):
                conn = await stack.enter_async_context(store.read())
                await conn.execute(text("SELECT 1"))
            conn = await stack.enter_async_context(store.begin())
            await conn.execute(text("SELECT 1"))

    try:
        await cycle()
        first = len(opened)
        await cycle()
    finally:
        await store.close()
    assert first > 0  # the events are counted
    assert len(opened) == first


def test_postgresqls_pool_is_capped_however_high_the_poll_concurrency() -> None:
    """PostgreSQL's pool kept ``polling.concurrency`` + 1 connections: 257 at the allowed 256,
    against a server whose max_connections is 100 by default. Now at most POOL_SIZE_CAP unless
    ``database.pool_size`` says otherwise. (No connection is opened here.)"""
    url = "postgresql+psycopg://newsbrief@localhost/newsbrief"
    sizes = {}
    for readers, pool_size in ((256, None), (8, None), (256, 40)):
        db = Database(url, readers=readers, pool_size=pool_size)
        sizes[readers, pool_size] = db.engine.pool.size()  # type: ignore[attr-defined]
    assert sizes == {(256, None): POOL_SIZE_CAP, (8, None): 9, (256, 40): 40}


async def test_database_pool_size_is_the_pool_of_a_postgresql_store(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, polling={"concurrency": 8}, database={"pool_size": 3})
    store = await open_store(settings)
    try:
        if store.is_sqlite:
            pytest.skip("PostgreSQL only: database.pool_size is PostgreSQL's (SQLite keeps "
                        "a connection per poll task)")
        assert store.engine.pool.size() == 3  # type: ignore[attr-defined]
    finally:
        await store.close()


async def test_the_cli_and_check_size_their_pool_as_the_bot_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``newsbrief feeds …`` and ``check``'s look into the store built ``Database(url)``: the
    default pool (5), not the poll concurrency's or ``database.pool_size``."""
    settings = Settings(data_dir=tmp_path, polling={"concurrency": 8}, database={"pool_size": 3})
    sizes: list[int] = []
    close = Database.close

    async def recording_close(db: Database) -> None:
        sizes.append(db.engine.pool.size())  # type: ignore[attr-defined]
        await close(db)

    monkeypatch.setattr(Database, "close", recording_close)
    await (await open_store(settings)).close()  # the bot's pool
    assert await run_feeds_command("list", settings, Secrets(values={}), as_json=True) == 0
    await tenancy_in_force(settings)
    await adapters_down(settings, now=now_utc())
    assert len(sizes) == 4
    assert sizes[1:] == [sizes[0]] * 3
