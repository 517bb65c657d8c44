"""The command line (contract in DESIGN.md): run, brief, summarize, feeds, digest, check,
send-test, sync-commands, command, completion.

Start-up cost matters (cron runs ``run --once`` every cycle): this module imports Click and
nothing else at the top; each command imports what it needs when it runs, so ``--help`` never
loads SQLAlchemy, pydantic or trafilatura. Errors end in one line on stderr: exit 2 for a
configuration or usage problem, 1 for a runtime failure.

Layout: ``base`` (global options, running a command), then one module per group of commands:
``running`` (run, command, sync-commands), ``briefing`` (brief, summarize, digest), ``checks``
(check, send-test), ``feed_commands`` (the options of ``feeds …``; ``feeds`` runs them). This
module holds the ``newsbrief`` group, the error reporting and ``completion``.
"""

from __future__ import annotations

import gc
import sys

import click

from bot.cli import base, briefing, checks, feed_commands, running
from bot.cli.base import CONFIG_ERROR, RUNTIME_ERROR, Group, common_options, example
from bot.errors import ConfigError, NewsbriefError


def _database_problem(exc: BaseException) -> str | None:
    """One line for a database that cannot be opened or reached, else None."""
    if "sqlalchemy" not in sys.modules:
        return None
    # SQLAlchemy: only to recognise its errors once one happened
    from sqlalchemy.exc import DBAPIError

    if not isinstance(exc, DBAPIError):
        return None
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
    return (f"cannot use the database: {reason} (check database.url or data_dir, and that the "
            "server is running)")


def main(argv: list[str] | None = None) -> int:
    """Run one command; ``argv`` None: this process's own command line, which ends when this
    returns."""
    # A command's start-up (the settings' models, the store's tables and modules) allocates
    # objects that live as long as the process: the collector's passes over them as they
    # pile up were 0.09 G of a chat command's 1.94 G instructions
    # (callgrind, issue 26). run_command turns it back on before a command's work, except a
    # chat command's (short and bounded); it is as it was when this returns (a caller that
    # turned it off keeps it off, for the command's work too).
    collecting = gc.isenabled()
    gc.disable()
    base.collector_paused = collecting
    try:
        code = _main(argv)
    finally:
        base.collector_paused = False
        if collecting:
            gc.enable()
    if argv is None:
        # The process ends when this returns: its exit would collect twice over every object
        # still alive, to free what the operating system takes back anyway (0.10 G). Frozen
        # objects are left out of those passes. The price: garbage left in a reference cycle
        # at exit is never collected, so no finalizer of it runs; nothing here leaves cleanup
        # to one (the app, the store's engine and files are closed explicitly).
        gc.freeze()
    return code


def _main(argv: list[str] | None) -> int:
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
    # logging and the redactor: loaded when a command runs or fails, not for --help
    from bot.logs import get_log

    # Anything else is a bug: logged (through the redacting handler) with its traceback.
    get_log("newsbrief").exception("newsbrief.crashed")
    return RUNTIME_ERROR



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


# Click lists commands by name in --help, whichever order they are added in.
for _command in (running.run, running.command, running.sync_commands, briefing.brief,
                 briefing.summarize, briefing.digest, feed_commands.feeds, checks.check,
                 checks.send_test):
    cli.add_command(_command)


@cli.command(epilog=example('eval "$(newsbrief completion bash)"   # in ~/.bashrc'))
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> int:
    """Print the shell completion script for SHELL."""
    # Click's completion scripts: only when completion is asked for, not for --help
    from click.shell_completion import get_completion_class

    completer = get_completion_class(shell)
    assert completer is not None  # the Choice above lists only shells Click knows
    click.echo(completer(cli, {}, "newsbrief", "_NEWSBRIEF_COMPLETE").source())
    return 0


if __name__ == "__main__":
    sys.exit(main())
