"""Destinations and their subscriptions: synced from configuration, changed by commands."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.delivery import Destination
from bot.filters import kinds
from bot.logs import get_log
from bot.store.db import insert_or_ignore
from bot.store.schema import destinations, outbox, subscriptions

log = get_log(__name__)

# Destination keys the YAML may set; only keys present in the file overwrite the stored value,
# so a digest time changed with /digest survives restarts unless the YAML says otherwise.
_SYNCED = ("timezone", "locale", "webhook_url", "digest_time", "digest_days", "urgent_tags",
           "updates", "template", "why_footer")


@dataclass(frozen=True, slots=True)
class DestinationRow:
    id: int
    ref: str
    timezone: str
    locale: str
    webhook_url: str | None
    digest_time: str | None
    digest_days: list[int]
    urgent_tags: list[str]
    paused_at: datetime | None
    paused_reason: str | None
    server: str | None = None  # Discord guild / Slack team; None outside one
    dm: bool = False  # a member's own direct messages
    template: str | None = None  # its briefs' layout (bot.delivery.template); None: default
    why_footer: bool = False  # each brief ends with "Sent because …"

    @property
    def tenant(self) -> str:
        """Whose feeds it may receive (bot.store.tenancy): its server, else itself."""
        return self.server or self.ref

    @property
    def destination(self) -> Destination:
        return Destination(ref=self.ref, timezone=self.timezone, locale=self.locale,
                           webhook_url=self.webhook_url, template=self.template)

    @property
    def paused(self) -> bool:
        return self.paused_at is not None


@dataclass(frozen=True, slots=True)
class SubscriptionRow:
    id: int
    destination_id: int
    kind: str  # a name in bot.filters.kinds (tag, feed, keyword, pattern, all)
    value: str
    exclude: bool
    mode: str  # instant | digest
    mention: str | None = None  # a role / user group id pinged by matching instant briefs

    def describe(self) -> str:
        kind = kinds.get(self.kind)
        what = ("everything" if kind is not None and not kind.takes_value
                else f"{self.kind} {self.value}")
        if self.exclude:  # an exclusion wins in either mode: its mode says nothing
            return f"excluding {what}"
        ping = f", mentions role:{self.mention}" if self.mention else ""
        return f"{what} ({self.mode}{ping})"


def _destination(row: Any) -> DestinationRow:
    return DestinationRow(
        id=int(row.id), ref=row.ref, timezone=row.timezone, locale=row.locale,
        webhook_url=row.webhook_url, digest_time=row.digest_time,
        digest_days=[int(d) for d in (row.digest_days or [])],
        urgent_tags=[str(t) for t in (row.urgent_tags or [])],
        paused_at=row.paused_at, paused_reason=row.paused_reason, server=row.server,
        dm=bool(row.dm), template=row.template, why_footer=bool(row.why_footer),
    )


def _subscription(row: Any) -> SubscriptionRow:
    return SubscriptionRow(id=int(row.id), destination_id=int(row.destination_id), kind=row.kind,
                           value=row.value, exclude=bool(row.exclude), mode=row.mode,
                           mention=row.mention)


async def get(conn: AsyncConnection, ref: str) -> DestinationRow | None:
    row = (await conn.execute(select(destinations).where(destinations.c.ref == ref))).first()
    return _destination(row) if row is not None else None


async def by_id(conn: AsyncConnection, destination_id: int) -> DestinationRow | None:
    row = (await conn.execute(
        select(destinations).where(destinations.c.id == destination_id))).first()
    return _destination(row) if row is not None else None


async def mark_dms(conn: AsyncConnection, dm_ref: re.Pattern[str]) -> int:
    """Mark as members' DMs the destinations whose ref has an adapter's DM shape (``dm_ref``,
    declared by the adapter: the store names no platform), stored before 0010 knew DMs, so they
    are not scoped, listed or re-languaged as their server's channels. How many changed."""
    rows = await conn.execute(select(destinations.c.id, destinations.c.ref)
                              .where(destinations.c.dm.is_(False)))
    ids = [int(row.id) for row in rows if dm_ref.fullmatch(row.ref)]
    for part in [ids[i:i + 400] for i in range(0, len(ids), 400)]:
        await conn.execute(update(destinations).where(destinations.c.id.in_(part))
                           .values(dm=True))
    return len(ids)


