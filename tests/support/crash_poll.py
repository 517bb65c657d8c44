"""One bot process of the poll crash test (``python -m tests.support.crash_poll DB_URL LOG_PATH
FEED_BASE FEEDS``): polls the loopback feeds, routes and delivers to recording destinations, and
may be SIGKILLed at any moment, mid-poll included. Prints ``ready``; exits 0 once every feed has
been polled and nothing is left to deliver."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from sqlalchemy import func, select

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import DestinationSettings, FeedSettings, Secrets, Settings, SubscriptionSettings
from bot.store.schema import feeds, outbox

REFS = [f"discord:{100 + i}" for i in range(3)]  # played by a recording adapter


def settings(db_url: str, base: str, count: int, data_dir: Path) -> Settings:
    return Settings(
        data_dir=data_dir, database={"url": db_url},
        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 10.0},
        polling={"tick": 1, "backfill": 5, "max_item_age_days": 36500},
        summarizer={"full_text": False},
        feeds=[FeedSettings(url=f"{base}/f{n}.xml") for n in range(count)],
        destinations=[DestinationSettings(ref=ref, subscriptions=[SubscriptionSettings()])
                      for ref in REFS])


async def main(db_url: str, log_path: str, base: str, count: str) -> int:
    config = settings(db_url, base, int(count), Path(log_path).parent)
    adapter = RecordingAdapter(name="discord", log_path=Path(log_path))
    app = await App.create(config, Secrets(values={}), adapters={"discord": adapter})
    print("ready", flush=True)
    try:
        while True:
            await app.pipeline.poll_due(limit=2)
            await app.deliver_pending()
            async with app.db.begin() as conn:
                unpolled = (await conn.execute(select(func.count()).select_from(feeds).where(
                    feeds.c.first_polled.is_(False)))).scalar_one()
                left = (await conn.execute(select(func.count()).select_from(outbox).where(
                    outbox.c.state.in_(("pending", "sending"))))).scalar_one()
            if not unpolled and not left:
                return 0
            await asyncio.sleep(0.01)
    finally:
        await app.close()


if __name__ == "__main__":
    sys.exit(asyncio.run(main(*sys.argv[1:5])))
