"""Poll-cycle benchmark: N feeds served on loopback, 10% changing between cycles.

    python bench/poll.py [--feeds 1000] [--changed 0.10]

Prints, for one cycle: wall time, CPU seconds, CPU per unchanged feed, CPU per changed feed and
peak memory, beside plain ``feedparser.parse`` over the same bytes in the same process.
Targets (issue 2): 1,000 feeds in under 10 s wall on 2 cores; an unchanged feed under 2 ms CPU.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import resource
import sys
import tempfile
import time
from datetime import timedelta
from multiprocessing.connection import Connection
from pathlib import Path

import feedparser

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from adapters.recording import RecordingAdapter  # noqa: E402
from bot.app import App  # noqa: E402
from bot.config import DestinationSettings, Secrets, Settings, SubscriptionSettings  # noqa: E402
from bot.store.feeds import add_feed  # noqa: E402
from tests.support.clock import Clock  # noqa: E402
from tests.support.feeds import item, rss  # noqa: E402
from tests.support.feedserver import FeedServer  # noqa: E402

SHARED = REPO.parent / "shared" / "data" / "feeds"


def corpus(n: int) -> list[bytes]:
    """Real feeds from ../shared when present (those feedparser reads entries from), else
    generated ones."""
    bodies: list[bytes] = []
    if SHARED.exists():
        for path in sorted(SHARED.rglob("*")):
            if path.suffix not in (".xml", ".rss", ".atom") or not path.is_file():
                continue
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b" or len(data) < 400:
                continue
            if feedparser.parse(data).entries:
                bodies.append(data)
    if not bodies:
        bodies = [rss(f"Feed {i}", [item(j, topic=f"t{i}") for j in range(20)]) for i in range(50)]
    return [bodies[i % len(bodies)] for i in range(n)]


def changed_body(body: bytes, n: int) -> bytes:
    """The same feed with one new item, as a real feed looks after a story is published."""
    extra = rss("x", [item(10_000 + n, topic=f"new{n}")])
    new_item = extra[extra.index(b"<item>"):extra.index(b"</item>") + 7]
    for marker in (b"</channel>", b"</feed>"):
        if marker in body:
            if marker == b"</feed>":
                new_item = (f"<entry><id>new-{n}</id><title>New entry {n}</title>"
                            f"<link href='https://news.example/new/{n}'/>"
                            f"<summary>Fresh story number {n} has arrived today.</summary>"
                            f"</entry>").encode()
            return body.replace(marker, new_item + marker, 1)
    return body


def serve(conn: Connection) -> None:
    """The feed server, in its own process so its CPU is not counted as the bot's."""
    with FeedServer() as server:
        conn.send(server.port)
        while (message := conn.recv()) is not None:
            path, body, etag = message
            server.set(path, body, content_type="application/xml", etag=etag)
            conn.send(True)


class RemoteServer:
    def __init__(self) -> None:
        self.conn, child = multiprocessing.Pipe()
        self.process = multiprocessing.get_context("fork").Process(target=serve, args=(child,),
                                                                   daemon=True)
        self.process.start()
        self.port = self.conn.recv()

    def set(self, path: str, body: bytes, etag: str | None = None) -> None:
        self.conn.send((path, body, etag))
        self.conn.recv()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.conn.send(None)
        self.process.join(5)




async def one_cycle(app: App) -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    stats = await app.pipeline.poll_due()
    await app.deliver_pending()
    return time.perf_counter() - wall, time.process_time() - cpu, stats.feeds


async def main(n: int, changed_share: float) -> None:
    bodies = corpus(n)
    changed = max(1, int(n * changed_share))
    server = RemoteServer()
    with tempfile.TemporaryDirectory() as tmp:
        # Half the feeds answer with an ETag (a 304 when unchanged), half without (body hash).
        for i, body in enumerate(bodies):
            server.set(f"/f/{i}", body, etag=f'"v0-{i}"' if i % 2 else None)
        settings = Settings(
            data_dir=Path(tmp),
            network={"allow_private": ["127.0.0.0/8"], "per_host_concurrency": 32},
            polling={"interval": 60, "min_interval": 60, "backfill": 0, "concurrency": 64,
                     "max_item_age_days": 36500},
            summarizer={"full_text": False},
            destinations=[DestinationSettings(ref="console:",
                                              subscriptions=[SubscriptionSettings()])],
        )
        clock = Clock()
        sink = RecordingAdapter(name="console")
        app = await App.create(settings, Secrets(values={}), adapters={"console": sink},
                               clock=clock)
        try:
            async with app.db.begin() as conn:
                for i in range(n):
                    await add_feed(conn, server.url(f"/f/{i}"), now=clock.now)
            cold_wall, cold_cpu, _ = await one_cycle(app)

            clock.now += timedelta(seconds=61)
            still_wall, still_cpu, polled = await one_cycle(app)
            assert polled == n, polled

            for i in range(changed):
                server.set(f"/f/{i}", changed_body(bodies[i], i),
                           etag=f'"v1-{i}"' if i % 2 else None)
            clock.now += timedelta(seconds=61)
            wall, cpu, _ = await one_cycle(app)
        finally:
            await app.close()
            server.close()

    per_unchanged = still_cpu / n
    per_changed = max(0.0, cpu - per_unchanged * (n - changed)) / changed
    started = time.process_time()
    for body in bodies:
        feedparser.parse(body)
    parse_all = time.process_time() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"feeds: {n} ({'shared corpus' if SHARED.exists() else 'generated'}), "
          f"{changed} changed between cycles; half answer 304 by ETag, half are skipped by "
          "body hash; the feed server runs in another process")
    print(f"{'measure':<44}{'value':>12}")
    rows = [
        ("first (cold) cycle wall s", f"{cold_wall:.2f}"),
        ("first (cold) cycle CPU s", f"{cold_cpu:.2f}"),
        ("cycle, nothing changed: wall s", f"{still_wall:.2f}"),
        ("cycle, 10% changed: wall s (target < 10)", f"{wall:.2f}"),
        ("cycle, 10% changed: CPU s", f"{cpu:.2f}"),
        ("CPU per unchanged feed ms (target < 2)", f"{per_unchanged * 1000:.2f}"),
        ("CPU per changed feed ms", f"{per_changed * 1000:.2f}"),
        ("peak RSS MB", f"{peak_mb:.0f}"),
        ("baseline: feedparser.parse of all N bodies s", f"{parse_all:.2f}"),
        ("baseline: feedparser.parse per feed ms", f"{parse_all / n * 1000:.2f}"),
    ]
    for name, value in rows:
        print(f"{name:<44}{value:>12}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--changed", type=float, default=0.10)
    args = parser.parse_args()
    asyncio.run(main(args.feeds, args.changed))
