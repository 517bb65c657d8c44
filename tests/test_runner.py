"""Running and stopping the bot: a stop mid-poll neither hangs nor leaves feeds leased."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import DestinationSettings, FeedSettings, Secrets, Settings, SubscriptionSettings
from bot.runner import Runner
from bot.store import workers as worker_store
from bot.store.feeds import list_feeds
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


async def wait_for(condition: object, what: str, timeout: float = 15.0) -> None:
    async with asyncio.timeout(timeout):
        while not await condition():  # type: ignore[operator]
            await asyncio.sleep(0.05)


async def test_stop_during_a_slow_poll_gives_the_feeds_back(server: FeedServer,
                                                           tmp_path: Path) -> None:
    server.set("/fast.xml", rss("Fast", [item(1, topic="fast")]))
    server.set("/slow.xml", rss("Slow", [item(1, topic="slow")]), delay=8.0)
    settings = Settings(
        data_dir=tmp_path,
        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 20.0},
        polling={"tick": 1, "backfill": 5, "max_item_age_days": 36500},
        summarizer={"full_text": False},
        feeds=[FeedSettings(url=server.url("/fast.xml")),
               FeedSettings(url=server.url("/slow.xml"))],
        destinations=[DestinationSettings(ref="console:", subscriptions=[SubscriptionSettings()])],
    )
    rec = RecordingAdapter(name="console")
    app = await App.create(settings, Secrets(values={}), adapters={"console": rec})
    runner = Runner(app, app.commands, shutdown_grace=0.5)
    task = asyncio.create_task(runner.run())

    async def fast_delivered() -> bool:
        return len(rec.deliveries) == 1

    async def slow_requested() -> bool:
        return server.hits("/slow.xml") == 1

    try:
        await wait_for(fast_delivered, "the fast feed's brief")
        await wait_for(slow_requested, "the slow feed's request")
        runner.stop.set()  # as SIGTERM does, while the slow feed is still being fetched
        await asyncio.wait_for(task, timeout=15)  # a hang guard, not a timing check
        async with app.db.begin() as conn:
            slow = {row.url: row for row in await list_feeds(conn)}[server.url("/slow.xml")]
        assert slow.lease_owner is None and slow.lease_until is None  # free for a restart
        assert slow.last_success_at is None  # its poll was cut short: nothing half-kept
        assert [d.message.brief.headline for d in rec.deliveries if d.message.brief] == [
            "Story 1 about the fast project"]
    finally:
        if not task.done():
            task.cancel()
        await app.close()


async def test_a_second_ctrl_c_stops_at_once_and_the_first_says_so(
        server: FeedServer, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    server.set("/slow.xml", rss("Slow", [item(1, topic="slow")]), delay=60.0)
    settings = Settings(
        data_dir=tmp_path,
        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 120.0},
        polling={"tick": 1}, summarizer={"full_text": False},
        feeds=[FeedSettings(url=server.url("/slow.xml"))],
        destinations=[DestinationSettings(ref="console:", subscriptions=[SubscriptionSettings()])],
    )
    app = await App.create(settings, Secrets(values={}),
                           adapters={"console": RecordingAdapter(name="console")})
    runner = Runner(app, app.commands, shutdown_grace=600)  # the grace alone would hang
    task = asyncio.create_task(runner.run())

    async def slow_requested() -> bool:
        return server.hits("/slow.xml") == 1

    try:
        await wait_for(slow_requested, "the slow feed's request")
        caplog.set_level("INFO", logger="bot.runner")
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, through the handler run() installed

        async def said_finishing() -> bool:
            return any("newsbrief.finishing" in r.getMessage() for r in caplog.records)

        await wait_for(said_finishing, "the finishing line")
        finishing = next(r.getMessage() for r in caplog.records
                         if "newsbrief.finishing" in r.getMessage())
        assert "fetches=1" in finishing and "Ctrl-C again" in finishing
        os.kill(os.getpid(), signal.SIGINT)  # the second one: stop now
        await asyncio.wait_for(task, timeout=30)  # a hang guard: the grace is 600 s
        async with app.db.begin() as conn:
            (slow,) = await list_feeds(conn)
        assert slow.lease_owner is None and slow.last_success_at is None  # polled again later
    finally:
        if not task.done():
            task.cancel()
        await app.close()


async def test_the_heartbeat_goes_on_while_the_work_finishes_after_a_stop(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Other workers take a silent worker's leases for dead and resend its `sending` rows: the
    beat must last as long as the outbox worker and the polls do, not end at the signal."""
    settings = Settings(data_dir=tmp_path, summarizer={"full_text": False},
                        destinations=[DestinationSettings(ref="console:")])
    app = await App.create(settings, Secrets(values={}),
                           adapters={"console": RecordingAdapter(name="console")})
    runner = Runner(app, app.commands, beat_seconds=0.05)
    beat_after_stop = asyncio.Event()
    beat = worker_store.beat

    async def recording_beat(*args: Any, **kwargs: Any) -> None:
        await beat(*args, **kwargs)
        if runner.stop.is_set():
            beat_after_stop.set()

    async def slow_clean_up(stop: asyncio.Event) -> None:  # a batch still being sent
        await stop.wait()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(beat_after_stop.wait(), timeout=10)

    monkeypatch.setattr(worker_store, "beat", recording_beat)
    monkeypatch.setattr(app.worker, "run_forever", slow_clean_up)
    task = asyncio.create_task(runner.run())
    try:
        await asyncio.sleep(0)  # run() starts its tasks
        runner.request_stop()
        await asyncio.wait_for(task, timeout=30)
        assert beat_after_stop.is_set()
        async with app.db.begin() as conn:  # and a clean stop still forgets the worker
            assert await conn.scalar(text("SELECT count(*) FROM workers")) == 0
    finally:
        if not task.done():
            task.cancel()
        await app.close()
