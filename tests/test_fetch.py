"""The fetch stage against a loopback feed server: caching, limits, redirects, errors."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from yarl import URL

from bot.errors import BlockedAddress, FetchError
from bot.feeds import fetch
from bot.feeds.fetch import FetchResult, HttpFetcher, parse_max_age, parse_retry_after
from bot.netguard import AddressPolicy
from tests.support.feedserver import FeedServer, feed_server  # noqa: F401
from tests.support.fetching import LOOPBACK, RSS, fetcher  # noqa: F401


async def test_plain_fetch_returns_body_validators_and_hash(
    feed_server: FeedServer, fetcher: HttpFetcher
) -> None:
    feed_server.set("/f", body=RSS, etag='"v1"', last_modified="Wed, 01 Jan 2025 00:00:00 GMT",
                    headers={"Cache-Control": "public, max-age=600"})
    result = await fetcher.fetch(feed_server.url("/f"))
    assert result == FetchResult(
        url=feed_server.url("/f"), status=200, body=RSS, etag='"v1"',
        last_modified="Wed, 01 Jan 2025 00:00:00 GMT", body_hash=hashlib.sha256(RSS).hexdigest(),
        not_modified=False, permanent_url=None, retry_after=None, max_age=600.0,
        content_type="application/rss+xml")
    sent = feed_server.last_headers("/f")
    assert sent["user-agent"].startswith("newsbrief/")
    assert "application/rss+xml" in sent["accept"]
    assert "if-none-match" not in sent


async def test_a_body_read_whole_parses_its_url_for_no_error_message(
    feed_server: FeedServer, fetcher: HttpFetcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The URL an error would show is redacted (a parse of it) only when there is an error:
    every 200 paid for one before (issue 26). An error still shows it without its query."""
    shown: list[object] = []
    monkeypatch.setattr(fetch, "redact_url", lambda url: shown.append(url) or "<redacted>")
    feed_server.set("/f", body=RSS)
    assert (await fetcher.fetch(feed_server.url("/f?token=s3cr3t"))).body == RSS
    assert shown == []
    async with HttpFetcher(policy=LOOPBACK, total_timeout=5.0, max_bytes=10) as small:
        with pytest.raises(FetchError) as info:
            await small.fetch(feed_server.url("/f?token=s3cr3t"))
    assert info.value.kind == "too_large" and info.value.url == "<redacted>"


class CountingPolicy(AddressPolicy):
    """The loopback policy, counting the URLs it is asked to vet."""

    def __init__(self) -> None:
        super().__init__(["127.0.0.0/8"])
        self.checked: list[str] = []

    def check_url(self, url: str | URL) -> URL:
        self.checked.append(str(url))
        return super().check_url(url)


async def test_a_feed_url_is_vetted_once_not_on_every_poll(feed_server: FeedServer) -> None:
    """Parsing and vetting the same URL again cost a fifth of an unchanged feed's poll (issue
    26); a refused URL is refused every time."""
    policy = CountingPolicy()
    feed_server.set("/f", body=RSS, etag='"v1"')
    async with HttpFetcher(policy=policy, total_timeout=5.0) as fetcher:
        first = await fetcher.fetch(feed_server.url("/f"))
        again = await fetcher.fetch(feed_server.url("/f"), etag=first.etag)
        for _ in range(2):
            with pytest.raises(BlockedAddress):
                await fetcher.fetch("http://10.0.0.1/feed")
    assert first.status == 200 and again.status == 304
    assert policy.checked == [feed_server.url("/f")] + ["http://10.0.0.1/feed"] * 2


async def test_article_pages_and_huge_urls_are_vetted_each_time_not_kept(
        feed_server: FeedServer) -> None:
    """The vetted-URL cache held every URL asked for, article pages too, at any length: a
    hostile feed could fill it with 10,000 huge URLs. Only feed URLs up to 2,048 characters are
    kept; the others are vetted on every fetch."""
    policy = CountingPolicy()
    feed_server.set("/f", body=RSS)
    page = feed_server.url("/f") + "?page"
    huge = feed_server.url("/f") + "?" + "x" * 2_100
    async with HttpFetcher(policy=policy, total_timeout=5.0) as fetcher:
        for _ in range(2):
            await fetcher.fetch_page(page)
            await fetcher.fetch(huge)
    assert policy.checked == [page, huge] * 2


