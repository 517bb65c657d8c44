"""Token buckets on a fake clock, alone and inside the outbox worker."""

from __future__ import annotations

import asyncio
import itertools
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.recording import RecordingAdapter
from bot.delivery import Destination, Outgoing, Pacing, Receipt
from bot.outbox.pacing import Buckets, TokenBucket
from bot.outbox.worker import OutboxWorker
from bot.store import pacing as pacing_store
from bot.store.db import Database
from bot.store.schema import destinations
from tests.support.crash_delivery import EPOCH, seed
from tests.support.dbs import database_url
from tests.support.outbox import FakeClock

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


class Ticks:
    """A float clock for buckets; sleeping moves it (virtual time)."""

    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.t += seconds
        await asyncio.sleep(0)


async def test_burst_then_steady_rate() -> None:
    ticks = Ticks()
    bucket = TokenBucket(2.0, burst=3, clock=ticks, sleep=ticks.sleep)
    times = []
    for _ in range(7):
        await bucket.acquire()
        times.append(round(ticks(), 6))
    assert times == [0.0, 0.0, 0.0, 0.5, 1.0, 1.5, 2.0]


async def test_tokens_refill_while_idle_up_to_burst_only() -> None:
    ticks = Ticks()
    bucket = TokenBucket(1.0, burst=2, clock=ticks, sleep=ticks.sleep)
    await bucket.acquire()
    await bucket.acquire()
    ticks.t = 100.0  # a long quiet spell saves up two tokens, not a hundred
    assert bucket.try_acquire() and bucket.try_acquire()
    assert not bucket.try_acquire()
    assert bucket.delay() == pytest.approx(1.0)


async def test_hold_blocks_exactly_that_long_then_one_token() -> None:
    ticks = Ticks()
    bucket = TokenBucket(10.0, burst=10, clock=ticks, sleep=ticks.sleep)
    bucket.hold(4.0)
    assert bucket.delay() == pytest.approx(4.0)
    await bucket.acquire()
    assert ticks() == pytest.approx(4.0)
    await bucket.acquire()
    assert ticks() == pytest.approx(4.1)  # the bucket refills from the end of the hold
    bucket.hold(1.0)
    bucket.hold(0.5)  # a shorter hold never shortens a longer one
    assert bucket.delay() == pytest.approx(1.0)


async def test_waiters_are_served_in_arrival_order() -> None:
    ticks = Ticks()
    bucket = TokenBucket(1.0, burst=1, clock=ticks, sleep=ticks.sleep)
    order: list[int] = []

    async def take(n: int) -> None:
        await bucket.acquire()
        order.append(n)

    await asyncio.gather(*(take(n) for n in range(5)))
    assert order == [0, 1, 2, 3, 4]
    assert ticks() == pytest.approx(4.0)


async def test_buckets_are_per_key_and_follow_pacing_changes() -> None:
    buckets = Buckets()
    a = buckets.get(1, Pacing(1.0, 1))
    assert buckets.get(1, Pacing(1.0, 1)) is a
    assert buckets.get(2, Pacing(1.0, 1)) is not a
    assert buckets.get(1, Pacing(5.0, 5)) is not a and len(buckets) == 2
    with pytest.raises(ValueError):
        TokenBucket(0, 1)


async def _timed_run(tmp_path: Path, refs: list[str], briefs: int, pacing: Pacing,
                     platform: Pacing | None) -> tuple[dict[str, int], float]:
    """Deliver everything on a fake clock: (sends per ref, virtual seconds it took)."""
    db = Database(database_url(tmp_path))
    await db.migrate()
    await seed(db, briefs=briefs, refs=refs)
    clock = FakeClock()
    rec = RecordingAdapter(pacing=pacing, platform_pacing=platform)
    worker = OutboxWorker(db=db, adapters={"test": rec}, clock=clock, sleep=clock.sleep)
    while await worker.run_once():
        pass
    await db.close()
    sends = {ref: len(rec.keys(ref)) for ref in refs}
    return sends, (clock.now - EPOCH).total_seconds()


class Rendezvous(RecordingAdapter):
    """Each destination's first send waits until every destination's first send has begun:
    a worker that served destinations one after another would never get past the first."""

    def __init__(self, refs: list[str], clock: FakeClock, **kw: object) -> None:
        super().__init__(**kw)  # type: ignore[arg-type]
        self.waiting = set(refs)
        self.everyone = asyncio.Event()
        self.clock = clock
        self.sent_at: dict[str, list[float]] = {ref: [] for ref in refs}

    async def deliver(self, destination: Destination, message: Outgoing) -> Receipt:
        self.sent_at[destination.ref].append((self.clock.now - EPOCH).total_seconds())
        if destination.ref in self.waiting:
            self.waiting.discard(destination.ref)
            if not self.waiting:
                self.everyone.set()
            await asyncio.wait_for(self.everyone.wait(), timeout=10)  # a hang guard only
        return await super().deliver(destination, message)


