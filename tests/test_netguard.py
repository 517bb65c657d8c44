"""The address guard: which addresses are refused, and that the check holds at connect time."""

from __future__ import annotations

import httpx
import pytest

from bot.errors import BlockedAddress, FetchError
from bot.netguard import AddressPolicy, check_url, redact_url
from bot.netguard.transport import GuardedTransport
from tests.support.feedserver import FeedServer, feed_server  # noqa: F401

REFUSED = [
    "127.0.0.1", "127.255.0.7", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.1",
    "192.168.1.1", "169.254.169.254", "169.254.0.1", "100.64.0.1", "0.0.0.0", "224.0.0.1",
    "239.255.255.250", "240.0.0.1", "255.255.255.255", "192.0.2.1", "198.18.0.1",
    "::1", "::", "fe80::1", "fe80::1%eth0", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "2002:7f00:1::1",
    "2002:a00:1::1", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "::127.0.0.1", "2001:db8::1",
    "not-an-ip", "",
]
ALLOWED = ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700::1", "2001:4860:4860::8888",
           "::ffff:8.8.8.8", "2002:808:808::1", "64:ff9b::808:808"]


@pytest.mark.parametrize("address", REFUSED)
def test_refused_by_default(address: str) -> None:
    assert AddressPolicy().is_allowed(address) is False


@pytest.mark.parametrize("address", ALLOWED)
def test_public_allowed(address: str) -> None:
    assert AddressPolicy().is_allowed(address) is True


def test_allow_private_opens_only_the_listed_ranges() -> None:
    policy = AddressPolicy(["127.0.0.0/8", "10.1.0.0/16"])
    assert policy.is_allowed("127.0.0.1")
    assert policy.is_allowed("::ffff:127.0.0.1")  # the mapped form of an allowed address
    assert policy.is_allowed("10.1.2.3")
    assert not policy.is_allowed("10.2.0.1")
    assert not policy.is_allowed("169.254.169.254")
    assert not policy.is_allowed("::1")


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "ftp://example.com/feed", "gopher://example.com", "javascript:alert(1)",
    "http://", "example.com/feed", "http://127.0.0.1/feed", "http://[::1]:8080/",
    "http://169.254.169.254/latest/meta-data/", "https://[::ffff:10.0.0.1]/",
])
def test_check_url_refuses(url: str) -> None:
    with pytest.raises(BlockedAddress) as info:
        check_url(url)
    assert info.value.kind == "blocked"


def test_check_url_unparseable_is_bad_url() -> None:
    with pytest.raises(FetchError) as info:
        check_url("http://[::1")
    assert info.value.kind == "bad_url"


@pytest.mark.parametrize("port", [0, 65536, 99999])
def test_check_url_port_out_of_range_is_bad_url(port: int) -> None:
    with pytest.raises(FetchError) as info:
        check_url(f"http://feeds.example.com:{port}/x?token=s3cret")
    assert info.value.kind == "bad_url" and not isinstance(info.value, BlockedAddress)
    assert "s3cret" not in str(info.value) + info.value.url


@pytest.mark.parametrize("url", ["http://xn--a.com/x", "http://xn--/x"])
def test_invalid_punycode_is_bad_url(url: str) -> None:
    """yarl decodes an xn-- label only when the host is read; the error must not escape bare."""
    with pytest.raises(FetchError) as info:
        check_url(url)
    assert info.value.kind == "bad_url"


