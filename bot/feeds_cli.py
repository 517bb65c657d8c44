"""`newsbrief feeds …`: manage feeds from the shell, without a chat platform."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from sqlalchemy import select

from bot.config import Settings
from bot.opml import OpmlFeed, read_opml, write_opml
from bot.outbox import outbox_counts
from bot.store import Database
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store.schema import destinations


def _ago(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    seconds = (now - moment).total_seconds()
    future = seconds < 0
    seconds = abs(seconds)
    text = (f"{seconds:.0f}s" if seconds < 120 else f"{seconds / 60:.0f}m" if seconds < 7200
            else f"{seconds / 3600:.0f}h")
    return f"in {text}" if future else f"{text} ago"


async def run_feeds_command(args: argparse.Namespace, settings: Settings) -> int:
    db = Database(settings.database_url)
    await db.migrate()
    now = datetime.now(UTC)
    try:
        return await _dispatch(args, db, now)
    finally:
        await db.close()


async def _dispatch(args: argparse.Namespace, db: Database, now: datetime) -> int:
    cmd = args.feeds_cmd
    if cmd == "add":
        if not args.url.startswith(("http://", "https://")):
            print("newsbrief: a feed URL must start with http:// or https://", file=sys.stderr)
            return 2
        tags = [t.strip() for t in args.tags.split(",") if t.strip()]
        async with db.begin() as conn:
            feed_id, created = await feed_store.add_feed(conn, args.url, now=now,
                                                         title=args.title, tags=tags)
        print(f"{'added' if created else 'already present'}: #{feed_id} {args.url}")
        return 0
    if cmd in ("remove", "enable"):
        async with db.begin() as conn:
            if cmd == "remove":
                done = await feed_store.remove_feed(conn, args.feed)
            else:
                done = await feed_store.enable_feed(conn, args.feed, now=now)
        print(f"{cmd}d: {args.feed}" if done else f"no such feed: {args.feed}")
        return 0 if done else 1
    if cmd == "resume":
        async with db.begin() as conn:
            dest = await dest_store.get(conn, args.destination)
            if dest is not None and dest.paused_at is not None:
                await dest_store.resume(conn, dest.id, now=now)
        if dest is None or dest.paused_at is None:
            print(f"not paused: {args.destination}")
            return 1
        print(f"resumed: {args.destination} (held messages are due now)")
        return 0
    async with db.begin() as conn:
        rows = await feed_store.list_feeds(conn)
        paused_rows = list((await conn.execute(
            select(destinations.c.id, destinations.c.ref, destinations.c.paused_reason)
            .where(destinations.c.paused_at.is_not(None)))).all())
        paused = [(row.ref, row.paused_reason, await outbox_counts(conn, row.id))
                  for row in paused_rows]
    if cmd == "list":
        for row in rows:
            tag_text = f" [{', '.join(row.tags)}]" if row.tags else ""
            print(f"#{row.id} {row.url} {row.title or ''}{tag_text}".rstrip())
        return 0
    if cmd == "status":
        for row in rows:
            if row.disabled_at:
                state = f"DISABLED: {row.disabled_reason}"
            elif row.consecutive_failures:
                state = f"failing ({row.consecutive_failures}): {row.last_error}"
            else:
                state = "ok"
            print(f"#{row.id} {row.url}\n    {state}; last success "
                  f"{_ago(row.last_success_at, now)}, next check {_ago(row.next_check_at, now)}")
        for ref, reason, counts in paused:
            expired = counts.get("expired", 0)
            dropped = f", {expired} dropped as too old" if expired else ""
            print(f"destination {ref} PAUSED: {reason}; {counts.get('pending', 0)} messages "
                  f"held{dropped} (newsbrief feeds resume {ref})")
        return 0
    if cmd == "export":
        text = write_opml([OpmlFeed(r.url, r.title, list(r.tags)) for r in rows])
        if args.out:
            args.out.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    if cmd == "import":
        feeds = read_opml(args.opml.read_bytes())
        added = 0
        for index, feed in enumerate(feeds, 1):
            async with db.begin() as conn:
                _, created = await feed_store.add_feed(conn, feed.url, now=now, title=feed.title,
                                                       tags=feed.tags)
            added += created
            if index % 50 == 0 or index == len(feeds):
                print(f"\rimporting {index}/{len(feeds)}", end="", file=sys.stderr, flush=True)
        print(f"\nimported {added} new feeds ({len(feeds) - added} already present)",
              file=sys.stderr)
        return 0
    raise AssertionError(cmd)
