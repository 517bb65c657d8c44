"""Running the bot: a thin wrapper around APScheduler's AsyncIOScheduler (poll tick, digest
tick) plus the outbox worker, with a clean stop on SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import App
from bot.commands import CommandCore
from bot.config import HealthSettings
from bot.digest import fire_due_digests
from bot.health import adapter_status, health_routes, serve_health
from bot.leader import AdvisoryLock

if TYPE_CHECKING:
    from bot.dashboard import DashboardServer

log = logging.getLogger(__name__)


def health_on_slack(health: HealthSettings, slack_http: bool) -> bool:
    """Whether /healthz, /readyz and /metrics ride on Slack's public HTTP listener: only when the
    operator sets ``health.on_slack_listener``; otherwise they are served where ``health`` says."""
    return health.enabled and slack_http and health.on_slack_listener


class Runner:
    def __init__(self, app: App, commands: CommandCore, *, shutdown_grace: float = 20.0) -> None:
        self.app = app
        self.shutdown_grace = shutdown_grace
        self.commands = commands
        self.stop = asyncio.Event()
        self._running: set[asyncio.Task[None]] = set()
        self.gateway_lock = AdvisoryLock(app.db, "newsbrief:discord-gateway")

    def _job(self, name: str,
             work: Callable[[], Awaitable[object]]) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            task = asyncio.current_task()
            assert task is not None
            self._running.add(task)
            try:
                await work()
            except asyncio.CancelledError:  # cut short by a stop (see run): not a failure
                log.info("job.cancelled job=%s", name)
            except Exception:  # a failed tick is logged and the next one tries again
                log.exception("job.failed job=%s", name)
            finally:
                self._running.discard(task)
        return run

    async def _poll(self) -> None:
        # Claim in batches, so that several workers sharing one database share the due feeds
        # instead of the first one to tick taking them all.
        batch = self.app.settings.polling.concurrency * 2
        while not self.stop.is_set():
            stats = await self.app.pipeline.poll_due(limit=batch)
            if not stats.feeds:
                return
            log.info("poll.batch feeds=%d new=%d briefs=%d failed=%d", stats.feeds,
                     stats.new_items, stats.briefs, stats.failed)
            self.app.worker.notify()

    async def _take_gateway(self) -> None:
        """A standby worker takes the Discord gateway over when its holder has gone."""
        discord = self.app.adapters.get("discord")
        if discord is not None and not self.gateway_lock.held \
                and await self.gateway_lock.try_acquire():
            log.info("discord.gateway_taken_over")
            await discord.open_gateway()  # type: ignore[attr-defined]

    async def _digests(self) -> None:
        await fire_due_digests(self.app.db, now=self.app.pipeline.clock(),
                               empty_note=self.app.settings.delivery.empty_digest_note,
                               stories=self.app.settings.delivery.digest_stories)

    async def _start_dashboard(self) -> DashboardServer | None:
        """The web dashboard (bot/dashboard), when configured; None when off or it failed."""
        if not self.app.settings.dashboard.enabled:
            return None
        from bot.dashboard import serve_dashboard
        return await serve_dashboard(self.app)

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, self.stop.set)
        health_settings = self.app.settings.health
        health = None
        slack = self.app.adapters.get("slack")
        slack_http = slack is not None and hasattr(slack, "extra_routes") \
            and self.app.settings.slack.mode == "http"
        if health_on_slack(health_settings, slack_http):
            # Opted in: Slack's HTTP-mode server carries the health routes, one port to expose.
            slack.extra_routes.extend(health_routes(  # type: ignore[union-attr]
                db=self.app.db, adapters=adapter_status(self.app.adapters)))
        elif health_settings.enabled:
            health = await serve_health(health_settings.host, health_settings.port,
                                        db=self.app.db,
                                        adapters=adapter_status(self.app.adapters))
        dashboard = await self._start_dashboard()
        discord = self.app.adapters.get("discord")
        standby = False
        if discord is not None and getattr(discord, "wants_gateway", False) \
                and not await self.gateway_lock.try_acquire():
            discord.hold_gateway()  # type: ignore[attr-defined]
            standby = True
            log.info("discord.gateway_elsewhere: delivering over REST only")
        for adapter in self.app.adapters.values():
            await adapter.start(self.commands.handle)
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
        log.info("newsbrief.started adapters=%s", ",".join(self.app.adapters))
        await self.stop.wait()
        log.info("newsbrief.stopping")
        scheduler.pause()  # no new ticks; the poll loop sees `stop` between batches
        # Let a poll in flight finish its batch (each feed commits atomically). One still
        # running after the grace period is cancelled and gives its leases back (poll_due).
        if self._running:
            _, late = await asyncio.wait(set(self._running), timeout=self.shutdown_grace)
            for task in late:
                task.cancel()
            if late:
                await asyncio.wait(late, timeout=10)  # their clean-up: leases given back
        scheduler.shutdown(wait=False)
        await worker
        if dashboard is not None:
            await dashboard.stop()
        if health is not None:
            await health.cleanup()
        await self.gateway_lock.release()
