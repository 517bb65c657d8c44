"""Chat commands act on and show only the caller's server (issue 13.2, 13.3): a feed two servers
use is shared storage, not shared control; URLs are shown redacted; the operator sees all."""

from __future__ import annotations

import pytest

from bot.commands import CommandCore, split_command
from bot.delivery import CommandReply, CommandRequest, Destination, Pacing
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store.db import Database
from tests.support.world import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

SECRET_FEED = "https://private.example/feed.xml?token=s3cr3t-t0ken"


@pytest.fixture
def core(world: World) -> CommandCore:
    return CommandCore(db=world.db, clock=lambda: world.now,
                       user_rate=Pacing(1000, 1000), destination_rate=Pacing(1000, 1000))


async def ask(core: CommandCore, text: str, *, server: str | None, channel: str = "c1",
              admin: bool = True, operator: bool = False) -> CommandReply:
    name, args = split_command(text)
    return await core.handle(CommandRequest(
        command=name, args=args, user="u", is_admin=admin, operator=operator,
        where=Destination(f"test:{server}-{channel}"), server=server))


async def _feed_ids(db: Database) -> list[int]:
    async with db.begin() as conn:
        return [r.id for r in await feed_store.list_feeds(conn)]


async def test_another_servers_admin_cannot_remove_or_see_a_feed(
        world: World, core: CommandCore) -> None:
    assert not (await ask(core, "/feeds add https://a.example/rss", server="A")).error
    assert not (await ask(core, "/feeds add https://b.example/rss", server="B")).error
    # B's admin names A's feed by id and by URL: refused as unknown, nothing deleted.
    for name in ("1", "https://a.example/rss"):
        refused = await ask(core, f"/feeds remove {name}", server="B")
        assert refused.error and "no feed" in refused.text
        assert (await ask(core, f"/feeds enable {name}", server="B")).error
    assert await _feed_ids(world.db) == [1, 2]
    listing = (await ask(core, "/feeds list", server="B", admin=False)).text
    assert "b.example" in listing and "a.example" not in listing
    status = (await ask(core, "/feeds status", server="B", admin=False)).text
    assert "b.example" in status and "a.example" not in status
    # The operator's CLI sees both.
    every = (await ask(core, "/feeds list", server=None, operator=True)).text
    assert "a.example" in every and "b.example" in every


async def test_a_shared_feed_is_shared_storage_not_shared_control(
        world: World, core: CommandCore) -> None:
    await ask(core, "/feeds add https://shared.example/rss", server="A")
    again = await ask(core, "/feeds add https://shared.example/rss", server="B")
    assert not again.error and "feed 1" in again.text
    assert "shared.example" in (await ask(core, "/feeds list", server="B")).text
    gone_for_b = await ask(core, "/feeds remove 1", server="B")
    assert not gone_for_b.error and "from this server" in gone_for_b.text
    assert await _feed_ids(world.db) == [1]  # A still reads it: the feed and its briefs stay
    assert "No feeds" in (await ask(core, "/feeds list", server="B")).text
    assert "shared.example" in (await ask(core, "/feeds list", server="A")).text
    await ask(core, "/feeds remove 1", server="A")
    assert await _feed_ids(world.db) == []  # the last user removed it


async def test_a_configured_feed_is_not_controlled_from_chat(
        world: World, core: CommandCore) -> None:
    feed_id = await world.feed("https://configured.example/rss", "Configured")
    assert (await ask(core, f"/feeds remove {feed_id}", server="A")).error
    assert "No feeds" in (await ask(core, "/feeds list", server="A")).text
    await ask(core, "/feeds add https://configured.example/rss", server="A")
    await ask(core, f"/feeds remove {feed_id}", server="A")
    assert await _feed_ids(world.db) == [feed_id]  # the operator's feed outlives A's use


async def test_status_shows_only_this_servers_paused_destinations(
        world: World, core: CommandCore) -> None:
    async with world.db.begin() as conn:
        for server in ("A", "B"):
            row = await dest_store.get_or_create(
                conn, Destination(f"test:{server}-c1"), now=world.now, server=server)
            await dest_store.pause(conn, row.id, f"403 for {server}", now=world.now)
    status = (await ask(core, "/feeds status", server="B", admin=False)).text
    assert "403 for B" in status and "403 for A" not in status and "test:A" not in status
    every = (await ask(core, "/feeds status", server=None, operator=True)).text
    assert "403 for A" in every and "403 for B" in every


async def test_chat_shows_feed_urls_redacted(world: World, core: CommandCore) -> None:
    added = await ask(core, f"/feeds add {SECRET_FEED}", server="A")
    assert not added.error
    assert added.ephemeral  # a private feed's address is not announced to the channel
    local = await world.feed("file:///home/op/secret/x.xml", "")
    async with world.db.begin() as conn:
        await feed_store.link_server(conn, local, "A", now=world.now)
    for text in (added.text, (await ask(core, "/feeds list", server="A")).text,
                 (await ask(core, "/feeds status", server="A")).text,
                 (await ask(core, f"/feeds add {SECRET_FEED}", server="A")).text):
        assert "s3cr3t" not in text and "token=" not in text and "/home/op" not in text, text
    listing = (await ask(core, "/feeds list", server="A")).text
    assert "https://private.example/feed.xml?…" in listing and "local file x.xml" in listing


async def test_suggest_offers_only_this_servers_feeds(world: World, core: CommandCore) -> None:
    await ask(core, "/feeds add https://a.example/rss", server="A")
    async with world.db.begin() as conn:
        from sqlalchemy import update

        from bot.store.schema import feeds
        await conn.execute(update(feeds).values(title="Alpha News"))
    assert await core.suggest("feed", "alpha", server="A") == ["Alpha News"]
    assert await core.suggest("feed", "alpha", server="B") == []
    assert await core.suggest("feed", "alpha", server=None) == []
