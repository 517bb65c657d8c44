"""Read-only queries behind the web dashboard: what one signed-in person may see, in one place.

``servers`` scopes every query: ``None`` is the operator (everything); a set of Discord guild or
Slack team ids limits feeds to those the servers use (``feeds.used_by``, the chat commands' own
rule: a feed shared with another server is seen by both, one only another uses by neither) and
destinations to the channels in them (not members' DMs). The feeds list itself is
``feeds.servers_feeds``."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.redact import shown_link
from bot.store import feeds as feed_store
from bot.store.destinations import DestinationRow, _destination
from bot.store.schema import destinations, feeds, outbox

Servers = Collection[str] | None


@dataclass(frozen=True, slots=True)
class ScopedDestination:
    row: DestinationRow
    server: str | None
    pending: int


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    id: int
    key: str
    destination_id: int
    ref: str
    timezone: str
    locale: str
    template: str | None  # the destination's layout: its messages are shown the way it posts them
    brief_id: int | None
    digest: Any
    state: str
    attempts: int
    error: str | None
    created_at: datetime
    sent_at: datetime | None
    next_attempt_at: datetime


class RecentError(NamedTuple):
    when: datetime
    what: str  # "feed Harbor Gazette", "delivery #12"
    error: str
    ref: str | None = None  # the destination of a delivery (the page shows its name)


def _feeds_in(query: Select[Any], servers: Servers) -> Select[Any]:
    return query if servers is None else query.where(feed_store.used_by(servers))


def _destinations_in(query: Select[Any], servers: Servers) -> Select[Any]:
    """A server admin's: that server's channels, never a member's own DMs (stored with the
    server they were subscribed from, which is whose feeds they may receive)."""
    if servers is None:
        return query
    return query.where(destinations.c.server.in_(list(servers)), destinations.c.dm.is_(False))


async def scoped_destinations(conn: AsyncConnection, servers: Servers, *,
                              destination_id: int | None = None) -> list[ScopedDestination]:
    """Destinations in scope (or just one), each with how many messages wait for it."""
    pending = (select(outbox.c.destination_id, func.count().label("n"))
               .where(outbox.c.state == "pending").group_by(outbox.c.destination_id).subquery())
    query = _destinations_in(
        select(destinations, func.coalesce(pending.c.n, 0).label("pending"))
        .outerjoin(pending, pending.c.destination_id == destinations.c.id), servers)
    if destination_id is not None:
        query = query.where(destinations.c.id == destination_id)
    rows = await conn.execute(query.order_by(destinations.c.id))
    return [ScopedDestination(_destination(r), r.server, int(r.pending)) for r in rows]


async def scoped_destination(conn: AsyncConnection, destination_id: int,
                             servers: Servers) -> ScopedDestination | None:
    found = await scoped_destinations(conn, servers, destination_id=destination_id)
    return found[0] if found else None


async def servers_in_use(conn: AsyncConnection) -> list[tuple[str, str]]:
    """(platform, server) of every server with a channel here, for the operator's picker (a
    member's DM carries the server it was subscribed from, so DMs count too)."""
    rows = await conn.execute(
        select(destinations.c.server, func.min(destinations.c.ref).label("ref"))
        .where(destinations.c.server.is_not(None))
        .group_by(destinations.c.server).order_by(destinations.c.server))
    return [(str(r.ref).split(":", 1)[0], str(r.server)) for r in rows]


async def deliveries(conn: AsyncConnection, servers: Servers, *,
                     destination_id: int | None = None, state: str | None = None,
                     limit: int = 100, offset: int = 0) -> list[DeliveryRow]:
    """Newest first; ``offset`` rows skipped (the dashboard's pages)."""
    query = _destinations_in(
        select(outbox, destinations.c.ref, destinations.c.timezone, destinations.c.locale,
               destinations.c.template)
        .join(destinations, destinations.c.id == outbox.c.destination_id), servers)
    if destination_id is not None:
        query = query.where(outbox.c.destination_id == destination_id)
    if state:
        query = query.where(outbox.c.state == state)
    rows = await conn.execute(query.order_by(outbox.c.id.desc()).offset(offset).limit(limit))
    return [DeliveryRow(
        id=int(r.id), key=r.key, destination_id=int(r.destination_id), ref=r.ref,
        timezone=r.timezone, locale=r.locale, template=r.template, brief_id=r.brief_id,
        digest=r.digest,
        state=r.state, attempts=int(r.attempts), error=r.error, created_at=r.created_at,
        sent_at=r.sent_at, next_attempt_at=r.next_attempt_at) for r in rows]


async def waiting(conn: AsyncConnection, servers: Servers) -> tuple[int, datetime | None]:
    """Messages not yet sent, and when the oldest of them was queued."""
    query = _destinations_in(
        select(func.count(), func.min(outbox.c.created_at))
        .select_from(outbox.join(destinations, destinations.c.id == outbox.c.destination_id))
        .where(outbox.c.state.in_(("pending", "sending"))), servers)
    count, oldest = (await conn.execute(query)).one()
    if isinstance(oldest, str):  # SQLite's MIN() loses the column type
        oldest = datetime.fromisoformat(oldest)
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=UTC)
    return int(count), oldest


async def sent_since(conn: AsyncConnection, servers: Servers, since: datetime) -> list[datetime]:
    """When each message sent since ``since`` went out, for the deliveries-per-hour chart."""
    query = _destinations_in(
        select(outbox.c.sent_at)
        .select_from(outbox.join(destinations, destinations.c.id == outbox.c.destination_id))
        .where(outbox.c.state == "sent", outbox.c.sent_at >= since), servers)
    return [row.sent_at for row in await conn.execute(query)]


async def recent_errors(conn: AsyncConnection, servers: Servers, *, now: datetime,
                        limit: int = 10) -> list[RecentError]:
    """The latest failing feeds and failed or retried deliveries, newest first."""
    found: list[RecentError] = []
    feed_rows = await conn.execute(_feeds_in(
        select(feeds.c.url, feeds.c.title, feeds.c.last_error, feeds.c.last_checked_at)
        .where(feeds.c.last_error.is_not(None)), servers)
        .order_by(feeds.c.last_checked_at.desc()).limit(limit))
    for r in feed_rows:
        # the URL as shown: a private feed's token stays out of the page
        found.append(RecentError(r.last_checked_at or now,
                                 f"feed {r.title or shown_link(r.url)}", r.last_error))
    out_rows = await conn.execute(_destinations_in(
        select(destinations.c.ref, outbox.c.error, outbox.c.created_at, outbox.c.id)
        .join(destinations, destinations.c.id == outbox.c.destination_id)
        .where(outbox.c.error.is_not(None)), servers)
        .order_by(outbox.c.id.desc()).limit(limit))
    for r in out_rows:
        found.append(RecentError(r.created_at, f"delivery #{r.id}", r.error, r.ref))
    found.sort(key=lambda item: item.when, reverse=True)
    return found[:limit]


def hourly(moments: list[datetime], now: datetime, hours: int = 24) -> list[int]:
    """Counts per hour, oldest first, the last bucket ending at ``now``."""
    counts = [0] * hours
    start = now - timedelta(hours=hours)
    for moment in moments:
        index = int((moment - start).total_seconds() // 3600)
        if 0 <= index < hours:
            counts[index] += 1
    return counts
