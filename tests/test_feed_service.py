"""One feed-management service behind every door (issue 14.4): the same bad input gets the same
refusal from chat's /feeds add, the dashboard's Feeds page and `newsbrief feeds add`, and the
👍 / 👎 votes per feed show in `newsbrief feeds status` and the dashboard's feed list (18.6)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from bot.cli.feeds import _dispatch, run_feeds_command
from bot.config import Secrets
from bot.dashboard.auth import Principal
from bot.delivery import CommandRequest, Destination
from bot.feeds.manage import (
    OPERATOR,
    Actor,
    BadFeedUrl,
    FeedLimit,
    FeedLimits,
    FeedService,
    SharedFeed,
)
from bot.outbox.queue import enqueue
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store import reactions as reaction_store
from bot.store.schema import outbox
from tests.support.crash_delivery import add_brief
from tests.support.dashboard import Harness, dashboard_harness, dashboard_settings
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
CHANNEL, GUILD = "discord:111", "G1"
ADMIN = Principal("discord", "4001", "Ada", {GUILD: "Guild One"})

PRIVATE = "http://169.254.169.254/latest/meta-data/"  # cloud metadata: a literal, no DNS
SCRIPT = "javascript:alert(1)"
REFUSALS = {
    PRIVATE: "Cannot add that feed: it points at a private or reserved address (the operator "
             "can allow its network in network.allow_private).",
    SCRIPT: "Cannot add that feed: only http:// and https:// feeds can be added.",
}


@pytest.fixture
async def h(tmp_path: Path) -> AsyncIterator[Harness]:
    settings = dashboard_settings(tmp_path)
    settings = settings.model_copy(update={"limits": settings.limits.model_copy(
        update={"feeds_per_server": 2})})
    async with dashboard_harness(settings) as harness:
        async with harness.app.db.begin() as conn:
            dest = await dest_store.get_or_create(conn, Destination(CHANNEL), now=NOW,
                                                  server=GUILD)
        harness.act_as(ADMIN)
        harness.dest_id = dest.id  # type: ignore[attr-defined]
        yield harness


async def chat(h: Harness, url: str) -> tuple[bool, str]:
    reply = await h.app.commands.handle(CommandRequest(
        command="feeds", args=f"add {url}", user="u1", where=Destination(CHANNEL),
        is_admin=True, server=GUILD))
    return reply.error, reply.text


async def dashboard(h: Harness, url: str) -> tuple[bool, str]:
    response = await h.post("/feeds/add", {"url": url, "destination": str(h.dest_id)},  # type: ignore[attr-defined]
                            page="/feeds")
    if response.status == 303:  # added: the message is the next page's flash
        return False, await (await h.client.get("/feeds")).text()
    return True, await response.text()


async def cli(h: Harness, url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = await run_feeds_command("add", h.app.settings, Secrets(values={}), url=url, tags="",
                                   title=None, check=False)
    out = capsys.readouterr()
    return code, out.out + out.err


async def urls(h: Harness) -> list[str]:
    async with h.app.db.read() as conn:
        return [row.url for row in await feed_store.list_feeds(conn)]


@pytest.mark.parametrize("url", [PRIVATE, SCRIPT])
async def test_a_bad_url_gets_the_same_refusal_through_every_door(
        h: Harness, url: str, capsys: pytest.CaptureFixture[str]) -> None:
    said = REFUSALS[url]
    refused, text = await chat(h, url)
    assert refused and text == said
    refused, page = await dashboard(h, url)
    assert refused and said in page
    code, printed = await cli(h, url, capsys)
    assert code == 2 and printed.strip() == f"newsbrief: {said}"
    with pytest.raises(BadFeedUrl, match="Cannot add that feed"):
        await FeedService(h.app.db).add(url, actor=OPERATOR)
    assert await urls(h) == []  # nothing stored by any door


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    """Loopback feeds: chat's /feeds add reads a feed before it adds it."""
    with FeedServer() as srv:
        for path in ("/rss", "/f1.xml", "/f2.xml"):
            srv.set(path, rss("News", [item(1)]))
        yield srv


async def test_a_duplicate_is_stored_once_whichever_door_adds_it(
        h: Harness, capsys: pytest.CaptureFixture[str], feeds: FeedServer) -> None:
    url = feeds.url("/rss")
    code, printed = await cli(h, url, capsys)
    assert code == 0 and printed.startswith("added: #1")
    code, printed = await cli(h, url, capsys)
    assert code == 0 and printed.startswith("already present: #1")
    refused, text = await chat(h, url)  # the feed exists; this server starts using it
    assert not refused and "Added feed 1" in text
    refused, text = await chat(h, url)
    assert not refused and text.startswith(f"Already reading {url} (feed 1)")
    refused, page = await dashboard(h, url)
    assert not refused and f"Already reading {url} (feed 1)" in page
    assert await urls(h) == [url]


