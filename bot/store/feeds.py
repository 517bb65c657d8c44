"""The feed repository: which feeds exist, which are due, and how each poll went."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Result, Row, and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.dml import Update
from sqlalchemy.sql.elements import ColumnElement

from bot.store.db import insert_or_ignore
from bot.store.schema import destinations, feed_servers, feeds
from bot.store.tenancy import CONFIG_OWNER, OPERATOR_OWNER, is_operator_owner, readable
from bot.store.workers import lease_free


@dataclass(frozen=True, slots=True)
class FeedRow:
    """One stored feed, as the pipeline polls it."""

    id: int
    url: str
    title: str | None
    site_url: str | None
    tags: list[str]
    # the destination ref that added it (told when it is disabled), or the operator's marker:
    # CONFIG_OWNER or OPERATOR_OWNER (bot.store.tenancy)
    added_by: str | None
    added_server: str | None
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    next_check_at: datetime
    last_checked_at: datetime | None
    last_success_at: datetime | None
    consecutive_failures: int
    last_error: str | None
    disabled_at: datetime | None
    disabled_reason: str | None
    first_polled: bool
    lease_owner: str | None
    lease_until: datetime | None
    created_at: datetime


_FEED_FIELDS = tuple(f.name for f in fields(FeedRow))


def feed_row(row: Row[Any]) -> FeedRow:
    """One row of the feeds table (every column, in any order) as a FeedRow."""
    return _converter(row._fields)(row)


def feed_rows(result: Result[Any]) -> list[FeedRow]:
    """:func:`feed_row` of every row of ``result``, its converter built once."""
    convert = _converter(tuple(result.keys()))
    return [convert(row) for row in result]


def _converter(keys: Sequence[str]) -> Callable[[Row[Any]], FeedRow]:
    """The one way a row becomes a FeedRow, its values taken by position (found from the
    row's column names): a Row's attribute costs about 5,000 instructions (a failed object
    lookup before the key's), an index a few hundred, and a poll cycle builds a FeedRow of 23
    fields for every due feed (issue 26)."""
    position = {name: i for i, name in enumerate(keys)}
    take = itemgetter(*(position[name] for name in _FEED_FIELDS))
    ident, tags, failures, polled = (_FEED_FIELDS.index(name) for name in
                                     ("id", "tags", "consecutive_failures", "first_polled"))

    def convert(row: Row[Any]) -> FeedRow:
        values = list(take(row))
        values[ident] = int(values[ident])
        values[tags] = [str(t) for t in values[tags] or []]
        values[failures] = int(values[failures] or 0)
        values[polled] = bool(values[polled])
        return FeedRow(*values)
    return convert


async def add_feed(conn: AsyncConnection, url: str, *, now: datetime, title: str | None = None,
                   tags: Sequence[str] = (), added_by: str | None = OPERATOR_OWNER,
                   added_server: str | None = None,
                   first_check_at: datetime | None = None) -> tuple[int, bool]:
    """Add a feed due at once (or at ``first_check_at``); returns (id, created). An existing URL
    is left as it is. Without an ``added_by`` (a channel ref) the feed is the operator's.

    Insert-or-ignore, so that workers starting together on one database (each syncing the
    configured feeds) never fail on the unique URL: the loser of the race finds the row."""
    existing = (await conn.execute(select(feeds.c.id).where(feeds.c.url == url))).scalar()
    if existing is not None:
        return int(existing), False
    values = dict(url=url, title=title, tags=list(tags), added_by=added_by,
                  added_server=added_server, next_check_at=first_check_at or now,
                  consecutive_failures=0, first_polled=False, created_at=now)
    created = await insert_or_ignore(conn, feeds, values, ["url"])
    if created is not None:
        return created, True
    found = (await conn.execute(select(feeds.c.id).where(feeds.c.url == url))).scalar_one()
    return int(found), False


async def sync_config_feeds(conn: AsyncConnection, configured: Sequence[tuple[str, str | None,
                                                                             Sequence[str]]],
                            *, now: datetime, remove_stale: bool = True) -> list[str]:
    """Add the configuration's feeds (url, title, tags) and remove those an earlier
    configuration listed that this one no longer does, so an edited file is obeyed instead of
    the old feeds being polled forever. Feeds added from chat, the CLI or OPML are left alone.
    Returns those stale URLs (removed unless ``remove_stale`` is false)."""
    wanted = {url for url, _title, _tags in configured}
    for url, title, tags in configured:
        feed_id, created = await add_feed(conn, url, now=now, title=title, tags=tags,
                                          added_by=CONFIG_OWNER)
        if not created:  # listed in the file now: the file owns it (unless a channel does)
            await conn.execute(update(feeds).where(
                feeds.c.id == feed_id,
                or_(feeds.c.added_by.is_(None), feeds.c.added_by == OPERATOR_OWNER))
                .values(added_by=CONFIG_OWNER))
    stale = [str(url) for url in (await conn.execute(
        select(feeds.c.url).where(feeds.c.added_by == CONFIG_OWNER))).scalars()
        if url not in wanted]
    if stale and remove_stale:
        await conn.execute(delete(feeds).where(feeds.c.url.in_(stale)))
    return stale


async def add_feeds(conn: AsyncConnection, wanted: Sequence[tuple[str, str | None, list[str]]],
                    *, now: datetime, spread: float = 0.0, already: int = 0) -> int:
    """Add many feeds (url, title, tags) in one statement, skipping URLs already stored or
    repeated; returns how many were created. For imports: one round trip, not one per feed.
    The n-th created feed (counting ``already`` created before) is first due ``spread * n``
    seconds after ``now``, so a big import does not fall due all at once."""
    fresh = {url: (title, tags) for url, title, tags in wanted}
    for part in [list(fresh)[i:i + 400] for i in range(0, len(fresh), 400)]:
        for url in (await conn.execute(select(feeds.c.url).where(feeds.c.url.in_(part)))
                    ).scalars():
            fresh.pop(url, None)
    if fresh:
        await conn.execute(insert(feeds), [
            {"url": url, "title": title, "tags": list(tags), "added_by": OPERATOR_OWNER,
             "next_check_at": now + timedelta(seconds=spread * (already + n)),
             "consecutive_failures": 0, "first_polled": False, "created_at": now}
            for n, (url, (title, tags)) in enumerate(fresh.items())])
    return len(fresh)


async def remove_feed(conn: AsyncConnection, url_or_id: str) -> bool:
    condition = feeds.c.id == int(url_or_id) if url_or_id.isdigit() else feeds.c.url == url_or_id
    result = await conn.execute(delete(feeds).where(condition))
    return bool(result.rowcount)


async def list_feeds(conn: AsyncConnection) -> list[FeedRow]:
    return feed_rows(await conn.execute(select(feeds).order_by(feeds.c.id)))


async def claim_due(conn: AsyncConnection, *, now: datetime, owner: str, limit: int,
                    lease: timedelta) -> list[FeedRow]:
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
    rows = feed_rows(await conn.execute(query))
    if rows:
        await conn.execute(update(feeds).where(feeds.c.id.in_([r.id for r in rows]))
                           .values(lease_owner=owner, lease_until=now + lease))
    return rows


async def record_success(conn: AsyncConnection, feed_id: int, *, now: datetime,
                         next_check_at: datetime, owner: str | None = None,
                         **fields: Any) -> bool:
    """A poll that worked (changed or not): reset the failure count, store cache validators.
    False when ``owner`` no longer holds the feed (nothing is written)."""
    result = await conn.execute(_success(frozenset(fields), held=owner is not None),
                                {**fields, "feed_id": feed_id, "now": now,
                                 "next_at": next_check_at, "owner": owner})
    return bool(result.rowcount)


_VALIDATORS = frozenset({"etag", "last_modified", "body_hash"})  # what an unchanged poll learns


@cache
def _success(names: frozenset[str], *, held: bool) -> Update:
    """record_success's UPDATE for a set of ``names`` (validators, title, URL), built once per
    set: every changed feed runs it (issue 26); the values come with each execution. ``held``:
    only while the lease is still ``owner``'s (else nobody's: an operator's or a test's write);
    a worker whose lease was taken over must not overwrite the newer holder's validators, nor
    clear its lease."""
    still = feeds.c.lease_owner == bindparam("owner") if held else feeds.c.lease_owner.is_(None)
    return update(feeds).where(feeds.c.id == bindparam("feed_id"), still).values(
        last_checked_at=bindparam("now"), last_success_at=bindparam("now"),
        next_check_at=bindparam("next_at"), consecutive_failures=0, last_error=None,
        first_polled=True, lease_owner=None, lease_until=None,
        **{name: bindparam(name) for name in sorted(names)})


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


async def recheck_refused(conn: AsyncConnection, *, now: datetime) -> int:
    """Make due now every enabled feed whose last poll was refused for its address: the
    operator lifts that refusal by configuration (read at start), so a restart that does must
    not wait out a back-off. Returns how many."""
    result = await conn.execute(update(feeds).where(
        feeds.c.last_error.like("blocked:%"), feeds.c.disabled_at.is_(None),
        feeds.c.next_check_at > now).values(next_check_at=now))
    return int(result.rowcount or 0)


async def enable_feed(conn: AsyncConnection, url_or_id: str, *, now: datetime) -> bool:
    condition = feeds.c.id == int(url_or_id) if url_or_id.isdigit() else feeds.c.url == url_or_id
    result = await conn.execute(update(feeds).where(and_(condition)).values(
        disabled_at=None, disabled_reason=None, consecutive_failures=0, next_check_at=now,
        lease_owner=None, lease_until=None))
    return bool(result.rowcount)


async def disable_feed(conn: AsyncConnection, feed_id: int, *, now: datetime,
                       reason: str) -> bool:
    """Stop polling a feed until it is enabled again (the dashboard's "disable")."""
    result = await conn.execute(update(feeds).where(feeds.c.id == feed_id).values(
        disabled_at=now, disabled_reason=reason[:1000], lease_owner=None, lease_until=None))
    return bool(result.rowcount)


async def record_unchanged(conn: AsyncConnection, rows: list[dict[str, Any]], *,
                           owner: str) -> None:
    """``record_success`` for many feeds that brought nothing new, in one statement (its own,
    run once per row); a feed ``owner`` no longer holds (taken over during a long batch) is
    left to its new holder."""
    await conn.execute(_success(_VALIDATORS, held=True),
                       [{**row, "owner": owner} for row in rows])


async def release_leases(conn: AsyncConnection, feed_ids: list[int], *, owner: str) -> None:
    """Give back feeds this process leased but did not finish (a shutdown mid-poll)."""
    await conn.execute(update(feeds).where(feeds.c.id.in_(feed_ids), feeds.c.lease_owner == owner)
                       .values(lease_owner=None, lease_until=None))


# -- what one chat server sees and controls (issue 13.2) ----------------------------------------
# A server is a Discord guild or Slack team (a DM channel's ref when there is none). Chat
# commands go through these; the operator's CLI uses the unscoped functions above.

def _by_url_or_id(url_or_id: str) -> Any:
    return feeds.c.id == int(url_or_id) if url_or_id.isdigit() else feeds.c.url == url_or_id


def used_by(servers: Collection[str]) -> ColumnElement[bool]:
    """The scoping rule itself: feeds one of ``servers`` uses (added there, or shared with it).
    Chat commands and the dashboard both filter with this and nothing else."""
    linked = select(feed_servers.c.feed_id).where(feed_servers.c.server.in_(list(servers)))
    return feeds.c.id.in_(linked)


async def link_server(conn: AsyncConnection, feed_id: int, server: str, *, now: datetime,
                      tags: Sequence[str] | None = None, added_by: str | None = None) -> bool:
    """Record that ``server`` uses the feed, with its own ``tags`` for it (given tags replace
    the link's earlier ones); False when it already did."""
    exists = (await conn.execute(select(feed_servers.c.id).where(
        feed_servers.c.feed_id == feed_id, feed_servers.c.server == server))).scalar()
    if exists is not None:
        if tags:
            await conn.execute(update(feed_servers).where(feed_servers.c.id == exists)
                               .values(tags=list(tags)))
        return False
    await conn.execute(insert(feed_servers).values(feed_id=feed_id, server=server,
                                                   tags=list(tags or []), added_by=added_by,
                                                   created_at=now))
    return True


async def link_tags(conn: AsyncConnection, feed_ids: Collection[int],
                    servers: Collection[str]) -> dict[int, list[str]]:
    """The tags ``servers`` gave each of ``feed_ids`` (their own, beside the feed's)."""
    found: dict[int, list[str]] = {}
    rows = await conn.execute(select(feed_servers.c.feed_id, feed_servers.c.tags).where(
        feed_servers.c.feed_id.in_(list(feed_ids)), feed_servers.c.server.in_(list(servers)))
        .order_by(feed_servers.c.id))
    for row in rows:
        mine = found.setdefault(int(row.feed_id), [])
        mine += [str(t) for t in row.tags or [] if str(t) not in mine]
    return found


async def link_adders(conn: AsyncConnection, feed_id: int) -> list[tuple[str, str]]:
    """(channel, server) of each channel that linked the feed to its server, first first:
    they are told when it is disabled."""
    rows = await conn.execute(select(feed_servers.c.added_by, feed_servers.c.server).where(
        feed_servers.c.feed_id == feed_id, feed_servers.c.added_by.is_not(None))
        .order_by(feed_servers.c.id))
    return [(str(row.added_by), str(row.server)) for row in rows]


async def server_feeds(conn: AsyncConnection, server: str) -> list[FeedRow]:
    """The feeds ``server`` uses, by id."""
    return await servers_feeds(conn, [server])


async def servers_feeds(conn: AsyncConnection, servers: Collection[str] | None
                        ) -> list[FeedRow]:
    """The feeds any of ``servers`` uses (a dashboard admin may run several), by id; None is
    the operator, who sees every feed."""
    if servers is None:
        return await list_feeds(conn)
    return [feed_row(row) for row in await conn.execute(
        select(feeds).where(used_by(servers)).order_by(feeds.c.id))]


async def find_server_feed(conn: AsyncConnection, server: str,
                           url_or_id: str) -> FeedRow | None:
    """The feed ``url_or_id`` names, only if ``server`` uses it (another server's is None)."""
    return await find_servers_feed(conn, [server], url_or_id)


async def find_servers_feed(conn: AsyncConnection, servers: Collection[str] | None,
                            url_or_id: str) -> FeedRow | None:
    """The feed ``url_or_id`` names if one of ``servers`` uses it; None: any feed."""
    query = select(feeds).where(_by_url_or_id(url_or_id))
    if servers is not None:
        query = query.where(used_by(servers))
    row = (await conn.execute(query)).first()
    return feed_row(row) if row is not None else None


async def servers_using(conn: AsyncConnection, feed_id: int) -> list[str]:
    """Every server that uses the feed, sorted (the dashboard unlinks an admin's own from it,
    and lets them disable it only when no other server uses it)."""
    rows = await conn.execute(select(feed_servers.c.server).where(
        feed_servers.c.feed_id == feed_id).order_by(feed_servers.c.server))
    return [r.server for r in rows]


async def unlink_server(conn: AsyncConnection, feed_id: int, server: str) -> bool:
    """``server`` stops using the feed. When it was the feed's adder, the next server still
    using it becomes the adder (told when it is disabled, counted against its limits), so the
    leaving channel is neither. The feed itself (entries, briefs) is deleted only when no
    server uses it any more and it came from chat; the operator's stays. True when the feed
    row was deleted."""
    await conn.execute(delete(feed_servers).where(feed_servers.c.feed_id == feed_id,
                                                  feed_servers.c.server == server))
    feed = (await conn.execute(select(feeds.c.added_by, feeds.c.added_server)
                               .where(feeds.c.id == feed_id))).first()
    if feed is None or is_operator_owner(feed.added_by):
        return False
    heir = (await conn.execute(select(feed_servers.c.added_by, feed_servers.c.server).where(
        feed_servers.c.feed_id == feed_id).order_by(feed_servers.c.id).limit(1))).first()
    if heir is None:
        await conn.execute(delete(feeds).where(feeds.c.id == feed_id))
        return True
    if (feed.added_server or feed.added_by) == server:  # the adder left
        await conn.execute(update(feeds).where(feeds.c.id == feed_id).values(
            added_by=heir.added_by, added_server=heir.server))
    return False


@dataclass(frozen=True, slots=True)
class PausedRow:
    id: int
    ref: str
    reason: str | None


async def paused_destinations(conn: AsyncConnection,
                              server: str | None, ref: str | None) -> list[PausedRow]:
    """Paused destinations in ``server`` (its channels, not its members' DMs) or named ``ref``;
    both None: all."""
    query = select(destinations.c.id, destinations.c.ref, destinations.c.paused_reason).where(
        destinations.c.paused_at.is_not(None)).order_by(destinations.c.id)
    # ``server == None`` would compile to IS NULL: every DM, webhook and console destination
    wanted = [and_(destinations.c.server == server, destinations.c.dm.is_(False))] \
        if server is not None else []
    wanted += [destinations.c.ref == ref] if ref is not None else []
    if wanted:
        query = query.where(or_(*wanted))
    return [PausedRow(int(r.id), r.ref, r.paused_reason) for r in await conn.execute(query)]


async def count_disabled(conn: AsyncConnection) -> int:
    return int((await conn.execute(
        select(func.count()).select_from(feeds).where(feeds.c.disabled_at.is_not(None))
    )).scalar_one())


async def display_name(conn: AsyncConnection, feed_id: int) -> str | None:
    """A feed's title, else its URL; None when there is no such feed."""
    name = (await conn.execute(
        select(func.coalesce(feeds.c.title, feeds.c.url)).where(feeds.c.id == feed_id)
    )).scalar()
    return None if name is None else str(name)


async def feed_names(conn: AsyncConnection, tenants: Collection[str] | None = None
                     ) -> list[tuple[int, str, str | None]]:
    """(id, url, title) of every feed ``tenants`` may read (None: every feed), by id."""
    rows = await conn.execute(select(feeds.c.id, feeds.c.url, feeds.c.title)
                              .where(await readable(conn, tenants)).order_by(feeds.c.id))
    return [(int(r.id), r.url, r.title) for r in rows]




async def count_added_by(conn: AsyncConnection, ref: str) -> int:
    """How many feeds the channel ``ref`` added (its per-channel limit counts these)."""
    return int((await conn.execute(select(func.count()).select_from(feeds)
                                   .where(feeds.c.added_by == ref))).scalar_one())
