"""Workers that die, start together, or fail to start: leases taken over within a heartbeat
grace, start-up writes that never collide, shared pacing, one failed adapter among several."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import DestinationSettings, FeedSettings, Secrets, Settings, SubscriptionSettings
from bot.delivery import CommandHandler, Pacing
from bot.errors import DeliveryError
from bot.outbox.pacing import SharedPace
from bot.outbox.worker import OutboxWorker
from bot.runner import Runner
from bot.startup import sync_config, with_default_destination
from bot.store import workers as worker_store
from bot.store.db import Database
from bot.store.feeds import add_feed, claim_due
from bot.store.schema import feeds
from tests.support.crash_delivery import EPOCH, seed
from tests.support.outbox import FakeClock, rows

GRACE = worker_store.DEFAULT_GRACE


async def _db(db_url: str) -> Database:
    db = Database(db_url)
    await db.migrate()
    return db


async def test_a_dead_workers_feeds_are_taken_once_its_heartbeat_is_stale(
        db_url: str, db_backend: str) -> None:
    db = await _db(db_url)
    try:
        lease = timedelta(minutes=3)  # what a poll's lease is: far longer than the grace
        async with db.begin() as conn:
            await add_feed(conn, "http://127.0.0.1/a.xml", now=EPOCH)
            await worker_store.beat(conn, "dead:1", now=EPOCH)
            assert len(await claim_due(conn, now=EPOCH, owner="dead:1", limit=10,
                                       lease=lease)) == 1
        # "dead:1" is SIGKILLed here. While its heartbeat is fresh nobody takes the feed (on
        # PostgreSQL, where it might be alive; one process writes a SQLite file, so there the
        # restarted process takes it at once)...
        later = EPOCH + GRACE - timedelta(seconds=1)
        async with db.begin() as conn:
            await worker_store.beat(conn, "alive:2", now=later)
            early = await claim_due(conn, now=later, owner="alive:2", limit=10, lease=lease)
            assert len(early) == (1 if db_backend == "sqlite" else 0)
            if early:
                return
        # ...once it is stale past the grace, the next tick takes it, long before the lease ends
        later = EPOCH + GRACE + timedelta(seconds=1)
        async with db.begin() as conn:
            taken = await claim_due(conn, now=later, owner="alive:2", limit=10, lease=lease)
            assert [row.url for row in taken] == ["http://127.0.0.1/a.xml"]
            owner = (await conn.execute(select(feeds.c.lease_owner))).scalar()
        assert owner == "alive:2"
    finally:
        await db.close()


async def test_a_dead_workers_half_sent_rows_are_reconciled_after_the_grace(db_url: str) -> None:
    db = await _db(db_url)
    try:
        [(_, key)] = await seed(db, briefs=1, refs=["test:a"])
        clock = FakeClock()
        rec = RecordingAdapter()
        rec.fail(RuntimeError("killed mid-send"))  # plays the row left ``sending``
        dead = OutboxWorker(db=db, adapters={"test": rec}, clock=clock, sleep=clock.sleep,
                            worker_id="dead:1", lease_seconds=600, backoff_base=600)
        async with db.begin() as conn:
            await worker_store.beat(conn, "dead:1", now=clock())
        await dead.run_once()
        assert (await rows(db))[key]["state"] == "sending"
        other = OutboxWorker(db=db, adapters={"test": rec}, clock=clock, sleep=clock.sleep,
                             worker_id="alive:2", lease_seconds=600)
        clock.advance(GRACE.total_seconds() + 1)  # not the 600 s lease
        assert await other.reconcile_stale() == 1
        await other.run_once()
        assert (await rows(db))[key]["state"] == "sent" and len(rec.deliveries) == 1
    finally:
        await db.close()


def _settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, summarizer={"full_text": False},
                    feeds=[FeedSettings(url=f"http://127.0.0.1/{n}.xml") for n in range(5)],
                    destinations=[DestinationSettings(ref="console:",
                                                      subscriptions=[SubscriptionSettings()])])


async def test_workers_started_together_all_sync_the_configuration(tmp_path: Path,
                                                                    db_url: str) -> None:
    settings = with_default_destination(_settings(tmp_path))
    await (await _db(db_url)).close()
    workers = [Database(db_url) for _ in range(3)]  # three processes' connection pools
    try:
        results = await asyncio.gather(*(sync_config(db, settings, now=EPOCH)
                                         for db in workers), return_exceptions=True)
        assert [r for r in results if isinstance(r, BaseException)] == []
        async with workers[0].begin() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM feeds"))).scalar() == 5
            assert (await conn.execute(text("SELECT count(*) FROM destinations"))).scalar() == 1
            assert (await conn.execute(text("SELECT count(*) FROM subscriptions"))).scalar() == 1
    finally:
        for db in workers:
            await db.close()


async def test_a_feed_inserted_by_a_concurrent_transaction_is_found_not_a_crash(
        db_url: str, db_backend: str) -> None:
    if db_backend != "postgresql":
        pytest.skip("one writer at a time on SQLite: no such race")
    db, other = await _db(db_url), Database(db_url)
    try:
        async with db.begin() as first:
            created = await add_feed(first, "http://127.0.0.1/x.xml", now=EPOCH)
            # a second worker's start-up sync, blocked on our uncommitted row
            racing = asyncio.create_task(_add_in(other, "http://127.0.0.1/x.xml"))
            async with db.engine.connect() as probe:
                while not (await probe.execute(text(
                        "SELECT count(*) FROM pg_locks WHERE NOT granted"))).scalar():
                    await asyncio.sleep(0.01)
        assert await racing == (created[0], False)  # found, not IntegrityError
    finally:
        await other.close()
        await db.close()


async def _add_in(db: Database, url: str) -> tuple[int, bool]:
    async with db.begin() as conn:
        return await add_feed(conn, url, now=EPOCH)


async def test_shared_pacing_hands_out_distinct_slots_across_workers(db_url: str,
                                                                   db_backend: str) -> None:
    if db_backend != "postgresql":
        pytest.skip("several workers share PostgreSQL only")
    db, other = await _db(db_url), Database(db_url)
    clock = FakeClock()
    waits: list[float] = []

    async def sleep(seconds: float) -> None:  # time stands still: each wait is its slot
        waits.append(round(seconds, 6))

    try:
        one_a_second = Pacing(rate=1.0, burst=1)
        paces = [SharedPace(d, "destination:7", one_a_second, clock=clock, sleep=sleep)
                 for d in (db, other)]  # two processes, one channel
        await asyncio.gather(*(paces[n % 2].acquire() for n in range(6)))
        assert sorted(waits) == [1.0, 2.0, 3.0, 4.0, 5.0]  # the first went at once
        await paces[0].hold(30.0)  # one worker sees a 429: the other waits it out too
        assert await paces[1].delay() == pytest.approx(30.0)
    finally:
        await other.close()
        await db.close()


class StartsLate(RecordingAdapter):
    """A platform whose login is refused ``refusals`` times (a bad token, then fixed)."""

    def __init__(self, refusals: int, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.refusals = refusals

    async def start(self, commands: CommandHandler) -> None:
        if self.refusals > 0:
            self.refusals -= 1
            raise DeliveryError("token was refused", permanent=True, status=401)
        await super().start(commands)


async def test_a_failed_adapter_is_reported_and_retried_while_the_others_run(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBRIEF_DATABASE__URL", db_url)
    settings = Settings(data_dir=tmp_path, summarizer={"full_text": False},
                        destinations=[DestinationSettings(ref="console:",
                                                          subscriptions=[SubscriptionSettings()]),
                                      DestinationSettings(ref="discord:123",
                                                          subscriptions=[SubscriptionSettings()])])
    console, late = RecordingAdapter(name="console"), StartsLate(2, name="discord")
    app = await App.create(settings, Secrets(values={}),
                           adapters={"console": console, "discord": late})
    runner = Runner(app, app.commands, start_backoff=0.05)
    status = runner.adapter_status()
    started = asyncio.Event()
    original = runner._start_adapter

    async def observed(name: str, adapter: object) -> bool:
        ok = await original(name, adapter)  # type: ignore[arg-type]
        if name == "discord" and not ok:
            assert status() == {"console": True, "discord": False}  # /readyz says which
            assert "discord" in app.worker.down
        if name == "discord" and ok:
            started.set()
        return ok

    runner._start_adapter = observed  # type: ignore[method-assign]
    task = asyncio.create_task(runner.run())
    try:
        await asyncio.wait_for(started.wait(), timeout=15)  # a hang guard, not a timing check
        assert status() == {"console": True, "discord": True} and late.refusals == 0
        assert not task.done()  # the refused login did not end the process
    finally:
        runner.stop.set()
        await asyncio.wait_for(task, timeout=15)
        await app.close()


async def test_check_reports_an_adapter_a_running_worker_failed_to_start(
        tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.app import adapters_down

    monkeypatch.setenv("NEWSBRIEF_DATABASE__URL", db_url)
    db = await _db(db_url)
    try:
        now = FakeClock().now
        async with db.begin() as conn:
            await worker_store.beat(conn, "host:1", now=now,
                                    down={"discord": "DeliveryError: DISCORD_TOKEN was refused"})
            await worker_store.beat(conn, "host:2", now=now)
        settings = Settings(data_dir=tmp_path)
        assert await adapters_down(settings, now=now) == {
            "host:1": {"discord": "DeliveryError: DISCORD_TOKEN was refused"}}
        assert await adapters_down(settings, now=now + GRACE * 2) == {}  # that worker is gone
    finally:
        await db.close()
