"""`newsbrief feeds …`: manage feeds from the shell, without a chat platform."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from bot.config import Secrets, Settings
from bot.feeds.opml import OpmlFeed, import_opml, read_opml_file, write_opml
from bot.netguard import credentials_in
from bot.outbox.worker import outbox_counts
from bot.store import Database
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store


def _status_dict(row: Any, now: datetime) -> dict[str, Any]:
    state = "disabled" if row.disabled_at else "failing" if row.consecutive_failures else "ok"
    return {"id": row.id, "url": row.url, "state": state,
            "disabled_reason": row.disabled_reason, "failures": row.consecutive_failures,
            "last_error": row.last_error, "last_success_at": row.last_success_at,
            "next_check_at": row.next_check_at}


def _ago(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    seconds = (now - moment).total_seconds()
    future = seconds < 0
    seconds = abs(seconds)
    text = (f"{seconds:.0f}s" if seconds < 120 else f"{seconds / 60:.0f}m" if seconds < 7200
            else f"{seconds / 3600:.0f}h")
    return f"in {text}" if future else f"{text} ago"


async def run_feeds_command(cmd: str, settings: Settings, secrets: Secrets,
                            **options: Any) -> int:
    args = SimpleNamespace(**options)  # the command's options: args.url, args.out, ...
    if cmd == "add" and not args.url.startswith(("http://", "https://")):
        print("newsbrief: a feed URL must start with http:// or https://", file=sys.stderr)
        return 2
    if cmd == "add" and credentials_in(args.url):
        print("newsbrief: a feed URL must not carry user:password@ credentials", file=sys.stderr)
        return 2
    if cmd == "add" and args.check and not await preview_feed(args.url, settings, secrets):
        return 1
    db = Database(settings.database_url)
    await db.migrate()
    now = datetime.now(UTC)
    try:
        return await _dispatch(cmd, args, db, now, settings)
    finally:
        await db.close()


async def preview_feed(url: str, settings: Settings, secrets: Secrets) -> bool:
    """Fetch the feed once and show the brief of its newest item: a URL that is not a feed is
    found now, not after it has been saved and failed ten polls in a row."""
    from bot.errors import NewsbriefError
    from bot.factories import make_fetcher, make_summarizer
    from bot.feeds.parse import parse_feed
    from bot.models import Article
    from bot.render import brief_text

    now = datetime.now(UTC)
    fetcher = make_fetcher(settings)
    try:
        result = await fetcher.fetch(url)
        feed = parse_feed(result.body or b"", url=url)
        if not feed.items:
            print(f"newsbrief: {url} has no items to brief (save it anyway with --no-check)",
                  file=sys.stderr)
            return False
        dated = [entry for entry in feed.items if entry.published is not None]
        newest = max(dated, key=lambda entry: entry.published or now) if dated else feed.items[0]
        preview = await make_summarizer(settings, secrets).summarize(Article(
            title=newest.title, text=newest.text, url=newest.link, lang=newest.lang or feed.lang,
            source=feed.title or None, published=newest.published,
            categories=newest.categories), points=settings.summarizer.points)
    except NewsbriefError as exc:
        print(f"newsbrief: cannot add {url}: {exc} (check the URL, or save it anyway with "
              "--no-check)", file=sys.stderr)
        return False
    finally:
        await fetcher.aclose()
    print(f"preview of the newest of {len(feed.items)} items in {feed.title or url}:\n")
    print(brief_text(preview))
    print()
    return True


async def _dispatch(cmd: str, args: SimpleNamespace, db: Database, now: datetime,
                    settings: Settings) -> int:
    if cmd == "add":
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
        paused = [(dest.ref, dest.paused_reason, await outbox_counts(conn, dest.id))
                  for dest in await dest_store.list_destinations(conn) if dest.paused]
    if cmd == "list" and args.as_json:
        print(json.dumps([{"id": r.id, "url": r.url, "title": r.title, "tags": list(r.tags)}
                          for r in rows], ensure_ascii=False, indent=2))
        return 0
    if cmd == "status" and args.as_json:
        print(json.dumps({"feeds": [_status_dict(r, now) for r in rows], "paused": [
            {"destination": ref, "reason": reason, "held": counts.get("pending", 0),
             "dropped_as_too_old": counts.get("expired", 0)}
            for ref, reason, counts in paused]}, ensure_ascii=False, indent=2, default=str))
        return 0
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
        disabled = [row for row in rows if row.disabled_at]
        if disabled:
            print(f"{len(disabled)} of {len(rows)} feeds DISABLED; once fixed: newsbrief feeds "
                  f"enable {disabled[0].id}")
        return 0
    if cmd == "export":
        text = write_opml([OpmlFeed(r.url, r.title, list(r.tags)) for r in rows])
        if args.out:
            args.out.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    if cmd == "import":
        def progress(done: int, total: int) -> None:
            print(f"\rimporting {done}/{total}", end="", file=sys.stderr, flush=True)

        summary = await import_opml(db, read_opml_file(args.opml), now=now, progress=progress)
        print("\n" + "\n".join(summary.lines()), file=sys.stderr)
        return 0
    raise AssertionError(cmd)
