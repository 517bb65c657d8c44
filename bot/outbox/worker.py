"""The outbox: one row per (message, destination), delivered once through the platform adapters.

A row moves ``pending → sending → sent`` (with the platform's message ids) or ``failed``.
``sending`` is committed *before* the adapter is called, so a crash mid-send leaves evidence:
``reconcile_stale`` asks the adapter whether such a message was in fact posted before anything
is sent again. An answer that does not prove failure (a 5xx, a connection lost after the
request went out: ``DeliveryError(uncertain=True)`` or any unexpected exception) leaves the row
``sending`` too: "sent, outcome unknown" lives in the row, so a restart reconciles it as well.
Adapters with ``exactly_once = False`` (console, webhook) cannot answer and get the row resent:
at-least-once, which is why webhooks carry the key for receivers to dedupe on.

Each state is a transaction of its own: ``sending`` before the adapter is called, ``sent`` as
soon as the platform answers, before anything of the next row (its pacing, its load). Writing a
row's ``sent`` in the next row's ``sending`` transaction saved about 1.6% of a changed feed's
instructions (issue 26), not worth its cases on the path a crash depends on.

A message of several parts (``PartsAdapter``: a long digest, a thread) records each part's id
in ``outbox.parts`` as it goes, so a retry after a failure, a restart, or another worker posts
only the missing parts.

A destination that answers "gone"/"forbidden" is paused (``destinations.paused_at``); rows
routed to it meanwhile are held (pending) and go out in order on resume, unless they grow
older than ``held_max_age`` first: then they are marked ``expired`` (counted, logged). A 429
holds the destination exactly as long as the platform asked, for every worker. Several workers
may share a PostgreSQL outbox: rows are claimed with ``FOR UPDATE SKIP LOCKED`` and a lease,
taken over when the lease ends or its owner's heartbeat stops; pacing is shared through the
database too. On SQLite one process writes.
"""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select

from bot import metrics
from bot.clock import now_utc
from bot.delivery import (
    Adapter,
    Destination,
    Outgoing,
    PacesRequests,
    Pacing,
    PartsAdapter,
    PlatformPaced,
    Receipt,
)
from bot.delivery.serialize import (
    digest_from_json,
    notice_from_json,
    outgoing_json_is_notice,
)
from bot.errors import DeliveryError
from bot.filters.reasons import because
from bot.logs import get_log
from bot.outbox.pacing import Buckets, LocalPace, Pace, SharedPace, Sleep
from bot.store import AsyncConnection
from bot.store import destinations as dest_store
from bot.store import outbox as outbox_store
from bot.store import reasons as reason_store
from bot.store.briefs import load_brief
from bot.store.db import Database
from bot.store.outage import Outage, database_problem
from bot.store.outbox import outbox_counts as outbox_counts  # its old home: CLI, tests

log = get_log(__name__)

PENDING, SENDING, SENT, FAILED, EXPIRED = "pending", "sending", "sent", "failed", "expired"


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
    parts: dict[int, str]  # parts already posted: index → message id
    queued_at: datetime | None = None  # for the queued→posted latency metric
    mention: str | None = None
    reply_to: str | None = None
    update_note: str | None = None
    tenant: str | None = None  # whose feeds it may name (bot.store.tenancy)
    dm: bool = False  # a member's own DMs: its footer says "you follow"
    why_footer: bool = False  # the destination wants "Sent because …" under each brief


def _default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


class Unrenderable(Exception):
    """The adapter could not render a row's message (a bug, or content it cannot handle):
    nothing of it was posted, and trying again renders the same way."""


def _render(adapter: PartsAdapter, job: _Job, message: Outgoing) -> Sequence[Any]:
    try:
        return adapter.render(job.destination, message)
    except Exception as exc:
        raise Unrenderable(f"cannot render message: {exc!r}") from exc


def _parts_from_row(value: Any) -> dict[int, str]:
    return {int(k): str(v) for k, v in (value or {}).items()}


def _parts_to_row(parts: Mapping[int, str]) -> dict[str, str]:
    return {str(k): v for k, v in sorted(parts.items())}


