"""The command line (contract in DESIGN.md): run, brief, summarize, feeds, digest, check,
send-test, sync-commands, command, completion.

Start-up cost matters (cron runs ``run --once`` every cycle): this module imports Click and
nothing else at the top; each command imports what it needs when it runs, so ``--help`` never
loads SQLAlchemy, pydantic or trafilatura. Errors end in one line on stderr: exit 2 for a
configuration or usage problem, 1 for a runtime failure.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from bot.config import ConfigLocation, Secrets, Settings

CONFIG_ERROR, RUNTIME_ERROR = 2, 1


# -- shared options ---------------------------------------------------------------------------

@dataclass
class Options:
    """What the global options said; they may be given before or after the subcommand."""

    config: Path | None = None
    verbose: int = 0
    quiet: int = 0


@dataclass
class Env:
    """What a command runs with: the settings, the secrets, and where the settings came from."""

    settings: Settings
    secrets: Secrets
    location: ConfigLocation
    options: Options = field(default_factory=Options)


def _options(ctx: click.Context) -> Options:
    root = ctx.find_root()
    if not isinstance(root.obj, Options):
        root.obj = Options()
    return root.obj


def _set_config(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        _options(ctx).config = value


def _count(name: str) -> Callable[[click.Context, click.Parameter, int], None]:
    def callback(ctx: click.Context, _param: click.Parameter, value: int) -> None:
        opts = _options(ctx)
        setattr(opts, name, getattr(opts, name) + value)
    return callback


def common_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--config, -v and -q, accepted at every level (``newsbrief --config X feeds list`` and
    ``newsbrief feeds list --config X`` mean the same)."""
    func = click.option("-q", "--quiet", count=True, expose_value=False, callback=_count("quiet"),
                        help="Less output (warnings and errors only).")(func)
    func = click.option("-v", "--verbose", count=True, expose_value=False,
                        callback=_count("verbose"), help="More output (debug logs).")(func)
    return click.option("--config", type=click.Path(path_type=Path, dir_okay=False),
                        expose_value=False, callback=_set_config, is_eager=True,
                        help="YAML file (default: $NEWSBRIEF_CONFIG, ./config/newsbrief.yaml, "
                             "then ~/.config/newsbrief/newsbrief.yaml).")(func)


def _example(*lines: str) -> str:
    r"""An epilog Click prints as written (``\b`` stops it re-wrapping the lines)."""
    return "\b\nExample:\n" + "\n".join(f"  {line}" for line in lines)


