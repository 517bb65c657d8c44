"""Pacing state shared by the workers of one database: a GCRA "theoretical arrival time" per key.

With interval ``T = 1/rate`` and ``burst`` b, a send may go at ``max(tat, now) + T - b*T`` (not
before now) and moves ``tat`` to ``max(tat, now) + T``. One ``INSERT … ON CONFLICT DO UPDATE …
RETURNING`` reserves a slot atomically, so concurrent workers get distinct slots.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, literal, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.types import Interval

from bot.store.db import pg_insert
from bot.store.schema import UTCDateTime, pacing


def _slot(tat: datetime, now: datetime, interval: timedelta, burst: int) -> datetime:
    return max(now, max(tat, now) + interval - burst * interval)


async def next_slot(conn: AsyncConnection, key: str, *, now: datetime, interval: timedelta,
                    burst: int) -> datetime:
    """When a send could go, were it reserved now (nothing is changed)."""
    tat = (await conn.execute(select(pacing.c.tat).where(pacing.c.key == key))).scalar()
    return now if tat is None else _slot(tat, now, interval, burst)


async def reserve(conn: AsyncConnection, key: str, *, now: datetime, interval: timedelta,
                  burst: int) -> datetime:
    """Take the next slot for ``key``; returns when the caller may send."""
    start = func.greatest(pacing.c.tat, literal(now, UTCDateTime()))
    stmt = (pg_insert(pacing).values(key=key, tat=now + interval)
            .on_conflict_do_update(index_elements=["key"],
                                   set_={"tat": start + literal(interval, Interval())})
            .returning(pacing.c.tat))
    tat = (await conn.execute(stmt)).scalar_one()
    # tat is now max(old, now) + T: the slot is tat - b*T, never before now
    return max(now, tat - burst * interval)


async def hold(conn: AsyncConnection, key: str, *, until: datetime, interval: timedelta,
               burst: int) -> None:
    """No slot before ``until``, then one: what a platform's Retry-After asks for."""
    tat = until + (burst - 1) * interval
    stmt = (pg_insert(pacing).values(key=key, tat=tat)
            .on_conflict_do_update(index_elements=["key"],
                                   set_={"tat": func.greatest(pacing.c.tat,
                                                              literal(tat, UTCDateTime()))}))
    await conn.execute(stmt)
