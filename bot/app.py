"""The composition root: builds the store, fetcher, summarizer, pipeline, outbox worker, command
core and adapters from settings. Adapters are looked up by name in the registry
(bot.delivery.registry), so ``import bot`` never pulls in a platform SDK."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TypeVar

from sqlalchemy.engine import make_url

from bot import redact
from bot.briefing import Briefer
from bot.clock import Clock, now_utc
from bot.commands import CommandCore
from bot.commands.reactions import ReactionCore
from bot.config import (
    Secrets,
    Settings,
    adapter_inputs,
    secret_values,
    wanted_adapters,
)
from bot.delivery import Adapter
from bot.delivery import registry as platforms
from bot.factories import make_fetcher, make_summarizer
from bot.feeds.fetch import HttpFetcher
from bot.feeds.reading import fetch_feed
from bot.logs import get_log
from bot.outbox.worker import OutboxWorker
from bot.pipeline import Pipeline
from bot.startup import command_core, configured_database, open_store, with_default_destination
from bot.store import AsyncConnection, Database, tenancy
from bot.store.workers import adapters_down as read_down
from bot.summarize import Summarizer
from bot.summarize.base import close_summarizer
from bot.summarize.llm_ledger import StoreLedger

log = get_log(__name__)
T = TypeVar("T")


def load_adapter(name: str, settings: Settings, secrets: Secrets,
                 commands: CommandCore | None = None) -> Adapter:
    """The adapter ``name`` from the registry, imported only now, so a platform SDK loads only
    when it is used."""
    suggest = commands.suggest if commands is not None else None
    return platforms.build(name, adapter_inputs(settings, secrets, name, suggest))


async def tenancy_in_force(settings: Settings) -> tenancy.ModeSetting | None:
    """For ``check``: the tenancy mode the database holds; None when there is none yet."""
    return await _peek(settings, tenancy.read_mode, None)


async def adapters_down(settings: Settings, *, now: datetime) -> dict[str, dict[str, str]]:
    """For ``check``: adapters that running workers failed to start, from their heartbeats
    ({worker: {adapter: error}}); empty when the database has none (or is not there yet)."""
    return await _peek(settings, lambda conn: read_down(conn, now=now), {})


async def _peek(settings: Settings, read: Callable[[AsyncConnection], Awaitable[T]],
                missing: T) -> T:
    """What ``read`` finds in the database, or ``missing`` when there is no database yet (or
    it is not migrated): ``check`` never creates a database file just to look."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").exists():
        return missing
    db = configured_database(settings, echo=False)  # stdout is the command's
    try:
        async with db.read() as conn:
            return await read(conn)
    except Exception:  # no database yet, or not migrated: nothing is running
        return missing
    finally:
        await db.close()


@dataclass
class App:
    settings: Settings
    secrets: Secrets
    db: Database
    fetcher: HttpFetcher
    summarizer: Summarizer
    pipeline: Pipeline
    worker: OutboxWorker
    commands: CommandCore
    adapters: dict[str, Adapter] = field(default_factory=dict)

    @classmethod
    async def create(cls, settings: Settings, secrets: Secrets, *,
                     adapters: dict[str, Adapter] | None = None, clock: Clock = now_utc) -> App:
        settings = with_default_destination(settings)
        redact.remember(secret_values(settings, secrets))  # stored error texts never hold them
        db = await open_store(settings, clock=clock)
        fetcher = make_fetcher(settings)
        summarizer = make_summarizer(settings, secrets, ledger=StoreLedger(db))
        briefer = Briefer(fetcher=fetcher, summarizer=summarizer,
                          points=settings.summarizer.points)
        commands = command_core(settings, db, clock=clock, brief_url=briefer.brief_url,
                                read_feed=partial(fetch_feed, fetcher=fetcher))
        if adapters is None:
            adapters = {name: load_adapter(name, settings, secrets, commands)
                        for name in wanted_adapters(settings, secrets)}
        pipeline = Pipeline(db=db, fetcher=fetcher, summarizer=summarizer, settings=settings,
                            clock=clock)
        reactions = ReactionCore(db=db, clock=clock)
        for adapter in adapters.values():
            if hasattr(adapter, "on_reaction"):  # platforms that report reactions
                adapter.on_reaction = reactions.handle
        worker = OutboxWorker(db=db, adapters=adapters,
                              max_attempts=settings.delivery.max_attempts, clock=clock,
                              held_max_age=timedelta(hours=settings.delivery.held_max_age_hours))
        return cls(settings, secrets, db, fetcher, summarizer, pipeline, worker, commands,
                   adapters)

    async def deliver_pending(self) -> int:
        """Reconcile what a crash left half-sent, then send everything that is due."""
        await self.worker.reconcile_stale()
        sent = 0
        while (count := await self.worker.run_once()) > 0:
            sent += count
        return sent

    async def close(self) -> None:
        for adapter in self.adapters.values():
            try:
                await adapter.stop()
            except Exception:
                log.exception("adapter.stop_failed", adapter=adapter.name)
        await close_summarizer(self.summarizer)
        await self.fetcher.aclose()
        await self.db.close()
