"""`newsbrief feeds …`: manage feeds from the shell, without a chat platform. The rules are
bot.feeds.manage's, as for chat and the dashboard; this parses options and prints."""

from __future__ import annotations

import json
import sys
from collections.abc import Awaitable, Callable
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from bot.commands.reactions import feedback_lines
from bot.config import Secrets, Settings
from bot.delivery.render import brief_text
from bot.feeds.manage import (
    OPERATOR,
    FeedError,
    FeedLimits,
    FeedPreview,
    FeedService,
    FeedStatus,
    NoSuchFeed,
    NotPaused,
    PreviewFailed,
)
from bot.feeds.opml import OpmlFeed, beyond_size, read_opml_file, write_opml
from bot.feeds.reading import newest_brief
from bot.netguard import AddressPolicy
from bot.startup import configured_database
from bot.store.reactions import DOWN, UP


def _status_dict(row: Any, status: FeedStatus) -> dict[str, Any]:
    state = "disabled" if row.disabled_at else "failing" if row.consecutive_failures else "ok"
    up, down = status.votes_of(row.id)
    return {"id": row.id, "url": row.url, "state": state,
            "disabled_reason": row.disabled_reason, "failures": row.consecutive_failures,
            "last_error": row.last_error, "last_success_at": row.last_success_at,
            "next_check_at": row.next_check_at, "votes": {"up": up, "down": down}}


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

    async def preview(url: str) -> FeedPreview:
        # aiohttp and the summarizer: loaded when the command runs
        from bot.factories import make_fetcher, make_summarizer

        fetcher = make_fetcher(settings)
        try:
            return await newest_brief(url, fetcher=fetcher,
                                      summarizer=make_summarizer(settings, secrets),
                                      points=settings.summarizer.points)
        finally:
            await fetcher.aclose()

    db = configured_database(settings, echo=False)  # stdout is the command's
    service = FeedService(db, policy=AddressPolicy(settings.network.allow_private),
                          limits=FeedLimits(settings.limits.feeds_per_channel,
                                            settings.limits.feeds_per_server),
                          preview=preview)
    try:
        await db.migrate()
        return await _dispatch(cmd, args, service)
    except FeedError as exc:
        hint = " (check the URL, or save it anyway with --no-check)" \
            if isinstance(exc, PreviewFailed) else ""
        print(f"newsbrief: {exc}{hint}", file=sys.stderr)
        return 2 if exc.usage else 1
    finally:
        await db.close()


def _votes(status: FeedStatus, feed_id: int) -> str:
    up, down = status.votes_of(feed_id)
    return f", {UP} {up} {DOWN} {down}" if up or down else ""


async def _add(args: SimpleNamespace, service: FeedService) -> int:
    tags = [t.strip() for t in args.tags.split(",") if t.strip()]
    added = await service.add(args.url, actor=OPERATOR, tags=tags, title=args.title,
                              check=args.check)
    found = added.discovery()
    if found:  # a site's page was given: say which feed it named was taken, and the others
        print(found, file=sys.stderr)
    if added.preview is not None:
        shown = added.preview
        print(f"preview of the newest of {shown.items} items in {shown.title or added.url}:\n")
        print(brief_text(shown.brief))
        print()
    print(f"{'already present' if added.present else 'added'}: #{added.feed_id} {added.url}")
    return 0


async def _remove(args: SimpleNamespace, service: FeedService) -> int:
    return await _on_feed("remove", service.remove, args.feed)


async def _enable(args: SimpleNamespace, service: FeedService) -> int:
    return await _on_feed("enable", service.enable, args.feed)


async def _on_feed(verb: str, act: Callable[..., Awaitable[Any]], feed: str) -> int:
    try:
        await act(feed, actor=OPERATOR)
    except NoSuchFeed:
        print(f"no such feed: {feed}")
        return 1
    print(f"{verb}d: {feed}")
    return 0


async def _resume(args: SimpleNamespace, service: FeedService) -> int:
    try:
        await service.resume(args.destination)
    except NotPaused:
        print(f"not paused: {args.destination}")
        return 1
    print(f"resumed: {args.destination} (held messages are due now)")
    return 0


async def _import(args: SimpleNamespace, service: FeedService) -> int:
    def progress(done: int, total: int) -> None:
        print(f"\rimporting {done}/{total}", end="", file=sys.stderr, flush=True)

    opml_file = read_opml_file(args.opml)
    summary = await service.import_opml(opml_file.data, actor=OPERATOR, progress=progress)
    if opml_file.beyond:
        summary.skipped[beyond_size()] += opml_file.beyond
    print("\n" + "\n".join(summary.lines()), file=sys.stderr)
    return 0


async def _list(args: SimpleNamespace, service: FeedService) -> int:
    rows = (await service.status(OPERATOR)).feeds
    if args.as_json:
        print(json.dumps([{"id": r.id, "url": r.url, "title": r.title, "tags": list(r.tags)}
                          for r in rows], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        tag_text = f" [{', '.join(row.tags)}]" if row.tags else ""
        print(f"#{row.id} {row.url} {row.title or ''}{tag_text}".rstrip())
    return 0


async def _status(args: SimpleNamespace, service: FeedService) -> int:
    now = service.clock()
    status = await service.status(OPERATOR)
    rows = status.feeds
    if args.as_json:
        print(json.dumps({"feeds": [_status_dict(r, status) for r in rows], "paused": [
            {"destination": p.ref, "reason": p.reason, "held": p.held,
             "dropped_as_too_old": p.dropped} for p in status.paused]},
            ensure_ascii=False, indent=2, default=str))
        return 0
    for row in rows:
        if row.disabled_at:
            state = f"DISABLED: {row.disabled_reason}"
        elif row.consecutive_failures:
            state = f"failing ({row.consecutive_failures}): {row.last_error}"
        else:
            state = "ok"
        print(f"#{row.id} {row.url}\n    {state}; last success "
              f"{_ago(row.last_success_at, now)}, next check {_ago(row.next_check_at, now)}"
              f"{_votes(status, row.id)}")
    for p in status.paused:
        dropped = f", {p.dropped} dropped as too old" if p.dropped else ""
        print(f"destination {p.ref} PAUSED: {p.reason}; {p.held} messages "
              f"held{dropped} (newsbrief feeds resume {p.ref})")
    disabled = [row for row in rows if row.disabled_at]
    if disabled:
        print(f"{len(disabled)} of {len(rows)} feeds DISABLED; once fixed: newsbrief feeds "
              f"enable {disabled[0].id}")
    for line in feedback_lines(status.votes):
        print(line)
    return 0


async def _export(args: SimpleNamespace, service: FeedService) -> int:
    rows = (await service.status(OPERATOR)).feeds
    text = write_opml([OpmlFeed(r.url, r.title, list(r.tags)) for r in rows])
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


# each `newsbrief feeds` subcommand: what it does with the feed service
_COMMANDS: dict[str, Callable[[SimpleNamespace, FeedService], Awaitable[int]]] = {
    "add": _add, "remove": _remove, "enable": _enable, "resume": _resume, "import": _import,
    "list": _list, "status": _status, "export": _export,
}


async def _dispatch(cmd: str, args: SimpleNamespace, service: FeedService) -> int:
    return await _COMMANDS[cmd](args, service)
