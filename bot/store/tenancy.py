"""Tenancy: whose feeds a server may read (issue 22). One rule, used by routing, chat commands
and the dashboard alike.

A *tenant* is a Discord guild or Slack team; a destination outside one (a DM opened outside a
server, a console, a webhook) is its own tenant, named by its ref. A feed is readable by a tenant
when the operator owns it (``feeds.added_by`` is ``CONFIG_OWNER`` or ``OPERATOR_OWNER``: listed
in the configuration file, added at the CLI, from an operator's OPML or by the operator on the
dashboard; a server linking it changes nothing but that server's own tags) or when that tenant
added it in chat (a ``feed_servers`` link, which also carries the tenant's own tags for it).
With ``tenancy: shared`` every feed is readable by every tenant, as before migration 0010.
Controlling a feed (remove, enable, disable) is narrower: only a tenant that uses it,
``bot.store.feeds.used_by``, and never an operator's feed (``bot.feeds.manage`` refuses those to
servers).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Row, bindparam, exists, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import BindParameter, ColumnElement

from bot.models import Audience
from bot.store.db import dialect_insert
from bot.store.schema import (  # OPERATOR_OWNER: the operator's other feeds (CLI, OPML)
    OPERATOR_OWNER,
    destinations,
    feed_servers,
    feeds,
    install_settings,
)
from bot.tags import canonical_tag

Mode = Literal["isolated", "shared"]
ISOLATED: Mode = "isolated"
SHARED: Mode = "shared"
MODES: tuple[Mode, ...] = (ISOLATED, SHARED)
_KEY = "tenancy"
MIGRATED = "0010_tenancy"  # the source of a mode the migration kept for an existing install
CONFIG_OWNER = "config"  # ``feeds.added_by`` of the feeds the configuration file lists
OWNERS = (CONFIG_OWNER, OPERATOR_OWNER)
_CHUNK = 500  # ids per IN list: well inside every backend's parameter limit


@dataclass(frozen=True, slots=True)
class ModeSetting:
    mode: Mode
    source: str  # "default", "config", or the migration that set it ("0010_tenancy")


async def read_mode(conn: AsyncConnection) -> ModeSetting:
    row = (await conn.execute(select(install_settings.c.value, install_settings.c.source)
                              .where(install_settings.c.key == _KEY))).first()
    if row is None or row.value not in MODES:
        return ModeSetting(ISOLATED, "default")
    return ModeSetting(row.value, row.source)


async def write_mode(conn: AsyncConnection, mode: Mode, *, source: str, now: datetime) -> None:
    """Set the mode (the configuration's ``tenancy`` key, applied at start-up)."""
    values = {"value": mode, "source": source, "updated_at": now}
    # workers starting together on one database all apply the same setting
    await conn.execute(dialect_insert(conn.dialect.name, install_settings)
                       .values(key=_KEY, **values)
                       .on_conflict_do_update(index_elements=["key"], set_=values))


def shared_in_force() -> ColumnElement[bool]:
    """``read_mode(conn).mode == SHARED`` as SQL (NULL, i.e. false, without the row): a query
    that applies the rule reads the mode itself instead of costing a round trip before it
    (routing and delivery ask for every brief, issue 26)."""
    return select(install_settings.c.value).where(
        install_settings.c.key == _KEY).scalar_subquery() == SHARED


def tenant(server: str | None, ref: str) -> str:
    """The tenant of a destination or a command: its server, else the channel itself."""
    return server or ref


def destination_tenant() -> ColumnElement[str]:
    """``tenant`` of a destination row, as SQL."""
    return func.coalesce(destinations.c.server, destinations.c.ref)


def operator_owned() -> ColumnElement[bool]:
    """Feeds the operator owns, offered to every tenant. Said explicitly, never inferred from
    the links: a server linking the operator's feed must not make it that server's."""
    # each owner a plain comparison: an IN list of values is an expanding parameter, whose
    # statement SQLAlchemy writes afresh at each execution (issue 26: every delivered brief)
    return or_(*(feeds.c.added_by == owner for owner in OWNERS))


def is_operator_owner(added_by: str | None) -> bool:
    """``operator_owned`` of one feed row's ``added_by``."""
    return added_by in OWNERS


async def readable_by_destination(conn: AsyncConnection) -> ColumnElement[bool]:
    """The rule as SQL over ``feeds`` joined to ``destinations``: the destination's tenant may
    read the feed (a copy of a brief already sent is checked again before it is updated)."""
    if (await read_mode(conn)).mode == SHARED:
        return true()
    linked = exists().where(feed_servers.c.feed_id == feeds.c.id,
                            feed_servers.c.server == destination_tenant())
    return or_(operator_owned(), linked)


# the tenants themselves, or a parameter that names them in a statement built once (expanding;
# not expanding: one tenant)
Tenants = Collection[str] | BindParameter[Any]


def readable_by(tenants: Tenants, *, mode: Mode) -> ColumnElement[bool]:
    """The rule as SQL, over ``feeds``: the feeds any of ``tenants`` may read."""
    if mode == SHARED:
        return true()
    if isinstance(tenants, BindParameter) and not tenants.expanding:
        # one tenant, a plain parameter: an expanding one has SQLAlchemy write the statement's
        # SQL afresh at each execution (issue 26: every delivered brief)
        named = feed_servers.c.server == tenants
    else:
        servers = tenants if isinstance(tenants, BindParameter) else list(tenants)
        named = feed_servers.c.server.in_(servers)
    linked = select(feed_servers.c.feed_id).where(named)
    return or_(operator_owned(), feeds.c.id.in_(linked))


def readable_in_force(tenants: Tenants | None) -> ColumnElement[bool]:
    """``readable_by`` in the mode in force, read by the query itself (``shared_in_force``);
    None (the operator) reads every feed."""
    if tenants is None:
        return true()
    return or_(shared_in_force(), readable_by(tenants, mode=ISOLATED))


async def readable(conn: AsyncConnection, tenants: Collection[str] | None
                   ) -> ColumnElement[bool]:
    """``readable_by`` in the mode in force; None (the operator) reads every feed."""
    if tenants is None:
        return true()
    return readable_by(tenants, mode=(await read_mode(conn)).mode)


async def readable_feed_ids(conn: AsyncConnection, tenants: Collection[str] | None
                            ) -> list[int] | None:
    """The ids of the feeds ``tenants`` may read; None when that is every feed."""
    if tenants is None or (await read_mode(conn)).mode == SHARED:
        return None
    return [int(i) for i in (await conn.execute(
        select(feeds.c.id).where(readable_by(tenants, mode=ISOLATED)))).scalars()]


# Built once: a poll cycle reads the audiences of all its feeds on its first brief (issue 26:
# 200 feeds a cycle in the bench); the ids come with each execution. Its columns are unpacked by
# position in ``audiences``: reorder the two together.
_AUDIENCES = (
    select(feeds.c.id, operator_owned().label("open"), shared_in_force().label("shared"),
           feed_servers.c.server, feed_servers.c.tags)
    .select_from(feeds.outerjoin(feed_servers, feed_servers.c.feed_id == feeds.c.id))
    .where(feeds.c.id.in_(bindparam("ids", expanding=True))))


async def audiences(conn: AsyncConnection, feed_ids: Iterable[int]) -> dict[int, Audience]:
    """The audience of each feed, from the same definitions as ``readable_by``, in one
    statement: the mode, whether the operator owns each feed, and its servers' links."""
    ids = sorted(set(feed_ids))
    if not ids:
        return {}
    rows: list[Row[Any]] = []
    for start in range(0, len(ids), _CHUNK):  # a poll cycle asks for all its feeds at once
        rows += (await conn.execute(_AUDIENCES, {"ids": ids[start:start + _CHUNK]})).all()
    # No row at all (none of the feeds exists any more): the mode is still the one in force.
    shared = bool(rows[0][2]) if rows else (await read_mode(conn)).mode == SHARED
    open_ids: set[int] = set()
    links: dict[int, dict[str, frozenset[str]]] = {}
    # unpacked by position: a Row's attribute costs ten times an index (issue 26), and a cycle
    # reads a row for each of its feeds
    for feed_id, is_open, _, server, tags in rows:
        if is_open:
            open_ids.add(int(feed_id))
        if server is not None:
            links.setdefault(int(feed_id), {})[server] = frozenset(
                canonical_tag(str(t)) for t in tags or [])  # as BriefFacts.tags
    found: dict[int, Audience] = {}
    # the feeds no server linked share one of two (frozen) audiences: most of a cycle's feeds
    unlinked = {True: Audience(everyone=True), False: Audience(everyone=False)}
    for i in ids:
        linked = links.get(i)
        found[i] = (unlinked[shared or i in open_ids] if linked is None else
                    Audience(everyone=shared or i in open_ids, tenants=frozenset(linked),
                             tags={k: v for k, v in linked.items() if v}))
    return found
