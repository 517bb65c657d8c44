"""The outbox: one row per (message, destination), delivered once through the platform adapters.

A row moves ``pending → sending → sent`` (with the platform's message ids) or ``failed``.
``sending`` is committed *before* the adapter is called, so a crash mid-send leaves evidence:
``reconcile_stale`` asks the adapter whether such a message was in fact posted before anything
is sent again. Adapters with ``exactly_once = False`` (console, webhook) cannot answer and get
the row resent: at-least-once, which is why webhooks carry the key for receivers to dedupe on.

A destination that answers "gone"/"forbidden" is paused (``destinations.paused_at``) and its rows
stay pending, held until an admin resumes it; a 429 holds the destination exactly as long as the
platform asked. Several workers may share a PostgreSQL outbox: rows are claimed with
``FOR UPDATE SKIP LOCKED`` and a lease; on SQLite one process writes.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import socket
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from bot import metrics
from bot.delivery import Adapter, Destination, Digest, Outgoing, Pacing, Receipt
from bot.errors import DeliveryError
from bot.pacing import Buckets, Sleep, TokenBucket
from bot.serialize import digest_from_json, digest_to_json
from bot.store.briefs import load_brief
from bot.store.db import Database
from bot.store.schema import destinations, outbox

log = logging.getLogger(__name__)

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
KEY_MAX = 64


def now_utc() -> datetime:
    return datetime.now(UTC)


def outbox_key(*parts: object) -> str:
    """A deterministic row key: ``outbox_key("b", 12, 34) == "b:12:34"``; long or odd keys become
    ``h:`` plus a sha256 prefix, so the result always fits the 64-character column."""
    text = ":".join(str(p) for p in parts)
    if len(text) <= KEY_MAX and text.isascii() and text.isprintable() and " " not in text:
        return text
    return "h:" + hashlib.sha256(text.encode()).hexdigest()[: KEY_MAX - 2]


# -- enqueue and admin operations --------------------------------------------------------------

async def enqueue(conn: AsyncConnection, *, key: str, destination_id: int, now: datetime,
                  brief_id: int | None = None, digest: Digest | None = None) -> bool:
    """Add a row unless its key exists; True when a row was added. Exactly one of ``brief_id``
    and ``digest`` is given."""
    if (brief_id is None) == (digest is None):
        raise ValueError("enqueue needs exactly one of brief_id and digest")
    if len(key) > KEY_MAX:
        raise ValueError(f"outbox key longer than {KEY_MAX}: use outbox_key()")
    values = {"key": key, "destination_id": destination_id, "brief_id": brief_id,
              "digest": digest_to_json(digest) if digest is not None else None,
              "state": PENDING, "attempts": 0, "next_attempt_at": now, "created_at": now}
    dialect = conn.dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert_ = sqlite_insert if dialect == "sqlite" else pg_insert
        stmt = (insert_(outbox).values(**values)
                .on_conflict_do_nothing(index_elements=["key"]).returning(outbox.c.id))
        # RETURNING, not rowcount: psycopg reports -1 for INSERT … ON CONFLICT DO NOTHING.
        return (await conn.execute(stmt)).first() is not None
    exists = (await conn.execute(select(outbox.c.id).where(outbox.c.key == key))).first()
    if exists:
        return False
    await conn.execute(outbox.insert().values(**values))
    return True


async def pause_destination(conn: AsyncConnection, destination_id: int, reason: str,
                            now: datetime) -> None:
    await conn.execute(update(destinations)
                       .where(destinations.c.id == destination_id,
                              destinations.c.paused_at.is_(None))
                       .values(paused_at=now, paused_reason=reason[:500]))


async def outbox_counts(conn: AsyncConnection, destination_id: int) -> dict[str, int]:
    """Rows by state for one destination, for ``/feeds status``."""
    rows = await conn.execute(select(outbox.c.state, func.count())
                              .where(outbox.c.destination_id == destination_id)
                              .group_by(outbox.c.state))
    return {state: int(n) for state, n in rows}


# -- the worker --------------------------------------------------------------------------------

@dataclass(slots=True)
class _Job:
    id: int
    key: str
    brief_id: int | None
    digest: Any
    attempts: int
    sending_at: datetime | None
    destination_id: int
    destination: Destination
    mention: str | None = None
    reply_to: str | None = None
    update_note: str | None = None


def _default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


class OutboxWorker:
    """Claims due rows and delivers them, paced per destination and per platform.

    An adapter may carry ``platform_pacing: Pacing`` (all its destinations together) besides the
    per-destination ``pacing``. ``worker_id`` must be unique per process: on SQLite a ``sending``
    row owned by another id is taken to be left by a dead process.
    """

    def __init__(self, *, db: Database, adapters: Mapping[str, Adapter], max_attempts: int = 8,
                 worker_id: str | None = None, lease_seconds: float = 60.0,
                 clock: Callable[[], datetime] = now_utc, sleep: Sleep = asyncio.sleep,
                 batch_size: int = 100, concurrency: int = 16, backoff_base: float = 15.0,
                 backoff_max: float = 3600.0, poll_interval: float = 2.0) -> None:
        self.db = db
        self.adapters = dict(adapters)
        self.max_attempts = max_attempts
        self.worker_id = (worker_id or _default_worker_id())[:64]
        self._stop = asyncio.Event()  # replaced by run_forever's own stop event
        self.lease = timedelta(seconds=lease_seconds)
        self.batch_size = batch_size
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.poll_interval = poll_interval
        self._clock = clock
        self._buckets = Buckets(clock=lambda: self._clock().timestamp(), sleep=sleep)
        self._sem = asyncio.Semaphore(concurrency)
        self._inflight: set[int] = set()
        self._wake = asyncio.Event()

    # -- public --------------------------------------------------------------------------------

    def notify(self) -> None:
        """Wake ``run_forever`` now (new rows were enqueued)."""
        self._wake.set()

    def backoff(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.backoff_base * 2 ** max(0, attempts - 1),
                                     self.backoff_max))

    async def reconcile_stale(self) -> int:
        """Settle rows left ``sending`` by a dead process: sent if the adapter finds the message,
        else back to pending (at-least-once for adapters that cannot tell). Returns rows settled."""
        settled = 0
        while True:  # batch by batch; a row that cannot be settled yet is leased, so not retaken
            now = self._clock()
            where = [outbox.c.state == SENDING, self._lease_free(now)]
            if self._inflight:
                where.append(outbox.c.id.notin_(self._inflight))
            jobs = await self._claim(where, now)
            if not jobs:
                return settled
            for job in jobs:
                settled += await self._reconcile(job)

    async def run_once(self) -> int:
        """Deliver one batch of due rows; returns the number of delivery attempts made."""
        now = self._clock()
        jobs = await self._claim([outbox.c.state == PENDING, outbox.c.next_attempt_at <= now,
                                  destinations.c.paused_at.is_(None), self._lease_free(now)],
                                 now)
        if not jobs:
            return 0
        by_destination: dict[int, list[_Job]] = {}
        for job in jobs:
            by_destination.setdefault(job.destination_id, []).append(job)
        lease_end = now + self.lease
        counts: list[int] = []
        async with asyncio.TaskGroup() as group:
            for batch in by_destination.values():
                group.create_task(self._run_destination(batch, lease_end, counts))
        return sum(counts)

    async def run_forever(self, stop: asyncio.Event) -> None:
        self._stop = stop  # a batch in progress stops pacing through its rows when this is set
        await self.reconcile_stale()
        last_reconcile = self._clock()
        while not stop.is_set():
            done = 0
            self._wake.clear()  # a notify() from here on wakes the next idle wait
            try:
                done = await self.run_once()
                if self._clock() - last_reconcile >= self.lease:
                    await self.reconcile_stale()
                    last_reconcile = self._clock()
            except Exception:  # a bad row or a database hiccup must not end delivery
                log.exception("outbox.loop_error", extra={"event": "outbox.loop_error"})
            if done == 0:
                await self._idle(stop)

    # -- claiming ------------------------------------------------------------------------------

    def _lease_free(self, now: datetime) -> Any:
        free = or_(outbox.c.lease_until.is_(None), outbox.c.lease_until < now)
        if self.db.is_sqlite:
            # One process writes a SQLite file: a lease held by another id is a dead process's.
            free = or_(free, outbox.c.lease_owner != self.worker_id)
        return free

    def _platforms(self) -> Any:
        return or_(*(destinations.c.ref.startswith(f"{name}:", autoescape=True)
                     for name in self.adapters))

    def claim_query(self, where: Sequence[Any], *, skip_locked: bool) -> Select[Any]:
        """The ids of rows to claim, oldest due first, on platforms this worker serves."""
        query: Select[Any] = (
            select(outbox.c.id)
            .select_from(outbox.join(destinations, destinations.c.id == outbox.c.destination_id))
            .where(*where, self._platforms())
            .order_by(outbox.c.next_attempt_at, outbox.c.id)
            .limit(self.batch_size))
        if skip_locked:
            # Several workers: each takes rows nobody else holds, without waiting on them.
            query = query.with_for_update(skip_locked=True, of=outbox)
        return query

    async def _claim(self, where: Sequence[Any], now: datetime) -> list[_Job]:
        if not self.adapters:
            return []
        query = self.claim_query(where, skip_locked=not self.db.is_sqlite)
        async with self.db.begin() as conn:
            ids = list((await conn.execute(query)).scalars())
            if not ids:
                return []
            await conn.execute(update(outbox).where(outbox.c.id.in_(ids))
                               .values(lease_owner=self.worker_id, lease_until=now + self.lease))
            rows = (await conn.execute(
                select(outbox, destinations.c.ref, destinations.c.timezone,
                       destinations.c.locale, destinations.c.webhook_url)
                .select_from(outbox.join(destinations,
                                         destinations.c.id == outbox.c.destination_id))
                .where(outbox.c.id.in_(ids))
                .order_by(outbox.c.next_attempt_at, outbox.c.id))).all()
        return [_Job(id=r.id, key=r.key, brief_id=r.brief_id, digest=r.digest,
                     attempts=r.attempts, sending_at=r.sending_at,
                     destination_id=r.destination_id,
                     destination=Destination(ref=r.ref, timezone=r.timezone, locale=r.locale,
                                             webhook_url=r.webhook_url),
                     mention=r.mention, reply_to=r.reply_to, update_note=r.update_note)
                for r in rows]

    async def _release(self, jobs: Sequence[_Job]) -> None:
        if not jobs:
            return
        async with self.db.begin() as conn:
            await conn.execute(update(outbox)
                               .where(outbox.c.id.in_([j.id for j in jobs]),
                                      outbox.c.state == PENDING,
                                      outbox.c.lease_owner == self.worker_id)
                               .values(lease_owner=None, lease_until=None))

    async def _outgoing(self, conn: AsyncConnection, job: _Job) -> Outgoing:
        if job.brief_id is not None:
            return Outgoing(key=job.key, brief=await load_brief(conn, job.brief_id),
                            mention=job.mention, reply_to=job.reply_to,
                            update=job.update_note)
        return Outgoing(key=job.key, digest=digest_from_json(job.digest))

    def _adapter(self, job: _Job) -> Adapter:
        return self.adapters[job.destination.platform]

    # -- delivering ----------------------------------------------------------------------------

    def _bucket(self, job: _Job) -> tuple[TokenBucket, TokenBucket | None]:
        adapter = self._adapter(job)
        platform: Pacing | None = getattr(adapter, "platform_pacing", None)
        return (self._buckets.get(("destination", job.destination_id), adapter.pacing),
                self._buckets.get(("platform", adapter.name), platform) if platform else None)

    async def _run_destination(self, jobs: list[_Job], lease_end: datetime,
                               counts: list[int]) -> None:
        own, platform = self._bucket(jobs[0])
        margin = min(5.0, self.lease.total_seconds() / 4)
        for i, job in enumerate(jobs):
            if self._stop.is_set():
                await self._release(jobs[i:])  # shutting down: give the rest back, now
                return
            left = (lease_end - self._clock()).total_seconds()
            if own.delay() > left - margin:
                await self._release(jobs[i:])  # our turn would come after the lease lapses
                return
            await own.acquire()
            async with self._sem:
                if platform is not None:
                    await platform.acquire()
                outcome = await self._deliver(job, own)
            metrics.delivery(job.destination.platform, outcome)
            counts.append(0 if outcome == "lost" else 1)
            if outcome in ("held", "paused"):
                await self._release(jobs[i + 1:])
                return

    async def _deliver(self, job: _Job, bucket: TokenBucket) -> str:
        now = self._clock()
        try:
            async with self.db.begin() as conn:
                message = await self._outgoing(conn, job)
                claimed = await conn.execute(
                    update(outbox)
                    .where(outbox.c.id == job.id, outbox.c.state == PENDING,
                           outbox.c.lease_owner == self.worker_id)
                    .values(state=SENDING, sending_at=now, attempts=outbox.c.attempts + 1,
                            lease_until=now + self.lease))
                if claimed.rowcount != 1:
                    return "lost"  # the lease lapsed and another worker took the row
        except Exception as exc:  # the content cannot be built: retrying will not help
            log.exception("outbox.unloadable key=%s", job.key, extra={"event": "outbox.failed"})
            await self._set(job.id, state=FAILED, error=f"cannot load message: {exc!r}"[:1000])
            return "failed"
        job.attempts += 1
        self._inflight.add(job.id)
        try:
            try:
                receipt = await self._adapter(job).deliver(job.destination, message)
            except DeliveryError as exc:
                return await self._failed(job, exc, bucket)
            except Exception as exc:
                # The outcome is unknown (it may have been posted): keep it ``sending`` so that
                # reconcile, not a blind resend, decides once the backoff has passed.
                log.warning("outbox.unknown_outcome key=%s error=%r", job.key, exc,
                            extra={"event": "outbox.unknown_outcome"})
                await self._set(job.id, lease_until=self._clock() + self.backoff(job.attempts),
                                error=repr(exc)[:1000])
                return "unknown"
            await self._sent(job, receipt)
            return "sent"
        finally:
            self._inflight.discard(job.id)

    async def _sent(self, job: _Job, receipt: Receipt, *, reconciled: bool = False) -> None:
        now = self._clock()
        await self._set(job.id, state=SENT, sent_at=now, message_ids=list(receipt.message_ids),
                        error=None, lease_owner=None, lease_until=None)
        log.info("outbox.sent key=%s destination=%s attempts=%d reconciled=%s", job.key,
                 job.destination.ref, job.attempts, reconciled,
                 extra={"event": "outbox.sent", "destination": job.destination.ref})

    async def _failed(self, job: _Job, exc: DeliveryError, bucket: TokenBucket) -> str:
        now = self._clock()
        error = f"{type(exc).__name__}: {exc}"[:1000]
        ref = job.destination.ref
        if exc.permanent:
            # Not the message's fault: give the attempt back and hold the row behind the pause.
            async with self.db.begin() as conn:
                await pause_destination(conn, job.destination_id, str(exc) or error, now)
                await self._set(job.id, conn=conn, state=PENDING, attempts=job.attempts - 1,
                                error=error, lease_owner=None, lease_until=None)
            log.warning("outbox.destination_paused destination=%s status=%s reason=%s", ref,
                        exc.status, exc, extra={"event": "outbox.paused", "destination": ref})
            return "paused"
        if exc.retry_after is not None:
            until = now + timedelta(seconds=exc.retry_after)
            bucket.hold(exc.retry_after)
            async with self.db.begin() as conn:
                await self._set(job.id, conn=conn, state=PENDING, attempts=job.attempts - 1,
                                next_attempt_at=until, error=error, lease_owner=None,
                                lease_until=None)
                await conn.execute(update(outbox)
                                   .where(outbox.c.destination_id == job.destination_id,
                                          outbox.c.state == PENDING,
                                          outbox.c.next_attempt_at < until)
                                   .values(next_attempt_at=until))
            log.info("outbox.rate_limited destination=%s retry_after=%.3f", ref, exc.retry_after,
                     extra={"event": "outbox.rate_limited", "destination": ref})
            return "held"
        if job.attempts >= self.max_attempts:
            await self._set(job.id, state=FAILED, error=error, lease_owner=None, lease_until=None)
            log.warning("outbox.failed key=%s destination=%s attempts=%d error=%s", job.key, ref,
                        job.attempts, error, extra={"event": "outbox.failed"})
            return "failed"
        await self._set(job.id, state=PENDING, next_attempt_at=now + self.backoff(job.attempts),
                        error=error, lease_owner=None, lease_until=None)
        log.info("outbox.retry key=%s destination=%s attempts=%d error=%s", job.key, ref,
                 job.attempts, error, extra={"event": "outbox.retry"})
        return "retry"

    async def _reconcile(self, job: _Job) -> int:
        adapter = self._adapter(job)
        attempted = job.sending_at or self._clock()
        try:
            async with self.db.begin() as conn:
                message = await self._outgoing(conn, job)
            receipt = await adapter.reconcile(job.destination, message, attempted)
        except Exception as exc:
            # Cannot tell yet; resending could duplicate, so ask again after a backoff.
            log.warning("outbox.reconcile_error key=%s error=%r", job.key, exc,
                        extra={"event": "outbox.reconcile_error"})
            await self._set(job.id, lease_until=self._clock() + self.backoff(job.attempts))
            return 0
        if receipt is not None:
            await self._sent(job, receipt, reconciled=True)
            return 1
        exhausted = job.attempts >= self.max_attempts
        values: dict[str, Any] = {"error": "not posted; attempts exhausted"} if exhausted else {}
        await self._set(job.id, state=FAILED if exhausted else PENDING,
                        next_attempt_at=self._clock(), lease_owner=None, lease_until=None,
                        **values)
        log.info("outbox.reconciled_unsent key=%s destination=%s exactly_once=%s", job.key,
                 job.destination.ref, adapter.exactly_once,
                 extra={"event": "outbox.reconciled_unsent"})
        return 1

    async def _set(self, row_id: int, *, conn: AsyncConnection | None = None,
                   **values: Any) -> None:
        stmt = update(outbox).where(outbox.c.id == row_id).values(**values)
        if conn is not None:
            await conn.execute(stmt)
            return
        async with self.db.begin() as own:
            await own.execute(stmt)

    async def _idle(self, stop: asyncio.Event) -> None:
        waiters = [asyncio.create_task(stop.wait()), asyncio.create_task(self._wake.wait())]
        try:
            await asyncio.wait(waiters, timeout=self.poll_interval,
                               return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
