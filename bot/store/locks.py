"""PostgreSQL session advisory locks (bot.runner.leader holds a role with one)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection


async def try_advisory_lock(conn: AsyncConnection, key: int) -> bool:
    """Take the session lock ``key`` if nobody holds it; held until unlocked or the session
    ends."""
    return bool((await conn.execute(text("SELECT pg_try_advisory_lock(:key)"),
                                    {"key": key})).scalar())


async def advisory_unlock(conn: AsyncConnection, key: int) -> None:
    await conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
