"""Digest benchmark: a 3,000-brief day (real BBC articles) and 50 destinations with different
subscriptions, every digest due at once, through ``fire_due_digests`` as the scheduler runs it.

    python -m bench.digest [--briefs 3000] [--destinations 50]

Prints the time per destination, then each digest as Discord and Slack would receive it (the
adapters' own renderers): messages and bytes, against their limits. Baseline in the same run:
loading every brief of the day once, which is what each destination's digest used to cost.
Target (issue 15): under 0.2 s per destination, within each platform's message limits.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from adapters.discord.render import render_digest_payloads as discord_payloads
from adapters.slack.render import render_digest_payloads as slack_payloads
from bench.realworld import articles, fill_window, machine, row
from bot.delivery import Destination
from bot.delivery.serialize import digest_from_json
from bot.routing.digest import DIGEST_STORIES, fire_due_digests
from bot.store import Database
from bot.store import destinations as dest_store
from bot.store.briefs import load_brief
from bot.store.schema import briefs, outbox

TAGS = ["business", "politics", "sport", "tech", "entertainment"]
DISCORD_MESSAGE_CHARS = 6000  # all embeds of one message together
SLACK_BLOCKS = 50


async def main(count: int, destination_count: int) -> None:
    news = articles()
    news = (news * (count // len(news) + 1))[:count]
    due = datetime(2026, 11, 21, 23, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite+aiosqlite:///{Path(tmp) / 'digest.db'}")
        await db.migrate()
        await fill_window(db, news, now=due - timedelta(minutes=1))
        async with db.begin() as conn:
            # Tags as the summarizer would give them: the article's section, round robin.
            ids = list((await conn.execute(select(briefs.c.id).order_by(briefs.c.id))).scalars())
            for n, brief_id in enumerate(ids):
                await conn.execute(briefs.update().where(briefs.c.id == brief_id)
                                   .values(tags=[TAGS[n % len(TAGS)]]))
            for d in range(destination_count):
                dest = await dest_store.get_or_create(
                    conn, Destination(ref=f"console:{d}"), now=due)
                await dest_store.update_destination(conn, dest.id, digest_time="08:00",
                                                    timezone="Asia/Seoul")
                wanted = ([("all", "")] if d % 5 == 0 else
                          [("tag", TAGS[d % 5]), ("tag", TAGS[(d + 1) % 5])] if d % 5 < 3 else
                          [("keyword", "government"), ("keyword", "market"), ("feed", "Window 3")])
                for kind, value in wanted:
                    await dest_store.add_subscription(conn, dest.id, kind=kind, value=value,
                                                      mode="digest", now=due)
        wall = time.perf_counter()
        fired = await fire_due_digests(db, now=due + timedelta(seconds=30), empty_note=False)
        wall = time.perf_counter() - wall
        async with db.begin() as conn:
            rows = list((await conn.execute(select(outbox.c.digest)
                                            .where(outbox.c.digest.is_not(None)))).scalars())
            baseline = time.perf_counter()
            for brief_id in ids:
                await load_brief(conn, brief_id)
            baseline = time.perf_counter() - baseline
        await db.close()

    digests = [digest_from_json(r if isinstance(r, dict) else json.loads(r)) for r in rows]
    target = Destination(ref="console:0", timezone="Asia/Seoul")
    discord = [discord_payloads(d, target) for d in digests]
    slack = [slack_payloads(d, target) for d in digests]
    stories = [sum(len(s.briefs) for s in d.sections) for d in digests]
    print(f"bench.digest: {count:,} briefs in the day, {destination_count} destinations, "
          f"cap {DIGEST_STORIES} stories; machine: {machine()}")
    print(row("digests fired", fired))
    print(row("all digests, wall s", f"{wall:.2f}"))
    print(row("per destination, s (target < 0.2)", f"{wall / max(1, fired):.3f}"))
    print(row("baseline: loading the day's briefs once, s", f"{baseline:.2f}"))
    print(row("stories shown per digest (min-max)", f"{min(stories)}-{max(stories)}"))
    print(row("Discord: messages per digest (max)", max(len(p) for p in discord)))
    print(row("Discord: largest message, chars of JSON",
              max(len(json.dumps(m)) for p in discord for m in p)))
    print(row("Slack: messages per digest (max)", max(len(p) for p in slack)))
    print(row(f"Slack: blocks in the largest message (limit {SLACK_BLOCKS})",
              max(len(m.get("blocks", [])) for p in slack for m in p)))
    largest = max(len(json.dumps(r if isinstance(r, dict) else json.loads(r))) for r in rows)
    print(row("digest size as stored JSON, KB (max)", f"{largest / 1024:.1f}"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=3000)
    parser.add_argument("--destinations", type=int, default=50)
    args = parser.parse_args()
    asyncio.run(main(args.briefs, args.destinations))
