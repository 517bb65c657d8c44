"""Fan-out bench: one brief to N destinations through a loopback platform that allows R req/s.

    .venv/bin/python -m bench.fanout [--destinations 1000] [--rate 50] [--burst 10]
    .venv/bin/python -m bench.fanout --platform discord [--destinations 200] [--discord-webhooks]

``--platform discord`` builds the Discord adapter exactly as the app does (``bot.app.
load_adapter`` from settings and secrets: its own global pacing, nothing injected) and posts
through real discord.py to the fake Discord, which enforces the global 50 requests a second;
it prints the achieved rate and the 429s (target: none).

The webhook mode's fake platform answers 429 (with Retry-After) to any request beyond its own
token bucket; the worker paces it with ``platform_pacing = Pacing(rate, 1)``. Prints the
achieved rate against the allowed one (target: >= 90 %, no 429 after the first), and the
latency from enqueue to posted, raw and net of the pacing queue (target: < 2 s plus pacing).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from aiohttp import web
from sqlalchemy import func, insert, select

from adapters.webhook import KEY_HEADER, WebhookAdapter
from bot.clock import now_utc
from bot.delivery import Pacing
from bot.netguard import AddressPolicy
from bot.outbox.pacing import TokenBucket
from bot.outbox.queue import enqueue, outbox_key
from bot.outbox.worker import OutboxWorker
from bot.store.db import Database
from bot.store.schema import destinations, outbox
from tests.support.crash_delivery import add_brief


class FakePlatform:
    """Accepts POSTs at ``rate``/s (bursts of ``burst``), 429 beyond; notes when each landed."""

    def __init__(self, rate: float, burst: int) -> None:
        self.bucket = TokenBucket(rate, burst)
        self.posted: dict[str, float] = {}
        self.limited: list[int] = []  # request numbers that got a 429
        self.requests = 0

    async def handle(self, request: web.Request) -> web.Response:
        await request.read()
        self.requests += 1
        if not self.bucket.try_acquire():
            self.limited.append(self.requests)
            return web.json_response({"message": "rate limited"}, status=429,
                                     headers={"Retry-After": f"{self.bucket.delay():.3f}"})
        self.posted[request.headers[KEY_HEADER]] = time.monotonic()
        return web.json_response({"id": str(self.requests)})


async def run(n: int, rate: float, burst: int) -> None:
    platform = FakePlatform(rate, burst)
    app = web.Application()
    app.router.add_post("/hook/{n}", platform.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite+aiosqlite:///{Path(tmp) / 'fanout.db'}")
        await db.migrate()
        brief_id = await add_brief(db, 1)
        now = now_utc()
        async with db.begin() as conn:
            await conn.execute(insert(destinations), [
                {"ref": f"webhook:d{i}", "webhook_url": f"http://127.0.0.1:{port}/hook/{i}",
                 "created_at": now} for i in range(n)])
            dest_ids = (await conn.execute(select(destinations.c.id))).scalars().all()
        adapter = WebhookAdapter(secret="bench", policy=AddressPolicy(["127.0.0.1/32"]),
                                 platform_pacing=Pacing(rate, 1))
        worker = OutboxWorker(db=db, adapters={"webhook": adapter}, batch_size=200,
                              concurrency=32, poll_interval=0.05)
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run_forever(stop))
        await asyncio.sleep(0.2)  # the worker is idle and waiting, as in a running bot

        started = time.monotonic()
        async with db.begin() as conn:  # the router's fan-out: one transaction
            for dest_id in dest_ids:
                await enqueue(conn, key=outbox_key("b", brief_id, dest_id),
                              destination_id=dest_id, brief_id=brief_id, now=now_utc())
        enqueued = time.monotonic()
        worker.notify()
        while len(platform.posted) < n and time.monotonic() - enqueued < n / rate * 3 + 30:
            await asyncio.sleep(0.05)
        stop.set()
        await task
        async with db.begin() as conn:
            sent = (await conn.execute(select(func.count()).select_from(outbox)
                                       .where(outbox.c.state == "sent"))).scalar_one()
        await adapter.stop()
        await db.close()
    await runner.cleanup()
    report(platform, n, rate, started, enqueued, sent)


def report(platform: FakePlatform, n: int, rate: float, started: float, enqueued: float,
           sent: int) -> None:
    times = sorted(platform.posted.values())
    span = times[-1] - times[0] if len(times) > 1 else float("nan")
    achieved = (len(times) - 1) / span if len(times) > 1 else 0.0
    latencies = [t - enqueued for t in times]
    # The k-th message cannot land before k/rate: what is left is the system's own delay.
    excess = [lat - k / rate for k, lat in enumerate(latencies)]
    late_429 = [r for r in platform.limited if r != 1]
    print(f"destinations        {n}  (enqueue took {enqueued - started:.2f} s)")
    print(f"posted / sent rows  {len(times)} / {sent}")
    print(f"achieved rate       {achieved:.1f} req/s of {rate:.0f} allowed "
          f"({achieved / rate:.1%}; target >= 90%)")
    print(f"429 responses       {len(platform.limited)} (after the first: {len(late_429)})")
    print(f"latency enqueue->posted  first {latencies[0]:.3f} s  p50 "
          f"{statistics.median(latencies):.2f} s  max {latencies[-1]:.2f} s")
    print(f"latency net of pacing    p50 {statistics.median(excess):.3f} s  "
          f"p95 {sorted(excess)[int(len(excess) * 0.95)]:.3f} s  max {max(excess):.3f} s "
          "(target < 2 s)")


async def fetch_to_post(rounds: int = 5) -> None:
    """Latency from "item fetched" to "posted" for an instant subscription, through the real
    pipeline (fetch, parse, summarize, store, route) and outbox, no pacing in the way."""
    from adapters.recording import RecordingAdapter
    from bot.app import App
    from bot.config import DestinationSettings, Secrets, Settings, SubscriptionSettings
    from tests.support.clock import Clock
    from tests.support.feeds import item, rss
    from tests.support.feedserver import FeedServer

    latencies: list[float] = []
    with FeedServer() as server, tempfile.TemporaryDirectory() as tmp:
        server.set("/feed.xml", rss("Bench", [item(0, topic="bench")]))
        settings = Settings(
            data_dir=Path(tmp), network={"allow_private": ["127.0.0.0/8"]},
            polling={"interval": 60, "min_interval": 60, "backfill": 0,
                     "max_item_age_days": 36500},
            summarizer={"full_text": False},
            feeds=[{"url": server.url("/feed.xml")}],
            destinations=[DestinationSettings(ref="console:",
                                              subscriptions=[SubscriptionSettings()])])
        clock, sink = Clock(), RecordingAdapter(name="console")
        app = await App.create(settings, Secrets(values={}), adapters={"console": sink},
                               clock=clock)
        try:
            await app.pipeline.poll_due()  # the first poll only remembers what is there
            for n in range(1, rounds + 1):
                server.set("/feed.xml", rss("Bench", [item(i, topic="bench")
                                                      for i in range(n + 1)]))
                clock.advance(61)
                started = time.perf_counter()
                await app.pipeline.poll_due()
                await app.worker.run_once()
                assert len(sink.deliveries) == n, len(sink.deliveries)
                latencies.append(time.perf_counter() - started)
        finally:
            await app.close()
    print(f"latency fetched->posted (instant subscription, {rounds} rounds)  "
          f"p50 {statistics.median(latencies):.3f} s  max {max(latencies):.3f} s "
          "(target < 2 s plus pacing)")


async def run_discord(n: int, webhooks: bool) -> None:
    """One brief to ``n`` Discord channels in bot mode (or each through its webhook), the
    adapter built as the app builds it."""
    from bot.app import load_adapter
    from bot.config import Secrets, settings_model
    from tests.support.fake_discord import BOT_TOKEN, FakeDiscord

    async with FakeDiscord(global_rate=50.0) as fake:
        with tempfile.TemporaryDirectory() as tmp:
            settings = settings_model()(data_dir=Path(tmp), discord={"api_base_url": fake.api_base})
            adapter = load_adapter("discord", settings,
                                   Secrets(values={"DISCORD_TOKEN": BOT_TOKEN}))
            db = Database(f"sqlite+aiosqlite:///{Path(tmp) / 'fanout.db'}")
            await db.migrate()
            brief_id = await add_brief(db, 1)
            now = now_utc()
            async with db.begin() as conn:
                await conn.execute(insert(destinations), [
                    {"ref": f"discord:{10_000 + i}", "created_at": now,
                     "webhook_url": fake.webhook(str(10_000 + i), hook_id=f"9{10_000 + i}")
                     if webhooks else None} for i in range(n)])
                dest_ids = (await conn.execute(select(destinations.c.id))).scalars().all()
                for dest_id in dest_ids:
                    await enqueue(conn, key=outbox_key("b", brief_id, dest_id),
                                  destination_id=dest_id, brief_id=brief_id, now=now)
            worker = OutboxWorker(db=db, adapters={"discord": adapter}, batch_size=200,
                                  concurrency=32)
            started = time.monotonic()
            while await worker.run_once():
                pass
            took = time.monotonic() - started
            async with db.begin() as conn:
                sent = (await conn.execute(select(func.count()).select_from(outbox)
                                           .where(outbox.c.state == "sent"))).scalar_one()
            await adapter.stop()
            await db.close()
    requests = sum(1 for method, path, _ in fake.requests
                   if path.startswith(("/channels/", "/webhooks/")))
    mode = "webhook" if webhooks else "bot"
    print(f"discord {mode} mode{' ' * (8 - len(mode))}{n} channels, {sent} sent in {took:.2f} s "
          f"({requests / took:.1f} req/s of 50 allowed, target >= 45; {requests} requests, "
          f"floor {n})")
    print(f"global 429s         {fake.global_limited} (target <= 2)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--platform", choices=["webhook", "discord"], default="webhook")
    parser.add_argument("--destinations", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--burst", type=int, default=10, help="the platform's own burst")
    parser.add_argument("--discord-webhooks", action="store_true",
                        help="with --platform discord: every channel through its webhook")
    args = parser.parse_args()
    if args.platform == "discord":
        asyncio.run(run_discord(args.destinations, args.discord_webhooks))
        return
    asyncio.run(run(args.destinations, args.rate, args.burst))
    asyncio.run(fetch_to_post())


if __name__ == "__main__":
    main()
