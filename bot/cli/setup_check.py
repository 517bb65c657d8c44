"""``newsbrief check`` and ``newsbrief send-test``: tell the truth about a set-up before it runs.

The static check reports every problem it can find without the network (not only the first);
``--live`` also asks each platform who we are, whether each destination is reachable, and
fetches each feed once. Platform rules live with the adapters (``adapters/<name>_probe.py``), so
this module stays platform-neutral: it hands each probe its destinations and its adapter's
options and prints what comes back.
"""

from __future__ import annotations

import asyncio
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import httpx


import tempfile
from urllib.parse import unquote, urlparse
from uuid import uuid4

from sqlalchemy.engine import make_url

from bot.app import adapters_down, load_adapter, tenancy_in_force
from bot.cli.config_file import ConfigLocation, moved_database
from bot.clock import now_utc
from bot.config import DestinationSettings, Secrets, Settings, adapter_inputs, wanted_adapters
from bot.delivery import (
    AdapterInputs,
    CommandReply,
    Destination,
    Finding,
    Outgoing,
    SingleConnection,
    registry,
)
from bot.errors import ConfigError, DeliveryError, NewsbriefError
from bot.factories import make_fetcher
from bot.feeds.parse import parse_feed
from bot.models import sample_brief
from bot.netguard import redact_url
from bot.startup import with_default_destination
from bot.store.async_core import create_async_engine
from bot.store.db import async_url, ping

LIVE_TIMEOUT = 10.0


class Probe(Protocol):
    """What an adapter's probe module (its registry entry's ``probe_module``) provides."""

    def options(self, inputs: AdapterInputs) -> dict[str, Any]: ...

    def problems(self, destinations: list[Destination],
                 options: dict[str, Any]) -> list[Finding]: ...

    async def live(self, destinations: list[Destination], options: dict[str, Any],
                   client: httpx.AsyncClient) -> list[Finding]: ...


def _probe(platform: str) -> Probe | None:
    # the registry's probe module, beside the package rather than in it: importing the
    # package would load the platform's SDK just to read a configuration.
    known = {entry.name: entry for entry in registry.registry()}
    probe: Probe | None = known[platform].probe() if platform in known else None
    return probe


def _by_platform(settings: Settings) -> dict[str, list[Destination]]:
    grouped: dict[str, list[Destination]] = {}
    for dest in settings.destinations:
        grouped.setdefault(dest.ref.split(":", 1)[0], []).append(Destination(
            ref=dest.ref, timezone=dest.timezone, locale=dest.locale,
            webhook_url=dest.webhook_url))
    return grouped


def _options(platform: str, settings: Settings, secrets: Secrets) -> dict[str, Any]:
    probe = _probe(platform)
    return probe.options(adapter_inputs(settings, secrets, platform)) \
        if probe is not None else {}


def database_finding(settings: Settings) -> Finding | None:
    """SQLite: can the file be created where it would be? Others are asked in ``live``."""
    if settings.database.url and not settings.database.url.startswith("sqlite"):
        return None
    path = (settings.data_dir / "newsbrief.db").resolve()
    if settings.database.url:

        name = make_url(settings.database.url).database
        if not name or name == ":memory:":
            return None
        path = Path(name).resolve()
    parent = next((p for p in [path.parent, *path.parent.parents] if p.exists()), None)

    problem = "nothing of it exists" if parent is None else unwritable(parent)
    if problem:
        return Finding("database", False, f"{path} cannot be created: {problem}",
                       "set data_dir (or database.url) to a writable place")
    return None


def unwritable(directory: Path) -> str | None:
    """Why no file can be created in ``directory``, or None. Tried, not asked: os.access says
    yes to root for places root cannot write either (/proc, an immutable or read-only mount).
    """
    if not directory.is_dir():
        return f"{directory} is not a directory"
    try:
        with tempfile.TemporaryFile(dir=directory):
            pass
    except OSError as exc:
        return f"{directory} is not writable ({exc.strerror or exc})"
    return None


