"""Tenancy after its security review: the operator's feeds stay everyone's when a server links
them, a server's tags stay its own, members' DMs are DMs, a feed's adder leaves with its link,
"Updated:" replies follow the audience, and the dashboard shows no feed token."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.delivery import Destination
from bot.feeds.manage import OPERATOR, Actor, FeedError, FeedService
from bot.models import FeedItem
from bot.routing import updates
from bot.store import briefs as brief_store
from bot.store import dashboard as dash_store
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store import servers as server_store
from bot.store import tenancy
from bot.store.schema import feeds
from tests.support.tenancy import PRIVATE, ask, everyone_follows_everything, private_feed, ref
from tests.support.world import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")

OPML = b"""<?xml version="1.0"?><opml version="2.0"><body>
<outline type="rss" text="Wire" xmlUrl="https://wire.example/rss"/></body></opml>"""


def _edited(title: str, text: str) -> FeedItem:
    """World.brief's first entry (``k1``) as a later poll sees it edited."""
    return FeedItem(entry_key="k1", id_kind="guid", title=title, link=None, published=None,
                    text=text, content_hash=hashlib.sha256(text.encode()).hexdigest())


async def _route_count(world: World, feed_id: int, title: str) -> int:
    return await world.route(await world.brief(feed_id, title))


@pytest.mark.parametrize("door", ["cli", "opml"])
async def test_a_server_linking_the_operators_feed_keeps_it_everyones(world: World,
                                                                     door: str) -> None:
    service = FeedService(world.db)
    url = "https://wire.example/rss"
    if door == "cli":
        await service.add(url, actor=OPERATOR)
    else:
        await service.import_opml(OPML, actor=OPERATOR)
    await everyone_follows_everything(world)
    linked = await ask(world, f"/feeds add {url} mine", server="A")
    assert not linked.error, linked.text
    async with world.db.read() as conn:
        row = await feed_store.find_servers_feed(conn, None, url)
    assert row is not None
    assert await _route_count(world, row.id, "Wire story") == 3
    # from chat: refused, with the reason, and nothing changed
    for command in (f"/feeds remove {row.id}", f"/feeds enable {row.id}"):
        reply = await ask(world, command, server="A")
        assert reply.error and "operator" in reply.text, reply.text
    with pytest.raises(FeedError, match="operator"):  # a server admin's dashboard
        await service.disable(str(row.id), actor=Actor(scope=("A",), remote=True),
                              reason="A wants it off")
    async with world.db.read() as conn:
        after = await feed_store.find_servers_feed(conn, None, url)
    assert after is not None and after.disabled_at is None
    assert await _route_count(world, row.id, "Wire story two") == 3


async def test_a_servers_tags_on_its_feed_are_its_own(world: World) -> None:
    feed = await private_feed(world, "clientx")
    assert not (await ask(world, f"/feeds add {PRIVATE}", server="C")).error
    async with world.db.read() as conn:
        stored = (await conn.execute(select(feeds.c.tags).where(feeds.c.id == feed))).scalar()
        for_c = await brief_store.known_tags(conn, ("C",))
        for_a = await brief_store.known_tags(conn, ("A",))
    assert stored == []
    assert "clientx" not in for_c
    assert for_a["clientx"] >= 1  # A's autocomplete still offers its own tag
    for server in ("A", "C"):
        assert not (await ask(world, "/subscribe tag:clientx", server=server)).error
    assert await world.route(await world.brief(feed, "Client X signs deal")) == 1
    assert await world.delivered(ref("A")) == ["Client X signs deal"]
    assert await world.delivered(ref("C")) == []


async def test_the_adder_leaves_with_its_link(world: World) -> None:
    feed = await private_feed(world)
    assert not (await ask(world, f"/feeds add {PRIVATE}", server="B")).error
    assert not (await ask(world, f"/feeds remove {feed}", server="A")).error
    async with world.db.read() as conn:
        row = await feed_store.find_servers_feed(conn, None, str(feed))
        counted = await feed_store.count_added_by(conn, ref("A"))
    assert row is not None
    assert (row.added_by, row.added_server) == (ref("B"), "B")
    assert counted == 0


async def test_dm_locales_are_the_members_own(world: World) -> None:
    async with world.db.begin() as conn:
        await dest_store.get_or_create(conn, Destination("test:S-news"), now=world.now,
                                       server="S")
        await dest_store.get_or_create(conn, Destination("test:S-dm"), now=world.now,
                                       server="S", dm=True)
        await server_store.note_platform_locale(conn, "S", "ko", now=world.now)
        assert (await dest_store.get(conn, "test:S-dm")).locale == "en"  # type: ignore[union-attr]
        await server_store.choose_locale(conn, "S", "ja", now=world.now)
        channel = await dest_store.get(conn, "test:S-news")
        dm = await dest_store.get(conn, "test:S-dm")
    assert channel is not None and channel.locale == "ja"
    assert dm is not None and dm.locale == "en"


async def test_the_dashboard_overview_shows_no_feed_token(world: World) -> None:
    feed = await private_feed(world)
    async with world.db.begin() as conn:
        await feed_store.record_failure(conn, feed, now=world.now, error="HTTP 500",
                                        failures=1, next_check_at=world.now,
                                        disable_reason=None)
        errors = await dash_store.recent_errors(conn, None, now=world.now)
    shown = " ".join(error.what for error in errors)
    assert "paid.example" in shown and "s3cr3t" not in shown


async def test_updates_follow_the_audience(world: World) -> None:
    async with world.db.begin() as conn:  # one community, then the operator isolates it
        await tenancy.write_mode(conn, tenancy.SHARED, source="config", now=world.now)
    for server in ("A", "C"):
        assert not (await ask(world, "/updates on", server=server)).error
    await everyone_follows_everything(world)
    feed = await private_feed(world)
    text_ = "The council approved the budget. Spending rises 3% next year."
    await world.route(await world.brief(feed, "Council passes budget", text=text_))
    await world.delivered(ref("A"))
    async with world.db.begin() as conn:
        await tenancy.write_mode(conn, tenancy.ISOLATED, source="config", now=world.now)
    world.now += timedelta(hours=2)
    edited = _edited("Council passes budget", text_.replace("3%", "5%"))
    async with world.db.begin() as conn:
        assert await updates.note_edit(conn, feed, edited, now=world.now) == 1
    await world.delivered(ref("A"))
    replies = [d.destination.ref for d in world.platform.deliveries if d.message.update]
    assert replies == [ref("A")]


async def test_feeds_status_lists_no_members_dm(world: World) -> None:
    async with world.db.begin() as conn:
        for where, dm in (("test:A-gone", False), ("test:A-dm", True)):
            dest = await dest_store.get_or_create(conn, Destination(where), now=world.now,
                                                  server="A", dm=dm)
            await dest_store.pause(conn, dest.id, "forbidden", now=world.now)
    status = (await ask(world, "/feeds status", server="A")).text
    assert "test:A-gone" in status and "test:A-dm" not in status
