"""The address guard on the fetcher's aiohttp connections (bot.feeds.connector): a name that
resolves to a refused address is refused at connect, and an address that reaches the socket
without passing the resolver (an IP literal) is refused by the socket factory."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from bot.errors import BlockedAddress
from bot.feeds.connector import guarded_connector
from bot.feeds.fetch import HttpFetcher
from bot.netguard import AddressPolicy
from tests.support.feedserver import FeedServer, feed_server  # noqa: F401

RSS = b"<rss version='2.0'><channel><title>t</title></channel></rss>"


@pytest.mark.parametrize("address", ["127.0.0.1", "169.254.169.254", "::1",
                                     "::ffff:127.0.0.1", "10.0.0.1"])
async def test_a_name_resolving_to_a_refused_address_is_refused_at_connect(
        feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch, address: str) -> None:
    """check_url passes the name (it is not an address); the guard refuses what it resolves to,
    as kind "blocked" (never tried and failed as "connect"), and nothing reaches the server."""
    feed_server.set("/feed.xml", body=RSS)
    asked: list[str] = []

    async def rebinding(host: str, port: int) -> list[str]:
        asked.append(host)
        return [address]

    monkeypatch.setattr("bot.netguard.resolve", rebinding)
    url = f"http://feeds.example.com:{feed_server.port}/feed.xml"
    async with HttpFetcher(policy=AddressPolicy()) as fetcher:
        with pytest.raises(BlockedAddress) as info:
            await fetcher.fetch(url)
    assert info.value.kind == "blocked" and info.value.url == url
    assert asked == ["feeds.example.com"]
    assert feed_server.hits("/feed.xml") == 0


async def test_only_allowed_addresses_are_tried(
        feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A name with a refused and an allowed address connects to the allowed one, and the Host
    header still names the site."""
    feed_server.set("/feed.xml", body=RSS)

    async def mixed(host: str, port: int) -> list[str]:
        return ["10.9.9.9", "127.0.0.1"]

    monkeypatch.setattr("bot.netguard.resolve", mixed)
    async with HttpFetcher(policy=AddressPolicy(["127.0.0.0/8"])) as fetcher:
        result = await fetcher.fetch(f"http://feeds.example.com:{feed_server.port}/feed.xml")
    assert result.body == RSS
    assert feed_server.last_headers("/feed.xml")["host"] == f"feeds.example.com:{feed_server.port}"


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]"])
async def test_the_socket_factory_refuses_an_address_the_resolver_never_saw(
        feed_server: FeedServer, host: str) -> None:
    """aiohttp connects to an IP literal without asking the resolver: the connector alone
    (no check_url in front of it) still refuses it, before any socket connects."""
    feed_server.set("/feed.xml", body=RSS)
    connector = guarded_connector(AddressPolicy(), ssl_context=False, connect_timeout=5.0)
    async with aiohttp.ClientSession(connector=connector) as session:
        with pytest.raises(BlockedAddress):
            await session.get(f"http://{host}:{feed_server.port}/feed.xml")
    assert feed_server.hits("/feed.xml") == 0


async def test_proxy_variables_in_the_environment_are_ignored(
        feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy would connect on the feed's behalf, past the guard: the fetcher goes direct,
    and the listener the proxy variables name is never connected to."""
    feed_server.set("/feed.xml", body=RSS)
    connections: list[object] = []

    async def count(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(writer.get_extra_info("peername"))
        writer.close()

    listener = await asyncio.start_server(count, "127.0.0.1", 0)
    proxy = f"http://127.0.0.1:{listener.sockets[0].getsockname()[1]}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, proxy)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    try:
        async with HttpFetcher(policy=AddressPolicy(["127.0.0.0/8"])) as fetcher:
            result = await fetcher.fetch(feed_server.url("/feed.xml"))
    finally:
        listener.close()
        await listener.wait_closed()
    assert result.body == RSS
    assert feed_server.hits("/feed.xml") == 1
    assert connections == []
