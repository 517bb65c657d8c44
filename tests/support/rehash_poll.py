"""One poll of an upgraded store that is SIGKILLed right after its legacy raw hashes are
rewritten, before its transaction commits (``python -m tests.support.rehash_poll DB_URL
FEED_URL DATA_DIR NOW``). Exits 0 only when no hash needed rewriting (nothing was killed)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import DestinationSettings, Secrets, Settings, SubscriptionSettings
from bot.store import entries as entry_store


def upgrade_settings(db_url: str, feed_url: str, data_dir: Path) -> Settings:
    """One feed, one console destination that wants updates."""
    return Settings(
        data_dir=data_dir, database={"url": db_url},
        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 2.0,
                 "connect_timeout": 1.0},
        polling={"interval": 60, "min_interval": 60, "backfill": 5, "max_failures": 3,
                 "max_item_age_days": 36500},
        summarizer={"full_text": False},
        feeds=[{"url": feed_url}],
        destinations=[DestinationSettings(ref="console:", updates=True,
                                          subscriptions=[SubscriptionSettings()])])


async def main(db_url: str, feed_url: str, data_dir: str, now: str) -> int:
    rewrite = entry_store.rewrite_raw_hashes

    async def rewrite_then_die(conn: Any, rows: Sequence[tuple[int, str, str, str]]) -> None:
        await rewrite(conn, rows)
        if rows:
            print("rewritten", len(rows), flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    entry_store.rewrite_raw_hashes = rewrite_then_die  # type: ignore[assignment]
    moment = datetime.fromisoformat(now)
    app = await App.create(upgrade_settings(db_url, feed_url, Path(data_dir)),
                           Secrets(values={}),
                           adapters={"console": RecordingAdapter(name="console")},
                           clock=lambda: moment)
    try:
        await app.pipeline.poll_due()
    finally:
        await app.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(*sys.argv[1:5])))
