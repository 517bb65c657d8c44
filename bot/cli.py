"""The command line (contract in DESIGN.md): run, brief, summarize, feeds, digest, check,
command."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from bot.config import Secrets, Settings, load_settings
from bot.errors import NewsbriefError
from bot.logs import setup_logging
from bot.render import brief_text
from bot.serialize import brief_to_dict

Handler = Callable[[argparse.Namespace, Settings, Secrets], Coroutine[Any, Any, int]]


def _progress(done: int, total: int) -> None:
    """A long first poll (a big import, a backfill) shows how far it has got."""
    if total >= 20 and (done % 10 == 0 or done == total):
        end = "\n" if done == total else ""
        print(f"\rpolled {done}/{total} feeds", end=end, file=sys.stderr, flush=True)


async def cmd_run(args: argparse.Namespace, settings: Settings, secrets: Secrets) -> int:
    from bot.app import App
    from bot.runner import Runner

    if settings.discord.sync_commands and secrets.get("DISCORD_TOKEN"):
        await _sync_discord(settings, secrets)
    app = await App.create(settings, secrets)
    try:
        if args.once:
            app.pipeline.on_feed_done = _progress
            stats = await app.pipeline.poll_due()
            sent = await app.deliver_pending()
            print(f"polled {stats.feeds} feeds: {stats.new_items} new items, {stats.briefs} "
                  f"briefs, {stats.failed} failed; {sent} messages delivered", file=sys.stderr)
            return 0
        await Runner(app, app.commands).run()
        return 0
    finally:
        await app.close()


async def _sync_discord(settings: Settings, secrets: Secrets) -> list[str]:
    import importlib

    discord_adapter = importlib.import_module("adapters.discord")
    names: list[str] = await discord_adapter.sync_commands(
        token=secrets.get("DISCORD_TOKEN"), api_base_url=settings.discord.api_base_url,
        guild_ids=settings.discord.guild_ids)
    return names


async def cmd_sync_commands(args: argparse.Namespace, settings: Settings,
                            secrets: Secrets) -> int:
    if not secrets.get("DISCORD_TOKEN"):
        print("newsbrief: set DISCORD_TOKEN to sync Discord's slash commands", file=sys.stderr)
        return 2
    if args.guild:
        settings = settings.model_copy(update={"discord": settings.discord.model_copy(
            update={"guild_ids": args.guild})})
    names = await _sync_discord(settings, secrets)
    where = f"guilds {', '.join(map(str, settings.discord.guild_ids))}" \
        if settings.discord.guild_ids else "globally (may take up to an hour to appear)"
    print(f"synced {len(names)} commands {where}: {', '.join(names)}")
    return 0


async def cmd_brief(args: argparse.Namespace, settings: Settings, secrets: Secrets) -> int:
    from bot.app import make_fetcher, make_summarizer
    from bot.briefing import Briefer
    from bot.delivery import Destination

    fetcher = make_fetcher(settings)
    try:
        briefer = Briefer(fetcher=fetcher, summarizer=make_summarizer(settings, secrets),
                          points=settings.summarizer.points)
        briefs = await briefer.brief_source(args.source, limit=args.limit)
    finally:
        await fetcher.aclose()
    dest = Destination(f"{args.format}:preview", timezone=args.timezone, locale=args.locale)
    for brief in briefs:
        if args.format in ("text", "markdown"):
            print(brief_text(brief, timezone=args.timezone, locale=args.locale,
                             markdown=args.format == "markdown"))
            print()
        elif args.format == "json":
            print(json.dumps(brief_to_dict(brief), ensure_ascii=False))
        else:  # the exact bodies the platform adapter would send
            import importlib

            render = importlib.import_module(f"adapters.{args.format}.render")
            for payload in render.render_brief_payloads(brief, dest):
                print(json.dumps(payload, ensure_ascii=False, indent=2))
    return 0


async def cmd_summarize(args: argparse.Namespace, settings: Settings, secrets: Secrets) -> int:
    from bot.app import make_summarizer
    from bot.summarize.batch import run_batch

    summarizer = make_summarizer(settings, secrets)
    source = open(args.infile, encoding="utf-8") if args.infile else sys.stdin  # noqa: SIM115
    out = open(args.outfile, "w", encoding="utf-8") if args.outfile else sys.stdout  # noqa: SIM115
    try:
        await run_batch(source, out, summarizer, points=settings.summarizer.points)
    finally:
        if args.infile:
            source.close()
        if args.outfile:
            out.close()
    return 0


async def cmd_feeds(args: argparse.Namespace, settings: Settings, secrets: Secrets) -> int:
    from bot.feeds_cli import run_feeds_command

    return await run_feeds_command(args, settings)


async def cmd_digest(args: argparse.Namespace, settings: Settings, secrets: Secrets) -> int:
    from bot.app import App
    from bot.digest import digest_now, recap
    from bot.render import digest_text
    from bot.routing import targets

    app = await App.create(settings, secrets)
    now = app.pipeline.clock()
    try:
        async with app.db.begin() as conn:
            # The destinations with a digest time, or the one named: the same set either way.
            chosen = [dest for dest, _subs in await targets(conn)
                      if (dest.ref == args.channel if args.channel else dest.digest_time)]
            if args.channel and not chosen:
                print(f"newsbrief: no destination {args.channel} with subscriptions",
                      file=sys.stderr)
                return 1
            if args.dry_run:
                for dest in chosen:
                    digest = await recap(conn, dest, now=now, empty_note=True)
                    text = digest_text(digest, timezone=dest.timezone, locale=dest.locale) \
                        if digest else "(nothing to send)"
                    print(f"=== {dest.ref}\n{text}\n")
                return 0
            queued = sum([await digest_now(conn, dest, now=now) is not None for dest in chosen])
        sent = await app.deliver_pending()
        print(f"{queued} digests queued, {sent} messages delivered", file=sys.stderr)
        return 0
    finally:
        await app.close()


async def cmd_check(args: argparse.Namespace, settings: Settings, secrets: Secrets) -> int:
    from bot.app import platforms_wanted, with_default_destination

    settings = with_default_destination(settings)
    database = settings.database_url.split("://", 1)[0]
    print("configuration OK")
    where = "configured" if settings.database.url else str(settings.data_dir)
    print(f"  database: {database} ({where})")
    print(f"  feeds in config: {len(settings.feeds)}")
    print(f"  destinations: {', '.join(d.ref for d in settings.destinations)}")
    print(f"  adapters: {', '.join(platforms_wanted(settings, secrets))}")
    print(f"  summarizer: {settings.summarizer.kind}, {settings.summarizer.points} points")
    print(f"  polling every {settings.polling.interval:.0f} s, backfill "
          f"{settings.polling.backfill} on a feed's first poll")
    print(f"  secrets present: {', '.join(secrets.present()) or 'none'}")
    return 0


async def cmd_command(args: argparse.Namespace, settings: Settings, secrets: Secrets) -> int:
    from bot.app import App
    from bot.delivery import CommandRequest, Destination

    text = args.text.strip().lstrip("/")
    name, _, rest = text.partition(" ")
    app = await App.create(settings, secrets)
    try:
        core = app.commands
        reply = await core.handle(CommandRequest(
            command=name, args=rest.strip(), user=args.user, where=Destination(args.where),
            dm=Destination(args.where), is_admin=args.admin, locale=args.locale))
        print(reply.text)
        for brief in reply.briefs:
            print()
            print(brief_text(brief))
        return 1 if reply.error else 0
    finally:
        await app.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsbrief", description=__doc__)
    parser.add_argument("--version", action="version", version="newsbrief 0.1.0")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, help="YAML file (default config/newsbrief.yaml)")
    # `feeds --config X list` and `feeds list --config X` both work: the inner parsers must not
    # reset what the outer one read.
    inner = argparse.ArgumentParser(add_help=False)
    inner.add_argument("--config", type=Path, default=argparse.SUPPRESS,
                       help="YAML file (default config/newsbrief.yaml)")
    sub = parser.add_subparsers(dest="cmd", required=True)

    run = sub.add_parser("run", parents=[common], help="run the bot")
    run.add_argument("--once", action="store_true", help="one poll-summarize-deliver cycle")
    run.set_defaults(handler=cmd_run)

    brief = sub.add_parser("brief", parents=[common], help="brief an article, feed or file")
    brief.add_argument("source", help="article URL, feed URL or local file")
    brief.add_argument("--format", default="text",
                       choices=["text", "markdown", "json", "discord", "slack"])
    brief.add_argument("--limit", type=int, default=1, help="items to brief from a feed")
    brief.add_argument("--timezone", default="UTC")
    brief.add_argument("--locale", default="en")
    brief.set_defaults(handler=cmd_brief)

    summ = sub.add_parser("summarize", parents=[common], help="JSON lines in, briefs out")
    summ.add_argument("--in", dest="infile", help="input file (default stdin)")
    summ.add_argument("--out", dest="outfile", help="output file (default stdout)")
    summ.set_defaults(handler=cmd_summarize)

    feeds = sub.add_parser("feeds", parents=[common], help="manage feeds")
    fsub = feeds.add_subparsers(dest="feeds_cmd", required=True)
    add = fsub.add_parser("add", parents=[inner], help="add a feed")
    add.add_argument("url")
    add.add_argument("--tags", default="", help="comma-separated tags")
    add.add_argument("--title")
    remove = fsub.add_parser("remove", parents=[inner], help="remove a feed (URL or id)")
    remove.add_argument("feed")
    enable = fsub.add_parser("enable", parents=[inner], help="re-enable a disabled feed")
    enable.add_argument("feed")
    resume = fsub.add_parser("resume", parents=[inner],
                             help="resume posting to a paused destination (e.g. discord:123)")
    resume.add_argument("destination")
    fsub.add_parser("list", parents=[inner], help="list feeds")
    fsub.add_parser("status", parents=[inner], help="feed health and paused destinations")
    imp = fsub.add_parser("import", parents=[inner], help="import an OPML file")
    imp.add_argument("opml", type=Path)
    exp = fsub.add_parser("export", parents=[inner], help="export feeds as OPML")
    exp.add_argument("--out", type=Path, help="file (default stdout)")
    feeds.set_defaults(handler=cmd_feeds)

    digest = sub.add_parser("digest", parents=[common], help="build (and send) digests now")
    digest.add_argument("--channel", help="destination ref, e.g. slack:T1/C1 (default: all)")
    digest.add_argument("--dry-run", action="store_true", help="print instead of sending")
    digest.set_defaults(handler=cmd_digest)

    check = sub.add_parser("check", parents=[common], help="validate configuration")
    check.set_defaults(handler=cmd_check)

    sync = sub.add_parser("sync-commands", parents=[common],
                          help="register the Discord slash commands (do it on purpose: Discord "
                               "allows 200 command creates a day per guild)")
    sync.add_argument("--guild", type=int, action="append", help="guild id (instant); repeat")
    sync.set_defaults(handler=cmd_sync_commands)

    command = sub.add_parser("command", parents=[common],
                             help='run a chat command, e.g. newsbrief command "/subscribe ai"')
    command.add_argument("text")
    command.add_argument("--where", default="console:", help="destination ref it is typed in")
    command.add_argument("--user", default="cli")
    command.add_argument("--admin", action=argparse.BooleanOptionalAction, default=True)
    command.add_argument("--locale", default=None,
                         help="answer as a user with this language sees it, e.g. ko")
    command.set_defaults(handler=cmd_command)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(args.config, required=args.config is not None)
    except NewsbriefError as exc:
        print(f"newsbrief: {exc}", file=sys.stderr)
        return 2
    secrets = Secrets.from_env((settings.summarizer.openai.api_key_env,))
    hidden = [secrets.get(name) or "" for name in secrets.present()]
    hidden.append(make_url(settings.database_url).password or "")
    setup_logging(settings.logging.level, json_lines=settings.logging.json_lines, secrets=hidden)
    handler: Handler = args.handler
    try:
        return asyncio.run(handler(args, settings, secrets))
    except NewsbriefError as exc:
        print(f"newsbrief: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception:  # logged through the redacting handler, never Python's raw hook
        logging.getLogger("newsbrief").exception("newsbrief.crashed command=%s", args.cmd)
        return 1


if __name__ == "__main__":
    sys.exit(main())