async def test_over_the_server_limit_is_refused_by_chat_and_the_dashboard_alike(
        h: Harness, feeds: FeedServer) -> None:
    """The limits are a server's (2 here); the operator's shell has none."""
    for n in (1, 2):
        assert not (await chat(h, feeds.url(f"/f{n}.xml")))[0]
    said = "This server has reached its limit of 2 feeds; remove one first."
    refused, text = await chat(h, "https://f3.example/rss")
    assert refused and text == said
    refused, page = await dashboard(h, "https://f3.example/rss")
    assert refused and said in page
    actor = Actor(where=CHANNEL, server=GUILD, scope=(GUILD,))
    with pytest.raises(FeedLimit):
        await FeedService(h.app.db, limits=FeedLimits(per_server=2)).add(
            "https://f3.example/rss", actor=actor)
    assert "https://f3.example/rss" not in await urls(h)
    await FeedService(h.app.db).add("https://f3.example/rss", actor=OPERATOR)
    assert "https://f3.example/rss" in await urls(h)


async def test_a_server_cannot_disable_a_feed_another_server_uses(h: Harness) -> None:
    service = FeedService(h.app.db)
    one = Actor(where=CHANNEL, server=GUILD, scope=(GUILD,))
    two = Actor(where="discord:222", server="G2", scope=("G2",))
    added = await service.add("https://shared.example/rss", actor=one)
    await service.add("https://shared.example/rss", actor=two)
    with pytest.raises(SharedFeed):
        await service.disable(str(added.feed_id), actor=one, reason="mine")
    removed = await service.remove(str(added.feed_id), actor=one)
    assert removed.servers == (GUILD,)
    assert await urls(h) == ["https://shared.example/rss"]  # G2 still reads it


# -- 👍 / 👎 per feed in the CLI's status and the dashboard's list (issue 18.6) -----------------

async def _votes(h: Harness) -> int:
    """Feed 1 with one posted brief voted 👍 twice and 👎 once; its id."""
    brief_id = await add_brief(h.app.db, 1, now=NOW)
    async with h.app.db.begin() as conn:
        await enqueue(conn, key="vote-test", destination_id=h.dest_id,  # type: ignore[attr-defined]
                      now=NOW, brief_id=brief_id)
        outbox_id = (await conn.execute(select(outbox.c.id))).scalar_one()
        for user, emoji in (("u1", "👍"), ("u2", "👍"), ("u3", "👎")):
            await reaction_store.record_vote(conn, outbox_id, user, emoji, now=NOW)
        feed_id = (await feed_store.list_feeds(conn))[0].id
        await feed_store.link_server(conn, feed_id, GUILD, now=NOW)
    return int(feed_id)


async def test_votes_per_feed_show_in_the_cli_status(h: Harness,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    feed_id = await _votes(h)
    service = FeedService(h.app.db)
    assert (await service.status(OPERATOR)).votes_of(feed_id) == (2, 1)
    assert await _dispatch("status", SimpleNamespace(as_json=False), service) == 0
    text = capsys.readouterr().out
    assert f"#{feed_id} http://127.0.0.1/feed.xml" in text and "👍 2 👎 1" in text
    assert "Loopback News #ai: 👍 2  👎 1" in text  # and by tag, as /feeds status shows them
    await _dispatch("status", SimpleNamespace(as_json=True), service)
    assert '"votes": {\n        "up": 2,\n        "down": 1\n      }' in capsys.readouterr().out


async def test_votes_per_feed_show_in_the_dashboard_feed_list(h: Harness) -> None:
    await _votes(h)
    page = await (await h.client.get("/feeds")).text()
    assert "👍 2 👎 1" in page and 'aria-label="2 thumbs up, 1 thumbs down"' in page
    h.act_as(Principal("discord", "4002", "Bo", {"G2": "Guild Two"}))
    assert "thumbs up" not in await (await h.client.get("/feeds")).text()  # not their feed


async def test_paused_destinations_in_a_dm_are_only_that_dm(h: Harness) -> None:
    """A DM has no server: asking for "server None or this ref" must not match every
    destination that has no server (other people's DMs, webhooks, the console)."""
    async with h.app.db.begin() as conn:
        for ref, server in (("discord:dm-mine", None), ("discord:dm-other", None),
                            ("slack:C9", "T9")):
            row = await dest_store.get_or_create(conn, Destination(ref), now=NOW, server=server)
            await dest_store.pause(conn, row.id, f"{ref} gone", now=NOW)
        mine = await feed_store.paused_destinations(conn, None, "discord:dm-mine")
        in_t9 = await feed_store.paused_destinations(conn, "T9", None)
        every = await feed_store.paused_destinations(conn, None, None)
    assert [p.ref for p in mine] == ["discord:dm-mine"]
    assert [p.ref for p in in_t9] == ["slack:C9"]
    assert {p.ref for p in every} == {"discord:dm-mine", "discord:dm-other", "slack:C9"}


@pytest.mark.parametrize("url", ["http://exam\tple.org/rss", "http://example.org\n.evil/rss"])
async def test_a_url_with_a_control_character_is_refused_not_repaired(h: Harness, url: str) -> None:
    """The URL parsers drop a tab or newline from the host (example.org, example.org.evil), so
    the feed stored would not be the one asked for: refused from the trusted door too."""
    with pytest.raises(BadFeedUrl, match="that is not a valid URL"):
        await FeedService(h.app.db).add(url, actor=OPERATOR)
    assert await urls(h) == []


@pytest.mark.parametrize("url", ["http://[::1", "http://example.org:99999/rss",
                                 "http://xn--a.com/", "http://xn--/rss"])
async def test_a_malformed_url_is_refused_not_raised(h: Harness, url: str) -> None:
    refused, text = await chat(h, url)
    assert refused and text == "Cannot add that feed: that is not a valid URL."
    assert await urls(h) == []