async def database_live(settings: Settings) -> Finding:


    url = async_url(settings.database_url)
    shown = make_url(url).render_as_string(hide_password=True)
    if url.startswith("sqlite") and not settings.database.url:
        problem = database_finding(settings)
        return problem or Finding("database", True, f"{shown} (created on first run if absent)")
    engine = create_async_engine(url)
    try:
        async with asyncio.timeout(LIVE_TIMEOUT), engine.connect() as conn:
            await ping(conn)
    except Exception as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        return Finding("database", False, f"{shown}: {reason[0] if reason else type(exc).__name__}",
                       "check database.url and that the server is running and reachable")
    finally:
        await engine.dispose()
    return Finding("database", True, shown)


def static_findings(settings: Settings, secrets: Secrets) -> list[Finding]:
    found: list[Finding] = []
    database = database_finding(settings)
    if database:
        found.append(database)
    moved = moved_database(settings)
    if moved:
        found.append(Finding("data_dir", False, moved, "set data_dir to the path it names"))
    found += duplicate_feeds(settings)
    for platform, dests in _by_platform(settings).items():
        probe = _probe(platform)
        if probe is not None:
            found += probe.problems(dests, _options(platform, settings, secrets))
    admin = settings.delivery.admin_destination
    if admin and admin not in {dest.ref for dest in settings.destinations}:
        found.append(Finding("delivery.admin_destination", False, f"{admin} is not one of the "
                             "destinations, so notices for it would be dropped",
                             "add it under destinations: (it needs no subscriptions)"))
    llm = settings.summarizer.openai
    # a local server (Ollama, llama.cpp, vLLM) needs no key; OpenAI's own API does
    if settings.summarizer.kind != "extractive" and "api.openai.com" in llm.base_url \
            and not secrets.get(llm.api_key_env):
        found.append(Finding("summarizer", False, f"kind is {settings.summarizer.kind} but "
                             f"{llm.api_key_env} is not set (every brief would fall back to "
                             "the extractive summarizer)",
                             f"export {llm.api_key_env}=… or set summarizer.kind: extractive"))
    return found


def duplicate_feeds(settings: Settings) -> list[Finding]:
    """A feed listed twice is polled once, with the first entry's title and tags only."""
    places: dict[str, list[int]] = {}
    for index, feed in enumerate(settings.feeds):
        places.setdefault(feed.url, []).append(index)
    return [Finding(f"feeds.{indexes[1]}", False, f"{url} is listed {len(indexes)} times "
                    f"(feeds {', '.join(map(str, indexes))}); only the first one's title and "
                    "tags would be used", "keep one entry and merge their tags into it")
            for url, indexes in places.items() if len(indexes) > 1]


def static_warnings(settings: Settings) -> list[Finding]:
    """What works but should not stay so; reported without failing the check."""
    return [Finding(f"destinations.{index}.webhook_url", False, f"{dest.ref}: a webhook URL is "
                    "a secret, and it is written in the configuration file",
                    "put it in an environment variable (or a NAME_FILE secret) and name that "
                    "variable in webhook_url_env")
            for index, dest in enumerate(settings.destinations)
            if dest.webhook_url and not dest.webhook_url_env]


async def llm_live(settings: Settings, secrets: Secrets) -> list[Finding]:
    """Whether the model server answers ``GET /models`` and lists the configured model."""
    # the model client (httpx): only when `check --live` runs
    from bot.summarize.llm_client import ChatClient, LLMError

    llm = settings.summarizer.openai
    if settings.summarizer.kind == "extractive":
        return []
    subject = f"model server {redact_url(llm.base_url)}"
    client = ChatClient(base_url=llm.base_url, model=llm.model,
                        api_key=secrets.get(llm.api_key_env), timeout=LIVE_TIMEOUT)
    try:
        models = await client.models()
    except LLMError as exc:
        return [Finding(subject, False, f"GET /models failed: {exc.reason} (briefs would be "
                        "extractive)", "start the server or fix summarizer.openai.base_url")]
    if llm.model not in models:
        shown = ", ".join(models[:10]) or "none"
        return [Finding(subject, False, f"model {llm.model} is not among the server's models "
                        f"({shown})", "set summarizer.openai.model to one of them, or pull it "
                        "(ollama pull …)")]
    return [Finding(subject, True, f"model {llm.model} is available ({len(models)} listed)")]


