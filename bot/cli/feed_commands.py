"""`newsbrief feeds …`: the options of each subcommand; bot.cli.feeds runs them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from bot.cli.base import Env, Group, common_options, example, run_command


@click.group(cls=Group, epilog=example("newsbrief feeds add https://example.org/feed.xml "
                                      "--tags world", "newsbrief feeds status --json"))
@common_options
def feeds() -> None:
    """Manage feeds without a chat platform."""


def _feeds(ctx: click.Context, action: str, **kwargs: Any) -> int:
    # the feed service and the store: only when a feeds command runs
    from bot.cli.feeds import run_feeds_command

    async def handler(env: Env) -> int:
        return await run_feeds_command(action, env.settings, env.secrets, **kwargs)

    return run_command(ctx, handler, stateful=True)


@feeds.command("add", epilog=example("newsbrief feeds add https://example.org/feed.xml "
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


@feeds.command("remove", epilog=example("newsbrief feeds remove 3"))
@click.argument("feed")
@common_options
@click.pass_context
def feeds_remove(ctx: click.Context, feed: str) -> int:
    """Remove a feed (URL or #id)."""
    return _feeds(ctx, "remove", feed=feed)


@feeds.command("enable", epilog=example("newsbrief feeds enable https://example.org/feed.xml"))
@click.argument("feed")
@common_options
@click.pass_context
def feeds_enable(ctx: click.Context, feed: str) -> int:
    """Re-enable a disabled feed (URL or #id)."""
    return _feeds(ctx, "enable", feed=feed)


@feeds.command("resume", epilog=example("newsbrief feeds resume discord:123456789012345678"))
@click.argument("destination")
@common_options
@click.pass_context
def feeds_resume(ctx: click.Context, destination: str) -> int:
    """Resume posting to a paused destination."""
    return _feeds(ctx, "resume", destination=destination)


@feeds.command("list", epilog=example("newsbrief feeds list --json"))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@common_options
@click.pass_context
def feeds_list(ctx: click.Context, as_json: bool) -> int:
    """List feeds."""
    return _feeds(ctx, "list", as_json=as_json)


@feeds.command("status", epilog=example("newsbrief feeds status"))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@common_options
@click.pass_context
def feeds_status(ctx: click.Context, as_json: bool) -> int:
    """Feed health, disabled feeds and paused destinations."""
    return _feeds(ctx, "status", as_json=as_json)


@feeds.command("import", epilog=example("newsbrief feeds import my-feeds.opml"))
@click.argument("opml", type=click.Path(path_type=Path, dir_okay=False, exists=True,
                                        readable=True))
@common_options
@click.pass_context
def feeds_import(ctx: click.Context, opml: Path) -> int:
    """Import an OPML file."""
    return _feeds(ctx, "import", opml=opml)


@feeds.command("export", epilog=example("newsbrief feeds export --out my-feeds.opml"))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False),
              help="File (default stdout).")
@common_options
@click.pass_context
def feeds_export(ctx: click.Context, out: Path | None) -> int:
    """Export feeds as OPML."""
    return _feeds(ctx, "export", out=out)

