"""Worker heartbeats: a process beats every few seconds while it runs, so that its leases (feeds
being polled, outbox rows being sent) can be taken over soon after it dies, instead of when
the lease runs out. A process with no heartbeat row (``run --once``, tests) keeps plain lease
expiry: only an owner that beat and then went quiet is taken for dead."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store.db import dialect_insert
from bot.store.schema import workers

# a worker silent this long is dead: a few missed beats, well under any lease
DEFAULT_GRACE = timedelta(seconds=15)
BEAT_SECONDS = 5.0


async def beat(conn: AsyncConnection, worker_id: str, *, now: datetime,
               down: dict[str, str] | None = None) -> None:
    """This process is alive; ``down``: its adapters that failed to start, and why."""
    values = {"seen_at": now, "down": down or None}
    await conn.execute(dialect_insert(conn.dialect.name, workers)
                       .values(id=worker_id, **values)
                       .on_conflict_do_update(index_elements=["id"], set_=values))


async def adapters_down(conn: AsyncConnection, *, now: datetime,
                        grace: timedelta = DEFAULT_GRACE) -> dict[str, dict[str, str]]:
    """Live workers' failed adapters: {worker id: {adapter: error}}."""
    rows = await conn.execute(select(workers.c.id, workers.c.down)
                              .where(workers.c.seen_at >= now - grace))
    return {row.id: dict(row.down) for row in rows if row.down}


async def forget(conn: AsyncConnection, worker_id: str) -> None:
    """A clean stop: this id no longer runs (its leases were given back)."""
    await conn.execute(delete(workers).where(workers.c.id == worker_id))


def lease_free(owner: Any, until: Any, *, now: datetime,
               grace: timedelta = DEFAULT_GRACE) -> Any:
    """SQL: a lease nobody holds, one that ran out, or one whose owner stopped beating."""
    dead = select(workers.c.id).where(workers.c.seen_at < now - grace)
    return or_(until.is_(None), until < now, owner.in_(dead))

