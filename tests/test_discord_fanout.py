"""One brief to 200 Discord channels against the fake Discord's global limit (50 requests a
second): every request is a paced post, none a channel look-up, and at most two are refused
with a 429; forums whose kind is looked up take a turn for every request, counted on a virtual
clock. Counts, not times."""

from __future__ import annotations

from bisect import bisect_left
from datetime import datetime
from pathlib import Path

import pytest
from discord.http import Route
from sqlalchemy import func, insert, select

from adapters.discord import make_adapter
from bot.outbox.queue import enqueue, outbox_key
from bot.outbox.worker import OutboxWorker, now_utc
from bot.store.db import Database
from bot.store.schema import destinations, outbox
from tests.support.crash_delivery import add_brief
from tests.support.fake_discord import BOT_TOKEN, FakeDiscord
from tests.support.outbox import FakeClock

CHANNELS = 200


async def queue_one_brief(db: Database, rows: list[dict[str, object]], now: datetime) -> None:
    """One brief queued to each destination row (ref, webhook_url) given."""
    brief_id = await add_brief(db, 1)
    async with db.begin() as conn:
        await conn.execute(insert(destinations), [{"created_at": now, **row} for row in rows])
        for dest_id in (await conn.execute(select(destinations.c.id))).scalars():
            await enqueue(conn, key=outbox_key("b", brief_id, dest_id),
                          destination_id=dest_id, brief_id=brief_id, now=now)


@pytest.mark.parametrize("mode", ["bot", "webhook"])
async def test_a_200_channel_burst_stays_under_the_global_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    monkeypatch.setattr(Route, "BASE", Route.BASE)
    async with FakeDiscord(global_rate=50.0) as fake:
        adapter = make_adapter(token=BOT_TOKEN, api_base_url=fake.api_base,
                               connect_gateway=False)
        db = Database(f"sqlite+aiosqlite:///{tmp_path / 'fanout.db'}")
        await db.migrate()
        try:
            channels = [str(10_000 + i) for i in range(CHANNELS)]
            await queue_one_brief(db, [
                {"ref": f"discord:{c}",
                 "webhook_url": fake.webhook(c, hook_id=f"9{c}") if mode == "webhook" else None}
                for c in channels], now_utc())
            worker = OutboxWorker(db=db, adapters={"discord": adapter}, batch_size=CHANNELS,
                                  concurrency=32)
            while await worker.run_once():
                pass
            async with db.begin() as conn:
                sent = (await conn.execute(select(func.count()).select_from(outbox)
                                           .where(outbox.c.state == "sent"))).scalar_one()
        finally:
            await adapter.stop()
            await db.close()
    assert sent == CHANNELS
    looked_up = [r for r in fake.requests if r[0] == "GET" and r[1].startswith("/channels/")]
    assert looked_up == []  # a text channel's kind is never asked before posting to it
    posts = [r for r in fake.requests if r[0] == "POST"]
    assert len(posts) - fake.global_limited == CHANNELS  # one request a post, bar the 429s
    assert fake.global_limited <= 2


FORUMS = 60


def busiest_second(times: list[float]) -> int:
    """The most requests inside any one-second window (each window opening at a request)."""
    ordered = sorted(times)
    return max(bisect_left(ordered, start + 1.0) - i for i, start in enumerate(ordered))


async def test_every_request_of_a_burst_takes_a_turn_of_the_global_pace(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Forums not yet known: each post is a refused message (40058), a look-up of the channel's
    # kind and the forum post, three requests where the outbox paced one. The fake counts them
    # on the worker's virtual clock (it moves only when a pace sleeps); one delivery at a time,
    # so each request is stamped at its turn: deterministic, no wall time.
    monkeypatch.setattr(Route, "BASE", Route.BASE)
    clock = FakeClock()
    async with FakeDiscord(global_rate=50.0, clock=lambda: clock.now.timestamp()) as fake:
        forums = [str(20_000 + i) for i in range(FORUMS)]
        for forum in forums:
            fake.add_forum(forum, ["AI"])
        adapter = make_adapter(token=BOT_TOKEN, api_base_url=fake.api_base,
                               connect_gateway=False)
        db = Database(f"sqlite+aiosqlite:///{tmp_path / 'forums.db'}")
        await db.migrate()
        try:
            await queue_one_brief(db, [{"ref": f"discord:{forum}"} for forum in forums],
                                  clock.now)
            # logged in before the burst, as `run` does at start: the REST login's two
            # requests, once a process, are the only ones outside the pace
            await adapter._login()
            logged_in = len(fake.requests)
            clock.advance(1.0)  # the burst comes later
            worker = OutboxWorker(db=db, adapters={"discord": adapter}, batch_size=FORUMS,
                                  concurrency=1, clock=clock, sleep=clock.sleep)
            while await worker.run_once():
                pass
        finally:
            await adapter.stop()
            await db.close()
    kinds = [r for r in fake.requests if r[0] == "GET" and r[1].startswith("/channels/")]
    posts = [r for r in fake.requests if r[1].endswith("/threads")]
    assert len(kinds) == FORUMS and len(posts) == FORUMS  # each forum asked once, posted once
    assert fake.global_limited == 0
    assert busiest_second(fake.request_times[logged_in:]) <= 50
