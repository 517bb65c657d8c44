"""Digest runs: one row per (destination, scheduled instant), so a digest fires once even with
many workers (the pair is unique)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store.db import dialect_insert
from bot.store.schema import digest_runs


async def claim_run(conn: AsyncConnection, destination_id: int, scheduled_for: datetime, *,
                    now: datetime) -> bool:
    """Record that this digest fired; False when another worker (or an earlier tick) did."""
    values = {"destination_id": destination_id, "scheduled_for": scheduled_for, "created_at": now}
    stmt = (dialect_insert(conn.dialect.name, digest_runs).values(**values)
            .on_conflict_do_nothing(index_elements=["destination_id", "scheduled_for"]))
    # RETURNING, not rowcount: through psycopg a skipped insert reports rowcount -1.
    return (await conn.execute(stmt.returning(digest_runs.c.id))).first() is not None


async def last_run(conn: AsyncConnection, destination_id: int,
                   before: datetime) -> datetime | None:
    """The latest instant before ``before`` for which the destination's digest fired."""
    return (await conn.execute(
        select(digest_runs.c.scheduled_for)
        .where(digest_runs.c.destination_id == destination_id,
               digest_runs.c.scheduled_for < before)
        .order_by(digest_runs.c.scheduled_for.desc()).limit(1)
    )).scalar()
