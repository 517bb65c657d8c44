"""The fetch stage's handling of the bytes on the wire, against raw loopback servers: content
codings and decompression bombs, capped wire bytes, kept connections and redirect bodies
(moved out of tests/test_fetch.py, which kept caching, limits, redirects and errors)."""

from __future__ import annotations

import asyncio
import gzip
import tracemalloc
import zlib
from collections.abc import AsyncIterator

import pytest

from bot.errors import FetchError
from bot.feeds.fetch import HttpFetcher
from tests.support.feedserver import FeedServer, feed_server  # noqa: F401
from tests.support.fetching import LOOPBACK, RSS, fetcher  # noqa: F401


def test_bounded_decoder_never_inflates_more_than_a_chunk_at_once() -> None:
    """A bomb's compressed bytes come out in pieces of at most 64 KiB, so the cap can stop it
    before the whole thing sits in memory."""
    from bot.feeds.fetch import _BoundedDecoder

    bomb = gzip.compress(b"\0" * 20_000_000)
    decoder = _BoundedDecoder("gzip")
    sizes = [len(p) for p in decoder.feed(bomb)] + [len(decoder.flush())]
    assert max(sizes) <= 64 * 1024
    assert sum(sizes) == 20_000_000


# -- every Content-Encoding chain is decoded under the cap, or refused ---------------------------

