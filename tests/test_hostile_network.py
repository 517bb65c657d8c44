"""Hostile servers through the real pipeline: each bad feed fails with a logged reason, the good
feed next to it is still delivered, and memory stays bounded while huge bodies are refused.

Only-fetch-level behaviour (one hop, one limit) is proved in tests/test_fetch.py and
tests/test_netguard.py; here the same servers meet App.create + Pipeline + outbox together.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import DestinationSettings, FeedSettings, Secrets, Settings, SubscriptionSettings
from bot.store.feeds import list_feeds
from tests.support.feeds import item, rss

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

CAP = 1_000_000  # network.max_body_bytes in these tests
FIFTY_MB = 50 * 1024 * 1024
CHUNK = b"<!-- padding -->" * 4096  # 64 KiB of harmless XML comment

Respond = Callable[[BaseHTTPRequestHandler], None]
MakeApp = Callable[[list[str]], Awaitable[tuple[App, RecordingAdapter]]]


def _gzip_bomb(inflated: int) -> bytes:
    """``inflated`` zero bytes, gzip-compressed a megabyte at a time (never held inflated)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1 << 20)
    parts = [comp.compress(zeros) for _ in range(inflated >> 20)]
    return b"".join(parts) + comp.flush()


class HostileServer:
    """A loopback server whose routes are functions, so a route can misbehave however it likes."""

    def __init__(self) -> None:
        self.routes: dict[str, Respond] = {}
        self.hits: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                server.hits[self.path] = server.hits.get(self.path, 0) + 1
                respond = server.routes.get(self.path)
                try:
                    if respond is None:
                        self.send_error(404)
                    else:
                        respond(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client hung up at its limit: what these tests expect

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> HostileServer:
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def _head(h: BaseHTTPRequestHandler, status: int = 200, **headers: str) -> None:
    h.send_response(status)
    for name, value in headers.items():
        h.send_header(name.replace("_", "-"), value)
    h.end_headers()


def body(data: bytes, **headers: str) -> Respond:
    def respond(h: BaseHTTPRequestHandler) -> None:
        _head(h, 200, Content_Type="application/rss+xml", Content_Length=str(len(data)),
              **headers)
        h.wfile.write(data)
    return respond


def drip(data: bytes, seconds_per_byte: float) -> Respond:
    def respond(h: BaseHTTPRequestHandler) -> None:
        _head(h, 200, Content_Type="application/rss+xml", Content_Length=str(len(data)))
        for i in range(len(data)):
            h.wfile.write(data[i:i + 1])
            h.wfile.flush()
            time.sleep(seconds_per_byte)
    return respond


def stream(total: int | None, *, declare: bool = False) -> Respond:
    """An RSS start tag, then padding: ``total`` bytes (``None``: forever) without a length,
    closing the connection at the end as HTTP/1.0-style bodies do."""
    def respond(h: BaseHTTPRequestHandler) -> None:
        headers = {"Content_Type": "application/rss+xml", "Connection": "close"}
        if declare and total is not None:
            headers["Content_Length"] = str(total)
        _head(h, 200, **headers)
        h.close_connection = True
        sent = 0
        h.wfile.write(b"<rss version='2.0'><channel>")
        while total is None or sent < total:
            h.wfile.write(CHUNK)
            sent += len(CHUNK)
    return respond


def redirect(location: str) -> Respond:
    def respond(h: BaseHTTPRequestHandler) -> None:
        _head(h, 302, Location=location, Content_Length="0")
    return respond


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    with HostileServer() as srv:
        yield srv


def settings_for(tmp_path: Path, urls: list[str]) -> Settings:
    return Settings(
        data_dir=tmp_path,
        # generous for loopback on a busy CI machine; the drip feed still needs ~1,000 s
        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 4.0, "connect_timeout": 4.0,
                 "max_body_bytes": CAP, "per_host_concurrency": 16},
        polling={"interval": 60, "min_interval": 60, "backfill": 5, "max_failures": 3,
                 "max_item_age_days": 36500},
        summarizer={"full_text": False},
        feeds=[FeedSettings(url=u) for u in urls],
        destinations=[DestinationSettings(ref="console:",
                                          subscriptions=[SubscriptionSettings()])],
    )


@pytest.fixture
async def app_for(tmp_path: Path) -> AsyncIterator[MakeApp]:
    apps: list[App] = []

    async def build(urls: list[str]) -> tuple[App, RecordingAdapter]:
        rec = RecordingAdapter(name="console")
        app = await App.create(settings_for(tmp_path, urls), Secrets(values={}),
                               adapters={"console": rec},
                               clock=lambda: datetime(2026, 11, 21, 12, 0, tzinfo=UTC))
        apps.append(app)
        return app, rec

    yield build
    for app in apps:
        await app.close()


async def _poll(app: App, caplog: pytest.LogCaptureFixture) -> dict[str, tuple[str, str]]:
    """One poll and delivery; url → (kind logged by poll.failed, the stored last_error)."""
    with caplog.at_level(logging.INFO):
        await app.pipeline.poll_due()
        await app.deliver_pending()
    async with app.db.begin() as conn:
        rows = await list_feeds(conn)
    logged = {int(m.group(1)): m.group(2) for r in caplog.records
              if (m := re.match(r"poll\.failed feed_id=(\d+) kind=(\w+)", r.getMessage()))}
    return {row.url: (logged.get(row.id, ""), row.last_error or "") for row in rows}