async def get_or_create(conn: AsyncConnection, destination: Destination, *,
                        now: datetime, server: str | None = None,
                        dm: bool = False) -> DestinationRow:
    """The stored destination for a ref, created with the given timezone and locale if new.
    A channel stored without its server (listed in the configuration) learns it here, and a
    DM stored before 0010 is marked one, so both are scoped as what they are."""
    found = await get(conn, destination.ref)
    if found is not None:
        learnt: dict[str, Any] = {}
        if dm and not found.dm:
            learnt["dm"] = True
        if server is not None and found.server is None and not (dm or found.dm):
            learnt["server"] = server
        if not learnt:
            return found
        await update_destination(conn, found.id, **learnt)
        return await by_id(conn, found.id) or found
    if await insert_or_ignore(conn, destinations, dict(
            ref=destination.ref, timezone=destination.timezone, locale=destination.locale,
            webhook_url=destination.webhook_url, digest_days=list(range(7)), urgent_tags=[],
            updates=False, server=server, dm=dm, created_at=now), ["ref"]) is not None:
        log.info("destination.created", ref=destination.ref)
    created = await get(conn, destination.ref)
    assert created is not None
    return created


async def list_destinations(conn: AsyncConnection) -> list[DestinationRow]:
    rows = await conn.execute(select(destinations).order_by(destinations.c.id))
    return [_destination(row) for row in rows]


async def subscribed_languages(conn: AsyncConnection) -> set[str]:
    """The languages ("ko", "en") of the locales of destinations with a subscription."""
    rows = await conn.execute(select(destinations.c.locale).distinct().where(
        destinations.c.id.in_(select(subscriptions.c.destination_id))))
    return {str(locale).split("-")[0].lower() for (locale,) in rows if locale}


async def update_destination(conn: AsyncConnection, destination_id: int, **values: Any) -> None:
    await conn.execute(update(destinations).where(destinations.c.id == destination_id)
                       .values(**values))


async def pause(conn: AsyncConnection, destination_id: int, reason: str, *,
                now: datetime) -> None:
    await update_destination(conn, destination_id, paused_at=now, paused_reason=reason[:1000])
    log.warning("destination.paused", destination_id=destination_id, reason=reason)


async def resume(conn: AsyncConnection, destination_id: int, *,
                 now: datetime | None = None) -> None:
    """Unpause; the messages held for it become due (now, or at once when ``now`` is None)."""
    await update_destination(conn, destination_id, paused_at=None, paused_reason=None)
    due: dict[str, Any] = {"lease_owner": None, "lease_until": None}
    if now is not None:
        due["next_attempt_at"] = now
    await conn.execute(update(outbox).where(outbox.c.destination_id == destination_id,
                                            outbox.c.state == "pending").values(**due))
    log.info("destination.resumed", destination_id=destination_id)


async def list_subscriptions(conn: AsyncConnection,
                             destination_id: int | None = None) -> list[SubscriptionRow]:
    query = select(subscriptions).order_by(subscriptions.c.destination_id, subscriptions.c.id)
    if destination_id is not None:
        query = query.where(subscriptions.c.destination_id == destination_id)
    return [_subscription(row) for row in await conn.execute(query)]


async def add_subscription(conn: AsyncConnection, destination_id: int, *, kind: str, value: str,
                           exclude: bool = False, mode: str = "instant",
                           now: datetime) -> bool:
    """Add a subscription; an existing one with the same target gets the new mode. Returns
    False when it already existed unchanged."""
    existing = (await conn.execute(select(subscriptions).where(
        subscriptions.c.destination_id == destination_id, subscriptions.c.kind == kind,
        subscriptions.c.value == value, subscriptions.c.exclude == exclude))).first()
    if existing is not None:
        if existing.mode == mode:
            return False
        await conn.execute(update(subscriptions).where(subscriptions.c.id == existing.id)
                           .values(mode=mode))
        return True
    return await insert_or_ignore(conn, subscriptions, dict(
        destination_id=destination_id, kind=kind, value=value, exclude=exclude, mode=mode,
        created_at=now), ["destination_id", "kind", "value", "exclude"]) is not None


async def remove_subscription(conn: AsyncConnection, destination_id: int, *, kind: str,
                              value: str, exclude: bool | None = None) -> int:
    query = delete(subscriptions).where(
        subscriptions.c.destination_id == destination_id, subscriptions.c.kind == kind,
        subscriptions.c.value == value)
    if exclude is not None:
        query = query.where(subscriptions.c.exclude == exclude)
    return int((await conn.execute(query)).rowcount or 0)


