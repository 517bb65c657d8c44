"""Outbox queries: the worker's claim / send / settle cycle (bot.outbox.worker says what the
states mean) and the unsettled rows the health endpoints and metrics count."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, Select, bindparam, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from bot.store.db import ignoring_conflicts, insert_or_ignore
from bot.store.schema import destinations, outbox, sent_messages
from bot.store.workers import lease_free

PENDING, SENDING, SENT, EXPIRED = "pending", "sending", "sent", "expired"
UNSETTLED = (PENDING, SENDING)
MAX_MESSAGE_ID = 64  # sent_messages.message_id's width: Discord's ids are 20, Slack's 17


async def add(conn: AsyncConnection, *, key: str, destination_id: int, now: datetime,
              brief_id: int | None, digest: dict[str, Any] | None) -> int | None:
    """A pending row, due now, unless ``key`` is queued already; the new row's id, or None.
    ``digest`` is a digest as bot.delivery.serialize stores it."""
    values = {"key": key, "destination_id": destination_id, "brief_id": brief_id,
              "digest": digest, "state": PENDING, "attempts": 0, "next_attempt_at": now,
              "created_at": now}
    return await insert_or_ignore(conn, outbox, values, ["key"])


def _lease_free(worker_id: str, now: datetime, *, sqlite: bool) -> ColumnElement[bool]:
    free = lease_free(outbox.c.lease_owner, outbox.c.lease_until, now=now)
    if sqlite:
        # One process writes a SQLite file: a lease held by another id is a dead process's.
        free = or_(free, outbox.c.lease_owner != worker_id)
    return free


def due(worker_id: str, now: datetime, *, sqlite: bool) -> list[ColumnElement[bool]]:
    """Rows to deliver: pending, due, for a destination not paused, leased by nobody alive."""
    return [outbox.c.state == PENDING, outbox.c.next_attempt_at <= now,
            destinations.c.paused_at.is_(None), _lease_free(worker_id, now, sqlite=sqlite)]


def stale(worker_id: str, now: datetime, *, sqlite: bool,
          inflight: Collection[int] = ()) -> list[ColumnElement[bool]]:
    """Rows left ``sending`` whose lease is free (not those this process is sending now)."""
    where = [outbox.c.state == SENDING, _lease_free(worker_id, now, sqlite=sqlite)]
    if inflight:
        where.append(outbox.c.id.notin_(list(inflight)))
    return where


def claim_query(where: Sequence[Any], platforms: Collection[str], *, limit: int,
                skip_locked: bool) -> Select[Any]:
    """The ids of rows to claim, oldest due first, on ``platforms`` (ref prefixes)."""
    query: Select[Any] = (
        select(outbox.c.id)
        .select_from(outbox.join(destinations, destinations.c.id == outbox.c.destination_id))
        .where(*where, or_(*(destinations.c.ref.startswith(f"{name}:", autoescape=True)
                             for name in platforms)))
        .order_by(outbox.c.next_attempt_at, outbox.c.id)
        .limit(limit))
    if skip_locked:
        # Several workers: each takes rows nobody else holds, without waiting on them.
        query = query.with_for_update(skip_locked=True, of=outbox)
    return query


# The worker runs these for every row it delivers: built once, so a row pays only their
# execution, not their construction and cache keys (issue 26).
_LEASE = (update(outbox).where(outbox.c.id.in_(bindparam("ids", expanding=True)))
          .values(lease_owner=bindparam("owner"), lease_until=bindparam("until")))
_CLAIMED = (
    select(outbox, destinations.c.ref, destinations.c.timezone,
           destinations.c.locale, destinations.c.webhook_url, destinations.c.server,
           destinations.c.template, destinations.c.dm, destinations.c.why_footer)
    .select_from(outbox.join(destinations, destinations.c.id == outbox.c.destination_id))
    .where(outbox.c.id.in_(bindparam("ids", expanding=True)))
    .order_by(outbox.c.next_attempt_at, outbox.c.id))
_MARK_SENDING = (
    update(outbox)
    .where(outbox.c.id == bindparam("row_id"), outbox.c.state == PENDING,
           outbox.c.lease_owner == bindparam("owner"))
    .values(state=SENDING, sending_at=bindparam("now"), attempts=outbox.c.attempts + 1,
            lease_until=bindparam("lease_until")))
_MARK_SENT = (
    update(outbox).where(outbox.c.id == bindparam("row_id"))
    .values(state=SENT, sent_at=bindparam("now"), message_ids=bindparam("message_ids"),
            error=None, lease_owner=None, lease_until=None))
_FORGET_MESSAGES = delete(sent_messages).where(sent_messages.c.outbox_id == bindparam("row_id"))


# A row's message ids; an id already kept for the row is left as it is (a worker whose lease
# lapsed mid-send may settle a row that another worker's reconcile settled first, with the
# same message).
_KEEP_MESSAGES = ignoring_conflicts(sent_messages, ("message_id", "outbox_id"))


async def claim(conn: AsyncConnection, query: Select[Any], *, owner: str,
                until: datetime) -> list[Row[Any]]:
    """Lease the rows ``query`` picks to ``owner``; each with its destination's fields."""
    ids = list((await conn.execute(query)).scalars())
    if not ids:
        return []
    await conn.execute(_LEASE, {"ids": ids, "owner": owner, "until": until})
    return list((await conn.execute(_CLAIMED, {"ids": ids})).all())


