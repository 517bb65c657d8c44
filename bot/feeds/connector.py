"""The address guard (bot.netguard) for aiohttp, which the fetcher uses: a name is resolved by
``bot.netguard.resolve`` and only the addresses the policy allows are handed to the connector,
and the socket factory vets the exact address each socket is about to connect to. The second
check is the one that cannot be bypassed: an IP literal skips aiohttp's resolver, and a DNS
answer that changes between two lookups (rebinding) is judged where it is used.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

from bot import netguard
from bot.errors import BlockedAddress
from bot.logs import get_log
from bot.netguard import ALLOW_HINT, AddressPolicy, Resolver

log = get_log(__name__)

AddrInfo = tuple[int, int, int, str, tuple[Any, ...]]


class GuardedResolver(AbstractResolver):
    """Resolves through ``bot.netguard.resolve`` (or ``resolver``) and keeps only the addresses
    the policy allows; a name with none left is refused with the reason."""

    def __init__(self, policy: AddressPolicy, *, resolver: Resolver | None = None,
                 timeout: float | None = None) -> None:
        self._policy = policy
        self._resolver = resolver
        self._timeout = timeout

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        # Looked up per call, as GuardedBackend does, so tests can monkeypatch it.
        resolver = self._resolver or netguard.resolve
        try:
            async with asyncio.timeout(self._timeout):
                addresses = await resolver(host, port)
        except TimeoutError:
            raise aiohttp.ConnectionTimeoutError(f"resolving {host} timed out") from None
        allowed = [a for a in addresses if self._policy.is_allowed(a)]
        if not allowed:
            log.warning("netguard.refused", host=host, addresses=",".join(addresses))
            raise BlockedAddress(f"{host} resolves only to refused addresses ({ALLOW_HINT})")
        return [{"hostname": host, "host": address, "port": port,
                 "family": socket.AF_INET6 if ":" in address else socket.AF_INET,
                 "proto": 0, "flags": socket.AI_NUMERICHOST} for address in allowed]

    async def close(self) -> None:
        return None


def guarded_socket_factory(policy: AddressPolicy) -> Any:
    """A socket factory for aiohttp's connector that refuses to create a socket for an address
    the policy does not allow: the last check, on the address actually connected to."""

    def make(addr_info: AddrInfo) -> socket.socket:
        family, kind, proto, _, sockaddr = addr_info
        address = str(sockaddr[0])
        if not policy.is_allowed(address):
            log.warning("netguard.refused", addresses=address)
            raise BlockedAddress(f"address refused: {address} ({ALLOW_HINT})")
        return socket.socket(family=family, type=kind, proto=proto)

    return make


def guarded_connector(policy: AddressPolicy, *, ssl_context: Any, connect_timeout: float,
                      resolver: Resolver | None = None) -> aiohttp.TCPConnector:
    """A connection pool whose every connection goes to an address ``policy`` allows.
    Addresses are tried one after another (no happy-eyeballs race), so a refusal is raised as
    itself, never folded into a combined connect error; nothing is cached between lookups."""
    return aiohttp.TCPConnector(
        resolver=GuardedResolver(policy, resolver=resolver, timeout=connect_timeout),
        socket_factory=guarded_socket_factory(policy), use_dns_cache=False,
        happy_eyeballs_delay=None, ssl=ssl_context, limit=100, limit_per_host=0)
