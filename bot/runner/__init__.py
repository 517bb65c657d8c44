"""Running the bot: a thin wrapper around APScheduler's AsyncIOScheduler (poll tick, digest
tick) plus the outbox worker, with a clean stop on SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot import metrics
from bot.app import App
from bot.commands import CommandCore
from bot.config import HealthSettings
from bot.delivery import Adapter, HostsRoutes, SingleConnection
from bot.logs import get_log
from bot.routing.digest import fire_due_digests
from bot.runner.health import AdapterStatus, adapter_status, health_routes, serve_health
from bot.runner.leader import AdvisoryLock
from bot.store import workers as worker_store
from bot.store.outage import Outage

if TYPE_CHECKING:  # the type only: the dashboard (aiohttp, Jinja2) loads when it is served
    from bot.dashboard import DashboardServer

log = get_log(__name__)


def health_on_listener(health: HealthSettings, listener: bool) -> bool:
    """Whether /healthz, /readyz and /metrics ride on an adapter's public HTTP listener
    (``HostsRoutes``): only when there is one and the operator sets
    ``health.on_slack_listener`` (the documented key); otherwise served where ``health`` says."""
    return health.enabled and listener and health.on_slack_listener


def health_on_slack(health: HealthSettings, slack_http: bool) -> bool:
    """The old name of ``health_on_listener``, kept for callers of the released API."""
    return health_on_listener(health, slack_http)


def single_connection(adapters: Mapping[str, Adapter]) -> tuple[str, SingleConnection] | None:
    """The adapter that holds one connection for the whole bot, if any (its name, itself)."""
    return next(((name, adapter) for name, adapter in adapters.items()
                 if isinstance(adapter, SingleConnection)), None)


class Runner:
    def __init__(self, app: App, commands: CommandCore, *, shutdown_grace: float = 20.0,
                 beat_seconds: float = worker_store.BEAT_SECONDS,
                 start_backoff: float = 5.0, start_backoff_max: float = 300.0) -> None:
        self.app = app
        self.shutdown_grace = shutdown_grace
        self.commands = commands
        self.stop = asyncio.Event()
        # The heartbeat ends on this, not on `stop`: polls and the outbox worker go on after
        # the signal (grace, clean-up), and a silent worker's leases are taken for dead.
        self._done = asyncio.Event()
        self.hurry = asyncio.Event()  # a second SIGINT/SIGTERM: stop without the grace period
        self._running: set[asyncio.Task[None]] = set()
        self._background: set[asyncio.Task[None]] = set()
        # one worker holds the single connection; the lock is named after its adapter
        self.gateway = single_connection(app.adapters)
        holder = self.gateway[0] if self.gateway else "none"
        self.gateway_lock = AdvisoryLock(app.db, f"newsbrief:{holder}-gateway")
        self.beat_seconds = beat_seconds
        self.start_backoff = start_backoff
        self.start_backoff_max = start_backoff_max
        # adapters that failed to start, and why: reported by /readyz, `check` and the log
        self.failed: dict[str, str] = {}
        # the pipeline's and the outbox's lease owner (both host:pid); each beats
        self.owners = sorted({app.pipeline.owner, app.worker.worker_id})

    def request_stop(self) -> None:
        """The first SIGINT/SIGTERM finishes the polls in flight (up to the grace period); the
        second stops at once: an unfinished feed committed nothing and is polled again."""
        if not self.stop.is_set():
            self.stop.set()
        elif not self.hurry.is_set():
            self.hurry.set()
            log.warning("newsbrief.stopping_now", reason="second signal")

    async def _finish_polls(self) -> None:
        """Let a poll in flight finish its batch (each feed commits atomically). One still
        running after the grace period, or a second signal, is cancelled and gives its leases
        back (poll_due)."""
        running = set(self._running)
        if not running:
            return
        log.warning("newsbrief.finishing", fetches=self.app.pipeline.in_flight,
                    grace_s=self.shutdown_grace, hint="Ctrl-C again to stop now")
        finished = asyncio.ensure_future(asyncio.wait(running))
        hurried = asyncio.ensure_future(self.hurry.wait())
        await asyncio.wait({finished, hurried}, timeout=self.shutdown_grace,
                           return_when=asyncio.FIRST_COMPLETED)
        finished.cancel()
        hurried.cancel()
        late = {task for task in running if not task.done()}
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late, timeout=10)  # their clean-up: leases given back

    # -- adapters and liveness -----------------------------------------------------------------

    def adapter_status(self) -> AdapterStatus:
        base = adapter_status(self.app.adapters)

        def status() -> dict[str, bool]:
            return {name: ok and name not in self.failed for name, ok in base().items()}
        return status

    async def _start_adapter(self, name: str, adapter: Adapter) -> bool:
        """One try; on failure the adapter's rows wait (the others keep delivering)."""
        try:
            await adapter.start(self.commands.handle)
        except Exception as exc:  # a refused token must not stop the other platforms
            self.failed[name] = f"{type(exc).__name__}: {exc}"[:300]
            self.app.worker.down.add(name)
            log.error("adapter.start_failed", adapter=name, error=self.failed[name])
            return False
        if self.failed.pop(name, None) is not None:
            log.info("adapter.started", adapter=name, after_failure="true")
        self.app.worker.down.discard(name)
        return True

    async def _keep_starting(self, name: str, adapter: Adapter) -> None:
        delay = self.start_backoff
        while not self.stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stop.wait(), timeout=delay)
            if self.stop.is_set() or await self._start_adapter(name, adapter):
                return
            delay = min(delay * 2, self.start_backoff_max)

    async def _beat(self) -> None:
        """Heartbeat: another worker takes this process's leases soon after it stops beating,
        so it beats until the last of its work has finished (``_done``), not until the signal."""
        outage = Outage(log, "heartbeat")
        while not self._done.is_set():
            try:
                async with self.app.db.begin() as conn:
                    for owner in self.owners:
                        await worker_store.beat(conn, owner, now=self.app.pipeline.clock(),
                                                down=dict(self.failed))
                outage.ok()
            except Exception as exc:  # the database is down: leases lapse on their own meanwhile
                problem = outage.failed(exc)
                if problem:
                    log.error("worker.heartbeat_failed", error=problem, failures=outage.failures)
                else:
                    log.exception("worker.heartbeat_failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._done.wait(), timeout=self.beat_seconds)

    def _spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.create_task(work, name=name)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _job(self, name: str,
             work: Callable[[], Awaitable[object]]) -> Callable[[], Awaitable[None]]:
        outage = Outage(log, name)

        async def run() -> None:
            task = asyncio.current_task()
            assert task is not None
            self._running.add(task)
            try:
                await work()
                outage.ok()
            except asyncio.CancelledError:  # cut short by a stop (see run): not a failure
                log.info("job.cancelled", job=name)
            except Exception as exc:  # a failed tick is logged and the next one tries again
                problem = outage.failed(exc)
                if problem:
                    log.error("job.failed", job=name, error=problem, failures=outage.failures)
                else:
                    log.exception("job.failed", job=name)
            finally:
                self._running.discard(task)
        return run

    async def _poll(self) -> None:
        # Claim in batches, so that several workers sharing one database share the due feeds
        # instead of the first one to tick taking them all.
        batch = self.app.settings.polling.concurrency * 2
        started, polled = time.monotonic(), 0
        while not self.stop.is_set():
            stats = await self.app.pipeline.poll_due(limit=batch, batch=True)
            if not stats.feeds:
                break
            polled += stats.feeds
            log.info("poll.batch", feeds=stats.feeds, new=stats.new_items, briefs=stats.briefs,
                     failed=stats.failed)
            self.app.worker.notify()
        if polled:  # the cycle is every batch of this tick, not each batch alone
            metrics.observe_poll_cycle(time.monotonic() - started)

    async def _take_gateway(self) -> None:
        """A standby worker takes the single connection over when its holder has gone."""
        if self.gateway is not None and not self.gateway_lock.held \
                and await self.gateway_lock.try_acquire():
            name, adapter = self.gateway
            log.info("gateway.taken_over", platform=name)
            await adapter.open_gateway()

    async def _digests(self) -> None:
        await fire_due_digests(self.app.db, now=self.app.pipeline.clock(),
                               empty_note=self.app.settings.delivery.empty_digest_note,
                               stories=self.app.settings.delivery.digest_stories)

    async def _start_dashboard(self) -> DashboardServer | None:
        """The web dashboard (bot/dashboard), when configured; None when off or it failed."""
        if not self.app.settings.dashboard.enabled:
            return None
        # aiohttp's web server and Jinja2: loaded only for a bot that serves the dashboard
        from bot.dashboard import serve_dashboard

        return await serve_dashboard(self.app)

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self.request_stop)
        health_settings = self.app.settings.health
        health = None
        listener = next((adapter for adapter in self.app.adapters.values()
                         if isinstance(adapter, HostsRoutes) and adapter.serves_http), None)
        if listener is not None and health_on_listener(health_settings, True):
            # Opted in: the adapter's public HTTP server carries the health routes, one port.
            listener.extra_routes.extend(health_routes(
                db=self.app.db, adapters=self.adapter_status()))
        elif health_settings.enabled:
            health = await serve_health(health_settings.host, health_settings.port,
                                        db=self.app.db, adapters=self.adapter_status())
        try:
            dashboard = await self._start_dashboard()
        except BaseException:  # a busy dashboard port is fatal, as a busy health port is
            if health is not None:
                await health.cleanup()
            raise
        standby = False
        if self.gateway is not None and self.gateway[1].wants_gateway \
                and not await self.gateway_lock.try_acquire():
            holder, connection = self.gateway
            connection.hold_gateway()
            standby = True
            log.info("gateway.elsewhere", holder=holder, delivering="rest_only")
        heartbeat = asyncio.create_task(self._beat(), name="heartbeat")  # not _background:
        # that is awaited before the beat may stop
        for name, adapter in self.app.adapters.items():
            if not await self._start_adapter(name, adapter):
                self._spawn(self._keep_starting(name, adapter), f"start-{name}")
        scheduler = AsyncIOScheduler(timezone="UTC")
        polling = self.app.settings.polling
        now = datetime.now(scheduler.timezone)
        scheduler.add_job(self._job("poll", self._poll), "interval", seconds=polling.tick,
                          next_run_time=now, max_instances=1, coalesce=True, id="poll")
        scheduler.add_job(self._job("digest", self._digests), "interval", seconds=30,
                          next_run_time=now, max_instances=1, coalesce=True, id="digest")
        if standby:
            scheduler.add_job(self._job("gateway", self._take_gateway), "interval", seconds=30,
                              max_instances=1, coalesce=True, id="gateway")
        scheduler.start()
        worker = asyncio.create_task(self.app.worker.run_forever(self.stop))
        log.info("newsbrief.started", adapters=",".join(self.app.adapters))
        await self.stop.wait()
        log.info("newsbrief.stopping")
        scheduler.pause()  # no new ticks; the poll loop sees `stop` between batches
        await self._finish_polls()
        scheduler.shutdown(wait=False)
        await worker
        if dashboard is not None:
            await dashboard.stop()
        await asyncio.gather(*self._background, return_exceptions=True)
        self._done.set()  # all work has finished: the last beat, then the row is forgotten
        await heartbeat
        try:
            async with self.app.db.begin() as conn:
                for owner in self.owners:  # a clean stop: leases were given back
                    await worker_store.forget(conn, owner)
        except Exception:
            log.exception("worker.forget_failed")
        if health is not None:
            await health.cleanup()
        await self.gateway_lock.release()