async def test_conditional_get_304(feed_server: FeedServer, fetcher: HttpFetcher) -> None:
    feed_server.set("/f", body=RSS, etag='"v1"', last_modified="Wed, 01 Jan 2025 00:00:00 GMT")
    first = await fetcher.fetch(feed_server.url("/f"))
    second = await fetcher.fetch(feed_server.url("/f"), etag=first.etag,
                                 last_modified=first.last_modified, body_hash=first.body_hash)
    assert second.status == 304 and second.not_modified and second.body is None
    assert second.etag == '"v1"' and second.body_hash == first.body_hash
    assert feed_server.last_headers("/f")["if-none-match"] == '"v1"'
    # Content changes between polls: the old validator no longer matches.
    feed_server.set("/f", body=RSS + b" ", etag='"v2"')
    third = await fetcher.fetch(feed_server.url("/f"), etag=second.etag)
    assert third.status == 200 and third.body == RSS + b" " and third.etag == '"v2"'


async def test_if_modified_since_304(feed_server: FeedServer, fetcher: HttpFetcher) -> None:
    feed_server.set("/f", body=RSS, last_modified="Wed, 01 Jan 2025 00:00:00 GMT")
    result = await fetcher.fetch(feed_server.url("/f"),
                                 last_modified="Wed, 01 Jan 2025 00:00:00 GMT")
    assert result.not_modified and result.body is None
    assert result.last_modified == "Wed, 01 Jan 2025 00:00:00 GMT"


async def test_unchanged_body_hash_skips_body(
    feed_server: FeedServer, fetcher: HttpFetcher
) -> None:
    """A server that ignores validators still answers 200; the hash tells nothing changed."""
    feed_server.set("/f", body=RSS)
    result = await fetcher.fetch(feed_server.url("/f"), body_hash=hashlib.sha256(RSS).hexdigest())
    assert result.status == 200 and result.body is None and result.not_modified
    changed = await fetcher.fetch(feed_server.url("/f"), body_hash="0" * 64)
    assert changed.body == RSS and not changed.not_modified


async def test_gzip_body_is_decoded(feed_server: FeedServer, fetcher: HttpFetcher) -> None:
    body = RSS * 200
    feed_server.set("/f", body=body, gzip=True)
    result = await fetcher.fetch(feed_server.url("/f"))
    assert result.body == body
    assert result.body_hash == hashlib.sha256(body).hexdigest()
    assert "gzip" in feed_server.last_headers("/f")["accept-encoding"]


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS])
async def test_deflate_zlib_and_raw(
    feed_server: FeedServer, fetcher: HttpFetcher, wbits: int
) -> None:
    body = RSS * 50
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
    feed_server.set("/f", body=packer.compress(body) + packer.flush(),
                    headers={"Content-Encoding": "deflate"})
    assert (await fetcher.fetch(feed_server.url("/f"))).body == body


