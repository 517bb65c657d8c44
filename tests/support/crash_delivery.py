"""Seeds an outbox for tests, and (run as ``python -m tests.support.crash_delivery``) plays one
delivery process of the crash test: it may be SIGKILLed at any moment, or kill itself on cue.

    python -m tests.support.crash_delivery DB_URL LOG_PATH MODE [LEASE_SECONDS]
    MODE: run | after-post:K | after-attempt:K   (SIGKILL self right after the K-th post/attempt)

Several may run at once on one PostgreSQL database (a short LEASE_SECONDS lets the survivors
take a killed one's rows over quickly).

Prints ``ready`` once started, exits 0 when no row is left to deliver.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, insert, select

from adapters.recording import Hook, RecordingAdapter
from bot.delivery import Destination, Outgoing
from bot.models import Brief, Point
from bot.outbox.queue import enqueue, outbox_key
from bot.outbox.worker import OutboxWorker
from bot.store.briefs import save_brief
from bot.store.db import Database
from bot.store.schema import destinations, entries, feeds, outbox

EPOCH = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


async def add_destination(db: Database, ref: str, *, webhook_url: str | None = None,
                          now: datetime = EPOCH) -> int:
    async with db.begin() as conn:
        result = await conn.execute(insert(destinations).values(
            ref=ref, webhook_url=webhook_url, created_at=now))
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])


async def add_brief(db: Database, n: int, *, now: datetime = EPOCH) -> int:
    """A stored brief (with its feed and entry rows) whose headline is ``Story <n>``."""
    async with db.begin() as conn:
        feed_id = (await conn.execute(select(feeds.c.id).where(
            feeds.c.url == "http://127.0.0.1/feed.xml"))).scalar()
        if feed_id is None:
            feed_id = (await conn.execute(insert(feeds).values(
                url="http://127.0.0.1/feed.xml", title="Loopback News", tags=[],
                next_check_at=now, created_at=now))).inserted_primary_key[0]  # type: ignore[index]
        text = f"Story {n} happened. It mattered. People said so."
        entry_id = (await conn.execute(insert(entries).values(
            feed_id=feed_id, entry_key=f"guid:{n}", id_kind="guid", title=f"Story {n}",
            link=f"http://127.0.0.1/{n}", first_seen_at=now, text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(), categories=["ai"],
        ))).inserted_primary_key[0]  # type: ignore[index]
        brief = Brief(headline=f"Story {n}",
                      points=[Point("Story happened."), Point("It mattered."),
                              Point("People said so.")],
                      tags=["ai"], url=f"http://127.0.0.1/{n}", lang="en",
                      source="Loopback News", published=now)
        return await save_brief(conn, entry_id=int(entry_id), brief=brief, now=now)


async def seed(db: Database, *, briefs: int, refs: list[str],
               now: datetime = EPOCH) -> list[tuple[str, str]]:
    """``briefs`` briefs fanned out to every ref; returns the (ref, key) pairs enqueued."""
    dest_ids = {ref: await add_destination(db, ref, now=now) for ref in refs}
    brief_ids = [await add_brief(db, n, now=now) for n in range(briefs)]
    pairs = []
    async with db.begin() as conn:
        for brief_id in brief_ids:
            for ref, dest_id in dest_ids.items():
                key = outbox_key("b", brief_id, dest_id)
                await enqueue(conn, key=key, destination_id=dest_id, brief_id=brief_id, now=now)
                pairs.append((ref, key))
    return pairs


def _kill_on(nth: int) -> Hook:
    seen = 0

    def hook(destination: Destination, message: Outgoing) -> None:
        nonlocal seen
        seen += 1
        if seen >= nth:
            os.kill(os.getpid(), signal.SIGKILL)
    return hook


async def main(db_url: str, log_path: str, mode: str, lease: str = "60") -> int:
    kind, _, arg = mode.partition(":")
    hook = _kill_on(int(arg)) if arg else None
    adapter = RecordingAdapter(
        name="rec", log_path=Path(log_path), delay=0.002,
        on_posted=hook if kind == "after-post" else None,
        on_attempt=hook if kind == "after-attempt" else None)
    db = Database(db_url)
    worker = OutboxWorker(db=db, adapters={"rec": adapter}, batch_size=8, concurrency=4,
                          backoff_base=0.01, lease_seconds=float(lease))
    print("ready", flush=True)
    try:
        while True:
            await worker.reconcile_stale()
            while await worker.run_once():
                pass
            async with db.begin() as conn:
                left = (await conn.execute(select(func.count()).select_from(outbox).where(
                    outbox.c.state.in_(("pending", "sending"))))).scalar_one()
            if not left:
                return 0
            await asyncio.sleep(0.01)
    finally:
        await db.close()


if __name__ == "__main__":
    sys.exit(asyncio.run(main(*sys.argv[1:5])))
