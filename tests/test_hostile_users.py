"""Hostile chat users through the real command core (App.commands: real Briefer, real guarded
fetcher): floods, huge arguments, SSRF through /feeds add and /brief, rights, per-server limits.

Platform-side admin mapping is proved in tests/test_discord_commands.py and
tests/test_slack_commands.py; the core's own conversations in tests/test_commands.py.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.commands import CommandCore
from bot.config import DestinationSettings, Secrets, Settings, SubscriptionSettings
from bot.delivery import CommandReply, CommandRequest, Destination
from bot.store.feeds import add_feed, list_feeds
from tests.support.clock import Clock
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

CHANNEL = "test:general"
PRIVATE_URLS = [
    "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "http://127.0.0.1/",
    "http://[::1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://10.0.0.1/",
    "http://0.0.0.0/",
]




class Chat:
    """A channel where people type commands into the app's real command core."""

    def __init__(self, app: App, clock: Clock) -> None:
        self.app = app
        self.clock = clock
        self.core: CommandCore = app.commands

    async def say(self, text: str, *, user: str = "u1", where: str = CHANNEL,
                  admin: bool = True) -> CommandReply:
        name, _, args = text.strip().lstrip("/").partition(" ")
        return await self.core.handle(CommandRequest(
            command=name, args=args.strip(), user=user, where=Destination(where),
            dm=Destination(f"test:dm-{user}"), is_admin=admin))

    async def feed_urls(self) -> list[str]:
        async with self.app.db.begin() as conn:
            return [row.url for row in await list_feeds(conn)]


MakeChat = Callable[..., Awaitable[Chat]]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


@pytest.fixture
async def make_chat(tmp_path: Path) -> AsyncIterator[MakeChat]:
    apps: list[App] = []

    async def build(*, allow_private: list[str] | None = None,
                    limits: dict[str, int] | None = None) -> Chat:
        clock = Clock()
        settings = Settings(
            data_dir=tmp_path, summarizer={"full_text": False}, limits=limits or {},
            network={"allow_private": allow_private or [], "total_timeout": 5.0},
            destinations=[DestinationSettings(ref="console:",
                                              subscriptions=[SubscriptionSettings()])])
        app = await App.create(settings, Secrets(values={}),
                               adapters={"console": RecordingAdapter(name="console")},
                               clock=clock)
        apps.append(app)
        return Chat(app, clock)

    yield build
    for app in apps:
        await app.close()


async def test_a_flood_from_one_user_is_rate_limited_politely(make_chat: MakeChat) -> None:
    """hostile case: one user sends 30 commands in the same second
    expected: the first 5 (burst) are served, the rest get a polite "try again" reply; another
    user in another channel is unaffected; the flooder is served again after a pause"""
    chat = await make_chat()
    replies = [await chat.say("/subscriptions") for _ in range(30)]
    assert [r.error for r in replies[:5]] == [False] * 5
    refused = replies[5:]
    assert all(r.error and r.ephemeral for r in refused)
    assert all(r.text == "Too many commands just now; try again in a few seconds."
               for r in refused)
    assert not (await chat.say("/subscriptions", user="u2", where="test:other")).error
    chat.clock.now += timedelta(seconds=2)
    assert not (await chat.say("/subscriptions")).error


async def test_a_flood_into_one_channel_from_many_users_is_limited(make_chat: MakeChat) -> None:
    """hostile case: 20 different users (sock puppets) each send one command to one channel
    at once
    expected: the channel's own bucket (burst 10) refuses the rest politely"""
    chat = await make_chat()
    replies = [await chat.say("/subscriptions", user=f"puppet{i}") for i in range(20)]
    assert [r.error for r in replies] == [False] * 10 + [True] * 10
    assert "try again" in replies[-1].text


@pytest.mark.parametrize("command", ["/subscribe ", "/brief ", "/feeds add https://a.example/ ",
                                     "/digest time "])