async def release(conn: AsyncConnection, row_ids: Sequence[int], *, owner: str,
                  due: datetime | None = None) -> None:
    """Give back pending rows ``owner`` leased and did not send; ``due``: not before then."""
    later = {} if due is None else {"next_attempt_at": due}
    await conn.execute(update(outbox)
                       .where(outbox.c.id.in_(list(row_ids)), outbox.c.state == PENDING,
                              outbox.c.lease_owner == owner)
                       .values(lease_owner=None, lease_until=None, **later))


async def mark_sending(conn: AsyncConnection, row_id: int, *, owner: str, now: datetime,
                       lease_until: datetime) -> bool:
    """``pending → sending``, committed before the adapter is called; False when the lease
    lapsed and another worker took the row."""
    claimed = await conn.execute(_MARK_SENDING, {"row_id": row_id, "owner": owner, "now": now,
                                                  "lease_until": lease_until})
    return claimed.rowcount == 1


async def set_row(conn: AsyncConnection, row_id: int, **values: Any) -> None:
    await conn.execute(update(outbox).where(outbox.c.id == row_id).values(**values))


async def mark_sent(conn: AsyncConnection, row_id: int, message_ids: Sequence[str], *,
                    now: datetime, first: bool = False) -> None:
    """Settle a row as sent (no lease, no error) with the platform ids of its messages, each
    also kept in ``sent_messages`` so the message behind a link or a reaction is found by an
    index. ``first``: its first attempt, posted by this worker, so no earlier settling left
    ids to clear (issue 26: one statement less per delivered row)."""
    await conn.execute(_MARK_SENT, {"row_id": row_id, "now": now,
                                    "message_ids": list(message_ids)})
    if not first:
        await conn.execute(_FORGET_MESSAGES, {"row_id": row_id})
    found = [m for m in dict.fromkeys(map(str, message_ids)) if 0 < len(m) <= MAX_MESSAGE_ID]
    if found:
        await conn.execute(_KEEP_MESSAGES,
                           [{"message_id": m, "outbox_id": row_id} for m in found])


async def hold_destination(conn: AsyncConnection, destination_id: int, until: datetime) -> None:
    """No pending row of the destination is due before ``until`` (a rate limit's window)."""
    await conn.execute(update(outbox)
                       .where(outbox.c.destination_id == destination_id,
                              outbox.c.state == PENDING, outbox.c.next_attempt_at < until)
                       .values(next_attempt_at=until))


# built once: every batch of the worker's runs it, paused destinations or not (issue 26)
_EXPIRE_HELD = (
    update(outbox)
    .where(outbox.c.state == PENDING,
           outbox.c.destination_id.in_(
               select(destinations.c.id).where(destinations.c.paused_at.is_not(None))),
           outbox.c.created_at < bindparam("before"))
    .values(state=EXPIRED, error=bindparam("error"))
    .returning(outbox.c.destination_id))


async def expire_held(conn: AsyncConnection, *, now: datetime, max_age: timedelta,
                      error: str) -> list[int]:
    """Mark ``expired`` the rows held for a paused destination longer than ``max_age``; the
    destination id of each row expired."""
    result = await conn.execute(_EXPIRE_HELD, {"before": now - max_age, "error": error})
    return [int(r) for r in result.scalars()]


async def outbox_counts(conn: AsyncConnection, destination_id: int) -> dict[str, int]:
    """Rows by state for one destination, for ``/feeds status``."""
    rows = await conn.execute(select(outbox.c.state, func.count())
                              .where(outbox.c.destination_id == destination_id)
                              .group_by(outbox.c.state))
    return {state: int(n) for state, n in rows}


async def unsettled_counts(conn: AsyncConnection) -> dict[str, int]:
    """Rows per unsettled state, counted in the database so every worker reports the same."""
    rows = (await conn.execute(
        select(outbox.c.state, func.count()).where(outbox.c.state.in_(UNSETTLED))
        .group_by(outbox.c.state))).all()
    return {str(state): int(count) for state, count in rows}


async def oldest_unsettled(conn: AsyncConnection) -> dict[str, datetime]:
    """Per destination ref, when its oldest unsettled row was queued."""
    rows = (await conn.execute(
        select(destinations.c.ref, func.min(outbox.c.created_at))
        .select_from(outbox.join(destinations, destinations.c.id == outbox.c.destination_id))
        .where(outbox.c.state.in_(UNSETTLED)).group_by(destinations.c.ref))).all()
    return {str(ref): first for ref, first in rows if first is not None}