async def test_worker_paces_each_destination_and_runs_destinations_side_by_side(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Not a measure of the fake clock's total: both destinations' tasks advance the one fake
    # clock while the other does real database I/O, so the total depended on how the I/O
    # interleaved (it did on PostgreSQL). Pacing is each destination's own spacing; side by
    # side is shown by a rendezvous that a one-queue-after-another worker could not pass.
    db = Database(database_url(tmp_path))
    await db.migrate()
    refs = ["test:a", "test:b"]
    await seed(db, briefs=4, refs=refs)
    async with db.read() as conn:
        key_of = {ref: f"destination:{id_}" for id_, ref in
                  (await conn.execute(select(destinations.c.id, destinations.c.ref))).all()}
    # When each send's turn was granted, by pacing key: a local bucket grants a turn when it
    # takes a token (SQLite: one process); shared pacing (PostgreSQL) when it reserves a slot
    # in the database, then sleeps until it.
    clock = FakeClock()
    granted: dict[str, list[float]] = {}
    key_of_bucket: dict[int, str] = {}
    get, acquire, reserve = Buckets.get, TokenBucket.acquire, pacing_store.reserve

    def recording_get(self: Buckets, key: object, pacing: Pacing) -> TokenBucket:
        bucket = get(self, key, pacing)
        key_of_bucket[id(bucket)] = str(key)
        return bucket

    async def recording_acquire(self: TokenBucket) -> None:
        await acquire(self)
        granted.setdefault(key_of_bucket[id(self)], []).append((clock.now - EPOCH).total_seconds())

    async def recording_reserve(conn: AsyncConnection, key: str, **kw: Any) -> datetime:
        at = await reserve(conn, key, **kw)
        granted.setdefault(key, []).append((at - EPOCH).total_seconds())
        return at

    monkeypatch.setattr(Buckets, "get", recording_get)
    monkeypatch.setattr(TokenBucket, "acquire", recording_acquire)
    monkeypatch.setattr(pacing_store, "reserve", recording_reserve)
    rec = Rendezvous(refs, clock, pacing=Pacing(1.0, 1))
    worker = OutboxWorker(db=db, adapters={"test": rec}, clock=clock, sleep=clock.sleep)
    while await worker.run_once():
        pass
    await db.close()
    assert {ref: len(rec.keys(ref)) for ref in refs} == {"test:a": 4, "test:b": 4}
    # Turns are 1 s apart and no send comes before its turn. The sends themselves need not be
    # 1 s apart: on this one fake clock the other destination's sleep moves time on while a
    # row's statements run, so a send can come late and the next one on time (on PostgreSQL,
    # 4 runs in 60 showed turns 0,1,2,3 and sends 0,1,3,3).
    for ref, times in rec.sent_at.items():
        turns = granted[key_of[ref]]
        assert len(turns) == len(times) == 4, (turns, times)
        assert all(b - a >= 1.0 - 1e-6 for a, b in itertools.pairwise(turns)), turns
        assert all(sent >= turn - 1e-6 for turn, sent in zip(turns, times, strict=True)), (
            turns, times)
    assert worker.shared_pacing == (not db.is_sqlite)


async def test_worker_paces_the_platform_across_destinations(tmp_path: Path) -> None:
    refs = [f"test:c{i}" for i in range(6)]
    sends, took = await _timed_run(tmp_path, refs, 1, Pacing(100.0, 10), Pacing(2.0, 1))
    assert set(sends.values()) == {1}
    # Each destination could send at once; the platform's 2/s spreads six sends over 2.5 s.
    assert took == pytest.approx(2.5, abs=0.01)


async def test_slow_destination_rows_are_released_not_waited_on_past_the_lease(
        tmp_path: Path) -> None:
    db = Database(database_url(tmp_path))
    await db.migrate()
    await seed(db, briefs=3, refs=["test:a"])
    clock = FakeClock()
    rec = RecordingAdapter(pacing=Pacing(1 / 600, 1))  # one send per ten minutes
    worker = OutboxWorker(db=db, adapters={"test": rec}, clock=clock, sleep=clock.sleep,
                          lease_seconds=60)
    assert await worker.run_once() == 1
    assert clock.slept == []  # the next turn lies past the lease: given back, not slept on
    assert await worker.run_once() == 0
    clock.advance(600)
    assert await worker.run_once() == 1
    clock.advance(600)
    assert await worker.run_once() == 1
    assert len(rec.keys()) == 3
    await db.close()
