"""Is the setup right: check (the configuration; --live: every platform, destination and
feed), send-test (a marked sample brief through the real adapter)."""

from __future__ import annotations

import click

from bot.cli.base import Command, Env, common_options, example, options_of, run_command
from bot.errors import ConfigError


@click.command(cls=Command,
               epilog=example("newsbrief check", "newsbrief check --live --json"))
@click.option("--live", is_flag=True, help="Also ask each platform who we are, whether each "
                                           "destination is reachable, and fetch each feed once.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@common_options
@click.pass_context
def check(ctx: click.Context, live: bool, as_json: bool) -> int:
    """Validate the configuration (every problem, each with its fix)."""
    try:
        return run_command(ctx, _check, live, as_json)
    except ConfigError as exc:  # every schema problem, not only the first; JSON when asked
        # the checks and pydantic: only for a configuration that did not load
        from bot.cli.config_file import locate_config
        from bot.cli.setup_check import print_config_error

        return print_config_error(exc, locate_config(options_of(ctx).config), as_json=as_json)


async def _check(env: Env, live: bool, as_json: bool) -> int:
    # the checks load the whole bot: only when `check` runs
    from bot.cli.setup_check import run_checks

    return await run_checks(env.settings, env.secrets, env.location, live=live, as_json=as_json)


@click.command("send-test", cls=Command,
               epilog=example("newsbrief send-test discord:123456789012345678"))
@click.argument("destination")
@common_options
@click.pass_context
def send_test(ctx: click.Context, destination: str) -> int:
    """Post a marked sample brief to DESTINATION through the real adapter."""
    return run_command(ctx, _send_test, destination, stateful=True)


async def _send_test(env: Env, destination: str) -> int:
    # the whole bot: only when `send-test` runs
    from bot.cli.setup_check import send_test_brief

    return await send_test_brief(env.settings, env.secrets, destination)

