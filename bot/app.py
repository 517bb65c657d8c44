"""The composition root: builds the store, fetcher, summarizer, pipeline, outbox worker, command
core and adapters from settings. Adapters are looked up by name, so ``import bot`` never pulls in
a platform SDK."""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from typing import Any

from bot.briefing import Briefer
from bot.commands import CommandCore
from bot.config import DestinationSettings, Secrets, Settings, SubscriptionSettings
from bot.delivery import Adapter
from bot.errors import ConfigError
from bot.fetch import HttpFetcher
from bot.netguard import AddressPolicy
from bot.outbox import OutboxWorker
from bot.pipeline import Clock, Pipeline, now_utc
from bot.reactions import ReactionCore
from bot.store import Database
from bot.summarize import ExtractiveSummarizer, OpenAISummarizer, Summarizer

log = logging.getLogger(__name__)


def make_summarizer(settings: Settings, secrets: Secrets) -> Summarizer:
    extractive = ExtractiveSummarizer(aliases=settings.tags.aliases, max_tags=settings.tags.max,
                                      max_point_chars=settings.summarizer.max_point_chars)
    if settings.summarizer.kind != "openai":
        return extractive
    llm = settings.summarizer.openai
    return OpenAISummarizer(
        base_url=llm.base_url, model=llm.model, api_key=secrets.get(llm.api_key_env),
        fallback=extractive, timeout=llm.timeout, retries=llm.retries,
        daily_token_budget=llm.daily_token_budget,
        cache_path=settings.data_dir / "llm-cache.json",
    )


def make_fetcher(settings: Settings) -> HttpFetcher:
    net = settings.network
    return HttpFetcher(policy=AddressPolicy(net.allow_private), connect_timeout=net.connect_timeout,
                       total_timeout=net.total_timeout, max_bytes=net.max_body_bytes,
                       per_host=net.per_host_concurrency, user_agent=net.user_agent)


def platforms_wanted(settings: Settings, secrets: Secrets) -> list[str]:
    """Which adapters this configuration needs, in a stable order."""
    refs = {dest.ref.split(":", 1)[0] for dest in settings.destinations}
    wanted = []
    if secrets.get("DISCORD_TOKEN") or "discord" in refs:
        wanted.append("discord")
    if secrets.get("SLACK_BOT_TOKEN") or "slack" in refs:
        wanted.append("slack")
    if "webhook" in refs:
        wanted.append("webhook")
    console = settings.console.enabled
    if console or (console is None and (not wanted or "console" in refs)):
        wanted.insert(0, "console")
    return wanted


def with_default_destination(settings: Settings) -> Settings:
    """With no destinations configured, every brief goes to the console."""
    if settings.destinations:
        return settings
    console = DestinationSettings(ref="console:", subscriptions=[SubscriptionSettings()])
    return settings.model_copy(update={"destinations": [console]})


def adapter_options(name: str, settings: Settings, secrets: Secrets) -> dict[str, Any]:
    """The keyword arguments of each adapter's ``make_adapter``, from settings and secrets."""
    if name == "console":
        return {"color": settings.console.color}
    if name == "discord":
        return {"token": secrets.get("DISCORD_TOKEN"),
                "api_base_url": settings.discord.api_base_url,
                "shard_count": settings.discord.shard_count}
    if name == "webhook":
        return {"secret": secrets.get("NEWSBRIEF_WEBHOOK_SECRET"),
                "allow_private": settings.network.allow_private}
    if name == "slack":
        slack = settings.slack
        return {"bot_token": secrets.get("SLACK_BOT_TOKEN"),
                "app_token": secrets.get("SLACK_APP_TOKEN") if slack.mode == "socket" else None,
                "signing_secret": secrets.get("SLACK_SIGNING_SECRET"),
                "api_base_url": slack.api_base_url, "http_host": slack.http_host,
                "http_port": slack.http_port, "admin_ids": tuple(slack.admin_ids),
                "threaded_digests": slack.digest_threads}
    raise ConfigError("destinations", f"no adapter named {name!r}")


def load_adapter(name: str, settings: Settings, secrets: Secrets,
                 commands: CommandCore | None = None) -> Adapter:
    """Import ``adapters.<name>`` only now, so a platform SDK loads only when it is used."""
    module = importlib.import_module(f"adapters.{name}")
    options = adapter_options(name, settings, secrets)
    if name == "discord" and commands is not None:
        options["suggest"] = commands.suggest  # autocomplete of tags and feeds
    if name == "slack":
        config = module.SlackSettings(**options).validated()
        return module.make_adapter(config)
    return module.make_adapter(**options)


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
        from bot.store.destinations import sync_destinations
        from bot.store.feeds import add_feed

        settings = with_default_destination(settings)
        db = Database(settings.database_url, echo=settings.database.echo)
        await db.migrate()
        now = clock()
        async with db.begin() as conn:
            for feed in settings.feeds:
                await add_feed(conn, feed.url, now=now, title=feed.title, tags=feed.tags)
            await sync_destinations(conn, settings.destinations, now=now)
        fetcher = make_fetcher(settings)
        summarizer = make_summarizer(settings, secrets)
        briefer = Briefer(fetcher=fetcher, summarizer=summarizer,
                          points=settings.summarizer.points)
        commands = CommandCore(db=db, brief_url=briefer.brief_url, clock=clock,
                               policy=AddressPolicy(settings.network.allow_private),
                               max_feeds_per_channel=settings.limits.feeds_per_channel,
                               max_subscriptions=settings.limits.subscriptions_per_destination,
                               tag_aliases=settings.tags.aliases,
                               max_feeds_per_server=settings.limits.feeds_per_server,
                               max_subscriptions_per_server=settings.limits.subscriptions_per_server)
        if adapters is None:
            adapters = {name: load_adapter(name, settings, secrets, commands)
                        for name in platforms_wanted(settings, secrets)}
        pipeline = Pipeline(db=db, fetcher=fetcher, summarizer=summarizer, settings=settings,
                            clock=clock)
        reactions = ReactionCore(db=db, clock=clock)
        for adapter in adapters.values():
            if hasattr(adapter, "on_reaction"):  # platforms that report reactions
                adapter.on_reaction = reactions.handle
        worker = OutboxWorker(db=db, adapters=adapters,
                              max_attempts=settings.delivery.max_attempts, clock=clock)
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
                log.exception("adapter.stop_failed adapter=%s", adapter.name)
        await self.fetcher.aclose()
        await self.db.close()
