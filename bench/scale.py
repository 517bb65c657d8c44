"""Scale benchmark: memory with a large store, and poll throughput with 1, 2, 3 worker processes
on PostgreSQL beside one process on SQLite, all in one run.

    python -m bench.scale [--feeds 1000] [--per-feed 100] [--throughput-feeds 300]
                          [--workers 1,2,3] [--skip-memory] [--skip-sqlite]

    python -m bench.scale --skip-memory --skip-sqlite --throughput-feeds 10000   # issue 26

Memory: one bot process (SQLite) polls ``--feeds`` loopback feeds of ``--per-feed`` items each for
the first time with backfill 0, so the real pipeline stores feeds × per-feed articles (100,000 by
default) without summarizing them; then its resident memory is read. Target: under 150 MB.

Throughput: ``--throughput-feeds`` feeds with one new item each, polled, summarized and delivered
by N worker processes (tests/support/scale_worker.py, the real App). Workers start idle (their
clock an hour behind), then all are released at once, so start-up is not timed. Target:
near-linear until the 2 cores are busy. Printed per worker count: feeds/s in all and per
worker, and the share of the workers' sampled busy PostgreSQL sessions waiting on a lock; then
a sizing table in Markdown, ready for docs/OPERATIONS.md, with the workers 100,000 feeds would
need at the measured per-worker rate (every poll bringing one new item: the costly case).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import create_engine, func, select, text  # noqa: E402

from adapters.recording import RecordingAdapter  # noqa: E402
from bench.realworld import machine  # noqa: E402
from bot.app import App  # noqa: E402
from bot.config import FeedSettings, Secrets  # noqa: E402
from bot.store.db import sync_url  # noqa: E402
from bot.store.schema import entries, feeds, outbox  # noqa: E402
from tests.support.feeds import item, rss  # noqa: E402
from tests.support.feedserver import FeedServer  # noqa: E402
from tests.support.postgres import new_database_url, server_or_reason  # noqa: E402
from tests.support.scale_worker import worker_settings  # noqa: E402

TARGET_MB = 150


def rss_mb() -> float:
    """Resident memory now (not the peak), from /proc."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


# -- memory ------------------------------------------------------------------------------------