class ConfiguredSubscription(Protocol):
    """A subscription as the configuration file states it (``SubscriptionSettings``)."""

    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def exclude(self) -> bool: ...
    @property
    def mode(self) -> str: ...
    @property
    def mention(self) -> str | None: ...
    def model_dump(self) -> dict[str, Any]: ...


class ConfiguredDestination(Protocol):
    """A destination as the configuration file states it (``DestinationSettings``): the keys
    the file sets (``model_fields_set``) overwrite the stored ones."""

    @property
    def ref(self) -> str: ...
    @property
    def timezone(self) -> str: ...
    @property
    def locale(self) -> str: ...
    @property
    def webhook_url(self) -> str | None: ...
    @property
    def subscriptions(self) -> Sequence[ConfiguredSubscription]: ...
    @property
    def model_fields_set(self) -> set[str]: ...


async def sync_destinations(conn: AsyncConnection, configured: Sequence[ConfiguredDestination], *,
                            now: datetime) -> list[DestinationRow]:
    """Make the configured destinations exist: keys the YAML sets overwrite stored ones. Its
    subscriptions are added when the destination is new or the YAML's list has changed since
    the last start, so that a subscription removed with /unsubscribe stays removed. Run-time
    additions are kept."""
    synced: list[DestinationRow] = []
    for settings in configured:
        row = await get_or_create(conn, Destination(
            ref=settings.ref, timezone=settings.timezone, locale=settings.locale,
            webhook_url=settings.webhook_url), now=now)
        values = {key: getattr(settings, key) for key in _SYNCED
                  if key in settings.model_fields_set}
        if values:
            await update_destination(conn, row.id, **values)
        wanted = hashlib.sha256(json.dumps(
            [sub.model_dump() for sub in settings.subscriptions], sort_keys=True).encode()
        ).hexdigest()
        stored = (await conn.execute(select(destinations.c.config_hash)
                                     .where(destinations.c.id == row.id))).scalar()
        if stored != wanted:
            for sub in settings.subscriptions:
                value = kinds.normalise_value(sub.kind, sub.value)
                await add_subscription(conn, row.id, kind=sub.kind, value=value,
                                       exclude=sub.exclude, mode=sub.mode, now=now)
                await set_mention(conn, row.id, kind=sub.kind, value=value, exclude=sub.exclude,
                                  mention=sub.mention)
            await conn.execute(update(destinations).where(destinations.c.id == row.id)
                               .values(config_hash=wanted))
        fresh = await by_id(conn, row.id)
        assert fresh is not None
        synced.append(fresh)
    log.info("destinations.synced", count=len(synced))
    return synced


async def count_server_subscriptions(conn: AsyncConnection, server: str) -> int:
    """Subscriptions of every destination in one Discord guild or Slack workspace."""
    return int((await conn.execute(
        select(func.count()).select_from(
            subscriptions.join(destinations, destinations.c.id == subscriptions.c.destination_id))
        .where(destinations.c.server == server)
    )).scalar_one())


async def set_mention(conn: AsyncConnection, destination_id: int, *, kind: str, value: str,
                      exclude: bool, mention: str | None) -> bool:
    """Attach (or with None detach) the role / user group a subscription pings; False when
    there is no such subscription."""
    result = await conn.execute(update(subscriptions).where(
        subscriptions.c.destination_id == destination_id, subscriptions.c.kind == kind,
        subscriptions.c.value == value, subscriptions.c.exclude == exclude)
        .values(mention=mention))
    return bool(result.rowcount)


async def paused_refs(conn: AsyncConnection) -> list[str]:
    """Refs of the paused destinations, sorted (refs are names, not secrets)."""
    return [str(ref) for ref in (await conn.execute(
        select(destinations.c.ref).where(destinations.c.paused_at.is_not(None))
        .order_by(destinations.c.ref))).scalars()]


async def pause_if_active(conn: AsyncConnection, destination_id: int, reason: str, *,
                          now: datetime) -> None:
    """Pause unless already paused (the first reason, and moment, stay)."""
    await conn.execute(update(destinations)
                       .where(destinations.c.id == destination_id,
                              destinations.c.paused_at.is_(None))
                       .values(paused_at=now, paused_reason=reason[:500]))
