"""The store's connection pool keeps what a poll cycle needs open, on either backend."""

from __future__ import annotations

from contextlib import AsyncExitStack
from pathlib import Path

import pytest
from sqlalchemy import event, text

from bot.config import Settings
from bot.startup import open_store

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


async def test_a_cycle_opens_no_connection_once_the_pool_is_warm(tmp_path: Path) -> None:
    """Every poll task reading at once beside the writer finds its connection open in the next
    cycle. PostgreSQL's pool kept 5 (plus 5 overflow, closed as they came back) against the poll
    concurrency of 16: each cycle started new server processes and waited for the rest."""
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
