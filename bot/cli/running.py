"""The bot itself and its chat side: run, command, sync-commands."""

from __future__ import annotations

import sys
from collections.abc import Collection
from typing import Any

import click

from bot.cli.base import CONFIG_ERROR, Command, Env, common_options, example, run_command
from bot.delivery import CommandRequest, Destination, registry


@click.command(cls=Command,
               epilog=example("newsbrief run --once --config config/newsbrief.yaml"))
@click.option("--once", is_flag=True, help="One poll-summarize-deliver cycle, then exit.")
@common_options
@click.pass_context
def run(ctx: click.Context, once: bool) -> int:
    """Run the bot: scheduler, adapters, chat commands."""
    return run_command(ctx, _run, once, stateful=True, service=True)


async def _run(env: Env, once: bool) -> int:
    # the app and its libraries load when the command runs, so `--help` stays light
    from bot.app import App
    from bot.cli.datalock import lock_sqlite
    from bot.cli.progress import progress
    from bot.config import adapter_inputs, wanted_adapters
    from bot.logs import get_log
    from bot.runner import Runner

    settings, secrets = env.settings, env.secrets
    get_log("newsbrief").info("config.loaded", source=env.location.describe())
    # only the configured platforms': loading an unconfigured one's module costs its SDK
    # (discord.py: about 9 MB and 0.1 s of CPU) for nothing
    for name, syncing in _command_syncs(set(wanted_adapters(settings, secrets))):
        inputs = adapter_inputs(settings, secrets, name)
        if syncing.syncs_on_start(inputs):
            await syncing.sync_from_settings(inputs)
    # before the migrations: a second run on one SQLite file is refused, not raced
    data_lock = lock_sqlite(settings.database_url)
    try:
        app = await App.create(settings, secrets)
    except BaseException:
        if data_lock is not None:
            data_lock.release()
        raise
    try:
        if once:
            with progress("polling feeds", quiet=bool(env.options.quiet)) as advance:
                app.pipeline.on_feed_done = advance
                stats = await app.pipeline.poll_due()
            sent = await app.deliver_pending()
            failed = f"{stats.failed} failed" + (
                f" ({', '.join(f'{kind}: {n}' for kind, n in sorted(stats.errors.items()))}; "
                "the log says why)" if stats.failed else "")
            print(f"polled {stats.feeds} feeds: {stats.new_items} new items, {stats.briefs} "
                  f"briefs, {failed}; {sent} messages delivered", file=sys.stderr)
            if not stats.feeds:
                print(f"newsbrief: polled no feed: {await app.pipeline.idle_reason()}",
                      file=sys.stderr)
            return 0
        await Runner(app, app.commands).run()
        return 0
    finally:
        await app.close()
        if data_lock is not None:
            data_lock.release()


def _command_syncs(among: Collection[str] | None = None) -> list[tuple[str, Any]]:
    """The adapter modules that register chat commands with their platform (the registry's
    ``sync_commands`` entries, ``among`` those adapters when given): ``syncs_on_start`` and
    ``sync_from_settings``."""
    return [(entry.name, entry.load()) for entry in registry.registry()
            if entry.sync_commands and (among is None or entry.name in among)]



@click.command("sync-commands", cls=Command,
               epilog=example("newsbrief sync-commands --guild 1234567890"))
@click.option("--guild", type=int, multiple=True, help="Guild id (instant); repeat.")
@common_options
@click.pass_context
def sync_commands(ctx: click.Context, guild: tuple[int, ...]) -> int:
    """Register the Discord slash commands.

    Do it on purpose: Discord allows 200 command creates a day per guild."""
    return run_command(ctx, _sync_commands, list(guild))


async def _sync_commands(env: Env, guild: list[int]) -> int:
    from bot.config import adapter_inputs  # pydantic: loaded when the command runs

    code = 0
    for name, syncing in _command_syncs():
        ok, said = await syncing.sync_from_settings(
            adapter_inputs(env.settings, env.secrets, name), guild)
        if ok:
            print(said)
        else:
            print(f"newsbrief: {said}", file=sys.stderr)
            code = CONFIG_ERROR
    return code


@click.command(cls=Command,
               epilog=example('newsbrief command "/subscribe ai"',
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
    return run_command(ctx, _command, text, where, user, admin, locale, stateful=True,
                       short=True)


async def _command(env: Env, text: str, where: str, user: str, admin: bool,
                   locale: str | None) -> int:
    # the store and the command core (bot.chat): loaded when the command runs
    from bot.chat import ChatApp

    text = text.strip().lstrip("/")
    name, _, rest = text.partition(" ")
    # No platform adapter, poller or outbox worker: the reply is printed here, and what a
    # command queues is posted by `run` (importing discord.py or slack_bolt alone costs more CPU
    # than the command).
    app = await ChatApp.create(env.settings, env.secrets)
    try:
        reply = await app.commands.handle(CommandRequest(
            command=name, args=rest.strip(), user=user, where=Destination(where),
            dm=Destination(where), is_admin=admin, operator=True,
            locale=locale))
        print(reply.text)
        if reply.briefs:
            # the renderer and its layouts, only for a reply that shows briefs: importing them
            # is about 54 M instructions (callgrind), 2.8% of a /subscriptions start (issue 26)
            from bot.delivery.render import brief_text

            for one in reply.briefs:
                print()
                print(brief_text(one))
        return 1 if reply.error else 0
    finally:
        await app.close()

