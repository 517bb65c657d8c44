"""Keeps the Slack Socket Mode connection up, and says when it is not.

slack_sdk's Socket Mode client reconnects a closed or stale session from its own monitor task,
but nothing reports the connection down in the meantime (the adapter said ready whatever
happened), and once that task is gone (cancelled, or ended by an error it did not expect)
nothing reconnects at all. The supervisor checks the client every ``check_every`` seconds:
``up`` for /readyz and ``newsbrief_adapter_up``, and a forced reconnect, with exponential
backoff, when the monitor is gone or the session stays down past ``grace``."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable

from slack_sdk.socket_mode.aiohttp import SocketModeClient

from bot.logs import get_log

log = get_log(__name__)

BACKOFF_BASE = 1.0
BACKOFF_MAX = 300.0


class SocketSupervisor:
    def __init__(self, client: SocketModeClient, *, check_every: float = 1.0,
                 grace: float | None = None, backoff_base: float = BACKOFF_BASE,
                 backoff_max: float = BACKOFF_MAX) -> None:
        self.client = client
        self.check_every = check_every
        # the SDK takes a session for stale after four missed pings; leave it that long first
        self.grace = grace if grace is not None else 4 * client.ping_interval + check_every
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.sleep: Callable[[float], Awaitable[None]] = asyncio.sleep  # tests gate it
        self.restarts = 0
        self.down_reason: str | None = None
        self._task: asyncio.Task[None] | None = None

    def _monitor_alive(self) -> bool:
        monitor = self.client.current_session_monitor
        return monitor is not None and not monitor.done()

    def _problem(self) -> str | None:
        """Why the connection is not up now, or None."""
        client = self.client
        session = client.current_session
        if client.closed:
            return "client closed"
        if session is None or session.closed:
            return "no open session"
        if client.stale:
            return "session stale (pings unanswered)"
        if not self._monitor_alive():
            return "the SDK's session monitor ended"
        return None

    @property
    def up(self) -> bool:
        return self._problem() is None

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="slack-socket-supervisor")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _run(self) -> None:
        down_since: float | None = None
        attempt = 0
        while True:
            await asyncio.sleep(self.check_every)
            problem = self._problem()
            if problem is None:
                if self.down_reason is not None:
                    log.info("slack.socket_back", restarts=self.restarts)
                down_since, attempt, self.down_reason = None, 0, None
                continue
            if self.down_reason is None:
                log.warning("slack.socket_down", reason=problem)
            self.down_reason = problem
            now = time.monotonic()
            down_since = down_since or now
            if self._monitor_alive() and now - down_since < self.grace:
                continue  # the SDK is reconnecting by itself; give it the time it needs
            delay = min(self.backoff_max, self.backoff_base * 2 ** attempt)
            delay *= random.uniform(0.5, 1.0)
            attempt += 1
            log.warning("slack.socket_restart", reason=problem, retry_in=round(delay, 2))
            await self.sleep(delay)
            self.restarts += 1
            try:
                await self.client.connect_to_new_endpoint(force=True)
            except Exception as exc:  # tried again at the next check, after a longer wait
                log.warning("slack.socket_restart_failed", error=type(exc).__name__)
