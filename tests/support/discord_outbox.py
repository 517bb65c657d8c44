"""The outbox over the fake Discord: the ``db`` and ``fake`` fixtures, ``process`` and ``drain``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from discord.http import Route

from adapters.discord import make_adapter
from bot.outbox.worker import OutboxWorker
from bot.store.db import Database
from tests.support.dbs import database_url
from tests.support.fake_discord import BOT_TOKEN, FakeDiscord
from tests.support.outbox import FakeClock


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    monkeypatch.setattr(Route, "BASE", Route.BASE)
    async with FakeDiscord() as server:
        yield server
        assert server.violations == []


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(database_url(tmp_path))
    await database.migrate()
    yield database
    await database.close()


def process(db: Database, fake: FakeDiscord, clock: FakeClock,
            name: str) -> tuple[OutboxWorker, object]:
    """A fresh process, as ``run --once`` builds it: the adapter is never ``start``ed."""
    adapter = make_adapter(token=BOT_TOKEN, api_base_url=fake.api_base, connect_gateway=False)
    return OutboxWorker(db=db, adapters={"discord": adapter}, clock=clock, sleep=clock.sleep,
                        worker_id=name, backoff_base=30.0), adapter


async def drain(worker: OutboxWorker, adapter: object) -> None:
    try:
        await worker.reconcile_stale()
        while await worker.run_once():
            pass
    finally:
        await adapter.stop()  # type: ignore[attr-defined]