# Hostile spellings of a URL: each is refused with a FetchError (bad_url) or BlockedAddress, never
# another exception (which the poller logs as a crash and a chat command misses), and never let
# through repaired into some other host.
HOSTILE = [
    # ASCII control characters and spaces: yarl would repair "exam\tple.com" into example.com
    "http://exam\tple.com/x", "http://example.com\n.evil/x", "http://\x00.com",
    "http://example.com\r\n/x", "http://ex ample.com/", " http://example.com/", "http://a\x7f.com/",
    "http://example.com/\x1b[2J",
    # IDNA: invalid punycode (yarl decodes it only when the host is read)
    "http://xn--a.com/x", "http://xn--/x", "https://xn--a.xn--b.example/", "http://\u200b.com/",
    # backslashes
    "http://example.com\\@evil.com/", "http://evil.com\\.example.com/", "http:\\\\127.0.0.1\\",
    # user info hiding the real host
    "http://example.com@127.0.0.1/", "http://example.com:80@10.0.0.1/", "http://a@b@127.0.0.1/",
    "http://user:pass@[::1]/",
    # decimal, octal, hex and short IPv4 (the system resolver reads them all as 127.0.0.1)
    "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://0x7f000001/",
    "http://127.1/", "http://0x7f.1/", "http://017700000001/",
    # IPv6 zone ids, even on a public address
    "http://[fe80::1%25eth0]/", "http://[::1%25lo]/", "http://[2606:4700::1%25eth0]/",
    # ports
    "http://example.com:0/", "http://example.com:65536/", "http://example.com:99999/",
    "http://example.com:-1/", "http://example.com:80x/",
    # trailing dots on literals
    "http://127.0.0.1./", "http://169.254.169.254../", "http://[::ffff:127.0.0.1]./",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_url_forms_are_refused_cleanly(url: str) -> None:
    with pytest.raises(FetchError) as info:  # BlockedAddress is a FetchError
        check_url(url)
    assert info.value.kind in {"bad_url", "blocked"}
    assert "\n" not in str(info.value)  # one clear line


def test_check_url_passes_names_and_public_literals() -> None:
    assert check_url("https://example.com/feed.xml").host == "example.com"
    assert check_url("http://8.8.8.8/x").host == "8.8.8.8"
    assert check_url("http://example.com:65535/x").port == 65535
    assert check_url("http://example.com./x").host == "example.com."  # a name, vetted at connect
    assert check_url("http://134744072/x").host == "134744072"  # 8.8.8.8 spelled in decimal
    assert check_url("http://127.0.0.1/x", AddressPolicy(["127.0.0.1/32"])).explicit_port is None


def test_redact_url_drops_credentials_and_query() -> None:
    shown = redact_url("https://user:hunter2@example.com/feed?token=s3cret#frag")
    assert "hunter2" not in shown and "s3cret" not in shown and "user" not in shown
    assert shown.startswith("https://example.com/feed")


async def test_dns_rebinding_refused_at_connect(
    feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """check_url passes a host name; at connect it resolves to loopback and must be refused."""
    feed_server.set("/feed.xml", body=b"<rss/>")
    calls: list[str] = []

    async def rebinding(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    monkeypatch.setattr("bot.netguard.resolve", rebinding)
    policy = AddressPolicy()
    url = f"http://feeds.example.com:{feed_server.port}/feed.xml"
    check_url(url, policy)  # the name alone looks fine
    async with httpx.AsyncClient(transport=GuardedTransport(policy), trust_env=False) as client:
        with pytest.raises(BlockedAddress):
            await client.get(url)
    assert calls == ["feeds.example.com"]
    assert feed_server.hits("/feed.xml") == 0


async def test_connects_to_the_vetted_address_with_the_original_host(
    feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only allowed addresses are tried, and the Host header still names the site."""
    feed_server.set("/feed.xml", body=b"<rss/>")

    async def mixed(host: str, port: int) -> list[str]:
        return ["10.9.9.9", "127.0.0.1"]  # 10.x is refused, so it is never even tried

    monkeypatch.setattr("bot.netguard.resolve", mixed)
    policy = AddressPolicy(["127.0.0.0/8"])
    async with httpx.AsyncClient(transport=GuardedTransport(policy), trust_env=False) as client:
        response = await client.get(f"http://feeds.example.com:{feed_server.port}/feed.xml")
    assert response.content == b"<rss/>"
    assert feed_server.last_headers("/feed.xml")["host"] == f"feeds.example.com:{feed_server.port}"


async def test_env_proxy_does_not_bypass_the_guard(
    feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A proxy in the environment is ignored: the request goes direct, through the guard."""
    feed_server.set("/feed.xml", body=b"direct")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:9")
    from bot.feeds.fetch import HttpFetcher

    async with HttpFetcher(policy=AddressPolicy(["127.0.0.0/8"])) as fetcher:
        result = await fetcher.fetch(feed_server.url("/feed.xml"))
    assert result.body == b"direct"