GOOD = rss("Good", [item(1, topic="good")])


async def test_slow_and_looping_and_forged_servers_fail_alone(
        hostile: HostileServer, app_for: MakeApp,
        caplog: pytest.LogCaptureFixture) -> None:
    """hostile case: drip 1 byte/s, endless body, redirect loop, redirects to 169.254.169.254
    (plain and IPv4-mapped IPv6), a chain into file://, next to one good feed, all in one poll
    expected: each bad feed fails with its own logged reason (timeout, too_large,
    too_many_redirects, blocked); the good feed is delivered; nothing reaches the metadata IP"""
    hostile.routes.update({
        "/good.xml": body(GOOD),
        "/drip.xml": drip(GOOD, 1.0),
        "/endless.xml": stream(None),
        "/loop-a.xml": redirect("/loop-b.xml"),
        "/loop-b.xml": redirect("/loop-a.xml"),
        "/metadata.xml": redirect("http://169.254.169.254/latest/meta-data/iam/"),
        "/mapped.xml": redirect("http://[::ffff:169.254.169.254]/latest/meta-data/"),
        "/file.xml": redirect("file:///etc/passwd"),
    })
    expected = {"/drip.xml": "timeout", "/endless.xml": "too_large",
                "/loop-a.xml": "too_many_redirects", "/metadata.xml": "blocked",
                "/mapped.xml": "blocked", "/file.xml": "blocked"}
    app, rec = await app_for([hostile.url(p) for p in ["/good.xml", *expected]])
    outcome = await _poll(app, caplog)

    assert [d.message.brief.headline for d in rec.deliveries if d.message.brief] == [
        "Story 1 about the good project"]
    assert outcome[hostile.url("/good.xml")] == ("", "")
    for path, kind in expected.items():
        logged, stored = outcome[hostile.url(path)]
        assert logged == kind, (path, logged, stored)
        assert stored.startswith(f"{kind}: "), (path, stored)
    assert hostile.hits["/loop-a.xml"] + hostile.hits["/loop-b.xml"] == 6  # 1 + 5 redirects
    # Refused before any connect (the autouse socket guard would also have raised).
    assert "address refused" in outcome[hostile.url("/metadata.xml")][1]
    assert "scheme not allowed: file" in outcome[hostile.url("/file.xml")][1]


async def test_huge_bodies_are_refused_with_bounded_memory(
        hostile: HostileServer, app_for: MakeApp,
        caplog: pytest.LogCaptureFixture) -> None:
    """hostile case: 50 MB bodies (declared, undeclared/streamed) and a gzip bomb inflating to
    200 MB, with a 1 MB body cap, next to one good feed
    expected: each refused as too_large with a logged reason; the good feed is delivered; the
    Python heap peak during the poll stays under 20 MB (tracemalloc)"""
    bomb = _gzip_bomb(200 << 20)
    hostile.routes.update({
        "/good.xml": body(GOOD),
        "/declared.xml": stream(FIFTY_MB, declare=True),
        "/streamed.xml": stream(FIFTY_MB),
        "/bomb.xml": body(bomb, Content_Encoding="gzip"),
    })
    expected = ["/declared.xml", "/streamed.xml", "/bomb.xml"]
    app, rec = await app_for([hostile.url(p) for p in ["/good.xml", *expected]])
    tracemalloc.start()
    try:
        outcome = await _poll(app, caplog)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert [d.message.brief.headline for d in rec.deliveries if d.message.brief] == [
        "Story 1 about the good project"]
    for path in expected:
        logged, stored = outcome[hostile.url(path)]
        assert logged == "too_large", (path, stored)
        assert "over 1000000 bytes" in stored, (path, stored)
    assert "decompressed" in outcome[hostile.url("/bomb.xml")][1]
    print(f"tracemalloc peak {peak / 1e6:.1f} MB")
    assert peak < 20 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


async def test_invalid_utf8_is_read_with_a_warning_not_a_crash(
        hostile: HostileServer, app_for: MakeApp,
        caplog: pytest.LogCaptureFixture) -> None:
    """hostile case: a feed declared UTF-8 carrying invalid UTF-8 bytes; a body of pure
    invalid bytes
    expected: the first is parsed with a logged feed.illformed warning and delivered (bytes
    decoded by fallback, no crash); the second fails as parse; the good feed is delivered"""
    bad = rss("Bad", [item(1, topic="bad")]).replace(b"Story 1", b"Story \xff\xfe\xc3\x28 1")
    hostile.routes.update({"/good.xml": body(GOOD), "/bad-utf8.xml": body(bad),
                           "/garbage.xml": body(b"\xff\xfe\xfd" * 300)})
    app, rec = await app_for([hostile.url(p) for p in
                              ["/good.xml", "/bad-utf8.xml", "/garbage.xml"]])
    outcome = await _poll(app, caplog)

    headlines = sorted(d.message.brief.headline for d in rec.deliveries if d.message.brief)
    assert len(headlines) == 2 and "Story 1 about the good project" in headlines
    odd = next(h for h in headlines if "bad project" in h)
    assert odd.isprintable()  # decoded by a fallback charset: text, never raw bytes
    assert any("feed.illformed" in r.getMessage() for r in caplog.records)
    assert outcome[hostile.url("/bad-utf8.xml")] == ("", "")
    assert outcome[hostile.url("/garbage.xml")][0] == "parse"
