"""Token buckets that pace sends per destination and per platform, with a hold for 429s.

``TokenBucket`` paces one process. ``SharedPace`` paces every worker sharing a PostgreSQL
database: the bucket's state is one row (``bot.store.pacing``), so N workers together send no
faster than one would, and a 429 seen by one of them holds the key for all."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Protocol

from bot.delivery import Pacing
from bot.store import pacing as pacing_store
from bot.store.db import Database

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
_EPSILON = 1e-6


class TokenBucket:
    """``rate`` tokens a second, at most ``burst`` saved up; ``acquire()`` waits for one.

    Waiters are served in arrival order (``asyncio.Lock`` is FIFO), so a busy destination cannot
    starve a later caller. ``hold(seconds)`` empties the bucket until then: what a platform's
    Retry-After asks for. The clock and the sleep are injectable so tests run on a fake clock.
    """

    def __init__(self, rate: float, burst: int = 1, *, clock: Clock = time.monotonic,
                 sleep: Sleep = asyncio.sleep) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be > 0 and burst >= 1")
        self.rate = float(rate)
        self.burst = int(burst)
        self._clock = clock
        self._sleep = sleep
        self._tokens = float(burst)
        self._updated = clock()
        self._held_until = float("-inf")
        self._lock = asyncio.Lock()

    @classmethod
    def from_pacing(cls, pacing: Pacing, *, clock: Clock = time.monotonic,
                    sleep: Sleep = asyncio.sleep) -> TokenBucket:
        return cls(pacing.rate, pacing.burst, clock=clock, sleep=sleep)

    def _refill(self, now: float) -> None:
        start = max(self._updated, self._held_until)
        if now > start:
            self._tokens = min(float(self.burst), self._tokens + (now - start) * self.rate)
        self._updated = max(now, self._updated)

    def delay(self) -> float:
        """Seconds until a token would be free, were nobody else waiting."""
        now = self._clock()
        self._refill(now)
        hold = max(0.0, self._held_until - now)
        return hold + max(0.0, 1.0 - self._tokens) / self.rate

    def try_acquire(self) -> bool:
        """Take a token if one is free now, without waiting."""
        if self._lock.locked() or self.delay() > _EPSILON:
            return False
        self._tokens -= 1.0
        return True

    async def acquire(self) -> None:
        async with self._lock:
            while True:
                wait = self.delay()
                if wait <= _EPSILON:  # float timestamps blur below a microsecond
                    self._tokens -= 1.0
                    return
                await self._sleep(wait)

    def hold(self, seconds: float) -> None:
        """No token for ``seconds`` from now, then exactly one: the platform said "not before",
        not "a burst is fine after", so the bucket refills from there."""
        now = self._clock()
        self._refill(now)
        until = now + max(0.0, seconds)
        if until > self._held_until:
            self._held_until = until
            self._tokens = 1.0


class Pace(Protocol):
    """What the outbox asks of a pacer, local or shared."""

    async def delay(self) -> float: ...

    async def acquire(self) -> None: ...

    async def hold(self, seconds: float) -> None: ...


class LocalPace:
    """A ``TokenBucket`` behind the ``Pace`` interface: one process (SQLite, or no sharing)."""

    def __init__(self, bucket: TokenBucket) -> None:
        self.bucket = bucket

    async def delay(self) -> float:
        return self.bucket.delay()

    async def acquire(self) -> None:
        await self.bucket.acquire()

    async def hold(self, seconds: float) -> None:
        self.bucket.hold(seconds)


class SharedPace:
    """A bucket kept in the database (GCRA): ``acquire`` reserves the next free slot in one
    atomic statement, then sleeps until it. Slots are handed out across processes, so the
    rate holds for all of them together; the clock is the worker's (injectable for tests)."""

    def __init__(self, db: Database, key: str, pacing: Pacing, *,
                 clock: Callable[[], datetime], sleep: Sleep = asyncio.sleep) -> None:
        self.db = db
        self.key = key
        self.interval = timedelta(seconds=1.0 / pacing.rate)
        self.burst = pacing.burst
        self._clock = clock
        self._sleep = sleep

    async def delay(self) -> float:
        now = self._clock()
        async with self.db.read() as conn:
            at = await pacing_store.next_slot(conn, self.key, now=now, interval=self.interval,
                                              burst=self.burst)
        return max(0.0, (at - now).total_seconds())

    async def acquire(self) -> None:
        now = self._clock()
        async with self.db.begin() as conn:
            at = await pacing_store.reserve(conn, self.key, now=now, interval=self.interval,
                                            burst=self.burst)
        wait = (at - self._clock()).total_seconds()
        if wait > _EPSILON:
            await self._sleep(wait)

    async def hold(self, seconds: float) -> None:
        until = self._clock() + timedelta(seconds=max(0.0, seconds))
        async with self.db.begin() as conn:
            await pacing_store.hold(conn, self.key, until=until, interval=self.interval,
                                    burst=self.burst)


class Buckets:
    """Lazily made buckets by key (a destination id, a platform name), all on one clock."""

    def __init__(self, *, clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep) -> None:
        self._clock = clock
        self._sleep = sleep
        self._buckets: dict[object, TokenBucket] = {}

    def get(self, key: object, pacing: Pacing) -> TokenBucket:
        bucket = self._buckets.get(key)
        if bucket is None or (bucket.rate, bucket.burst) != (pacing.rate, pacing.burst):
            bucket = TokenBucket.from_pacing(pacing, clock=self._clock, sleep=self._sleep)
            self._buckets[key] = bucket
        return bucket

    def __len__(self) -> int:
        return len(self._buckets)
