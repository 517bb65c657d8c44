"""The feed repository: which feeds exist, which are due, and how each poll went."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, delete, or_, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store.db import insert_or_ignore
from bot.store.schema import feeds
from bot.store.workers import lease_free


async def add_feed(conn: AsyncConnection, url: str, *, now: datetime, title: str | None = None,
                   tags: Sequence[str] = (), added_by: str | None = None,
                   added_server: str | None = None) -> tuple[int, bool]:
    """Add a feed due at once; returns (id, created). An existing URL is left as it is.

    Insert-or-ignore, so that workers starting together on one database (each syncing the
    configured feeds) never fail on the unique URL: the loser of the race finds the row."""
    existing = (await conn.execute(select(feeds.c.id).where(feeds.c.url == url))).scalar()
    if existing is not None:
        return int(existing), False
    values = dict(url=url, title=title, tags=list(tags), added_by=added_by,
                  added_server=added_server, next_check_at=now, consecutive_failures=0,
                  first_polled=False, created_at=now)
    created = await insert_or_ignore(conn, feeds, values, ["url"])
    if created is not None:
        return created, True
    found = (await conn.execute(select(feeds.c.id).where(feeds.c.url == url))).scalar_one()
    return int(found), False


async def remove_feed(conn: AsyncConnection, url_or_id: str) -> bool:
    condition = feeds.c.id == int(url_or_id) if url_or_id.isdigit() else feeds.c.url == url_or_id
    result = await conn.execute(delete(feeds).where(condition))
    return bool(result.rowcount)


async def list_feeds(conn: AsyncConnection) -> list[Row[Any]]:
    return list((await conn.execute(select(feeds).order_by(feeds.c.id))).all())


async def claim_due(conn: AsyncConnection, *, now: datetime, owner: str, limit: int,
                    lease: timedelta) -> list[Row[Any]]:
    """Feeds due for a poll, leased to ``owner`` so that other workers skip them meanwhile."""
    # A killed process's lease is taken once its heartbeat is a few seconds stale (or, for a
    # process that never beat, when the lease lapses); a clean stop gives its leases back at
    # once (Pipeline.poll_due).
    free = lease_free(feeds.c.lease_owner, feeds.c.lease_until, now=now)
    if conn.dialect.name == "sqlite":
        # One process writes a SQLite file: a lease held by another owner is a dead one's.
        free = or_(free, feeds.c.lease_owner != owner)
    query = (
        select(feeds)
        .where(feeds.c.disabled_at.is_(None), feeds.c.next_check_at <= now, free)
        .order_by(feeds.c.next_check_at)
        .limit(limit)
    )
    if conn.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = list((await conn.execute(query)).all())
    if rows:
        await conn.execute(update(feeds).where(feeds.c.id.in_([r.id for r in rows]))
                           .values(lease_owner=owner, lease_until=now + lease))
    return rows


async def record_success(conn: AsyncConnection, feed_id: int, *, now: datetime,
                         next_check_at: datetime, **fields: Any) -> None:
    """A poll that worked (changed or not): reset the failure count, store cache validators."""
    await conn.execute(update(feeds).where(feeds.c.id == feed_id).values(
        last_checked_at=now, last_success_at=now, next_check_at=next_check_at,
        consecutive_failures=0, last_error=None, first_polled=True,
        lease_owner=None, lease_until=None, **fields,
    ))


async def record_failure(conn: AsyncConnection, feed_id: int, *, now: datetime, error: str,
                         failures: int, next_check_at: datetime,
                         disable_reason: str | None) -> None:
    values: dict[str, Any] = dict(
        last_checked_at=now, next_check_at=next_check_at, consecutive_failures=failures,
        last_error=error[:1000], lease_owner=None, lease_until=None,
    )
    if disable_reason:
        values.update(disabled_at=now, disabled_reason=disable_reason)
    await conn.execute(update(feeds).where(feeds.c.id == feed_id).values(**values))


async def enable_feed(conn: AsyncConnection, url_or_id: str, *, now: datetime) -> bool:
    condition = feeds.c.id == int(url_or_id) if url_or_id.isdigit() else feeds.c.url == url_or_id
    result = await conn.execute(update(feeds).where(and_(condition)).values(
        disabled_at=None, disabled_reason=None, consecutive_failures=0, next_check_at=now,
        lease_owner=None, lease_until=None))
    return bool(result.rowcount)


async def record_unchanged(conn: AsyncConnection, rows: list[dict[str, Any]]) -> None:
    """``record_success`` for many feeds that brought nothing new, in one statement."""
    await conn.execute(
        update(feeds).where(feeds.c.id == bindparam("feed_id")).values(
            last_checked_at=bindparam("now"), last_success_at=bindparam("now"),
            next_check_at=bindparam("next_at"), consecutive_failures=0, last_error=None,
            first_polled=True, lease_owner=None, lease_until=None, etag=bindparam("etag"),
            last_modified=bindparam("last_modified"), body_hash=bindparam("body_hash"),
        ),
        rows,
    )


async def release_leases(conn: AsyncConnection, feed_ids: list[int], *, owner: str) -> None:
    """Give back feeds this process leased but did not finish (a shutdown mid-poll)."""
    await conn.execute(update(feeds).where(feeds.c.id.in_(feed_ids), feeds.c.lease_owner == owner)
                       .values(lease_owner=None, lease_until=None))