async def test_a_10000_character_argument_is_refused(make_chat: MakeChat, server: FeedServer,
                                                     command: str) -> None:
    """hostile case: a 10,000-character argument to /subscribe, /brief, /feeds add, /digest
    expected: refused with "too long" before any handler runs; nothing stored, nothing fetched"""
    chat = await make_chat(allow_private=["127.0.0.0/8"])
    reply = await chat.say(command + server.url("/x") + "a" * 10_000)
    assert reply.error and "too long" in reply.text
    assert len(reply.text) < 200  # the refusal does not echo the paste back
    assert await chat.feed_urls() == []
    assert server.requests == []


@pytest.mark.parametrize("url", [*PRIVATE_URLS, "file:///etc/passwd", "gopher://127.0.0.1/"])
async def test_brief_of_a_private_or_local_url_is_refused(make_chat: MakeChat,
                                                          url: str) -> None:
    """hostile case: /brief with cloud-metadata, loopback, private, IPv4-mapped and file:// URLs
    expected: an error reply saying why; no connection is made (the conftest socket guard
    raises on any non-loopback connect, and loopback is not allow-listed here)"""
    chat = await make_chat()
    reply = await chat.say(f"/brief {url}")
    assert reply.error and reply.briefs == []
    assert ("address refused" in reply.text or "not an http(s) link" in reply.text), reply.text


async def test_brief_of_loopback_by_name_is_refused_at_connect(make_chat: MakeChat,
                                                               server: FeedServer) -> None:
    """hostile case: /brief http://localhost:<port>/ (a name, not a literal, that resolves to
    the bot's own host, where a server is listening)
    expected: refused when the resolved address is checked; the server sees no request"""
    server.set("/feed.xml", rss("Local", [item(1)]))
    chat = await make_chat()
    reply = await chat.say(f"/brief http://localhost:{server.port}/feed.xml")
    assert reply.error and "refused" in reply.text, reply.text
    assert server.requests == []


async def test_brief_results_are_cached_so_it_cannot_hammer_a_site(make_chat: MakeChat,
                                                                   server: FeedServer) -> None:
    """hostile case: the same /brief <url> asked 5 times by 5 users
    expected: the site is fetched once; all five get the brief (15-minute cache)"""
    server.set("/feed.xml", rss("Site", [item(1, topic="cache")]))
    chat = await make_chat(allow_private=["127.0.0.0/8"])
    replies = [await chat.say(f"/brief {server.url('/feed.xml')}", user=f"u{i}")
               for i in range(5)]
    assert [r.briefs[0].headline for r in replies] == ["Story 1 about the cache project"] * 5
    assert server.hits("/feed.xml") == 1


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/feed",
                                 "http://user:pw@news.example/feed"])
async def test_feeds_add_of_a_non_http_or_credentialed_url_is_refused(make_chat: MakeChat,
                                                                      url: str) -> None:
    """hostile case: /feeds add file:///etc/passwd, ftp://, a URL with credentials
    expected: refused with a clear reply; nothing stored"""
    chat = await make_chat()
    reply = await chat.say(f"/feeds add {url}")
    assert reply.error and reply.text.startswith("Cannot add that feed:"), reply.text
    assert await chat.feed_urls() == []


async def test_feeds_add_of_a_private_address_is_never_fetched(make_chat: MakeChat,
                                                               server: FeedServer) -> None:
    """hostile case: loopback and metadata feed addresses that got past /feeds add (added from
    the shell, or a name that pointed elsewhere when added), then a poll
    expected: /feeds add refuses each at once; the poll refuses every stored one at the address
    guard (last_error "blocked"); the loopback server sees no request"""
    server.set("/feed.xml", rss("Local", [item(1)]))
    chat = await make_chat()
    urls = [server.url("/feed.xml"), f"http://localhost:{server.port}/feed.xml",
            "http://169.254.169.254/latest/meta-data/"]
    for url in urls:
        assert (await chat.say(f"/feeds add {url}")).error
        async with chat.app.db.begin() as conn:
            await add_feed(conn, url, now=chat.clock.now)
    stats = await chat.app.pipeline.poll_due()
    assert server.requests == []
    async with chat.app.db.begin() as conn:
        rows = await list_feeds(conn)
    assert sorted(r.url for r in rows) == sorted(urls)
    assert stats.failed == len(urls)
    assert all((r.last_error or "").startswith("blocked: ") for r in rows), [
        r.last_error for r in rows]