class _LowerUsage:
    """``usage: newsbrief …`` as argparse printed it (scripts and docs grep for it)."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="usage: ")


class Command(_LowerUsage, click.Command):
    pass


class Group(_LowerUsage, click.Group):
    command_class = Command
    group_class = type  # subgroups are Groups too


# -- running a command -------------------------------------------------------------------------

Handler = Callable[..., Coroutine[Any, Any, int]]


def load_env(opts: Options, *, service: bool = False) -> Env:
    """Find and read the configuration, set up logging; raises ConfigError. Only the bot
    (``service``) logs at the configured level by default: a one-shot command prints its own
    results, and its INFO lines would bury them (-v brings them back)."""
    from bot.config import Secrets, load_settings, locate_config
    from bot.logs import setup_logging

    location = locate_config(opts.config)
    if location.path is not None:
        settings = load_settings(location.path, required=location.source != "XDG config dir")
    else:
        settings = load_settings(Path("/nonexistent/newsbrief.yaml"))  # defaults + environment
    secrets = Secrets.from_env((settings.summarizer.openai.api_key_env,))
    hidden = [secrets.get(name) or "" for name in secrets.present()]
    hidden += [dest.webhook_url or "" for dest in settings.destinations]
    if settings.database.url:
        from sqlalchemy.engine import make_url

        hidden.append(make_url(settings.database.url).password or "")
    level = settings.logging.level if service or settings.logging.level in ("WARNING", "ERROR") \
        else "WARNING"
    if opts.verbose:
        level = "DEBUG"
    elif opts.quiet:
        level = "WARNING" if opts.quiet == 1 else "ERROR"
    setup_logging(level, json_lines=settings.logging.json_lines, secrets=hidden)
    return Env(settings, secrets, location, opts)


def _say_where(env: Env) -> None:
    """Commands that keep state say where it lives when no configuration file was found, so a
    run from the wrong directory is noticed before it creates a database there."""
    if env.location.path is None and not env.options.quiet:
        where = "database.url" if env.settings.database.url else \
            str((env.settings.data_dir / "newsbrief.db").resolve())
        print(f"newsbrief: no configuration file: {env.location.describe()}; using defaults "
              f"(database {where})", file=sys.stderr)


def run_command(ctx: click.Context, handler: Handler, *args: Any, stateful: bool = False,
                service: bool = False, **kwargs: Any) -> int:
    import asyncio  # a tenth of --help's cost: only commands that run need it

    opts = _options(ctx)
    env = load_env(opts, service=service)  # ConfigError is turned into one line by main()
    if stateful:
        _say_where(env)
    return asyncio.run(handler(env, *args, **kwargs))


def _database_problem(exc: BaseException) -> str | None:
    """One line for a database that cannot be opened or reached, else None."""
    if "sqlalchemy" not in sys.modules:
        return None
    from sqlalchemy.exc import DBAPIError

    if not isinstance(exc, DBAPIError):
        return None
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
    return (f"cannot use the database: {reason} (check database.url or data_dir, and that the "
            "server is running)")


def main(argv: list[str] | None = None) -> int:
    try:
        result = cli.main(args=argv, prog_name="newsbrief", standalone_mode=False)
    except click.exceptions.Exit as exc:  # --help, --version
        return int(exc.exit_code)
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx is not None else "newsbrief"
        print(f"newsbrief: {exc.format_message()} (see {where} --help)", file=sys.stderr)
        return CONFIG_ERROR
    except click.ClickException as exc:
        print(f"newsbrief: {exc.format_message()}", file=sys.stderr)
        return exc.exit_code
    except (click.Abort, KeyboardInterrupt):
        return 130
    except Exception as exc:
        return _report(exc)
    return result if isinstance(result, int) else 0


def _report(exc: Exception) -> int:
    from bot.errors import ConfigError, NewsbriefError

    if isinstance(exc, ConfigError):
        print(f"newsbrief: {exc}", file=sys.stderr)
        return CONFIG_ERROR
    if isinstance(exc, NewsbriefError):
        print(f"newsbrief: {exc}", file=sys.stderr)
        return RUNTIME_ERROR
    database = _database_problem(exc)
    if database:
        print(f"newsbrief: {database}", file=sys.stderr)
        return RUNTIME_ERROR
    if isinstance(exc, OSError) and exc.strerror:
        name = f" {exc.filename}" if exc.filename else ""
        print(f"newsbrief: {exc.strerror}:{name}", file=sys.stderr)
        return RUNTIME_ERROR
    import logging

    # Anything else is a bug: logged (through the redacting handler) with its traceback.
    logging.getLogger("newsbrief").exception("newsbrief.crashed")
    return RUNTIME_ERROR


def _json_out(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# -- the commands ------------------------------------------------------------------------------

@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsbrief", prog_name="newsbrief",
                      message="%(prog)s %(version)s")
@common_options
def cli() -> None:
    """Reads news feeds and posts three-point briefs to Discord, Slack, webhooks or the console.

    \b
    Example:
      newsbrief check --live        is everything reachable?
      newsbrief run                 run the bot
    """


@cli.command(epilog=_example("newsbrief run --once --config config/newsbrief.yaml"))
@click.option("--once", is_flag=True, help="One poll-summarize-deliver cycle, then exit.")
@common_options
@click.pass_context
def run(ctx: click.Context, once: bool) -> int:
    """Run the bot: scheduler, adapters, chat commands."""
    return run_command(ctx, _run, once, stateful=True, service=True)


async def _run(env: Env, once: bool) -> int:
    import logging

    from bot.app import App
    from bot.progress import progress
    from bot.runner import Runner

    settings, secrets = env.settings, env.secrets
    logging.getLogger("newsbrief").info("config.loaded %s", env.location.describe())
    for syncing in _command_syncs():
        if syncing.syncs_on_start(settings, secrets):
            await syncing.sync_from_settings(settings, secrets)
    app = await App.create(settings, secrets)
    try:
        if once:
            with progress("polling feeds", quiet=bool(env.options.quiet)) as advance:
                app.pipeline.on_feed_done = advance
                stats = await app.pipeline.poll_due()
            sent = await app.deliver_pending()
            print(f"polled {stats.feeds} feeds: {stats.new_items} new items, {stats.briefs} "
                  f"briefs, {stats.failed} failed; {sent} messages delivered", file=sys.stderr)
            return 0
        await Runner(app, app.commands).run()
        return 0
    finally:
        await app.close()


def _command_syncs() -> list[Any]:
    """The adapter modules that register chat commands with their platform (the registry's
    ``sync_commands`` entries): ``syncs_on_start`` and ``sync_from_settings``."""
    from bot import platforms

    return [entry.load() for entry in platforms.registry() if entry.sync_commands]


def _payload_formats() -> list[str]:
    """The platforms whose exact request bodies ``brief --format`` prints (the registry's)."""
    from bot import platforms

    return [entry.name for entry in platforms.registry() if entry.render_module]


@cli.command(epilog=_example("newsbrief brief https://example.org/feed.xml --limit 3",
                             "newsbrief brief article.html --format slack"))
@click.argument("source")
@click.option("--format", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "markdown", "json", *_payload_formats()]),
              help=f"{'/'.join(_payload_formats())} print the exact payloads the adapter "
                   "would send.")
