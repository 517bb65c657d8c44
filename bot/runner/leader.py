"""One holder of a role across worker processes, by a PostgreSQL session advisory lock.

Used so that only one process keeps Discord's gateway (and all its shards) open while every
process delivers over REST. The lock lives as long as its connection: a killed holder's session
ends and the next process to ask takes over. No consensus of our own."""

from __future__ import annotations

import hashlib

from bot.logs import get_log
from bot.store import AsyncConnection, Database
from bot.store.locks import advisory_unlock, try_advisory_lock

log = get_log(__name__)


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for ``name`` (pg advisory locks take a bigint)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


class AdvisoryLock:
    def __init__(self, db: Database, name: str) -> None:
        self.db = db
        self.name = name
        self.key = lock_key(name)
        self._conn: AsyncConnection | None = None

    @property
    def held(self) -> bool:
        return self._conn is not None

    async def try_acquire(self) -> bool:
        """True when this process holds the role (always, on SQLite: one process per file)."""
        if self.db.is_sqlite or self._conn is not None:
            return True
        conn = await self.db.engine.connect()
        try:
            got = await try_advisory_lock(conn, self.key)
            await conn.commit()  # keep the session (and its lock), end the transaction
        except Exception:
            await conn.close()
            raise
        if not got:
            await conn.close()
            return False
        self._conn = conn
        log.info("leader.acquired", role=self.name)
        return True

    async def release(self) -> None:
        if self._conn is not None:
            # Closing returns the connection to the pool with its session, and so the lock,
            # still alive: unlock first. (A killed process's session ends with it.)
            await advisory_unlock(self._conn, self.key)
            await self._conn.commit()
            await self._conn.close()
            self._conn = None
