"""Memory and cost over time in one long-running process: the real App with default settings
makes 10,000 briefs from real articles, cycle after cycle, in a story window that fills up
(the clock moves 15 minutes a cycle, so every brief stays inside the 48-hour window).

    python -m bench.window [--feeds 100] [--per-cycle 5] [--briefs 10000]

Each cycle every feed (a real-world capture served from another process) carries
``--per-cycle`` new items; older bench items leave the feed as they would on a real site.
The corpus and the articles are read, and each cycle's bodies written, in the server's process:
this process holds what the bot holds and little else (the bench's own floor, the interpreter
with the bot imported before the App starts, is printed first). Prints resident memory and CPU
per brief as the window fills. Target (issue 15): RSS under 150 MB after 10,000 briefs.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from datetime import datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path

from adapters.recording import RecordingAdapter
from bench.realworld import articles, machine, real_feeds, row, with_new_items
from bot.app import App
from bot.config import DestinationSettings, Secrets, Settings, SubscriptionSettings
from bot.store.feeds import add_feed
from tests.support.clock import Clock
from tests.support.feedserver import FeedServer

TARGET_MB = 150


def rss_mb() -> float:
    """Resident memory now (not the peak), from /proc."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _serve(conn: Connection, feed_count: int, per_cycle: int) -> None:
    """The feed server's process: it reads the corpus and writes every cycle's new bodies."""
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (kept-alive connections closing: not news)
    corpus = real_feeds()
    bodies = [corpus[i % len(corpus)] for i in range(feed_count)]
    news = itertools.cycle(articles())
    with FeedServer() as server:
        for i, body in enumerate(bodies):
            server.set(f"/m/{i}", body, content_type="application/xml")
        conn.send((server.port, len(corpus)))
        while (message := conn.recv()) is not None:
            cycle, when = message
            for i, body in enumerate(bodies):
                items = [next(news) for _ in range(per_cycle)]
                server.set(f"/m/{i}", with_new_items(
                    body, items, tag=f"c{cycle}-{i}", when=when,
                    link_base=f"http://127.0.0.1:{server.port}/article"),
                    content_type="application/xml")
            conn.send(True)


class WindowServer:
    def __init__(self, feed_count: int, per_cycle: int) -> None:
        self.conn, child = multiprocessing.Pipe()
        self.process = multiprocessing.get_context("fork").Process(
            target=_serve, args=(child, feed_count, per_cycle), daemon=True)
        self.process.start()
        self.port, self.distinct = self.conn.recv()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def next_cycle(self, cycle: int, when: datetime) -> None:
        self.conn.send((cycle, when))
        self.conn.recv()

    def close(self) -> None:
        self.conn.send(None)
        self.process.join(5)


async def main(feed_count: int, per_cycle: int, target: int) -> None:
    floor_mb = rss_mb()  # the interpreter, the bot's modules and this bench, before any work
    server = WindowServer(feed_count, per_cycle)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            data_dir=Path(tmp),
            network={"allow_private": ["127.0.0.0/8"], "per_host_concurrency": 32},
            destinations=[DestinationSettings(ref="console:",
                                              subscriptions=[SubscriptionSettings()])])
        clock = Clock()
        sink = RecordingAdapter(name="console")
        app = await App.create(settings, Secrets(values={}), adapters={"console": sink},
                               clock=clock)
        started_mb = rss_mb()
        try:
            async with app.db.begin() as conn:
                for i in range(feed_count):
                    await add_feed(conn, server.url(f"/m/{i}"), now=clock.now)
            await app.pipeline.poll_due()
            await app.deliver_pending()
            polled_mb = rss_mb()
            print(f"bench.window: {feed_count} feeds ({server.distinct} distinct real-world "
                  f"captures), {per_cycle} new items each per cycle (BBC articles), until "
                  f"{target:,} briefs; machine: {machine()}")
            print(row("baseline: bot imported, before the App: RSS MB", f"{floor_mb:.0f}"))
            print(row("after start-up: RSS MB", f"{started_mb:.0f}"))
            print(row("after the first (cold) poll: RSS MB", f"{polled_mb:.0f}"))
            print(f"{'briefs':>10} {'RSS MB':>8} {'CPU ms per brief (this cycle)':>32}")
            made, cycle, next_report = 0, 0, target // 5
            while made < target:
                cycle += 1
                clock.now += timedelta(seconds=settings.polling.interval + 1)
                server.next_cycle(cycle, clock.now)
                cpu = time.process_time()
                stats = await app.pipeline.poll_due()
                await app.deliver_pending()
                cpu = time.process_time() - cpu
                sink.deliveries.clear()  # the recording platform is the bench's, not the bot's
                sink.attempts.clear()
                made += stats.briefs
                if made >= next_report or made >= target:
                    print(f"{made:>10,} {rss_mb():>8.0f} "
                          f"{cpu / max(1, stats.briefs) * 1000:>32.1f}")
                    next_report += target // 5
                if stats.briefs == 0:
                    raise SystemExit("bench.window: a cycle made no briefs")
        finally:
            await app.close()
            server.close()
    final = rss_mb()
    verdict = "OK" if final < TARGET_MB else "OVER"
    print(row(f"RSS after {made:,} briefs MB (target < {TARGET_MB})", f"{final:.0f} {verdict}"))
    print(row("peak RSS MB", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--per-cycle", type=int, default=5)
    parser.add_argument("--briefs", type=int, default=10_000)
    args = parser.parse_args()
    asyncio.run(main(args.feeds, args.per_cycle, args.briefs))