@pytest.mark.parametrize("url", ["http://169.254.169.254/", "http://127.0.0.1/"])
async def test_feeds_add_of_a_private_address_is_refused_at_once(make_chat: MakeChat,
                                                                 url: str) -> None:
    """hostile case: /feeds add http://169.254.169.254/ or http://127.0.0.1/
    expected: refused with a clear reply at add time; nothing stored"""
    chat = await make_chat()
    reply = await chat.say(f"/feeds add {url}")
    assert reply.error, reply.text
    assert await chat.feed_urls() == []


async def test_non_admins_cannot_manage_a_channel(make_chat: MakeChat,
                                                 server: FeedServer) -> None:
    """hostile case: a non-admin runs /feeds add, /feeds remove, /subscribe, /unsubscribe and
    /digest time in a shared channel
    expected: each refused, naming the admin permission; nothing changes; their own DM is
    still theirs to manage"""
    chat = await make_chat(allow_private=["127.0.0.0/8"])
    server.set("/feed.xml", rss("News", [item(1)]))
    assert not (await chat.say(f"/feeds add {server.url('/feed.xml')}")).error
    await chat.say("/subscribe #ai")
    for line in ["/feeds add https://evil.example/feed.xml", "/feeds remove 1",
                 "/subscribe #crypto", "/unsubscribe #ai", "/digest time 03:00"]:
        chat.clock.now += timedelta(seconds=2)
        reply = await chat.say(line, user="mallory", admin=False)
        assert reply.error and "admin" in reply.text, (line, reply.text)
    assert await chat.feed_urls() == [server.url("/feed.xml")]
    subs = await chat.say("/subscriptions")
    assert "ai" in subs.text and "crypto" not in subs.text
    assert not (await chat.say("/subscribe #crypto dm", user="mallory", admin=False)).error


async def test_feeds_per_channel_are_limited(make_chat: MakeChat, server: FeedServer) -> None:
    """hostile case: an admin of one channel adds 30 feeds to a channel limited to 20
    expected: refused past the per-channel limit (limits.feeds_per_channel) with a clear reply,
    before the feed is fetched"""
    chat = await make_chat(limits={"feeds_per_channel": 20}, allow_private=["127.0.0.0/8"])
    replies = []
    for i in range(30):
        server.set(f"/f{i}.xml", rss(f"Feed {i}", [item(1)]))
        chat.clock.now += timedelta(seconds=2)  # stay under the rate limits: this is about totals
        replies.append(await chat.say(f"/feeds add {server.url(f'/f{i}.xml')}"))
    assert all("try again" not in r.text for r in replies)
    assert not any(r.error for r in replies[:20])
    assert all(r.error and "limit of 20 feeds" in r.text for r in replies[20:])
    assert len(await chat.feed_urls()) == 20
    assert sum(server.hits(f"/f{i}.xml") for i in range(20, 30)) == 0


async def test_subscriptions_per_channel_are_limited(make_chat: MakeChat) -> None:
    """hostile case: an admin adds 300 keyword subscriptions to one channel
    expected: the first 50 (limits.subscriptions_per_destination) are taken, every one after
    is refused with a clear reply"""
    chat = await make_chat()
    replies = []
    for i in range(300):
        chat.clock.now += timedelta(seconds=2)  # stay under the rate limits: this is about totals
        replies.append(await chat.say(f"/subscribe keyword:k{i}"))
    assert all("try again" not in r.text for r in replies)
    assert not any(r.error for r in replies[:50])
    assert all(r.error and "limit of 50 subscriptions" in r.text for r in replies[50:])