class OutboxWorker:
    """Claims due rows and delivers them, paced per destination and per platform.

    An adapter may carry ``platform_pacing: Pacing`` (all its destinations together) besides the
    per-destination ``pacing``. ``worker_id`` must be unique per process: on SQLite a ``sending``
    row owned by another id is taken to be left by a dead process. ``down`` names platforms
    whose adapter is not running (failed to start): their rows wait, untouched.
    """

    def __init__(self, *, db: Database, adapters: Mapping[str, Adapter], max_attempts: int = 8,
                 worker_id: str | None = None, lease_seconds: float = 60.0,
                 clock: Callable[[], datetime] = now_utc, sleep: Sleep = asyncio.sleep,
                 batch_size: int = 100, concurrency: int = 16, backoff_base: float = 15.0,
                 backoff_max: float = 3600.0, poll_interval: float = 2.0,
                 held_max_age: timedelta | None = None, takeover_seconds: float = 10.0,
                 shared_pacing: bool | None = None) -> None:
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
        self.held_max_age = held_max_age
        # how often run_forever looks for rows a dead worker left (its heartbeat went quiet)
        self.takeover = timedelta(seconds=takeover_seconds)
        self.down: set[str] = set()
        self._clock = clock
        self._sleep = sleep
        # several processes can only share a PostgreSQL database: pace through it there
        self.shared_pacing = (not db.is_sqlite) if shared_pacing is None else shared_pacing
        self._buckets = Buckets(clock=lambda: self._clock().timestamp(), sleep=sleep)
        self._shared: dict[tuple[str, Pacing], SharedPace] = {}
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
        """Settle rows left ``sending`` (by a dead process, or an answer that proved nothing):
        sent if the adapter finds the message, else back to pending (at-least-once for
        adapters that cannot tell). Returns rows settled."""
        settled = 0
        while True:  # batch by batch; a row that cannot be settled yet is leased, so not retaken
            now = self._clock()
            jobs = await self._claim(outbox_store.stale(
                self.worker_id, now, sqlite=self.db.is_sqlite, inflight=self._inflight), now)
            if not jobs:
                return settled
            for job in jobs:
                settled += await self._reconcile(job)

    async def expire_held(self) -> int:
        """Rows held for a paused destination past ``held_max_age`` are dropped (``expired``),
        counted by ``feeds status`` and logged, never silently."""
        if self.held_max_age is None:
            return 0
        now = self._clock()
        async with self.db.begin() as conn:
            expired = await outbox_store.expire_held(
                conn, now=now, max_age=self.held_max_age,
                error=f"held past {self.held_max_age} while paused")
        for destination_id in sorted(set(expired)):
            count = expired.count(destination_id)
            log.warning("outbox.held_expired", destination_id=destination_id, count=count,
                        max_age=self.held_max_age)
        return len(expired)

    async def run_once(self) -> int:
        """Deliver one batch of due rows; returns the number of delivery attempts made."""
        await self.expire_held()
        now = self._clock()
        jobs = await self._claim(outbox_store.due(self.worker_id, now,
                                                  sqlite=self.db.is_sqlite), now)
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
        outage = Outage(log, "outbox")
        while not stop.is_set():
            done = 0
            self._wake.clear()  # a notify() from here on wakes the next idle wait
            try:
                done = await self.run_once()
                if self._clock() - last_reconcile >= self.takeover:
                    await self.reconcile_stale()
                    last_reconcile = self._clock()
                outage.ok()
            except Exception as exc:  # a bad row or a database hiccup must not end delivery
                problem = outage.failed(exc)
                if problem:
                    log.error("outbox.loop_error", error=problem, failures=outage.failures)
                else:
                    log.exception("outbox.loop_error")
            if done == 0:
                await self._idle(stop)

    # -- claiming ------------------------------------------------------------------------------

    def claim_query(self, where: Sequence[Any], *, skip_locked: bool) -> Select[Any]:
        """The ids of rows to claim, oldest due first, on platforms this worker serves."""
        return outbox_store.claim_query(
            where, [name for name in self.adapters if name not in self.down],
            limit=self.batch_size, skip_locked=skip_locked)

    async def _claim(self, where: Sequence[Any], now: datetime) -> list[_Job]:
        if not set(self.adapters) - self.down:
            return []
        query = self.claim_query(where, skip_locked=not self.db.is_sqlite)
        async with self.db.begin() as conn:
            rows = await outbox_store.claim(conn, query, owner=self.worker_id,
                                            until=now + self.lease)
        return [_Job(id=r.id, key=r.key, brief_id=r.brief_id, digest=r.digest,
                     attempts=r.attempts, sending_at=r.sending_at,
                     destination_id=r.destination_id,
                     destination=Destination(ref=r.ref, timezone=r.timezone, locale=r.locale,
                                             webhook_url=r.webhook_url, template=r.template),
                     parts=_parts_from_row(r.parts),
                     queued_at=r.created_at,
                     mention=r.mention, reply_to=r.reply_to, update_note=r.update_note,
                     tenant=r.server or r.ref, dm=bool(r.dm), why_footer=bool(r.why_footer))
                for r in rows]

    async def _release(self, jobs: Sequence[_Job]) -> None:
        if not jobs:
            return
        async with self.db.begin() as conn:
            await outbox_store.release(conn, [j.id for j in jobs], owner=self.worker_id)

    async def _outgoing(self, conn: AsyncConnection, job: _Job) -> Outgoing:
        if job.brief_id is not None:
            brief = await load_brief(conn, job.brief_id, job.destination.locale,
                                     tenants=None if job.tenant is None else (job.tenant,))
            if job.why_footer:  # said as the destination is set now, not when it was routed
                found = (await reason_store.of_rows(conn, [job.id]))[job.id]
                if found:
                    brief.why = because(found[0].reason, dm=job.dm,
                                        locale=job.destination.locale)
            return Outgoing(key=job.key, brief=brief, mention=job.mention,
                            reply_to=job.reply_to, update=job.update_note)
        if outgoing_json_is_notice(job.digest):
            return Outgoing(key=job.key, notice=notice_from_json(job.digest))
        return Outgoing(key=job.key, digest=digest_from_json(job.digest))

    def _adapter(self, job: _Job) -> Adapter:
        return self.adapters[job.destination.platform]

    # -- delivering ----------------------------------------------------------------------------

    def _pace(self, key: str, pacing: Pacing) -> Pace:
        if not self.shared_pacing:
            return LocalPace(self._buckets.get(key, pacing))
        shared = self._shared.get((key, pacing))
        if shared is None:
            shared = SharedPace(self.db, key, pacing, clock=self._clock, sleep=self._sleep)
            self._shared[(key, pacing)] = shared
        return shared

    def _paces(self, job: _Job) -> tuple[Pace, Pace | None]:
        adapter = self._adapter(job)
        platform = adapter.platform_pacing if isinstance(adapter, PlatformPaced) else None
        shared = self._pace(f"platform:{adapter.name}", platform) if platform else None
        if shared is not None and isinstance(adapter, PacesRequests):
            adapter.pace_request = shared.acquire  # its look-ups take turns as its posts do
        return self._pace(f"destination:{job.destination_id}", adapter.pacing), shared

    async def _run_destination(self, jobs: list[_Job], lease_end: datetime,
                               counts: list[int]) -> None:
        own, platform = self._paces(jobs[0])
        margin = min(5.0, self.lease.total_seconds() / 4)
        i = 0
        while i < len(jobs):
            job = jobs[i]
            if self._stop.is_set():
                await self._release(jobs[i:])  # shutting down: give the rest back, now
                return
            left = (lease_end - self._clock()).total_seconds()
            if await own.delay() > left - margin:
                await self._release(jobs[i:])  # our turn would come after the lease lapses
                return
            async with self._sem:
                outcome = await self._deliver(job, own, platform, lease_end)
            if outcome != "sent":  # counted once its ``sent`` commits (_sent)
                metrics.delivery(job.destination.platform, outcome)
            counts.append(0 if outcome == "lost" else 1)
            if outcome in ("paused", "deferred"):
                await self._release(jobs[i + 1:])
                return
            if outcome != "held":  # held: the same row again once the window ends
                i += 1

    async def _deliver(self, job: _Job, own: Pace, platform: Pace | None,
                       lease_end: datetime) -> str:
        """Send one row; its outcome."""
        adapter = self._adapter(job)
        multi = adapter if isinstance(adapter, PartsAdapter) else None
        if multi is None:  # one send: take its turn before the row is marked sending
            await self._turn(own, platform)
        now = self._clock()
        try:
            async with self.db.begin() as conn:
                message = await self._sending(conn, job, now)
        except Exception as exc:
            problem = database_problem(exc)
            if problem is not None:  # the database's, not the row's: it goes out later
                return await self._database_deferred(job, problem)
            # The content cannot be built: retrying will not help.
            log.exception("outbox.failed", reason="unloadable", key=job.key)
            await self._set(job.id, state=FAILED, error=f"cannot load message: {exc!r}"[:1000])
            return "failed"
        if message is None:
            return "lost"  # the lease lapsed and another worker took the row
        job.attempts += 1
        job.sending_at = now
        self._inflight.add(job.id)
        try:
            try:
                if multi is not None:
                    receipt = await self._post_parts(multi, job, message, own, platform)
                else:
                    receipt = await adapter.deliver(job.destination, message)
            except Unrenderable as exc:
                return await self._unrenderable(job, exc)
            except DeliveryError as exc:
                if exc.uncertain:
                    return await self._unknown(job, exc)
                return await self._failed(job, exc, own, lease_end)
            except Exception as exc:
                return await self._unknown(job, exc)
            try:
                await self._sent(job, receipt)
            except Exception as exc:  # posted, not recorded: sending, for reconcile to find
                return await self._unknown(job, exc)
            return "sent"
        finally:
            self._inflight.discard(job.id)

    async def _sending(self, conn: AsyncConnection, job: _Job, now: datetime) -> Outgoing | None:
        message = await self._outgoing(conn, job)
        if not await outbox_store.mark_sending(conn, job.id, owner=self.worker_id, now=now,
                                               lease_until=now + self.lease):
            return None
        return message

    async def _database_deferred(self, job: _Job, problem: str) -> str:
        """The ``sending`` transaction failed for the database's sake (locked past its busy
        timeout, the connection dropped): nothing was posted and the row is still ``pending``,
        so it is given back, due after a backoff, with its attempts untouched. Should the give
        back fail too, its lease lapses on its own."""
        log.warning("outbox.deferred", reason="database", key=job.key,
                    destination=job.destination.ref, error=problem)
        async with self.db.begin() as conn:
            await outbox_store.release(conn, [job.id], owner=self.worker_id,
                                       due=self._clock() + self.backoff(job.attempts + 1))
        return "deferred"

    async def _unrenderable(self, job: _Job, exc: Unrenderable) -> str:
        # Rendering is deterministic: this row would raise the same way on every retry and
        # every reconcile, so it fails now, with the reason, instead of being re-leased forever.
        log.error("outbox.failed", reason="unrenderable", key=job.key,
                  destination=job.destination.ref, error=str(exc))
        await self._set(job.id, state=FAILED, error=str(exc)[:1000], lease_owner=None,
                        lease_until=None, parts=_parts_to_row(job.parts) if job.parts else None)
        return "failed"

    async def _turn(self, own: Pace, platform: Pace | None) -> None:
        await own.acquire()
        if platform is not None:
            await platform.acquire()

    async def _post_parts(self, adapter: PartsAdapter, job: _Job, message: Outgoing,
                          own: Pace, platform: Pace | None) -> Receipt:
        """Post the parts not yet up, recording each one's id in the row as soon as it is."""
        parts = _render(adapter, job, message)
        for index, part in enumerate(parts):
            if index in job.parts:
                continue
            await self._turn(own, platform)
            earlier = [job.parts[i] for i in range(index)]
            job.parts[index] = await adapter.post_part(job.destination, message, index, part,
                                                       earlier)
            await self._set(job.id, parts=_parts_to_row(job.parts))
        return Receipt([job.parts[i] for i in range(len(parts))])

    async def _unknown(self, job: _Job, exc: BaseException) -> str:
        # The outcome is unknown (it may have been posted): keep it ``sending`` so that
        # reconcile, not a blind resend, decides once the backoff has passed.
        log.warning("outbox.unknown_outcome", key=job.key, error=repr(exc))
        await self._set(job.id, lease_until=self._clock() + self.backoff(job.attempts),
                        error=repr(exc)[:1000])
        return "unknown"

    async def _sent(self, job: _Job, receipt: Receipt, *, reconciled: bool = False) -> None:
        """Write ``sent`` in a transaction of its own; once committed, the delivery and latency
        metrics and the log line."""
        now = self._clock()
        async with self.db.begin() as conn:
            await outbox_store.mark_sent(conn, job.id, receipt.message_ids, now=now,
                                         first=job.attempts == 1 and not reconciled)
        if not reconciled:  # a delivery attempt of this worker's (reconcile is none)
            metrics.delivery(job.destination.platform, SENT)
        if job.brief_id is not None and job.queued_at is not None:  # digests wait on purpose
            metrics.brief_posted(job.destination.platform, (now - job.queued_at).total_seconds())
        log.info("outbox.sent", key=job.key, destination=job.destination.ref, attempts=job.attempts,
                 reconciled=reconciled)

    async def _failed(self, job: _Job, exc: DeliveryError, own: Pace,
                      lease_end: datetime) -> str:
        now = self._clock()
        error = f"{type(exc).__name__}: {exc}"[:1000]
        ref = job.destination.ref
        if exc.permanent:
            # Not the message's fault: give the attempt back and hold the row behind the pause.
            async with self.db.begin() as conn:
                await dest_store.pause_if_active(conn, job.destination_id, str(exc) or error,
                                                 now=now)
                await self._set(job.id, conn=conn, state=PENDING, attempts=job.attempts - 1,
                                error=error, lease_owner=None, lease_until=None)
            log.warning("outbox.destination_paused", destination=ref, status=exc.status, reason=exc)
            return "paused"
        if exc.retry_after is not None:
            until = now + timedelta(seconds=exc.retry_after)
            await own.hold(exc.retry_after)  # shared pacing: every worker waits it out
            # Keep the lease when the window ends inside it: this batch resumes the destination
            # as soon as it may, instead of after every other destination's turn.
            keep = until < lease_end - timedelta(seconds=min(5.0, self.lease.total_seconds() / 4))
            async with self.db.begin() as conn:
                await self._set(job.id, conn=conn, state=PENDING, attempts=job.attempts - 1,
                                next_attempt_at=until, error=error,
                                lease_owner=self.worker_id if keep else None,
                                lease_until=lease_end if keep else None)
                await outbox_store.hold_destination(conn, job.destination_id, until)
            log.info("outbox.rate_limited", destination=ref, retry_after=round(exc.retry_after, 3))
            return "held" if keep else "deferred"
        if job.attempts >= self.max_attempts:
            await self._set(job.id, state=FAILED, error=error, lease_owner=None, lease_until=None)
            log.warning("outbox.failed", key=job.key, destination=ref, attempts=job.attempts,
                        error=error)
            return "failed"
        await self._set(job.id, state=PENDING, next_attempt_at=now + self.backoff(job.attempts),
                        error=error, lease_owner=None, lease_until=None)
        log.info("outbox.retry", key=job.key, destination=ref, attempts=job.attempts, error=error)
        return "retry"

    async def _reconcile(self, job: _Job) -> int:
        adapter = self._adapter(job)
        attempted = job.sending_at or self._clock()
        receipt: Receipt | None = None
        try:
            async with self.db.begin() as conn:
                message = await self._outgoing(conn, job)
            if isinstance(adapter, PartsAdapter):
                expected = len(_render(adapter, job, message))  # first: find_parts renders too
                found = await adapter.find_parts(job.destination, message, attempted)
                job.parts.update(found or {})
                if all(i in job.parts for i in range(expected)):
                    receipt = Receipt([job.parts[i] for i in range(expected)])
            else:
                receipt = await adapter.reconcile(job.destination, message, attempted)
        except Unrenderable as exc:
            await self._unrenderable(job, exc)
            return 1
        except Exception as exc:
            # Cannot tell yet; resending could duplicate, so ask again after a backoff.
            log.warning("outbox.reconcile_error", key=job.key, error=repr(exc))
            await self._set(job.id, lease_until=self._clock() + self.backoff(job.attempts))
            return 0
        if receipt is not None:
            await self._sent(job, receipt, reconciled=True)
            return 1
        exhausted = job.attempts >= self.max_attempts
        values: dict[str, Any] = {"error": "not posted; attempts exhausted"} if exhausted else {}
        await self._set(job.id, state=FAILED if exhausted else PENDING,
                        next_attempt_at=self._clock(), lease_owner=None, lease_until=None,
                        parts=_parts_to_row(job.parts) if job.parts else None, **values)
        log.info("outbox.reconciled_unsent", key=job.key, destination=job.destination.ref,
                 exactly_once=adapter.exactly_once, parts_up=len(job.parts))
        return 1

    async def _set(self, row_id: int, *, conn: AsyncConnection | None = None,
                   **values: Any) -> None:
        if conn is not None:
            await outbox_store.set_row(conn, row_id, **values)
            return
        async with self.db.begin() as own:
            await outbox_store.set_row(own, row_id, **values)

    async def _idle(self, stop: asyncio.Event) -> None:
        waiters = [asyncio.create_task(stop.wait()), asyncio.create_task(self._wake.wait())]
        try:
            await asyncio.wait(waiters, timeout=self.poll_interval,
                               return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
