"""Channel and server names for people to read, asked of the adapters that can tell
(``NamesPlaces``), remembered for a while, and never worth a slow or broken page.

``await book.names(channels=[ref, …], servers=[(platform, id), …])`` waits at most
``timeout`` seconds for whatever it does not already know; a lookup still running then goes on
in the background and its answer is there for the next page. Anything unknown, failed, timed
out or on a platform that cannot name places reads as its raw id. A failure is remembered for
``failed_ttl`` so a platform that is down is not asked again on every page; a definitive
"no such channel / no access" (the adapter's ``DeliveryError`` with ``permanent``) as long as a
name, ``ttl``: asking again soon would get the same refusal, and Discord bans a bot's address
after 10,000 refused requests in 10 minutes. ``cached_channels`` are shown by name only when
it is already known (a dropdown of every channel in scope): a page never asks the platform
about more places than it shows."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.delivery.contract import Destination, NamesPlaces
from bot.errors import DeliveryError
from bot.logs import get_log

log = get_log(__name__)

TTL = 600.0  # seconds a name is trusted: channels are renamed rarely
FAILED_TTL = 60.0  # seconds before a failed lookup is tried again
TIMEOUT = 1.0  # seconds a page waits for names it does not know yet
CONCURRENCY = 4  # lookups in flight at once: a long list must not burst the platform's limits
MAX_NAME = 100  # characters shown (Discord's and Slack's own limit is 100 and 80)

Key = tuple[str, str, str]  # ("channel", platform, ref) or ("server", platform, id)


def _channel(ref: str) -> Key:
    return ("channel", ref.split(":", 1)[0], ref)


@dataclass(frozen=True, slots=True)
class Names:
    """What a page shows for each place: its name when known, else its id."""

    known: Mapping[Key, str] = field(default_factory=dict)

    def channel(self, ref: str) -> str:
        return self.known.get(_channel(ref), ref)

    def server(self, platform: str, server: str) -> str:
        return self.known.get(("server", platform, server), server)

    def has_channel(self, ref: str) -> bool:
        return _channel(ref) in self.known


class NameBook:
    """The cache in front of every adapter's ``channel_name`` / ``server_name``."""

    def __init__(self, adapters: Mapping[str, Any], *, ttl: float = TTL,
                 failed_ttl: float = FAILED_TTL, timeout: float = TIMEOUT,
                 clock: Callable[[], float] = time.monotonic) -> None:
        # only the adapters that can name places; the rest show ids
        self._namers = {name: a for name, a in adapters.items() if isinstance(a, NamesPlaces)}
        self._ttl, self._failed_ttl, self._timeout = ttl, failed_ttl, timeout
        self._clock = clock
        self._seen: dict[Key, tuple[str | None, float]] = {}  # name (None: none) and until
        self._running: dict[Key, asyncio.Task[None]] = {}
        self._gate = asyncio.Semaphore(CONCURRENCY)

    async def names(self, *, channels: Iterable[str] = (),
                    servers: Iterable[tuple[str, str]] = (),
                    cached_channels: Iterable[str] = ()) -> Names:
        keys = [_channel(ref) for ref in channels]
        keys += [("server", platform, server) for platform, server in servers if server]
        waiting = [self._lookup(key) for key in dict.fromkeys(keys) if self._due(key)]
        if waiting:
            # what is not back in time stays running and is shown from the next page on
            await asyncio.wait(waiting, timeout=self._timeout)
        known: dict[Key, str] = {}
        for key in keys + [_channel(ref) for ref in cached_channels]:
            name, _until = self._seen.get(key, (None, 0.0))
            if name:
                known[key] = name
        return Names(known)

    async def close(self) -> None:
        """Stop the lookups still running (the dashboard is stopping)."""
        running = list(self._running.values())
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)

    def _due(self, key: Key) -> bool:
        if key[1] not in self._namers:
            return False
        seen = self._seen.get(key)
        return seen is None or seen[1] <= self._clock()

    def _lookup(self, key: Key) -> asyncio.Task[None]:
        task = self._running.get(key)
        if task is None:
            task = asyncio.create_task(self._ask(key))
            self._running[key] = task
            task.add_done_callback(lambda _t: self._running.pop(key, None))
        return task

    async def _ask(self, key: Key) -> None:
        kind, platform, value = key
        adapter = self._namers[platform]
        ask: Awaitable[str | None] = (adapter.channel_name(Destination(value)) if kind == "channel"
                                      else adapter.server_name(value))
        try:
            async with self._gate:
                name = await ask
        except Exception as exc:  # any failure of any platform: the page shows the id
            refused = isinstance(exc, DeliveryError) and exc.permanent  # gone or forbidden
            log.warning("names.lookup_failed", kind=kind, platform=platform,
                        error=type(exc).__name__, refused=refused)
            self._seen[key] = (None, self._clock() + (self._ttl if refused
                                                       else self._failed_ttl))
            return
        shown = " ".join(name.split())[:MAX_NAME] if name else None
        self._seen[key] = (shown, self._clock() + self._ttl)
