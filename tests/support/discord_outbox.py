"""The outbox over the fake Discord: the ``db`` and ``fake`` fixtures, ``process`` and ``drain``."""

from __future__ import annotations

from adapters.discord import make_adapter
from bot.outbox.worker import OutboxWorker
from bot.store.db import Database
from tests.support.fake_discord import BOT_TOKEN, FakeDiscord, fake  # noqa: F401  (fixture)
from tests.support.outbox import FakeClock, db  # noqa: F401  (fixture)


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
