"""Keeps the Discord gateway connected, and says when it is not.

discord.py's ``Client.connect`` reconnects by itself after most drops, but its task can end for
good (an exception it does not catch, such as a RESUMED answered with an invalid payload, or a
close code it treats as final) while ``is_ready()`` still says True, and a connection whose
heartbeats go unacknowledged is only noticed after a minute. The supervisor runs that task,
restarts it with exponential backoff when it ends or stops heartbeating, reports the gateway
down (``up``, read by /readyz and ``newsbrief_adapter_up``) until READY or RESUMED is seen
again, and gives up, saying why, on the close codes that no retry can fix."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.logs import get_log

log = get_log(__name__)

# Close codes after which reconnecting cannot succeed: report them, do not spin.
FATAL = {
    4004: "authentication failed (4004): DISCORD_TOKEN is wrong or was reset; set the bot's "
          "current token and restart",
    4010: "invalid shard (4010): check discord.shard_count",
    4011: "sharding required (4011): set discord.shard_count",
    4012: "invalid API version (4012)",
    4013: "invalid intents (4013)",
    4014: "disallowed intents (4014): the bot asked for a privileged intent that is not "
          "enabled in the Developer Portal",
}
BACKOFF_BASE = 1.0  # seconds before the first restart; doubled each time, with jitter
BACKOFF_MAX = 300.0
# A connection counts as recovered only after this long up: one that reaches READY and dies
# seconds later each time (a payload it cannot parse) must not IDENTIFY once a second, since
# Discord resets a token after about 1,000 IDENTIFYs a day.
STABLE_AFTER = 60.0
STALE_BEATS = 2.5  # heartbeat intervals without an acknowledgement before the link is dead


def fatal_reason(exc: BaseException | None) -> str | None:
    """Why no reconnect can help after ``exc``, or None when one may."""
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return FATAL[4014]
    if isinstance(exc, discord.LoginFailure):
        return FATAL[4004]
    if isinstance(exc, discord.ConnectionClosed):
        return FATAL.get(exc.code)
    return None


def describe(exc: BaseException | None) -> str:
    if exc is None:
        return "the connection task ended"
    if isinstance(exc, discord.ConnectionClosed):
        return f"closed with {exc.code}"
    return f"{type(exc).__name__}: {exc}"[:300]


def last_ack_age(client: discord.Client) -> tuple[float, float] | None:
    """Seconds since the last heartbeat acknowledgement, and the heartbeat interval; None
    before HELLO. discord.py keeps these on its keep-alive thread and exposes no public
    accessor (``latency`` is the last round trip, which never goes stale), so they are read
    here, defensively: a missing attribute reads as "unknown", never as dead."""
    keep_alive: Any = getattr(getattr(client, "ws", None), "_keep_alive", None)
    last_ack = getattr(keep_alive, "_last_ack", None)
    interval = getattr(keep_alive, "interval", None)
    if not isinstance(last_ack, float) or not isinstance(interval, float | int) or not interval:
        return None
    return time.perf_counter() - last_ack, float(interval)


class GatewaySupervisor:
    """Runs ``client.connect`` in a task and restarts it; ``up`` while it is connected."""

    def __init__(self, client: discord.Client, *, login: Callable[[], Awaitable[object]],
                 check_every: float = 1.0, stale_beats: float = STALE_BEATS,
                 backoff_base: float = BACKOFF_BASE, backoff_max: float = BACKOFF_MAX,
                 stable_after: float = STABLE_AFTER) -> None:
        self.client = client
        self._login = login
        self.check_every = check_every
        self.stale_beats = stale_beats
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.stable_after = stable_after
        self.sleep: Callable[[float], Awaitable[None]] = asyncio.sleep  # tests gate it
        self.fatal: str | None = None  # set when the supervisor gave up
        self.down_reason: str | None = None  # why it is down now (None while up)
        self.restarts = 0
        self._connected = False  # READY or RESUMED seen since the last disconnect
        self._task: asyncio.Task[None] | None = None
        self._connection: asyncio.Task[None] | None = None
        for name, handler in (("on_ready", self._on_up), ("on_resumed", self._on_up),
                              ("on_disconnect", self._on_disconnect)):
            setattr(client, name, handler)  # what client.event does, without the decorator

    async def _on_up(self) -> None:
        self._connected = True
        if self.down_reason is not None:
            log.info("discord.gateway_back", restarts=self.restarts)
        self.down_reason = None

    async def _on_disconnect(self) -> None:
        self._connected = False

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def up(self) -> bool:
        """Connected, READY or RESUMED, and heartbeats acknowledged."""
        return (self._connection is not None and not self._connection.done()
                and self._connected and self.client.is_ready() and not self.stale())

    def stale(self) -> bool:
        found = last_ack_age(self.client)
        return found is not None and found[0] > self.stale_beats * found[1]

    def start(self) -> None:
        if not self.running:
            self._task = asyncio.create_task(self._run(), name="discord-gateway")

    async def stop(self) -> None:
        """Stop supervising; the socket is left for ``client.close()`` to close with 1000."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        await self._end_connection(close_socket=False)

    async def _run(self) -> None:
        attempt = 0
        while True:
            self._connected = False
            self._connection = asyncio.create_task(self.client.connect(reconnect=True),
                                                   name="discord-connection")
            reason, exc, stable = await self._watch(self._connection)
            self.down_reason = reason
            self._connected = False
            await self._end_connection()
            fatal = fatal_reason(exc)
            if fatal is not None:
                self.fatal = self.down_reason = fatal
                log.error("discord.gateway_fatal", reason=fatal)
                return
            attempt = 0 if stable else attempt + 1
            delay = min(self.backoff_max, self.backoff_base * 2 ** attempt)
            delay *= random.uniform(0.5, 1.0)  # many bots restarted at once do not stampede
            log.warning("discord.gateway_lost", reason=reason, retry_in=round(delay, 2))
            await self.sleep(delay)
            self.restarts += 1
            try:
                await self._reopen()
            except Exception as exc:
                fatal = fatal_reason(exc)
                if fatal is not None:
                    self.fatal = self.down_reason = fatal
                    log.error("discord.gateway_fatal", reason=fatal)
                    return
                log.warning("discord.gateway_reopen_failed", error=describe(exc))

    async def _watch(self, connection: asyncio.Task[None]
                     ) -> tuple[str, BaseException | None, bool]:
        """Until the connection ends or stops heartbeating: why, the exception, and whether it
        stayed up for ``stable_after`` seconds (which alone resets the backoff)."""
        loop = asyncio.get_running_loop()
        up_since: float | None = None

        def stable() -> bool:
            return up_since is not None and loop.time() - up_since >= self.stable_after

        while True:
            done, _ = await asyncio.wait({connection}, timeout=self.check_every)
            if done:
                exc = connection.exception()
                return describe(exc), exc, stable()
            if self.stale():
                return "heartbeats not acknowledged", None, stable()
            if up_since is None and self.up:
                up_since = loop.time()

    async def _end_connection(self, *, close_socket: bool = True) -> None:
        if self._connection is not None and not self._connection.done():
            self._connection.cancel()
            await asyncio.gather(self._connection, return_exceptions=True)
        ws = self.client.ws
        if close_socket and ws is not None and ws.open:
            await ws.close(code=4000)  # resumable, as discord.py closes a zombie connection

    async def _reopen(self) -> None:
        """A closed client (discord.py closes it on a final close code) is reset and logged
        in again; an open one just connects anew."""
        if self.client.is_closed():
            self.client.clear()
            await self._login()