async def feed_findings(settings: Settings) -> list[Finding]:

    fetcher = make_fetcher(settings)

    async def one(url: str) -> Finding:
        try:
            if url.startswith("file://"):

                body = Path(unquote(urlparse(url).path)).read_bytes()
            else:
                body = (await fetcher.fetch(url)).body or b""
            feed = await asyncio.to_thread(parse_feed, body, url=url)
        except (NewsbriefError, OSError) as exc:
            return Finding(f"feed {url}", False, str(exc),
                           "check the URL in a browser; remove the feed or fix its address")
        return Finding(f"feed {url}", True, f"{len(feed.items)} items"
                       + (f" ({feed.warning})" if feed.warning else ""))

    try:
        return list(await asyncio.gather(*(one(feed.url) for feed in settings.feeds)))
    finally:
        await fetcher.aclose()


async def live_findings(settings: Settings, secrets: Secrets) -> list[Finding]:
    # httpx: loaded for --live only
    import httpx

    found = [await database_live(settings)]
    async with httpx.AsyncClient(timeout=LIVE_TIMEOUT, follow_redirects=False) as client:
        for platform, dests in _by_platform(settings).items():
            probe = _probe(platform)
            if probe is not None:
                found += await probe.live(dests, _options(platform, settings, secrets), client)
    return found + await llm_live(settings, secrets) + await feed_findings(settings)


def _summary(settings: Settings, secrets: Secrets, location: ConfigLocation,
             live: bool) -> list[str]:
    database = settings.database_url.split("://", 1)[0]
    where = "configured" if settings.database.url else str(settings.data_dir.resolve())
    return [
        f"  config file: {location.describe()}",
        f"  database: {database} ({where})",
        *(["  database server: not contacted (check --live connects to it)"]
          if settings.database.url and not live else []),
        f"  feeds in config: {len(settings.feeds)}",
        f"  destinations: {', '.join(d.ref for d in settings.destinations)}",
        f"  adapters: {', '.join(wanted_adapters(settings, secrets))}",
        f"  summarizer: {settings.summarizer.kind}, {settings.summarizer.points} points",
        f"  polling every {settings.polling.interval:.0f} s, backfill "
        f"{settings.polling.backfill} on a feed's first poll",
        f"  secrets present: {', '.join(secrets.present()) or 'none'}",
    ]


def _tenancy_line(settings: Settings, stored: Any) -> str:
    """Whose feeds each server reads (SECURITY.md), and why: the database's mode, which the
    configuration's ``tenancy`` key overrides at the next start."""
    if settings.tenancy is not None:
        return f"{settings.tenancy} (configured)"
    if stored is None:
        return "isolated (default)"
    if stored.source == "0010_tenancy":
        return (f"{stored.mode} (kept by migration 0010_tenancy for this existing install: every "
                "server reads every feed; set tenancy: isolated to keep chat-added feeds to the "
                "servers that added them)")
    return f"{stored.mode} ({stored.source})"


def _table(findings: list[Finding]) -> str:
    """A plain table (it goes to logs and CI output as often as to a terminal)."""
    rows = [("ok" if f.ok else "FAIL", f.subject, f.detail + (f" -> fix: {f.fix}"
                                                            if f.fix and not f.ok else ""))
            for f in findings]
    width = max([len(r[1]) for r in rows] + [5])
    lines = [f"{'':4}  {'CHECK':<{width}}  RESULT"]
    lines += [f"{state:<4}  {subject:<{width}}  {detail}" for state, subject, detail in rows]
    return "\n".join(lines)


def _print_problems(problems: list[Finding]) -> None:
    print(f"configuration has {len(problems)} problem{'s' * (len(problems) > 1)}:")
    for f in problems:
        print(f"  {f.subject}: {f.detail}" + (f"\n    fix: {f.fix}" if f.fix else ""))


