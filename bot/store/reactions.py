"""Reactions to posted messages: which brief a platform message id was, and the 👍 / 👎 votes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.netguard import shown_url
from bot.store.db import dialect_insert
from bot.store.schema import (
    briefs,
    destinations,
    entries,
    feeds,
    outbox,
    reactions,
    sent_messages,
)
from bot.store.tenancy import destination_tenant
from bot.tags import canonical_tag, normalise_tag

UP, DOWN = "👍", "👎"


@dataclass(frozen=True, slots=True)
class Posted:
    outbox_id: int
    brief_id: int
    feed_id: int
    tags: list[str]


async def find_posted(conn: AsyncConnection, ref: str, message_id: str) -> Posted | None:
    """The brief behind a message the bot posted to ``ref`` (None for digests and strangers)."""
    row = (await conn.execute(
        select(outbox.c.id, briefs.c.id.label("brief_id"), briefs.c.tags, entries.c.feed_id)
        .select_from(sent_messages.join(outbox, outbox.c.id == sent_messages.c.outbox_id)
                     .join(destinations, destinations.c.id == outbox.c.destination_id)
                     .join(briefs, briefs.c.id == outbox.c.brief_id)
                     .join(entries, entries.c.id == briefs.c.entry_id))
        .where(sent_messages.c.message_id == message_id, destinations.c.ref == ref)
        .order_by(outbox.c.id).limit(1))).first()
    if row is None:
        return None
    return Posted(int(row.id), int(row.brief_id), int(row.feed_id),
                  [normalise_tag(str(t)) for t in row.tags or []])


async def record_vote(conn: AsyncConnection, outbox_id: int, user: str, emoji: str, *,
                      now: datetime) -> bool:
    """Count a vote once per (message, user, emoji); True when it was new."""
    stmt = (dialect_insert(conn.dialect.name, reactions)
            .values(outbox_id=outbox_id, user=user[:64], emoji=emoji, created_at=now)
            .on_conflict_do_nothing(index_elements=["outbox_id", "user", "emoji"])
            .returning(reactions.c.id))
    return (await conn.execute(stmt)).first() is not None


async def _votes(conn: AsyncConnection, feed_ids: Collection[int] | None,
                 tenants: Collection[str] | None, before: datetime | None = None) -> list[Any]:
    """One row per vote (feed id, title, url, brief tags, emoji); only ``feed_ids`` when
    given, only votes cast in ``tenants``' destinations (a server counts its own members'
    votes, not another's on a feed both use), and only those cast before ``before`` when
    given. Counted by the callers: tags are JSON, which PostgreSQL cannot group by."""
    query = (
        select(feeds.c.id, feeds.c.title, feeds.c.url, briefs.c.tags, reactions.c.emoji)
        .select_from(reactions.join(outbox, outbox.c.id == reactions.c.outbox_id)
                     .join(destinations, destinations.c.id == outbox.c.destination_id)
                     .join(briefs, briefs.c.id == outbox.c.brief_id)
                     .join(entries, entries.c.id == briefs.c.entry_id)
                     .join(feeds, feeds.c.id == entries.c.feed_id)))
    if feed_ids is not None:
        query = query.where(feeds.c.id.in_(list(feed_ids)))
    if tenants is not None:
        query = query.where(destination_tenant().in_(list(tenants)))
    if before is not None:
        query = query.where(reactions.c.created_at < before)
    return list(await conn.execute(query))


async def vote_counts(conn: AsyncConnection, feed_ids: Collection[int] | None = None,
                      tenants: Collection[str] | None = None
                      ) -> dict[tuple[str, str], Counter[str]]:
    """(feed name, tag) → votes by emoji, for every brief that got a vote; only the feeds
    ``feed_ids`` when given (a server sees its own feeds' votes, as it sees only its feeds)."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for row in await _votes(conn, feed_ids, tenants):
        name = row.title or shown_url(row.url)  # a private feed's token never reaches chat
        for tag in [normalise_tag(str(t)) for t in row.tags or []] or ["-"]:
            counts.setdefault((name, tag), Counter())[row.emoji] += 1
    return counts


async def votes_by_feed(conn: AsyncConnection, feed_ids: Collection[int] | None = None,
                        tenants: Collection[str] | None = None, *,
                        before: datetime | None = None) -> dict[int, Counter[str]]:
    """Feed id → votes by emoji (each vote once, whatever its brief's tags); only those cast
    before ``before`` when given."""
    counts: dict[int, Counter[str]] = {}
    for row in await _votes(conn, feed_ids, tenants, before):
        counts.setdefault(int(row.id), Counter())[row.emoji] += 1
    return counts


async def votes_by_tag(conn: AsyncConnection, tenants: Collection[str] | None = None, *,
                       before: datetime | None = None) -> dict[str, Counter[str]]:
    """Canonical tag (as routing compares them) → votes by emoji, each vote once per tag;
    only those cast before ``before`` when given."""
    counts: dict[str, Counter[str]] = {}
    for row in await _votes(conn, None, tenants, before):
        for tag in {canonical_tag(str(t)) for t in row.tags or []}:
            counts.setdefault(tag, Counter())[row.emoji] += 1
    return counts