async def test_gzip_bomb_stops_at_the_cap(feed_server: FeedServer, fetcher: HttpFetcher) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
    assert len(bomb) < 1_000_000  # small on the wire, so only a decompressed count catches it
    feed_server.set("/f", body=bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/f"))
    assert info.value.kind == "too_large"


async def test_corrupt_gzip_is_a_decode_error(
    feed_server: FeedServer, fetcher: HttpFetcher
) -> None:
    feed_server.set("/f", body=b"this is not gzip at all", headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/f"))
    assert info.value.kind == "decode"


async def test_plain_body_over_the_cap(feed_server: FeedServer, fetcher: HttpFetcher) -> None:
    feed_server.set("/big", body=b"x" * 1_000_001)
    feed_server.set("/edge", body=b"x" * 1_000_000)
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/big"))
    assert info.value.kind == "too_large"
    assert len((await fetcher.fetch(feed_server.url("/edge"))).body or b"") == 1_000_000


async def test_page_over_the_cap(feed_server: FeedServer) -> None:
    feed_server.set("/page", body=b"<p>" + b"x" * 2000, content_type="text/html")
    async with HttpFetcher(policy=LOOPBACK, max_bytes=1000) as small:
        with pytest.raises(FetchError) as info:
            await small.fetch_page(feed_server.url("/page"))
    assert info.value.kind == "too_large"
    async with HttpFetcher(policy=LOOPBACK) as roomy:
        assert (await roomy.fetch_page(feed_server.url("/page"))).startswith(b"<p>x")
    assert "text/html" in feed_server.last_headers("/page")["accept"]


async def test_drip_feed_hits_the_total_timeout(feed_server: FeedServer) -> None:
    """Each byte arrives well within any read timeout; only the total deadline stops it."""
    feed_server.set("/slow", body=b"x" * 400, drip_seconds_per_byte=0.02)
    async with HttpFetcher(policy=LOOPBACK, total_timeout=1.0) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.fetch(feed_server.url("/slow"))
    assert info.value.kind == "timeout"


async def test_permanent_redirect_chain_reports_new_url(
    feed_server: FeedServer, fetcher: HttpFetcher
) -> None:
    feed_server.redirect("/old", "/older", status=301)
    feed_server.redirect("/older", feed_server.url("/new"), status=308)
    feed_server.set("/new", body=RSS)
    result = await fetcher.fetch(feed_server.url("/old"))
    assert result.body == RSS
    assert result.url == feed_server.url("/new")
    assert result.permanent_url == feed_server.url("/new")


async def test_temporary_hop_means_no_permanent_url(
    feed_server: FeedServer, fetcher: HttpFetcher
) -> None:
    feed_server.redirect("/a", "/b", status=301)
    feed_server.redirect("/b", "/c", status=302)
    feed_server.set("/c", body=RSS)
    result = await fetcher.fetch(feed_server.url("/a"))
    assert result.body == RSS and result.url == feed_server.url("/c")
    assert result.permanent_url is None
    assert (await fetcher.fetch(feed_server.url("/b"))).permanent_url is None


async def test_redirect_to_relative_path_with_query(
    feed_server: FeedServer, fetcher: HttpFetcher
) -> None:
    feed_server.redirect("/dir/a", "b?x=1", status=307)
    feed_server.set("/dir/b?x=1", body=RSS)
    result = await fetcher.fetch(feed_server.url("/dir/a"))
    assert result.url == feed_server.url("/dir/b?x=1") and result.body == RSS


async def test_too_many_redirects(feed_server: FeedServer) -> None:
    for i in range(4):
        feed_server.redirect(f"/r{i}", f"/r{i + 1}", status=302)
    feed_server.set("/r4", body=RSS)
    async with HttpFetcher(policy=LOOPBACK, max_redirects=3) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.fetch(feed_server.url("/r0"))
        assert info.value.kind == "too_many_redirects"
        assert (await fetcher.fetch(feed_server.url("/r1"))).body == RSS  # exactly 3 hops is fine
    loop_srv = feed_server
    loop_srv.redirect("/loop", "/loop")
    async with HttpFetcher(policy=LOOPBACK) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.fetch(loop_srv.url("/loop"))
    assert info.value.kind == "too_many_redirects"


@pytest.mark.parametrize("target", [
    "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "file:///etc/passwd",
    "http://[::1]/",
])
async def test_redirect_to_refused_address(
    feed_server: FeedServer, fetcher: HttpFetcher, target: str
) -> None:
    feed_server.redirect("/go", target, status=302)
    with pytest.raises(BlockedAddress) as info:
        await fetcher.fetch(feed_server.url("/go"))
    assert info.value.kind == "blocked"


@pytest.mark.parametrize("port", ["99999", "0"])
async def test_a_port_out_of_range_is_a_bad_url(
    feed_server: FeedServer, fetcher: HttpFetcher, port: str
) -> None:
    """The socket cannot take such a port (yarl, which check_url parses with, refuses past
    65535). Asked directly or by a redirect, it is a clear bad_url, never a bare ValueError
    that /brief and the poller miss."""
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(f"http://feeds.example.com:{port}/x")
    assert info.value.kind == "bad_url"
    feed_server.redirect("/go", f"http://127.0.0.1:{port}/feed", status=302)
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/go"))
    assert info.value.kind == "bad_url"


@pytest.mark.parametrize("target", ["http://xn--a.com/x", "http://xn--/x"])
async def test_a_redirect_to_invalid_punycode_is_a_bad_url(
    feed_server: FeedServer, fetcher: HttpFetcher, target: str
) -> None:
    """yarl decodes punycode only when the host is read: a feed server redirecting there gets a
    clear bad_url, never a bare UnicodeError that the poller logs as a crash."""
    feed_server.redirect("/go", target, status=302)
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/go"))
    assert info.value.kind == "bad_url"


async def test_redirect_into_loopback_refused_when_loopback_not_allowed(
    feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A "public" site redirects to a name that resolves to loopback: the second hop is refused."""
    feed_server.redirect("/feed", f"http://admin.internal:{feed_server.port}/internal", status=301)
    feed_server.set("/internal", body=b"secret admin page")

    async def fake_dns(host: str, port: int) -> list[str]:
        # The test can only reach its server over loopback, so 127.0.0.1 plays the public
        # site (the only allowed address) and 127.0.0.2 plays the internal one.
        return ["127.0.0.1"] if host == "feeds.example" else ["127.0.0.2"]

    monkeypatch.setattr("bot.netguard.resolve", fake_dns)
    async with HttpFetcher(policy=AddressPolicy(["127.0.0.1/32"])) as fetcher:
        with pytest.raises(BlockedAddress):
            await fetcher.fetch(f"http://feeds.example:{feed_server.port}/feed")
    assert feed_server.hits("/feed") == 1
    assert feed_server.hits("/internal") == 0


async def test_fetch_refused_without_allow_private(feed_server: FeedServer) -> None:
    feed_server.set("/f", body=RSS)
    async with HttpFetcher(policy=AddressPolicy()) as fetcher:
        with pytest.raises(BlockedAddress):
            await fetcher.fetch(feed_server.url("/f"))
        with pytest.raises(BlockedAddress) as info:
            await fetcher.fetch(f"http://localhost:{feed_server.port}/f")
    assert info.value.url == f"http://localhost:{feed_server.port}/f"
    assert feed_server.hits("/f") == 0


async def test_per_host_cap(feed_server: FeedServer) -> None:
    feed_server.set("/slow", body=RSS, delay=0.2)
    async with HttpFetcher(policy=LOOPBACK, per_host=2) as fetcher:
        results = await asyncio.gather(*(fetcher.fetch(feed_server.url(f"/slow?n={i}"))
                                         for i in range(6)))
    assert all(r.body == RSS for r in results)
    assert feed_server.max_in_flight == 2


async def test_per_host_cap_is_per_host(feed_server: FeedServer) -> None:
    """127.0.0.1 and localhost are two hosts: each gets its own slots."""
    feed_server.set("/slow", body=RSS, delay=0.3)
    urls = [feed_server.url("/slow"), f"http://localhost:{feed_server.port}/slow"]
    async with HttpFetcher(policy=AddressPolicy(["127.0.0.0/8", "::1/128"]),
                           per_host=1) as fetcher:
        await asyncio.gather(*(fetcher.fetch(u) for u in urls * 2))
    assert feed_server.max_in_flight == 2


@pytest.mark.parametrize("status", [429, 503])
async def test_retry_after_seconds_on_error_status(
    feed_server: FeedServer, fetcher: HttpFetcher, status: int
) -> None:
    feed_server.set("/f", body=b"slow down " * 10_000, status=status,
                    headers={"Retry-After": "120"})
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/f"))
    err = info.value
    assert err.kind == "http_status" and err.status == status and err.retry_after == 120.0
    assert len(str(err)) < 200  # the body never ends up in the message


async def test_retry_after_http_date(feed_server: FeedServer, fetcher: HttpFetcher) -> None:
    when = datetime.now(UTC) + timedelta(hours=1)
    feed_server.set("/f", status=503, headers={"Retry-After": format_datetime(when, usegmt=True)})
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/f"))
    assert info.value.retry_after is not None
    assert 3500 < info.value.retry_after <= 3600


async def test_not_found_is_http_status_without_retry(
    feed_server: FeedServer, fetcher: HttpFetcher
) -> None:
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(feed_server.url("/missing"))
    assert info.value.kind == "http_status" and info.value.status == 404
    assert info.value.retry_after is None


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/feed", "file:///etc/passwd", "feed.xml"])
async def test_non_http_scheme_refused(fetcher: HttpFetcher, url: str) -> None:
    with pytest.raises(BlockedAddress):
        await fetcher.fetch(url)


async def test_connection_refused_is_connect_error(fetcher: HttpFetcher) -> None:
    with FeedServer() as gone:
        port = gone.port  # a port that was just free and is closed again
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(f"http://127.0.0.1:{port}/f")
    assert info.value.kind == "connect"


async def test_error_message_hides_credentials(fetcher: HttpFetcher) -> None:
    with pytest.raises(FetchError) as info:
        await fetcher.fetch("ftp://bob:hunter2@127.0.0.1/feed?token=s3cret")
    assert "hunter2" not in str(info.value) + info.value.url
    assert "s3cret" not in str(info.value) + info.value.url


def test_parse_retry_after() -> None:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    assert parse_retry_after("30") == 30.0
    assert parse_retry_after("Wed, 01 Jan 2025 00:02:00 GMT", now=now) == 120.0
    assert parse_retry_after("Tue, 31 Dec 2024 00:00:00 GMT", now=now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_parse_max_age() -> None:
    assert parse_max_age("public, max-age=300") == 300.0
    assert parse_max_age("max-age=300, no-store") is None
    assert parse_max_age("no-cache") is None
    assert parse_max_age("private") is None
    assert parse_max_age(None) is None
