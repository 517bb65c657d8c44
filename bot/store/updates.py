"""What update replies need: the stored text before an edit, where the original was posted (to
destinations that opted in), and when the last update reply went out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store import tenancy
from bot.store.schema import briefs, destinations, entries, feeds, outbox


@dataclass(frozen=True, slots=True)
class StoredEntry:
    entry_id: int
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class SentCopy:
    destination_id: int
    brief_id: int
    message_id: str  # the first message of the original post: the one replies attach to


async def stored_entry(conn: AsyncConnection, feed_id: int, entry_key: str) -> StoredEntry | None:
    row = (await conn.execute(select(entries.c.id, entries.c.title, entries.c.text).where(
        entries.c.feed_id == feed_id, entries.c.entry_key == entry_key))).first()
    return StoredEntry(int(row.id), row.title, row.text) if row is not None else None


async def sent_copies(conn: AsyncConnection, entry_id: int) -> list[SentCopy]:
    """The original brief's sent posts in destinations with updates on (replies excluded) that
    may still read its feed: the audience is checked again, as the tenancy mode or the feed's
    servers may have changed since the original was sent."""
    readable = await tenancy.readable_by_destination(conn)
    rows = await conn.execute(
        select(outbox.c.destination_id, outbox.c.brief_id, outbox.c.message_ids)
        .select_from(outbox.join(briefs, briefs.c.id == outbox.c.brief_id)
                     .join(entries, entries.c.id == briefs.c.entry_id)
                     .join(feeds, feeds.c.id == entries.c.feed_id)
                     .join(destinations, destinations.c.id == outbox.c.destination_id))
        .where(readable, briefs.c.entry_id == entry_id, outbox.c.state == "sent",
               outbox.c.reply_to.is_(None), destinations.c.updates.is_(True),
               destinations.c.paused_at.is_(None))
        .order_by(outbox.c.id))
    return [SentCopy(int(r.destination_id), int(r.brief_id), str(r.message_ids[0]))
            for r in rows if r.message_ids]


async def recent_update(conn: AsyncConnection, destination_id: int, brief_id: int, *,
                        since: datetime) -> bool:
    found = (await conn.execute(select(outbox.c.id).where(
        outbox.c.destination_id == destination_id, outbox.c.brief_id == brief_id,
        outbox.c.reply_to.is_not(None), outbox.c.created_at > since).limit(1))).first()
    return found is not None


async def mark_update(conn: AsyncConnection, key: str, *, reply_to: str, note: str) -> None:
    await conn.execute(update(outbox).where(outbox.c.key == key)
                       .values(reply_to=reply_to[:64], update_note=note))


async def set_updates(conn: AsyncConnection, destination_id: int, on: bool) -> None:
    await conn.execute(update(destinations).where(destinations.c.id == destination_id)
                       .values(updates=on))
