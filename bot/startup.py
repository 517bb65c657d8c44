"""What every process does to a store before it works with it (the bot, its chat commands from
the CLI, the dashboard): migrate, the tenancy mode, members' DMs, the configured feeds and
destinations; and the command core built from settings. Apart from ``bot.app`` so that
``newsbrief command`` (bot.chat) loads neither the pipeline nor the outbox worker."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from bot.clock import Clock, now_utc
from bot.commands import CommandCore
from bot.commands.base import BriefUrl
from bot.config import DestinationSettings, Settings, SubscriptionSettings
from bot.delivery import registry as platforms
from bot.logs import get_log
from bot.netguard import AddressPolicy
from bot.store import Database, tenancy
from bot.store.destinations import mark_dms, sync_destinations
from bot.store.feeds import recheck_refused, sync_config_feeds

if TYPE_CHECKING:  # the type only: feed management loads with /feeds, not with every command
    from bot.feeds.manage import FeedReader

log = get_log(__name__)


async def sync_config(db: Database, settings: Settings, *, now: datetime) -> None:
    """The configured feeds and destinations into the store. Every write is insert-or-ignore:
    workers started together on one database (``--scale newsbrief=3``) all run it."""
    async with db.begin() as conn:
        # A file that lists no feeds (a worker's, or a seeding step's) does not manage them:
        # its stale feeds are reported, not removed.
        stale = await sync_config_feeds(
            conn, [(f.url, f.title, f.tags) for f in settings.feeds], now=now,
            remove_stale=bool(settings.feeds))
        await sync_destinations(conn, settings.destinations, now=now)
        refused = await recheck_refused(conn, now=now)
    if refused:
        log.info("config.refused_feeds_due", feeds=refused, reason="polled again at start: "
                 "network.allow_private may allow them now")
    for url in stale:
        log.warning("config.feed_unlisted", url=url,
                    outcome="removed" if settings.feeds else "kept")


async def mark_member_dms(db: Database) -> None:
    """Members' DMs stored before 0010 as their server's channels become DMs, by the ref shape
    each adapter declares (the core names no platform, so a migration could not); a platform
    whose refs do not say (``dm_ref`` None) has its DMs marked when next used."""
    shapes = [re.compile(spec.dm_ref) for spec in platforms.registry() if spec.dm_ref]
    async with db.begin() as conn:
        for shape in shapes:
            if marked := await mark_dms(conn, shape):
                log.info("tenancy.dms_marked", destinations=marked)


async def apply_tenancy(db: Database, configured: tenancy.Mode | None, *,
                        now: datetime) -> tenancy.ModeSetting:
    """Store the configured tenancy mode (bot.store.tenancy reads it from there) and say which
    is in force, and why. Unset keeps what the migration chose; a key removed again means the
    default."""
    async with db.begin() as conn:
        stored = await tenancy.read_mode(conn)
        if configured is not None and (configured, "config") != (stored.mode, stored.source):
            await tenancy.write_mode(conn, configured, source="config", now=now)
        elif configured is None and stored.source == "config":
            await tenancy.write_mode(conn, tenancy.ISOLATED, source="default", now=now)
        setting = await tenancy.read_mode(conn)
    if setting.source == tenancy.MIGRATED:
        log.warning("tenancy.shared_kept", mode=setting.mode, source=setting.source,
                    fix="set tenancy: isolated to keep each server's chat-added feeds to it")
    else:
        log.info("tenancy.mode", mode=setting.mode, source=setting.source)
    return setting


def with_default_destination(settings: Settings) -> Settings:
    """With no destinations configured, every brief goes to the console."""
    if settings.destinations:
        return settings
    console = DestinationSettings(ref="console:", subscriptions=[SubscriptionSettings()])
    return settings.model_copy(update={"destinations": [console]})


def configured_database(settings: Settings, *, echo: bool = True) -> Database:
    """The configured database, its pool sized as every door sizes it (a connection per poll
    task and one more, or ``database.pool_size``), whether the bot, the CLI or ``check``.
    ``echo=False``: never ``database.echo``, whose SQL lines SQLAlchemy writes to stdout, where
    the CLI's and check's output goes (an OPML export, a JSON list)."""
    return Database(settings.database_url, echo=echo and settings.database.echo,
                    readers=settings.polling.concurrency, pool_size=settings.database.pool_size)


async def open_store(settings: Settings, *, clock: Clock = now_utc) -> Database:
    """The configured database, migrated (Alembic loads only when it is behind the code), with
    the tenancy mode, members' DMs and the configured feeds and destinations in it."""
    db = configured_database(settings)
    await db.migrate()
    await apply_tenancy(db, settings.tenancy, now=clock())
    await mark_member_dms(db)
    await sync_config(db, settings, now=clock())
    return db


def command_core(settings: Settings, db: Database, *, clock: Clock = now_utc,
                 brief_url: BriefUrl | None = None,
                 read_feed: FeedReader | None = None) -> CommandCore:
    """The chat commands with the configured limits; ``brief_url`` and ``read_feed`` are the
    two that leave the store (/brief <link>, /feeds add)."""
    return CommandCore(db=db, brief_url=brief_url, clock=clock,
                       policy=AddressPolicy(settings.network.allow_private),
                       max_feeds_per_channel=settings.limits.feeds_per_channel,
                       max_subscriptions=settings.limits.subscriptions_per_destination,
                       tag_aliases=settings.tags.aliases,
                       max_feeds_per_server=settings.limits.feeds_per_server,
                       max_subscriptions_per_server=settings.limits.subscriptions_per_server,
                       digest_stories=settings.delivery.digest_stories, read_feed=read_feed)
