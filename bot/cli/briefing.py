"""Briefs without the bot running: brief (a URL or file), summarize (JSON lines), digest."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from bot.cli.base import Command, Env, common_options, example, json_out, run_command
from bot.delivery import Destination
from bot.delivery import registry as platforms


def _payload_formats() -> list[str]:
    """The platforms whose exact request bodies ``brief --format`` prints (the registry's)."""
    return [entry.name for entry in platforms.registry() if entry.render_module]


def _known_timezone(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """Refused before anything is fetched, not shown silently in UTC."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter(f"unknown timezone {value!r} (an IANA name such as "
                                 "Asia/Seoul or UTC)") from None
    return value


@click.command(cls=Command,
               epilog=example("newsbrief brief https://example.org/feed.xml --limit 3",
                             "newsbrief brief article.html --format slack"))
@click.argument("source")
@click.option("--format", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "markdown", "json", *_payload_formats()]),
              help=f"{'/'.join(_payload_formats())} print the exact payloads the adapter "
                   "would send.")
@click.option("--limit", type=click.IntRange(min=1), default=1, show_default=True,
              help="Items to brief from a feed.")
@click.option("--timezone", default="UTC", show_default=True, callback=_known_timezone,
              help="IANA name, e.g. Asia/Seoul: the times in the brief.")
@click.option("--locale", default="en", show_default=True)
@common_options
@click.pass_context
def brief(ctx: click.Context, source: str, fmt: str, limit: int, timezone: str,
          locale: str) -> int:
    """Brief an article URL, a feed URL or a local file."""
    return run_command(ctx, _brief, source, fmt, limit, timezone, locale)


async def _brief(env: Env, source: str, fmt: str, limit: int, timezone: str,
                 locale: str) -> int:
    # the briefer (summarizer, fetcher): loaded when the command runs
    from bot.briefing import Briefer
    from bot.delivery.render import brief_text
    from bot.delivery.serialize import brief_to_dict
    from bot.factories import make_fetcher, make_summarizer

    settings = env.settings
    fetcher = make_fetcher(settings)
    try:
        briefer = Briefer(fetcher=fetcher, summarizer=make_summarizer(settings, env.secrets),
                          points=settings.summarizer.points)
        briefs = await briefer.brief_source(source, limit=limit)
    finally:
        await fetcher.aclose()
    dest = Destination(f"{fmt}:preview", timezone=timezone, locale=locale)
    for one in briefs:
        if fmt in ("text", "markdown"):
            print(brief_text(one, timezone=timezone, locale=locale, markdown=fmt == "markdown"))
            print()
        elif fmt == "json":
            print(json.dumps(brief_to_dict(one, shown=True), ensure_ascii=False))
        else:  # the exact bodies the platform adapter would send
            render = platforms.spec(fmt).renderer()
            assert render is not None  # --format offers only the platforms that render
            for payload in render.render_brief_payloads(one, dest):
                print(json.dumps(payload, ensure_ascii=False, indent=2))
    return 0


@click.command(cls=Command,
               epilog=example(
    """newsbrief summarize --in articles.jsonl --out briefs.jsonl""",
    """newsbrief summarize --summarizer llm --in articles.jsonl --out llm.jsonl"""))
@click.option("--in", "infile", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Input file (default stdin).")
@click.option("--out", "outfile", type=click.Path(path_type=Path, dir_okay=False),
              help="Output file (default stdout).")
@click.option("--summarizer", "kind", type=click.Choice(["extractive", "llm"]),
              help="Override summarizer.kind, to compare the model's briefs with the "
                   "extractive ones (default: as configured).")
@common_options
@click.pass_context
def summarize(ctx: click.Context, infile: Path | None, outfile: Path | None,
              kind: str | None) -> int:
    """JSON lines {"id","title","text"[,"lang"]} in, briefs out."""
    return run_command(ctx, _summarize, infile, outfile, kind)


async def _summarize(env: Env, infile: Path | None, outfile: Path | None,
                     kind: str | None) -> int:
    # the summarizer: loaded when the command runs
    from bot.factories import make_summarizer
    from bot.summarize.base import close_summarizer
    from bot.summarize.batch import run_batch

    settings = env.settings
    if kind:
        settings = settings.model_copy(update={
            "summarizer": settings.summarizer.model_copy(update={"kind": kind})})
    summarizer = make_summarizer(settings, env.secrets)
    source = open(infile, encoding="utf-8") if infile else sys.stdin  # noqa: SIM115
    out = open(outfile, "w", encoding="utf-8") if outfile else sys.stdout  # noqa: SIM115
    try:
        await run_batch(source, out, summarizer, points=env.settings.summarizer.points)
    finally:
        await close_summarizer(summarizer)
        if infile:
            source.close()
        if outfile:
            out.close()
    return 0



@click.command(cls=Command,
               epilog=example("newsbrief digest --dry-run --channel slack:T0123/C0456"))
@click.option("--channel", help="Destination ref, e.g. slack:T1/C1 (default: all with a "
                                "digest time).")
@click.option("--dry-run", is_flag=True, help="Print instead of sending.")
@click.option("--json", "as_json", is_flag=True, help="With --dry-run: machine-readable output.")
@common_options
@click.pass_context
def digest(ctx: click.Context, channel: str | None, dry_run: bool, as_json: bool) -> int:
    """Build (and send) digests now."""
    return run_command(ctx, _digest, channel, dry_run, as_json, stateful=True)


async def _digest(env: Env, channel: str | None, dry_run: bool, as_json: bool) -> int:
    # the whole bot (store, outbox, adapters): loaded when the command runs
    from bot.app import App
    from bot.cli.datalock import lock_unless_busy
    from bot.delivery.render import digest_text
    from bot.routing.digest import digest_now, recap
    from bot.routing.route import targets

    # SQLite: a running `run` holds the data lock and sends; delivering here too would take
    # over the rows it is sending (another process's lease looks dead) and post them twice.
    data_lock, busy = (None, None) if dry_run else lock_unless_busy(env.settings.database_url)
    # busy: no platform connection either, as `command` (the running bot has them)
    app = await App.create(env.settings, env.secrets, adapters={} if busy else None)
    now = app.pipeline.clock()
    try:
        async with app.db.begin() as conn:
            # The destinations with a digest time, or the one named: the same set either way.
            chosen = [dest for dest, _subs in await targets(conn)
                      if (dest.ref == channel if channel else dest.digest_time)]
            if channel and not chosen:
                print(f"newsbrief: no destination {channel} with subscriptions", file=sys.stderr)
                return 1
            if not chosen:  # said, rather than printing nothing and exiting 0
                print("newsbrief: no destination has a digest_time, so there is no digest to "
                      "build (set one, or name a destination with --channel)", file=sys.stderr)
            if dry_run:
                previews = []
                for dest in chosen:
                    found = await recap(conn, dest, now=now, empty_note=True,
                                        stories=env.settings.delivery.digest_stories)
                    text = digest_text(found, timezone=dest.timezone, locale=dest.locale) \
                        if found else None
                    previews.append({"destination": dest.ref, "text": text})
                if as_json:
                    json_out(previews)
                for preview in [] if as_json else previews:
                    print(f"=== {preview['destination']}\n"
                          f"{preview['text'] or '(nothing to send)'}\n")
                return 0
            queued = sum([await digest_now(conn, dest, now=now,
                                           stories=env.settings.delivery.digest_stories) is not None
                          for dest in chosen])
        if busy is not None:
            who = f"pid {busy.holder}" if busy.holder else "another process"
            print(f"{queued} digests queued; the running newsbrief ({who}) delivers them",
                  file=sys.stderr)
            return 0
        sent = await app.deliver_pending()
        print(f"{queued} digests queued, {sent} messages delivered", file=sys.stderr)
        return 0
    finally:
        await app.close()
        if data_lock is not None:
            data_lock.release()