def _gzip_layers(inflated: int, layers: int) -> bytes:
    """``inflated`` zero bytes gzipped ``layers`` times, built a megabyte at a time."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1 << 20)
    data = b"".join(comp.compress(zeros) for _ in range(inflated >> 20)) + comp.flush()
    for _ in range(layers - 1):
        data = gzip.compress(data, compresslevel=9)
    return data


@pytest.fixture
async def raw_server() -> AsyncIterator[tuple[str, dict[str, bytes]]]:
    """A loopback server answering each path with exact response bytes, so a test can send
    repeated headers that ordinary servers merge. The connection serves the next request unless
    the answer says ``Connection: close``, and is held open after an answer with
    ``Content-Length: 100`` (a body shorter than that stalls the reader) until the test ends."""
    answers: dict[str, bytes] = {}
    done = asyncio.Event()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while not done.is_set():
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except (asyncio.IncompleteReadError, ConnectionError):
                break  # the client closed a kept connection
            path = head.split(b" ", 2)[1].decode()
            answer = answers.get(path, b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
            writer.write(answer)
            await writer.drain()
            if b"Connection: close\r\n" in answer:
                break
            if b"Content-Length: 100\r\n" in answer:
                await done.wait()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", answers
    done.set()
    server.close()
    await server.wait_closed()


def _response(body: bytes, *headers: str) -> bytes:
    lines = ["HTTP/1.1 200 OK", "Content-Type: application/rss+xml",
             f"Content-Length: {len(body)}", "Connection: close", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@pytest.mark.parametrize("headers", [
    ("Content-Encoding: gzip, gzip",),
    ("Content-Encoding: gzip", "Content-Encoding: gzip"),
    ("Content-Encoding: gzip,gzip", "Content-Encoding: identity"),
])
async def test_stacked_gzip_bomb_is_decoded_under_the_cap(
        raw_server: tuple[str, dict[str, bytes]], fetcher: HttpFetcher,
        headers: tuple[str, ...]) -> None:
    """issue 13.1: a 2-layer bomb (a few kB on the wire, 300 MB inflated) used to fall through to
    httpx's unbounded decoders; now each layer inflates 64 KiB at a time and the cap stops it.
    The Python heap peak proves nothing near the inflated size was ever held."""
    base, answers = raw_server
    bomb = _gzip_layers(300 << 20, 2)
    assert len(bomb) < 20_000
    answers["/bomb"] = _response(bomb, *headers)
    tracemalloc.start()
    try:
        with pytest.raises(FetchError) as info:
            await fetcher.fetch(base + "/bomb")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.kind == "too_large"
    assert "decompressed" in str(info.value)
    assert peak < 10 * 1024 * 1024, f"heap peak {peak / 1e6:.1f} MB"


async def test_stacked_gzip_within_the_cap_is_decoded(
        raw_server: tuple[str, dict[str, bytes]], fetcher: HttpFetcher) -> None:
    base, answers = raw_server
    answers["/two"] = _response(gzip.compress(gzip.compress(RSS)), "Content-Encoding: gzip",
                                "Content-Encoding: gzip")
    comp = zlib.compressobj()
    answers["/mixed"] = _response(gzip.compress(comp.compress(RSS) + comp.flush()),
                                  "Content-Encoding: deflate, gzip")
    answers["/members"] = _response(gzip.compress(RSS[:20]) + gzip.compress(RSS[20:]),
                                    "Content-Encoding: gzip")
    for path in ("/two", "/mixed", "/members"):
        assert (await fetcher.fetch(base + path)).body == RSS, path


@pytest.mark.parametrize("coding", ["br", "zstd", "compress", "gzip, gzip, gzip", "x-unknown"])
async def test_unknown_or_long_coding_chains_are_refused(
        raw_server: tuple[str, dict[str, bytes]], fetcher: HttpFetcher, coding: str) -> None:
    """br/zstd are not asked for (Accept-Encoding: gzip, deflate); a server sending them anyway,
    or a chain of three, is refused rather than handed to an unbounded decoder."""
    base, answers = raw_server
    answers["/x"] = _response(b"\x00" * 100, f"Content-Encoding: {coding}")
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(base + "/x")
    assert info.value.kind == "decode"


async def test_compressed_wire_bytes_are_capped_too(
        raw_server: tuple[str, dict[str, bytes]], fetcher: HttpFetcher) -> None:
    """Empty deflate blocks inflate to nothing: the raw byte count is capped as well."""
    base, answers = raw_server
    comp = zlib.compressobj(wbits=16 + zlib.MAX_WBITS)
    body = b"".join(comp.compress(b"") + comp.flush(zlib.Z_FULL_FLUSH) for _ in range(300_000))
    assert len(body) > 1_000_000
    answers["/empty"] = _response(body + comp.flush(), "Content-Encoding: gzip")
    with pytest.raises(FetchError) as info:
        await fetcher.fetch(base + "/empty")
    assert info.value.kind == "too_large"


async def test_unchanged_feeds_and_redirects_keep_their_connection(
        feed_server: FeedServer, fetcher: HttpFetcher) -> None:
    """An unchanged feed (304) or a redirect leaves its connection in the pool: each used to
    close it, so every poll of an unchanged feed paid a new connect, and over https a TLS
    handshake (issue 26)."""
    feed_server.set("/f", body=RSS, etag='"v1"')
    feed_server.redirect("/old", "/f", status=302)
    first = await fetcher.fetch(feed_server.url("/f"))
    for _ in range(5):
        assert (await fetcher.fetch(feed_server.url("/f"), etag=first.etag)).not_modified
        assert (await fetcher.fetch(feed_server.url("/old"))).body == RSS
    assert feed_server.connections == 1


# -- a redirect's body is drained raw, capped, and a bad one costs only the connection ---------

def _redirect(body: bytes, *headers: str) -> bytes:
    lines = ["HTTP/1.1 301 Moved Permanently", "Location: /feed", f"Content-Length: {len(body)}",
             *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


@pytest.mark.parametrize("answer", [
    _redirect(b"<html>moved</html>", "Content-Encoding: gzip"),  # not gzip: a DecodingError
    _redirect(b"<html>mov", "Connection: close").replace(b"Content-Length: 9",
                                                         b"Content-Length: 90"),  # cut short
    _redirect(b"<html>mov").replace(b"Content-Length: 9", b"Content-Length: 100"),  # stalls
], ids=["not-gzip", "cut-short", "stalled"])
async def test_a_redirect_with_a_bad_body_is_still_followed(
        raw_server: tuple[str, dict[str, bytes]], answer: bytes) -> None:
    """issue 26 review: the redirect body was read with aread() outside any error handling, so a
    bad one crashed the poll (an "internal" error, back-off, eventual disable)."""
    base, answers = raw_server
    answers["/old"] = answer
    answers["/feed"] = _response(RSS).replace(b"Connection: close\r\n", b"")
    async with HttpFetcher(policy=LOOPBACK, total_timeout=5.0) as fetcher:
        # a read timeout shorter than the total, so a stalled body times out the read
        fetcher._timeouts = {**fetcher._timeouts, "read": 0.3}
        result = await fetcher.fetch(base + "/old")
    assert result.body == RSS and result.permanent_url == base + "/feed"


async def test_a_redirect_body_is_never_decompressed(
        raw_server: tuple[str, dict[str, bytes]], fetcher: HttpFetcher) -> None:
    """A 16 KiB gzip redirect body inflates to 16 MB: it is thrown away, so it is read raw."""
    base, answers = raw_server
    bomb = _gzip_layers(16 << 20, 1)
    assert len(bomb) < 16 * 1024
    answers["/old"] = _redirect(bomb, "Content-Encoding: gzip", "Connection: close")
    answers["/feed"] = _response(RSS)
    tracemalloc.start()
    try:
        result = await fetcher.fetch(base + "/old")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.body == RSS
    assert peak < 4 * 1024 * 1024, f"heap peak {peak / 1e6:.1f} MB"