@click.option("--limit", type=click.IntRange(min=1), default=1, show_default=True,
              help="Items to brief from a feed.")
@click.option("--timezone", default="UTC", show_default=True)
@click.option("--locale", default="en", show_default=True)
@common_options
@click.pass_context
def brief(ctx: click.Context, source: str, fmt: str, limit: int, timezone: str,
          locale: str) -> int:
    """Brief an article URL, a feed URL or a local file."""
    return run_command(ctx, _brief, source, fmt, limit, timezone, locale)


async def _brief(env: Env, source: str, fmt: str, limit: int, timezone: str,
                 locale: str) -> int:
    from bot.briefing import Briefer
    from bot.delivery import Destination
    from bot.factories import make_fetcher, make_summarizer
    from bot.render import brief_text
    from bot.serialize import brief_to_dict

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
            print(json.dumps(brief_to_dict(one), ensure_ascii=False))
        else:  # the exact bodies the platform adapter would send
            from bot import platforms

            render = platforms.spec(fmt).renderer()
            assert render is not None  # --format offers only the platforms that render
            for payload in render.render_brief_payloads(one, dest):
                print(json.dumps(payload, ensure_ascii=False, indent=2))
    return 0


@cli.command(epilog=_example(
    """newsbrief summarize --in articles.jsonl --out briefs.jsonl"""))