async def _load(db_url: str, directory: Path, urls: list[str]) -> dict[str, float]:
    settings = worker_settings(directory, db_url, "memory").model_copy(update={
        "feeds": [FeedSettings(url=u) for u in urls],
        "polling": worker_settings(directory, db_url, "memory").polling.model_copy(
            update={"backfill": 0, "concurrency": 16}),
    })
    app = await App.create(settings, Secrets(values={}),
                           adapters={"console": RecordingAdapter(name="console")})
    started = time.monotonic()
    polled = 0
    while (stats := await app.pipeline.poll_due(limit=64)).feeds:
        polled += stats.feeds
    elapsed = time.monotonic() - started
    async with app.db.begin() as conn:
        stored = (await conn.execute(select(func.count()).select_from(entries))).scalar_one()
    await app.close()
    return {"feeds": polled, "articles": stored, "seconds": elapsed, "rss_mb": rss_mb(),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def memory(feed_count: int, per_feed: int) -> None:
    with FeedServer() as server, tempfile.TemporaryDirectory() as tmp:
        for i in range(feed_count):
            server.set(f"/m/{i}.xml", rss(f"Feed {i}", [item(n, topic=f"m{i}")
                                                         for n in range(per_feed)]))
        urls = [server.url(f"/m/{i}.xml") for i in range(feed_count)]
        (Path(tmp) / "urls.json").write_text(json.dumps(urls))
        # A child process, so the feed server's bodies are not counted in the bot's memory.
        child = subprocess.run(
            [sys.executable, __file__, "--child-memory", tmp], capture_output=True, text=True,
            check=False, cwd=REPO)
    if child.returncode != 0:
        print(f"memory: the child failed:\n{child.stderr[-3000:]}")
        return
    result = json.loads(child.stdout.strip().splitlines()[-1])
    verdict = "OK" if result["rss_mb"] < TARGET_MB else "OVER"
    print(f"memory (SQLite, one process): {result['feeds']} feeds, {result['articles']:,} "
          f"articles stored in {result['seconds']:.1f} s; RSS {result['rss_mb']:.0f} MB "
          f"(peak {result['peak_mb']:.0f} MB), target < {TARGET_MB} MB: {verdict}")


def child_memory(directory: Path) -> None:
    urls = json.loads((directory / "urls.json").read_text())
    db_url = f"sqlite+aiosqlite:///{directory / 'memory.db'}"
    print(json.dumps(asyncio.run(_load(db_url, directory, urls))))


# -- throughput --------------------------------------------------------------------------------

def throughput(db_url: str, server: FeedServer, count: int, workers: int
               ) -> tuple[float, float, Counter[str]]:
    """Seconds until every feed is polled, and until every brief is delivered, and what the
    workers' database sessions were seen waiting on (PostgreSQL only)."""
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        offset = directory / "offset"
        offset.write_text("-3600")  # the workers see nothing due until released
        settings = worker_settings(directory / "seed", db_url, "seed").model_copy(update={
            "feeds": [FeedSettings(url=server.url(f"/t/{i}.xml")) for i in range(count)]})

        async def seed() -> None:
            app = await App.create(settings, Secrets(values={}),
                                   adapters={"console": RecordingAdapter(name="console")})
            await app.close()

        asyncio.run(seed())
        procs = [subprocess.Popen([sys.executable, "-m", "tests.support.scale_worker", db_url,
                                   tmp, f"w{n}"], cwd=REPO, stdout=subprocess.PIPE, text=True)
                 for n in range(workers)]
        engine = create_engine(sync_url(db_url))
        waits: Counter[str] = Counter()
        try:
            for proc in procs:
                assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
            offset.write_text("0")
            started = time.monotonic()
            polled_at = delivered_at = None
            while delivered_at is None:
                time.sleep(0.05)
                with engine.connect() as conn:
                    polled = conn.execute(select(func.count()).select_from(feeds).where(
                        feeds.c.last_success_at.is_not(None))).scalar_one()
                    open_rows = conn.execute(select(func.count()).select_from(outbox).where(
                        outbox.c.state != "sent")).scalar_one()
                    sent = conn.execute(select(func.count()).select_from(outbox).where(
                        outbox.c.state == "sent")).scalar_one()
                    if engine.dialect.name == "postgresql":
                        waits.update(_waits(conn))
                if polled_at is None and polled == count:
                    polled_at = time.monotonic() - started
                if polled_at is not None and open_rows == 0 and sent >= count:
                    delivered_at = time.monotonic() - started
                if time.monotonic() - started > max(900.0, count * 0.5):
                    raise RuntimeError(f"stuck: polled={polled} open={open_rows} sent={sent}")
        finally:
            (directory / "stop").touch()
            for proc in procs:
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
            engine.dispose()
        assert polled_at is not None
        return polled_at, delivered_at, waits


def _waits(conn: Any) -> list[str]:
    """One sample of what the other sessions on this database are doing: "cpu" when running,
    else their wait event (Lock/transactionid, LWLock/WALWrite, Client/ClientRead, ...)."""
    rows = conn.execute(text(
        "SELECT state, wait_event_type, wait_event FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid() "
        "AND backend_type = 'client backend'")).all()
    return [("cpu" if r.wait_event_type is None else f"{r.wait_event_type}/{r.wait_event}")
            for r in rows if r.state != "idle"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--per-feed", type=int, default=100)
    parser.add_argument("--throughput-feeds", type=int, default=300)
    parser.add_argument("--workers", default="1,2,3")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true",
                        help="no one-process SQLite baseline (it takes longest at 10,000 feeds)")
    parser.add_argument("--child-memory", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_memory:
        child_memory(args.child_memory)
        return
    print(f"machine: {machine()}")
    if not args.skip_memory:
        memory(args.feeds, args.per_feed)
    count = args.throughput_feeds
    pg = server_or_reason()
    with FeedServer() as server:
        for i in range(count):
            server.set(f"/t/{i}.xml", rss(f"Feed {i}", [item(1, topic=f"tp{i}")]))
        print(f"throughput: {count} feeds, one new item each: poll, summarize, deliver")
        print(f"{'backend':<11} {'workers':>7} {'all polled':>11} {'feeds/s':>8} "
              f"{'all delivered':>14} {'speed-up':>9}")
        if not args.skip_sqlite:
            with tempfile.TemporaryDirectory() as tmp:
                polled, delivered, _ = throughput(f"sqlite+aiosqlite:///{tmp}/t.db", server,
                                                  count, 1)
            print(f"{'sqlite':<11} {1:>7} {polled:>10.1f}s {count / polled:>8.1f} "
                  f"{delivered:>13.1f}s {'(base)':>9}")
        if isinstance(pg, str):
            print(f"postgresql: not measured: {pg}")
            return
        first: float | None = None
        seen: dict[int, Counter[str]] = {}
        rates: dict[int, float] = {}
        for workers in [int(w) for w in args.workers.split(",")]:
            polled, delivered, seen[workers] = throughput(new_database_url("bench"), server,
                                                          count, workers)
            first = first or polled
            rates[workers] = count / polled
            print(f"{'postgresql':<11} {workers:>7} {polled:>10.1f}s {count / polled:>8.1f} "
                  f"{delivered:>13.1f}s {first / polled:>8.2f}x")
        # Where workers contend: the share of sampled busy sessions in each state.
        print("postgresql sessions while busy (share of samples, every 50 ms):")
        for workers, waits in seen.items():
            total = sum(waits.values()) or 1
            top = ", ".join(f"{name} {n / total:.0%}" for name, n in waits.most_common(5))
            print(f"  {workers} workers: {top}")
        print(sizing_table(count, rates, seen))


def lock_share(waits: Counter[str]) -> float:
    """The share of sampled busy sessions waiting on a heavyweight lock (row, transaction)."""
    return sum(n for name, n in waits.items() if name.startswith("Lock/")) / (
        sum(waits.values()) or 1)


def sizing_table(count: int, rates: dict[int, float], seen: dict[int, Counter[str]],
                 target: int = 100_000, interval: float = 900.0) -> str:
    """Markdown for docs/OPERATIONS.md: what was measured, and what ``target`` feeds need."""
    lines = [f"Measured by `python -m bench.scale --skip-memory --throughput-feeds {count}` on "
             f"{machine()}, load average "
             + " ".join(f"{x:.2f}" for x in os.getloadavg()) + " (every feed with one new "
             "item: polled, summarized, delivered):", "",
             "| PostgreSQL workers | feeds/s | feeds/s per worker | lock waits | feeds kept "
             "fresh at a 15-minute interval |", "|---|---|---|---|---|"]
    for workers, rate in rates.items():
        lines.append(f"| {workers} | {rate:.1f} | {rate / workers:.1f} | "
                     f"{lock_share(seen[workers]):.0%} | {rate * interval:,.0f} |")
    best = max(rates, key=lambda w: rates[w] / w)
    needed = target / interval
    lines += ["", f"{target:,} feeds polled every {interval / 60:.0f} minutes, each poll "
              f"bringing news, need {needed:.0f} feeds/s: about "
              f"{-(-needed // (rates[best] / best)):.0f} workers at the "
              f"{best}-worker rate per worker ({rates[best] / best:.1f} feeds/s), each with "
              "its own core, and PostgreSQL's share of CPU beside them (most polls of a real "
              "feed are unchanged and cost a fraction of this)."]
    return "\n".join(lines)

if __name__ == "__main__":
    main()
