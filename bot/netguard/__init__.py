"""Server-side request forgery guard: which addresses the bot may connect to, enforced at connect.

Feed URLs come from chat users, so a URL may point at the bot's own host, the LAN or a cloud
metadata service. Checking the URL's host name is not enough (the name can resolve differently a
moment later: DNS rebinding), so the check lives where the socket is opened: the name is
resolved once, the addresses are filtered, and the socket is opened to a vetted address.

This module is the policy and the URL checks, light enough for every chat command. Two clients
enforce it at connect: the feed fetcher's aiohttp connector (``bot.feeds.connector``) and, for
outgoing webhooks, the httpx transport in ``bot.netguard.transport`` (``GuardedBackend``,
``GuardedTransport``; TLS still verifies the host name there, because httpcore passes
``server_hostname`` to ``start_tls`` itself). URLs are parsed by yarl, the parser aiohttp
requests with (the fetcher hands it the parsed URL as is), so the poll path never loads httpx
and a URL that passes the check is one the request can take. yarl loads with the first URL
shown or checked (9 ms of CPU that a chat command which shows no URL never pays).
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING

from bot.errors import BlockedAddress, FetchError

if TYPE_CHECKING:  # the type only: yarl loads when a URL is parsed (see the docstring)
    from yarl import URL

# Said with every address refusal: the operator lifts it by configuration, and must be told how.
ALLOW_HINT = "a private or reserved address: to fetch it anyway, add its network to " \
    "network.allow_private"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Awaitable[list[str]]]

ALLOWED_SCHEMES = frozenset({"http", "https"})
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_COMPAT = ipaddress.IPv6Network("::/96")  # deprecated IPv4-compatible form, also holds :: and ::1
# ASCII control characters (C0 and DEL) and the space: never valid in a URL, and yarl repairs
# some of them into a different host rather than refusing.
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f]")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 form routes to (mapped, 6to4, NAT64), so it is judged as such."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64 or ip in _COMPAT:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _is_public(ip: IPAddress) -> bool:
    if (ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_unspecified
            or ip.is_reserved or ip.is_private or not ip.is_global):
        return False
    return not (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local)


def redact_url(url: str | URL) -> str:
    """A URL fit for logs and error messages: no user info, no query (tokens live there)."""
    from yarl import URL  # loaded by the first URL shown (see the docstring)

    try:
        parsed = url if isinstance(url, URL) else URL(url)
        shown = parsed.with_user(None).with_query(None).with_fragment(None)
        return str(shown) + ("?…" if parsed.raw_query_string else "")
    except Exception:
        return "<unparseable url>"


def credentials_in(url: str) -> bool:
    """Whether ``url`` carries user info (``user:password@host``). Such feeds are refused from
    every entry point (configuration, CLI, OPML, chat): an HTTP client would send them as Basic
    auth and every listing would show them."""
    from yarl import URL  # as in redact_url: loaded by the first URL checked

    try:
        parsed = URL(url)
    except Exception:
        return "@" in url.split("://", 1)[-1].split("/", 1)[0]
    return bool(parsed.raw_user or parsed.raw_password)


def shown_url(url: str) -> str:
    """A feed URL as chat users see it: scheme, host and path; a query (where private feeds keep
    their tokens) is masked, user info dropped, and a local file is only its file name."""
    if url.lower().startswith("file:"):
        return "local file " + url.rstrip("/").rsplit("/", 1)[-1][:100]
    return redact_url(url)


class AddressPolicy:
    """Refuses every non-public address unless it lies inside one of ``allow_private`` CIDRs."""

    def __init__(self, allow_private: Iterable[str] = ()) -> None:
        self.allow_private: tuple[IPNetwork, ...] = tuple(
            ipaddress.ip_network(cidr, strict=False) for cidr in allow_private
        )

    def _allow_listed(self, ip: IPAddress) -> bool:
        return any(ip in net for net in self.allow_private)

    def is_allowed(self, ip: str | IPAddress) -> bool:
        try:
            addr = ipaddress.ip_address(ip.split("%", 1)[0] if isinstance(ip, str) else ip)
        except ValueError:
            return False
        if self._allow_listed(addr):
            return True
        if isinstance(addr, ipaddress.IPv6Address):
            inner = _embedded_ipv4(addr)
            if inner is not None:
                # ::ffff:127.0.0.1 reaches 127.0.0.1: judge the address actually routed to.
                if addr in _COMPAT:
                    return False  # a deprecated form no real site uses
                return self._allow_listed(inner) or _is_public(inner)
        return _is_public(addr)

    def check_url(self, url: str | URL) -> URL:
        """Parse ``url`` and refuse non-http(s) schemes, missing hosts and refused IP literals.

        Host names pass here; their addresses are vetted at connect time by :class:`GuardedBackend`.
        Raises FetchError(kind="bad_url") when the URL holds a control character or a space, cannot
        be parsed or its port is out of range, BlockedAddress otherwise. The URL returned is what
        the fetcher requests.
        """
        from yarl import URL  # as in redact_url: loaded by the first URL checked

        if isinstance(url, str) and _UNSAFE_CHARS.search(url):
            # yarl would quietly repair them ("exam\tple.com" becomes example.com): refuse instead
            raise FetchError("bad_url", "not a valid URL: it holds a control character or space")
        try:
            parsed = url if isinstance(url, URL) else URL(url)
            # yarl parses the authority and decodes punycode only when asked, so both are read
            # here: a bad port or an invalid xn-- label ("xn--a.com") raises on the first read.
            port = parsed.explicit_port
            host = parsed.host
        except (TypeError, ValueError) as exc:  # UnicodeError is a ValueError
            raise FetchError("bad_url", f"not a valid URL: {type(exc).__name__}") from None
        shown = redact_url(parsed)
        if parsed.scheme not in ALLOWED_SCHEMES:
            raise BlockedAddress(f"scheme not allowed: {parsed.scheme or '(none)'}", url=shown)
        if not host:
            raise BlockedAddress("URL has no host", url=shown)
        if port is not None and not 1 <= port <= 65535:
            raise FetchError("bad_url", f"port out of range: {port}", url=shown)
        literal = _literal_address(host)
        if isinstance(literal, ipaddress.IPv6Address) and literal.scope_id:
            # a zone id picks the bot's network interface, which no feed has a reason to do
            raise BlockedAddress(f"address refused: {host} (an IPv6 zone id)", url=shown)
        if literal is not None and not self.is_allowed(literal):
            raise BlockedAddress(f"address refused: {host} ({ALLOW_HINT})", url=shown)
        return parsed


def _literal_address(host: str) -> IPAddress | None:
    """The address ``host`` spells, or None for a name. Besides the standard forms this reads
    the legacy IPv4 forms the system resolver accepts ("2130706433", "0x7f.1", "0177.0.0.1")
    and a trailing dot, so such a spelling of a refused address is refused here, with a clear
    reply, not only at connect time."""
    bare = host.rstrip(".")
    try:
        return ipaddress.ip_address(bare)
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(bare))
    except OSError:
        return None


def check_url(url: str | URL, policy: AddressPolicy | None = None) -> URL:
    """:meth:`AddressPolicy.check_url` with the strict default policy when none is given."""
    return (policy or AddressPolicy()).check_url(url)


async def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, in resolver order (loop.getaddrinfo runs in a thread)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[str] = []
    for *_, sockaddr in infos:
        address = str(sockaddr[0])
        if address not in seen:
            seen.append(address)
    return seen