@click.option("--in", "infile", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Input file (default stdin).")
@click.option("--out", "outfile", type=click.Path(path_type=Path, dir_okay=False),
              help="Output file (default stdout).")
@common_options
@click.pass_context
def summarize(ctx: click.Context, infile: Path | None, outfile: Path | None) -> int:
    """JSON lines {"id","title","text"[,"lang"]} in, briefs out."""
    return run_command(ctx, _summarize, infile, outfile)


async def _summarize(env: Env, infile: Path | None, outfile: Path | None) -> int:
    from bot.factories import make_summarizer
    from bot.summarize.batch import run_batch

    summarizer = make_summarizer(env.settings, env.secrets)
    source = open(infile, encoding="utf-8") if infile else sys.stdin  # noqa: SIM115
    out = open(outfile, "w", encoding="utf-8") if outfile else sys.stdout  # noqa: SIM115
    try:
        await run_batch(source, out, summarizer, points=env.settings.summarizer.points)
    finally:
        if infile:
            source.close()
        if outfile:
            out.close()
    return 0


@cli.group(cls=Group, epilog=_example("newsbrief feeds add https://example.org/feed.xml "
                                      "--tags world", "newsbrief feeds status --json"))
@common_options
def feeds() -> None:
    """Manage feeds without a chat platform."""


def _feeds(ctx: click.Context, action: str, **kwargs: Any) -> int:
    from bot.cli.feeds import run_feeds_command

    async def handler(env: Env) -> int:
        return await run_feeds_command(action, env.settings, env.secrets, **kwargs)

    return run_command(ctx, handler, stateful=True)


@feeds.command("add", epilog=_example("newsbrief feeds add https://example.org/feed.xml "
                                      "--tags world,ai"))
@click.argument("url")
@click.option("--tags", default="", help="Comma-separated tags.")
@click.option("--title")
@click.option("--no-check", is_flag=True,
              help="Save without fetching the feed once and showing a preview brief.")
@common_options
@click.pass_context
def feeds_add(ctx: click.Context, url: str, tags: str, title: str | None, no_check: bool) -> int:
    """Add a feed: fetch it once, show a preview brief of its newest item, save it."""
    return _feeds(ctx, "add", url=url, tags=tags, title=title, check=not no_check)


@feeds.command("remove", epilog=_example("newsbrief feeds remove 3"))
@click.argument("feed")
@common_options
@click.pass_context
def feeds_remove(ctx: click.Context, feed: str) -> int:
    """Remove a feed (URL or #id)."""
    return _feeds(ctx, "remove", feed=feed)


@feeds.command("enable", epilog=_example("newsbrief feeds enable https://example.org/feed.xml"))
@click.argument("feed")
@common_options
@click.pass_context
def feeds_enable(ctx: click.Context, feed: str) -> int:
    """Re-enable a disabled feed (URL or #id)."""
    return _feeds(ctx, "enable", feed=feed)


@feeds.command("resume", epilog=_example("newsbrief feeds resume discord:123456789012345678"))
@click.argument("destination")
@common_options
@click.pass_context
def feeds_resume(ctx: click.Context, destination: str) -> int:
    """Resume posting to a paused destination."""
    return _feeds(ctx, "resume", destination=destination)


@feeds.command("list", epilog=_example("newsbrief feeds list --json"))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@common_options
@click.pass_context
def feeds_list(ctx: click.Context, as_json: bool) -> int:
    """List feeds."""
    return _feeds(ctx, "list", as_json=as_json)


@feeds.command("status", epilog=_example("newsbrief feeds status"))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@common_options
@click.pass_context
def feeds_status(ctx: click.Context, as_json: bool) -> int:
    """Feed health, disabled feeds and paused destinations."""
    return _feeds(ctx, "status", as_json=as_json)


@feeds.command("import", epilog=_example("newsbrief feeds import my-feeds.opml"))
@click.argument("opml", type=click.Path(path_type=Path, dir_okay=False, exists=True,
                                        readable=True))
@common_options
@click.pass_context
def feeds_import(ctx: click.Context, opml: Path) -> int:
    """Import an OPML file."""
    return _feeds(ctx, "import", opml=opml)


@feeds.command("export", epilog=_example("newsbrief feeds export --out my-feeds.opml"))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False),
              help="File (default stdout).")
@common_options
@click.pass_context
def feeds_export(ctx: click.Context, out: Path | None) -> int:
    """Export feeds as OPML."""
    return _feeds(ctx, "export", out=out)


@cli.command(epilog=_example("newsbrief digest --dry-run --channel slack:T0123/C0456"))
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
    from bot.app import App
    from bot.render import digest_text
    from bot.routing.digest import digest_now, recap
    from bot.routing.route import targets

    app = await App.create(env.settings, env.secrets)
    now = app.pipeline.clock()
    try:
        async with app.db.begin() as conn:
            # The destinations with a digest time, or the one named: the same set either way.
            chosen = [dest for dest, _subs in await targets(conn)
                      if (dest.ref == channel if channel else dest.digest_time)]
            if channel and not chosen:
                print(f"newsbrief: no destination {channel} with subscriptions", file=sys.stderr)
                return 1
            if dry_run:
                previews = []
                for dest in chosen:
                    found = await recap(conn, dest, now=now, empty_note=True,
                                        stories=env.settings.delivery.digest_stories)
                    text = digest_text(found, timezone=dest.timezone, locale=dest.locale) \
                        if found else None
                    previews.append({"destination": dest.ref, "text": text})
                if as_json:
                    _json_out(previews)
                for preview in [] if as_json else previews:
                    print(f"=== {preview['destination']}\n"
                          f"{preview['text'] or '(nothing to send)'}\n")
                return 0
            queued = sum([await digest_now(conn, dest, now=now,
                                           stories=env.settings.delivery.digest_stories) is not None
                          for dest in chosen])
        sent = await app.deliver_pending()
        print(f"{queued} digests queued, {sent} messages delivered", file=sys.stderr)
        return 0
    finally:
        await app.close()


