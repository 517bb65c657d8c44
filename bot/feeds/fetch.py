"""The fetch stage: conditional GET of feeds and pages, with every limit a hostile server tests.

Limits: the address guard on every hop (bot.netguard), a per-host concurrency cap, a connect
timeout and a total deadline (a server dripping a byte a second is cut off), a size cap on the
*decompressed* body (a gzip bomb stops at the cap, without inflating it in memory first), and a
bounded, manually followed redirect chain (a chain of only permanent redirects is reported so the
caller can store the new URL).
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import hashlib
import logging
import ssl
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType

import aiohttp
import certifi
from multidict import CIMultiDictProxy
from yarl import URL

from bot import USER_AGENT
from bot.errors import BlockedAddress, FetchError
from bot.feeds.connector import guarded_connector
from bot.logs import get_log
from bot.netguard import AddressPolicy, Resolver, redact_url

log = get_log(__name__)

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, "
               "application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_PERMANENT = frozenset({301, 308})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_DECODE_CHUNK = 64 * 1024


@dataclass(slots=True)
class FetchResult:
    """What one fetch learned. ``body`` is None when nothing changed (``not_modified``): either
    the server answered 304 or the body hashed to the ``body_hash`` the caller already had."""

    url: str
    status: int
    body: bytes | None
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    not_modified: bool = False
    permanent_url: str | None = None
    retry_after: float | None = None
    max_age: float | None = None
    content_type: str | None = None


def body_hash_of(body: bytes) -> str:
    """What ``FetchResult.body_hash`` holds: the same bytes always give the same hash."""
    return hashlib.sha256(body).hexdigest()


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP-date; None when absent/garbled."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def parse_max_age(cache_control: str | None) -> float | None:
    """Cache-Control max-age in seconds; None when absent or when no-store/no-cache forbid reuse."""
    if not cache_control:
        return None
    max_age: float | None = None
    for part in cache_control.lower().split(","):
        name, _, arg = part.strip().partition("=")
        if name in ("no-store", "no-cache"):
            return None
        if name == "max-age":
            try:
                max_age = max(0.0, float(arg.strip().strip('"')))
            except ValueError:
                max_age = None
    return max_age


_GZIP = frozenset({"gzip", "x-gzip"})
_CODINGS = _GZIP | {"deflate"}  # all we ask for (Accept-Encoding), all we decode
MAX_CODINGS = 2  # a stacked chain longer than this is no real server's; refused, not decoded


def content_codings(headers: CIMultiDictProxy[str]) -> list[str]:
    """Every coding of the body, in the order they were applied: repeated ``Content-Encoding``
    headers and comma lists (``gzip, gzip``) both count, ``identity`` means none."""
    codings = [part.strip().lower() for value in headers.getall("content-encoding", ())
               for part in value.split(",")]
    return [c for c in codings if c and c != "identity"]


class _BoundedDecoder:
    """Inflates one gzip/deflate layer at most ``_DECODE_CHUNK`` bytes at a time, so a bomb never
    fully inflates in memory: the caller counts each piece and stops at its cap. Concatenated
    gzip members are read one after another, as gzip(1) does."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._gzip = encoding in _GZIP
        self._obj = self._new()
        self._first = True

    def _new(self) -> zlib._Decompress:
        return zlib.decompressobj(16 + zlib.MAX_WBITS if self._gzip else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data:
            try:
                piece = self._obj.decompress(data, _DECODE_CHUNK)
            except zlib.error:
                if not (self._first and self._encoding == "deflate"):
                    raise
                # Some servers send raw deflate without the zlib header (httpx tolerates it too).
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                piece = self._obj.decompress(data, _DECODE_CHUNK)
            self._first = False
            yield piece
            # Output was capped: keep inflating this input one bounded piece at a time.
            while self._obj.unconsumed_tail:
                yield self._obj.decompress(self._obj.unconsumed_tail, _DECODE_CHUNK)
            # Drain what zlib holds back after the input is used up, still bounded.
            while not self._obj.eof:
                piece = self._obj.decompress(b"", _DECODE_CHUNK)
                if not piece:
                    break
                yield piece
            data = b""
            if self._obj.eof and self._gzip and self._obj.unused_data:
                data, self._obj = self._obj.unused_data, self._new()

    def flush(self) -> bytes:
        return self._obj.flush(_DECODE_CHUNK)


def _decode_chain(decoders: list[_BoundedDecoder], data: bytes, *,
                  final: bool = False) -> Iterator[bytes]:
    """Push ``data`` through every layer (outermost first), one bounded piece at a time: no
    layer ever hands more than ``_DECODE_CHUNK`` bytes to the next."""
    if not decoders:
        if data:
            yield data
        return
    head, rest = decoders[0], decoders[1:]
    for piece in head.feed(data):
        yield from _decode_chain(rest, piece)
    if final:
        yield from _decode_chain(rest, head.flush(), final=True)


_SMALL_BODY = 16 * 1024  # a redirect's body read to keep its connection alive
# URLs remembered as vetted (about 0.4 KB each): a poll cycle's feeds (poll_due's limit).
_VETTED_MAX = 10_000
# Longer URLs are vetted every time, not kept: a feed's own URL is short, and a hostile feed's
# huge ones must not fill the cache (10,000 of them would be megabytes each).
_VETTED_URL_MAX = 2_048


async def _drain(response: aiohttp.ClientResponse) -> None:
    """Read a body we throw away to its end, so its connection can serve the next request.
    Raw bytes (never decoded: a 16 KiB gzip body would inflate to 16 MB), at most _SMALL_BODY
    of them; a body that is bad (cut short, stalled) costs only its connection, which
    releasing the response unread then closes, never the fetch."""
    read = 0
    with contextlib.suppress(aiohttp.ClientError, TimeoutError):
        async for raw in response.content.iter_any():
            read += len(raw)
            if read > _SMALL_BODY:
                break


class HttpFetcher:
    """Fetches feeds (``fetch``) and article pages (``fetch_page``) under one set of limits."""

    def __init__(
        self,
        *,
        policy: AddressPolicy,
        connect_timeout: float = 10.0,
        total_timeout: float = 30.0,
        max_bytes: int = 5_000_000,
        per_host: int = 2,
        user_agent: str = USER_AGENT,
        max_redirects: int = 5,
        resolver: Resolver | None = None,
    ) -> None:
        self._policy = policy
        self._vetted: dict[str, URL] = {}
        self._total_timeout = total_timeout
        self._max_bytes = max_bytes
        self._per_host = per_host
        self._max_redirects = max_redirects
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._headers = {"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"}
        # Per phase; "read" bounds each wait for the server's next bytes.
        self._timeouts = {"connect": connect_timeout, "read": total_timeout,
                          "write": total_timeout, "pool": total_timeout}
        self._resolver = resolver
        self._client: aiohttp.ClientSession | None = None

    @property
    def _session(self) -> aiohttp.ClientSession:
        """One aiohttp session (bench/client.py: about a sixth of the CPU per request of
        httpx's transport), its every connection through the address guard
        (bot.feeds.connector). Built on the first fetch: a chat command run from the CLI never
        fetches, and the TLS context alone costs more CPU than the command. Never a proxy from
        the environment (trust_env=False): it would connect on our behalf, unguarded; no
        cookies kept; bodies read raw (auto_decompress=False), decoded here under the cap."""
        if self._client is None:
            # The CA bundle (certifi) the webhook adapter's guarded transport verifies with.
            ssl_context = ssl.create_default_context(cafile=certifi.where())
            self._client = aiohttp.ClientSession(
                connector=guarded_connector(self._policy, ssl_context=ssl_context,
                                            connect_timeout=self._timeouts["connect"],
                                            resolver=self._resolver),
                trust_env=False, auto_decompress=False, cookie_jar=aiohttp.DummyCookieJar(),
                timeout=aiohttp.ClientTimeout(total=None))
        return self._client

    async def __aenter__(self) -> HttpFetcher:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                    body_hash: str | None = None, accept: str = FEED_ACCEPT) -> FetchResult:
        """GET ``url`` conditionally. Raises FetchError (``.kind`` says why) on any failure."""
        started = time.monotonic()
        try:
            result = await self._fetch(url, etag=etag, last_modified=last_modified,
                                       body_hash=body_hash, accept=accept)
        except FetchError as exc:
            log.info("fetch.failed", url=redact_url(url), kind=exc.kind, status=exc.status,
                     elapsed_ms=round((time.monotonic() - started) * 1000))
            raise
        if log.isEnabledFor(logging.DEBUG):  # redact_url parses the URL: not on every fetch
            log.debug("fetch.done", url=redact_url(url), status=result.status,
                      not_modified=result.not_modified,
                      elapsed_ms=round((time.monotonic() - started) * 1000))
        return result

    async def fetch_page(self, url: str) -> bytes:
        """The body of an article page, under the same limits as feeds."""
        result = await self.fetch(url, accept=PAGE_ACCEPT)
        return result.body or b""

    # -- internals ---------------------------------------------------------------------------
    def _vetted_url(self, url: str, *, remember: bool) -> URL:
        """``check_url`` of a URL asked for, remembered when ``remember``: the same feeds come
        back every cycle, and parsing and vetting a URL cost a fifth of an unchanged feed's poll
        (issue 26). It reads the URL alone (host names are vetted at connect) under a policy
        fixed for the fetcher's life; a refused URL is not kept, so it raises every time. Only
        feed URLs up to _VETTED_URL_MAX are kept: article pages, named by the feeds' authors, are
        fetched once each and would only fill the cache."""
        vetted = self._vetted.get(url)
        if vetted is None:
            vetted = self._policy.check_url(url)
            if not remember or len(url) > _VETTED_URL_MAX:
                return vetted
            if len(self._vetted) >= _VETTED_MAX:
                self._vetted.clear()
            self._vetted[url] = vetted
        return vetted

    def _slot(self, host: str) -> asyncio.Semaphore:
        key = host.lower()
        if key not in self._slots:
            self._slots[key] = asyncio.Semaphore(self._per_host)
        return self._slots[key]

    async def _fetch(self, url: str, *, etag: str | None, last_modified: str | None,
                     body_hash: str | None, accept: str) -> FetchResult:
        headers = {**self._headers, "Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        loop = asyncio.get_running_loop()
        # The deadline starts once the first host slot is ours: time spent queueing behind other
        # feeds of the same host is not this server's slowness.
        deadline: float | None = None
        current = self._vetted_url(url, remember=accept == FEED_ACCEPT)
        all_permanent = True
        for hop in range(self._max_redirects + 1):
            slot = self._slot(current.host or "")  # check_url refused a URL without one
            try:
                async with asyncio.timeout_at(deadline):
                    await slot.acquire()
            except TimeoutError:
                raise FetchError("timeout", "fetch timed out", url=redact_url(current)) from None
            try:
                if deadline is None:
                    deadline = loop.time() + self._total_timeout
                async with asyncio.timeout_at(deadline):
                    outcome = await self._hop(current, headers, body_hash=body_hash,
                                              etag=etag, last_modified=last_modified)
            except TimeoutError:
                raise FetchError("timeout", f"no complete answer within {self._total_timeout}s",
                                 url=redact_url(current)) from None
            finally:
                slot.release()
            if isinstance(outcome, FetchResult):
                if hop and all_permanent:
                    outcome.permanent_url = str(current)
                return outcome
            status, location = outcome
            all_permanent = all_permanent and status in _PERMANENT
            try:
                target = current.join(URL(location))
            except ValueError:
                raise FetchError("bad_url", "redirect to an invalid URL",
                                 url=redact_url(current)) from None
            current = self._policy.check_url(target)
        raise FetchError("too_many_redirects", f"more than {self._max_redirects} redirects",
                         url=redact_url(url))

    async def _hop(self, url: URL, headers: dict[str, str], *, body_hash: str | None,
                   etag: str | None, last_modified: str | None) -> FetchResult | tuple[int, str]:
        """One request: a FetchResult, or (status, Location) for a redirect to follow."""
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=self._timeouts["connect"],
                                        sock_read=self._timeouts["read"])
        try:
            # the URL check_url parsed, as is: no redirects followed for us, every hop vetted
            response = await self._session.get(url, headers=headers,
                                               allow_redirects=False, timeout=timeout)
        except BlockedAddress as exc:
            # Raised by the guard at connect, which does not know the URL.
            raise BlockedAddress(str(exc), url=redact_url(url)) from None
        except TimeoutError:  # aiohttp's connect and read timeouts (not the total deadline)
            raise FetchError("timeout", "connect or read timed out",
                             url=redact_url(url)) from None
        except aiohttp.InvalidURL:
            raise FetchError("bad_url", "URL cannot be requested", url=redact_url(url)) from None
        except aiohttp.ClientError as exc:
            raise FetchError("connect", f"cannot reach server: {type(exc).__name__}",
                             url=redact_url(url)) from None
        try:
            status = response.status
            answer = response.headers
            retry_after = parse_retry_after(answer.get("retry-after"))
            location = answer.get("location")
            # A response released unread closes its connection: read the (empty or small) ones
            # to their end, so an unchanged feed or a redirect does not pay a new connect
            # (and TLS handshake) to the same host each time.
            if status in _REDIRECTS and location:
                if answer.get("content-length", "").isdigit() and int(
                        answer["content-length"]) <= _SMALL_BODY:
                    await _drain(response)
                return status, location
            if status == 304:
                await _drain(response)  # no body by definition: reads the message's end
                return FetchResult(
                    url=str(url), status=status, body=None, not_modified=True,
                    etag=answer.get("etag") or etag,
                    last_modified=answer.get("last-modified") or last_modified,
                    body_hash=body_hash, retry_after=retry_after,
                    max_age=parse_max_age(answer.get("cache-control")),
                    content_type=answer.get("content-type"))
            if not 200 <= status < 300:
                raise FetchError("http_status", f"server answered {status}",
                                 url=redact_url(url), status=status, retry_after=retry_after)
            body = await self._read_capped(response, url)
            digest = body_hash_of(body)
            unchanged = body_hash is not None and digest == body_hash
            return FetchResult(
                url=str(url), status=status, body=None if unchanged else body,
                not_modified=unchanged, etag=answer.get("etag"),
                last_modified=answer.get("last-modified"), body_hash=digest,
                retry_after=retry_after, max_age=parse_max_age(answer.get("cache-control")),
                content_type=answer.get("content-type"))
        finally:
            response.release()

    async def _read_capped(self, response: aiohttp.ClientResponse, url: URL) -> bytes:
        # The URL is redacted only for an error: parsing it again costs every fetch otherwise.
        codings = content_codings(response.headers)
        unknown = [c for c in codings if c not in _CODINGS]
        if unknown or len(codings) > MAX_CODINGS:
            # Unbounded decoders (brotli, zstd, long chains) are never run: refuse.
            raise FetchError("decode", "unsupported Content-Encoding "
                             f"{', '.join(codings)[:80]!r}", url=redact_url(url))
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._max_bytes:
            raise FetchError("too_large", f"body over {self._max_bytes} bytes", url=redact_url(url))
        # Applied first is decoded last; the raw bytes (auto_decompress is off) are read.
        decoders = [_BoundedDecoder(c) for c in reversed(codings)]
        parts: list[bytes] = []
        raw_total = total = 0
        what = "(decompressed)" if codings else ""
        try:
            async for raw in response.content.iter_any():
                raw_total += len(raw)
                if raw_total > self._max_bytes:
                    raise FetchError("too_large", f"body over {self._max_bytes} bytes",
                                     url=redact_url(url))
                for piece in _decode_chain(decoders, raw):
                    total += len(piece)
                    if total > self._max_bytes:
                        raise FetchError("too_large", f"body over {self._max_bytes} bytes "
                                         f"{what}".rstrip(), url=redact_url(url))
                    parts.append(piece)
            for piece in _decode_chain(decoders, b"", final=True):
                total += len(piece)
                if total > self._max_bytes:
                    raise FetchError("too_large", f"body over {self._max_bytes} bytes "
                                     f"{what}".rstrip(), url=redact_url(url))
                parts.append(piece)
        except TimeoutError:
            raise FetchError("timeout", "read timed out", url=redact_url(url)) from None
        except zlib.error:
            raise FetchError("decode", f"body is not valid {', '.join(codings)}",
                             url=redact_url(url)) from None
        except aiohttp.ClientError as exc:
            raise FetchError("connect", f"connection lost: {type(exc).__name__}",
                             url=redact_url(url)) from None
        return b"".join(parts)
