"""A controllable clock, the outbox's rows and a worker on the recording adapter, for the outbox
tests."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from sqlalchemy import select

from adapters.recording import RecordingAdapter
from bot.outbox.worker import OutboxWorker
from bot.store.db import Database
from bot.store.schema import outbox
from tests.support.crash_delivery import EPOCH
from tests.support.dbs import db  # noqa: F401  (the fixture, for the outbox tests)


class FakeClock:
    """A datetime clock that moves only when told, or when a sleeper waits on it."""

    def __init__(self, start: datetime = EPOCH) -> None:
        self.now = start
        self.slept: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)

    async def sleep(self, seconds: float) -> None:
        # One virtual time for everyone: a sleeper moves it on by its wait. Tasks that sleep
        # while others do real I/O therefore see time jump; assert spacing, not totals.
        self.slept.append(seconds)
        self.now = max(self.now, self.now + timedelta(seconds=seconds))
        await asyncio.sleep(0)


async def rows(db: Database) -> dict[str, dict[str, object]]:
    async with db.begin() as conn:
        result = (await conn.execute(select(outbox))).mappings().all()
    return {r["key"]: dict(r) for r in result}


def lease_expires(db: Database, clock: FakeClock, w: OutboxWorker) -> None:
    """On PostgreSQL other workers' leases are honoured until they expire (several workers
    share the outbox); on SQLite one process owns the file, so a dead one's rows are taken at
    once. Move the clock past the lease where that matters."""
    if not db.is_sqlite:
        clock.advance(w.lease.total_seconds() + 1)


def worker(db: Database, rec: RecordingAdapter, clock: FakeClock, **kw: object) -> OutboxWorker:
    return OutboxWorker(db=db, adapters={rec.name: rec}, clock=clock, sleep=clock.sleep,
                        **kw)  # type: ignore[arg-type]