@cli.command(epilog=_example("newsbrief check", "newsbrief check --live --json"))
@click.option("--live", is_flag=True, help="Also ask each platform who we are, whether each "
                                           "destination is reachable, and fetch each feed once.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@common_options
@click.pass_context
def check(ctx: click.Context, live: bool, as_json: bool) -> int:
    """Validate the configuration (every problem, each with its fix)."""
    return run_command(ctx, _check, live, as_json)


async def _check(env: Env, live: bool, as_json: bool) -> int:
    from bot.checks import run_checks

    return await run_checks(env.settings, env.secrets, env.location, live=live, as_json=as_json)


@cli.command("send-test", epilog=_example("newsbrief send-test discord:123456789012345678"))
@click.argument("destination")
@common_options
@click.pass_context
def send_test(ctx: click.Context, destination: str) -> int:
    """Post a marked sample brief to DESTINATION through the real adapter."""
    return run_command(ctx, _send_test, destination, stateful=True)


async def _send_test(env: Env, destination: str) -> int:
    from bot.checks import send_test_brief

    return await send_test_brief(env.settings, env.secrets, destination)


@cli.command("sync-commands", epilog=_example("newsbrief sync-commands --guild 1234567890"))
@click.option("--guild", type=int, multiple=True, help="Guild id (instant); repeat.")
@common_options
@click.pass_context
def sync_commands(ctx: click.Context, guild: tuple[int, ...]) -> int:
    """Register the Discord slash commands.

    Do it on purpose: Discord allows 200 command creates a day per guild."""
    return run_command(ctx, _sync_commands, list(guild))


async def _sync_commands(env: Env, guild: list[int]) -> int:
    code = 0
    for syncing in _command_syncs():
        ok, said = await syncing.sync_from_settings(env.settings, env.secrets, guild)
        if ok:
            print(said)
        else:
            print(f"newsbrief: {said}", file=sys.stderr)
            code = CONFIG_ERROR
    return code


@cli.command(epilog=_example('newsbrief command "/subscribe ai"',
                             'newsbrief command "/feeds list" --where slack:T1/C1'))
@click.argument("text")
@click.option("--where", default="console:", show_default=True,
              help="Destination ref it is typed in.")
@click.option("--user", default="cli", show_default=True)
@click.option("--admin/--no-admin", default=True, show_default=True)
@click.option("--locale", default=None,
              help="Answer as a user with this language sees it, e.g. ko.")
@common_options
@click.pass_context
def command(ctx: click.Context, text: str, where: str, user: str, admin: bool,
            locale: str | None) -> int:
    """Run a chat command as if typed in a channel."""
    return run_command(ctx, _command, text, where, user, admin, locale, stateful=True)


async def _command(env: Env, text: str, where: str, user: str, admin: bool,
                   locale: str | None) -> int:
    from bot.app import App
    from bot.delivery import CommandRequest, Destination
    from bot.render import brief_text

    text = text.strip().lstrip("/")
    name, _, rest = text.partition(" ")
    app = await App.create(env.settings, env.secrets)
    try:
        reply = await app.commands.handle(CommandRequest(
            command=name, args=rest.strip(), user=user, where=Destination(where),
            dm=Destination(where), is_admin=admin, operator=True,
            locale=locale))
        print(reply.text)
        for one in reply.briefs:
            print()
            print(brief_text(one))
        return 1 if reply.error else 0
    finally:
        await app.close()


@cli.command(epilog=_example('eval "$(newsbrief completion bash)"   # in ~/.bashrc'))
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> int:
    """Print the shell completion script for SHELL."""
    from click.shell_completion import get_completion_class

    completer = get_completion_class(shell)
    assert completer is not None  # the Choice above lists only shells Click knows
    click.echo(completer(cli, {}, "newsbrief", "_NEWSBRIEF_COMPLETE").source())
    return 0


if __name__ == "__main__":
    sys.exit(main())