def _report_json(location: ConfigLocation, problems: list[Finding], live: list[Finding],
                 warnings: list[Finding], *, tenancy: str | None = None) -> None:
    print(json.dumps({"ok": not problems and all(f.ok for f in live),
                      "config_file": str(location.path) if location.path else None,
                      "problems": [asdict(f) for f in problems],
                      "warnings": [asdict(f) for f in warnings], "tenancy": tenancy,
                      "live": [asdict(f) for f in live]}, ensure_ascii=False, indent=2))


def print_config_error(error: ConfigError, location: ConfigLocation, *, as_json: bool) -> int:
    """A configuration that does not load: every problem the loader found, as text or JSON."""
    if as_json:
        _report_json(location, [Finding(key, False, problem) for key, problem in error.problems],
                     [], [])
    else:  # as every command reports it, one line per problem
        for key, problem in error.problems:
            print(f"newsbrief: configuration error at {key}: {problem}", file=sys.stderr)
    return 2


async def run_checks(settings: Settings, secrets: Secrets, location: ConfigLocation, *,
                     live: bool, as_json: bool) -> int:
    """Exit 0 when nothing would fail, 2 for configuration problems, 1 for live failures."""

    settings = with_default_destination(settings)
    problems = static_findings(settings, secrets)
    results = await live_findings(settings, secrets) if live else []
    # What running workers report through their heartbeats: an adapter that failed to start
    # (a refused token, say) while the others keep delivering, retried with backoff.
    results += [Finding(f"adapter {name} on worker {worker}", False, f"{error} (retrying)",
                        "fix the platform's token or settings; the worker retries by itself")
                for worker, down in (await adapters_down(settings, now=now_utc())).items()
                for name, error in down.items()]
    failed_live = [f for f in results if not f.ok]
    warnings = static_warnings(settings)
    tenancy = _tenancy_line(settings, await tenancy_in_force(settings))
    if as_json:
        _report_json(location, problems, results, warnings, tenancy=tenancy)
    else:
        if problems:
            _print_problems(problems)
        else:
            print("configuration OK")
        for f in warnings:
            print(f"  warning: {f.subject}: {f.detail}" + (f"\n    fix: {f.fix}" if f.fix else ""))
        print("\n".join(_summary(settings, secrets, location, live)))
        print(f"  tenancy: {tenancy}")
        if results:
            print()
            print(_table(results))
    if problems:
        return 2
    return 1 if failed_live else 0


async def send_test_brief(settings: Settings, secrets: Secrets, ref: str) -> int:
    """Post one marked sample brief to ``ref`` through the adapter the bot would use."""

    try:
        wanted = DestinationSettings(ref=ref)
    except ValueError as exc:
        print(f"newsbrief: {ref!r} is not a destination ref: {exc}", file=sys.stderr)
        return 2
    configured = next((d for d in settings.destinations if d.ref == wanted.ref), wanted)
    platform = configured.ref.split(":", 1)[0]
    adapter = load_adapter(platform, settings, secrets)
    destination = Destination(configured.ref, timezone=configured.timezone,
                              locale=configured.locale, webhook_url=configured.webhook_url)
    try:
        if isinstance(adapter, SingleConnection):
            # log in over REST to send, without opening a command gateway
            adapter.hold_gateway()
            await adapter.start(_no_commands)
        receipt = await adapter.deliver(destination, Outgoing(key=f"send-test-{uuid4().hex}",
                                                              brief=sample_brief()))
    except DeliveryError as exc:
        print(f"newsbrief: the test message to {configured.ref} failed: {exc} "
              f"(run newsbrief check --live for the fix)", file=sys.stderr)
        return 1
    finally:
        await adapter.stop()
    ids = f" (message {', '.join(receipt.message_ids)})" if receipt.message_ids else ""
    print(f"sent a test message to {configured.ref}{ids}", file=sys.stderr)
    return 0


async def _no_commands(request: Any) -> Any:

    return CommandReply(text="newsbrief send-test does not answer commands", error=True)
