"""The address guard enforced at connect, for httpx clients: an httpcore network backend that
resolves a name once, keeps the addresses ``bot.netguard``'s policy allows and opens the socket
to a vetted address literal, and the transport that uses it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

from bot import netguard
from bot.errors import BlockedAddress
from bot.logs import get_log
from bot.netguard import ALLOW_HINT, AddressPolicy, Resolver

log = get_log("bot.netguard")  # the logger its refusals were always logged under


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that connects only to addresses the policy allows."""

    def __init__(self, policy: AddressPolicy, *, resolver: Resolver | None = None,
                 inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._policy = policy
        self._resolver = resolver
        self._inner = inner or httpcore.AnyIOBackend()

    async def _addresses(self, host: str, port: int, timeout: float | None) -> list[str]:
        # The module-level resolve is looked up per call so tests can monkeypatch it.
        resolver = self._resolver or netguard.resolve
        try:
            async with asyncio.timeout(timeout):
                return await resolver(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"resolving {host} timed out") from None
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror or exc}") from None

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self._addresses(host, port, timeout)
        allowed = [a for a in addresses if self._policy.is_allowed(a)]
        if not allowed:
            log.warning("netguard.refused", host=host, addresses=",".join(addresses))
            raise BlockedAddress(f"{host} resolves only to refused addresses ({ALLOW_HINT})")
        last: Exception | None = None
        for address in allowed:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc  # try the next vetted address, as happy-eyeballs would
        assert last is not None
        raise last

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress("unix sockets are not allowed")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx transport whose connections go through :class:`GuardedBackend`; never via a proxy."""

    def __init__(self, policy: AddressPolicy, *, limits: httpx.Limits | None = None,
                 resolver: Resolver | None = None, verify: bool = True) -> None:
        limits = limits or httpx.Limits(max_connections=100, max_keepalive_connections=20)
        # trust_env=False: no proxy or SSL_CERT_FILE from the environment can reroute requests.
        # One context for both pools: loading the CA bundle costs ~50 ms of CPU each time.
        ssl_context = httpx.create_ssl_context(verify=verify, trust_env=False)
        super().__init__(verify=ssl_context, trust_env=False, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=False,
            network_backend=GuardedBackend(policy, resolver=resolver),
        )
