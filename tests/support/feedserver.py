"""A threaded loopback HTTP server that plays feed and article hosts in tests.

Usage::

    with FeedServer() as srv:
        srv.set("/feed.xml", body=b"<rss/>", etag='"v1"')
        url = srv.url("/feed.xml")
        ...
        srv.set("/feed.xml", body=b"<rss>new</rss>", etag='"v2"')   # change between polls
        assert srv.hits("/feed.xml") == 2

Works from sync and async tests alike: the server runs in its own threads, so an asyncio
client in the test's loop talks to it over a real socket.
"""

from __future__ import annotations

import email.utils
import gzip as gzip_module
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "application/rss+xml"
    drip_seconds_per_byte: float = 0.0
    gzip: bool = False
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds to wait before answering (to overlap requests)
    wire_body: bytes = b""  # body as sent (compressed when gzip=True)


class _HangUpTolerantServer(ThreadingHTTPServer):
    """Reports a client that hangs up mid-connection instead of printing a traceback.

    Tests provoke hang-ups on purpose (a fetcher stopping at its size cap resets the
    connection), so a reset is a recorded event, not a server error; any other exception
    still prints as the standard library prints it.
    """

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler],
                 on_hang_up: Callable[[], None]) -> None:
        super().__init__(address, handler)
        self.on_hang_up = on_hang_up

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionResetError | BrokenPipeError):
            self.on_hang_up()
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class FeedServer:
    """Loopback HTTP/1.1 server: settable routes, conditional GET, redirects, a request log."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self._lock = threading.Lock()
        self._routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.connections = 0  # TCP connections accepted
        self.client_hang_ups = 0  # connections a client reset while the server read or wrote
        self._httpd = _HangUpTolerantServer((host, 0), _make_handler(self), self._hung_up)
        self._httpd.daemon_threads = True
        self.host = host
        self.port = int(self._httpd.server_address[1])
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> FeedServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True,
                                        kwargs={"poll_interval": 0.05})
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- configuration -----------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        if not path.startswith("/"):
            path = "/" + path
        return self.base_url + path

    def set(
        self,
        path: str,
        body: bytes | str = b"",
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        content_type: str | None = "application/rss+xml",
        drip_seconds_per_byte: float = 0.0,
        gzip: bool = False,
        etag: str | None = None,
        last_modified: str | None = None,
        delay: float = 0.0,
    ) -> Route:
        """Set (or replace) what ``path`` answers. ``body`` str is encoded as UTF-8."""
        raw = body.encode("utf-8") if isinstance(body, str) else body
        route = Route(body=raw, status=status, headers=dict(headers or {}),
                      content_type=content_type, drip_seconds_per_byte=drip_seconds_per_byte,
                      gzip=gzip, etag=etag, last_modified=last_modified, delay=delay)
        route.wire_body = gzip_module.compress(raw, compresslevel=6) if gzip else raw
        with self._lock:
            self._routes[path] = route
        return route

    def redirect(self, path: str, to: str, status: int = 301) -> Route:
        """Make ``path`` answer ``status`` with ``Location: to`` (relative or absolute)."""
        return self.set(path, body=b"", status=status, headers={"Location": to},
                        content_type=None)

    def remove(self, path: str) -> None:
        with self._lock:
            self._routes.pop(path, None)

    # -- inspection ------------------------------------------------------------------------
    def hits(self, path: str) -> int:
        """How many requests reached ``path`` (query string ignored unless given)."""
        with self._lock:
            return sum(1 for _, p, _ in self.requests
                       if p == path or ("?" not in path and p.split("?", 1)[0] == path))

    def last_headers(self, path: str) -> dict[str, str]:
        """Headers (lower-cased names) of the latest request to ``path``."""
        with self._lock:
            for _, p, h in reversed(self.requests):
                if p == path or p.split("?", 1)[0] == path:
                    return h
        raise KeyError(path)

    def _route_for(self, target: str) -> Route | None:
        with self._lock:
            route = self._routes.get(target)
            if route is None:
                route = self._routes.get(urlsplit(target).path)
            return route

    def _record(self, method: str, target: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.requests.append((method, target, headers))

    def _enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def _hung_up(self) -> None:
        with self._lock:
            self.client_hang_ups += 1


def _not_modified(route: Route, headers: dict[str, str]) -> bool:
    inm = headers.get("if-none-match")
    if route.etag is not None and inm is not None:
        tags = [t.strip() for t in inm.split(",")]
        return "*" in tags or route.etag in tags or route.etag.removeprefix("W/") in [
            t.removeprefix("W/") for t in tags]
    ims = headers.get("if-modified-since")
    if route.last_modified is not None and ims is not None:
        since = email.utils.parsedate_to_datetime(ims) if ims else None
        current = email.utils.parsedate_to_datetime(route.last_modified)
        return since is not None and current <= since
    return False


def _make_handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            with server._lock:
                server.connections += 1

        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            pass

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def _answer(self, *, send_body: bool) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            server._record(self.command, self.path, headers)
            server._enter()
            try:
                route = server._route_for(self.path)
                if route is None:
                    self._send(404, {"Content-Type": "text/plain"}, b"not found", send_body)
                    return
                if route.delay:
                    time.sleep(route.delay)
                extra: dict[str, str] = {}
                if route.etag is not None:
                    extra["ETag"] = route.etag
                if route.last_modified is not None:
                    extra["Last-Modified"] = route.last_modified
                if route.status == 200 and _not_modified(route, headers):
                    self._send(304, {**extra, **route.headers}, b"", False)
                    return
                if route.content_type is not None:
                    extra["Content-Type"] = route.content_type
                if route.gzip:
                    extra["Content-Encoding"] = "gzip"
                extra.update(route.headers)
                self._send(route.status, extra, route.wire_body, send_body,
                           drip=route.drip_seconds_per_byte)
            except (BrokenPipeError, ConnectionResetError):
                server._hung_up()  # the client gave up (size cap, timeout): expected in tests
            finally:
                server._leave()

        def _send(self, status: int, headers: dict[str, str], body: bytes, send_body: bool,
                  drip: float = 0.0) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not send_body or status in (204, 304):
                return
            if drip > 0:
                for i in range(len(body)):
                    self.wfile.write(body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(drip)
            else:
                self.wfile.write(body)

    return Handler


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A running FeedServer, stopped after the test."""
    with FeedServer() as srv:
        yield srv
