"""Why each brief of an outbox row was sent (``delivery_reasons``, issue 24.5), and the sent
message behind a link someone asks ``/why`` about."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.models import Reason
from bot.store.destinations import DestinationRow, by_id
from bot.store.schema import briefs, delivery_reasons, destinations, outbox, sent_messages

MAX_VALUE = 512  # the column's width; a longer pattern is cut, not refused: it explains only


@dataclass(frozen=True, slots=True)
class StoryReason:
    brief_id: int | None
    headline: str | None  # None: the brief was pruned since
    reason: Reason


@dataclass(frozen=True, slots=True)
class SentMessage:
    outbox_id: int
    destination: DestinationRow
    digest: bool  # a digest or burst (several stories), not one brief


async def record(conn: AsyncConnection, key: str,
                 reasons: Sequence[tuple[int | None, Reason]]) -> None:
    """Keep why each brief (id, reason) of the outbox row ``key`` was routed to it."""
    outbox_id = (await conn.execute(select(outbox.c.id).where(outbox.c.key == key))).scalar()
    if outbox_id is not None:
        await record_row(conn, int(outbox_id), reasons)


_ADD_REASONS = insert(delivery_reasons)  # built once: every routed brief runs it (issue 26)


async def record_row(conn: AsyncConnection, outbox_id: int,
                     reasons: Sequence[tuple[int | None, Reason]]) -> None:
    """:func:`record` for the outbox row ``outbox_id``."""
    if not reasons:
        return
    await conn.execute(_ADD_REASONS, [
        {"outbox_id": outbox_id, "brief_id": brief_id, "kind": reason.kind,
         "value": reason.value[:MAX_VALUE]} for brief_id, reason in reasons])


async def of_rows(conn: AsyncConnection, outbox_ids: Collection[int]
                  ) -> dict[int, list[StoryReason]]:
    """Outbox id → its reasons, in the order they were recorded (a digest's: its order)."""
    ids = sorted(set(outbox_ids))
    found: dict[int, list[StoryReason]] = {i: [] for i in ids}
    if not ids:
        return found
    rows = await conn.execute(
        select(delivery_reasons, briefs.c.headline)
        .outerjoin(briefs, briefs.c.id == delivery_reasons.c.brief_id)
        .where(delivery_reasons.c.outbox_id.in_(ids)).order_by(delivery_reasons.c.id))
    for row in rows:
        found[int(row.outbox_id)].append(StoryReason(
            None if row.brief_id is None else int(row.brief_id), row.headline,
            Reason(row.kind, row.value)))
    return found


async def find_sent(conn: AsyncConnection, where: str, message_id: str) -> SentMessage | None:
    """The message the bot posted with the platform id ``message_id`` in the destination
    ``where`` (a ref), or anywhere on a platform when ``where`` is only its prefix
    (``discord:``: ids unique across channels). None for anything the bot did not post."""
    if not message_id:
        return None
    query = (select(outbox.c.id, outbox.c.destination_id, outbox.c.brief_id)
             .select_from(sent_messages.join(outbox, outbox.c.id == sent_messages.c.outbox_id)
                          .join(destinations, destinations.c.id == outbox.c.destination_id))
             .where(sent_messages.c.message_id == message_id))
    if where.endswith(":"):
        query = query.where(destinations.c.ref.startswith(where, autoescape=True))
    else:
        query = query.where(destinations.c.ref == where)
    row = (await conn.execute(query.order_by(outbox.c.id).limit(1))).first()
    if row is None:
        return None
    destination = await by_id(conn, int(row.destination_id))
    return None if destination is None else SentMessage(int(row.id), destination,
                                                         row.brief_id is None)
