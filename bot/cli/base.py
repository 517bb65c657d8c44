"""What every command shares: the global options (accepted before or after the subcommand),
Click classes that print argparse's ``usage:`` line, and running a command's coroutine with its
settings, secrets and logging set up.

Imports Click and nothing else at the top (start-up cost: see bot.cli.main)."""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bot.delivery import registry
from bot.errors import ConfigError

if TYPE_CHECKING:  # the types only: settings (pydantic) load when a command runs, not for --help
    from bot.cli.config_file import ConfigLocation
    from bot.config import Secrets, Settings

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


def options_of(ctx: click.Context) -> Options:
    root = ctx.find_root()
    if not isinstance(root.obj, Options):
        root.obj = Options()
    return root.obj


def _set_config(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        options_of(ctx).config = value


def _count(name: str) -> Callable[[click.Context, click.Parameter, int], None]:
    def callback(ctx: click.Context, _param: click.Parameter, value: int) -> None:
        opts = options_of(ctx)
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


def example(*lines: str) -> str:
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
    # the settings (pydantic, YAML) and logging: loaded when a command runs, not for --help
    from bot.cli.config_file import load_settings, locate_config
    from bot.config import Secrets, secret_values
    from bot.logs import setup_logging

    location = locate_config(opts.config)
    if location.path is not None:
        settings = load_settings(location.path, required=location.source != "XDG config dir")
    else:
        settings = load_settings(Path("/nonexistent/newsbrief.yaml"))  # defaults + environment
    secrets = Secrets.from_env((settings.summarizer.openai.api_key_env,))
    hidden = secret_values(settings, secrets)
    level = settings.logging.level if service or settings.logging.level in ("WARNING", "ERROR") \
        else "WARNING"
    if opts.verbose:
        level = "DEBUG"
    elif opts.quiet:
        level = "WARNING" if opts.quiet == 1 else "ERROR"
    setup_logging(level, json_lines=settings.logging.json_lines, secrets=hidden,
                  quiet=[name for entry in registry.registry() for name in entry.loggers])
    return Env(settings, secrets, location, opts)


def _say_where(env: Env) -> None:
    """Commands that keep state say where it lives when no configuration file was found, so a
    run from the wrong directory is noticed before it creates a database there."""
    if env.location.path is None and not env.options.quiet:
        where = "database.url" if env.settings.database.url else \
            str((env.settings.data_dir / "newsbrief.db").resolve())
        print(f"newsbrief: no configuration file: {env.location.describe()}; using defaults "
              f"(database {where})", file=sys.stderr)


def _refuse_moved_database(env: Env) -> None:
    """Before any command opens the database: never a new empty one beside an old full one."""
    from bot.cli.config_file import moved_database  # pydantic: loaded when a command runs

    problem = moved_database(env.settings)
    if problem:
        raise ConfigError("data_dir", problem)


# Whether ``main`` paused a running garbage collector while the command starts: only then
# does run_command turn it back on for the command's work.
collector_paused = False


def run_command(ctx: click.Context, handler: Handler, *args: Any, stateful: bool = False,
                service: bool = False, short: bool = False, **kwargs: Any) -> int:
    """``short``: the handler is one bounded piece of work (a chat command answering one
    message), run to its end with the garbage collector still paused (``main`` pauses it
    while a command starts): its reference cycles wait for the process's end (a ``/brief``
    of a 22 KB page leaves some 12,000 objects, about 1 MB). Any other handler runs with it
    on, as ``run``, which lasts, must."""
    import asyncio  # a tenth of --help's cost: only commands that run need it

    opts = options_of(ctx)
    env = load_env(opts, service=service)  # ConfigError is turned into one line by main()
    if stateful:
        _say_where(env)
        _refuse_moved_database(env)
    if collector_paused and not short:
        gc.enable()
    return asyncio.run(handler(env, *args, **kwargs))




def json_out(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))

