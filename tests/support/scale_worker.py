"""One worker process of the scale test: the real App (pipeline and outbox) on a shared database.

    python -m tests.support.scale_worker DB_URL DIR NAME

``DIR`` holds ``offset`` (seconds added to the wall clock, so the test can move time forward for
every process at once), ``posted.log`` (the recording platform, shared by all workers so that a
survivor can reconcile a dead worker's sends) and ``stop`` (created when the run is over).
The worker prints ``ready`` once started; it polls in small batches, as several workers should.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import DestinationSettings, Secrets, Settings, SubscriptionSettings

BATCH = 8  # feeds claimed per poll call: small, so the work spreads over the workers
REF = "console:"
FETCH_TIMEOUT = 100.0  # seconds of real time, for connect and the whole answer


class OffsetClock:
    """Wall time plus the offset the test writes to a file (read on every call)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self) -> datetime:
        try:
            offset = float(self.path.read_text() or 0)
        except (OSError, ValueError):
            offset = 0.0
        return datetime.now(UTC) + timedelta(seconds=offset)


def worker_settings(data_dir: Path, db_url: str, name: str) -> Settings:
    return Settings(
        data_dir=data_dir,
        database={"url": db_url},
        # The user agent names the worker, so the feed server can tell who fetched what.
        # Fetch timeouts run on real time while the test moves a virtual clock: one that fires
        # on a loaded machine puts the feed into backoff past every cycle (a flaky test), so on
        # loopback they are longer than the test's STALL (60 s), after which it reports a hang.
        network={"allow_private": ["127.0.0.0/8"], "total_timeout": FETCH_TIMEOUT,
                 "connect_timeout": FETCH_TIMEOUT,
                 "user_agent": f"scale-test/{name}", "per_host_concurrency": 32},
        polling={"interval": 900, "min_interval": 600, "backfill": 1, "concurrency": 8,
                 "max_item_age_days": 36500},
        summarizer={"full_text": False},
        destinations=[DestinationSettings(ref=REF, subscriptions=[SubscriptionSettings()])],
    )


async def run(db_url: str, directory: Path, name: str) -> None:
    clock = OffsetClock(directory / "offset")
    recorder = RecordingAdapter(name="console", log_path=directory / "posted.log")
    settings = worker_settings(directory / name, db_url, name)
    app = await App.create(settings, Secrets(values={}), adapters={"console": recorder},
                           clock=clock)
    print("ready", flush=True)
    try:
        while not (directory / "stop").exists():
            stats = await app.pipeline.poll_due(limit=BATCH)
            sent = await app.deliver_pending()
            if not stats.feeds and not sent:
                await asyncio.sleep(0.05)
    finally:
        await app.close()


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    # a worker's file lists no feeds, so each start warns once per seeded feed that it keeps
    # it: 10,000 lines a worker at bench.scale's largest size, none of them news
    logging.getLogger("bot.startup").setLevel(logging.ERROR)
    db_url, directory, name = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    asyncio.run(run(db_url, directory, name))


if __name__ == "__main__":
    main()
