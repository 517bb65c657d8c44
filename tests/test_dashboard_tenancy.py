"""The dashboard's door to tenancy (issue 22.1, 22.7): a server admin sees that server's
channels only, never its members' DMs, and counts of its own members' votes only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.dashboard.auth import Principal
from bot.delivery import CommandReply, CommandRequest, Destination
from bot.outbox.queue import enqueue
from bot.store import dashboard as queries
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store import reactions as reaction_store
from tests.support.crash_delivery import add_brief
from tests.support.dashboard import Harness, dashboard_harness, dashboard_settings

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
G1_CHANNEL, G2_CHANNEL, MEMBER_DM = "discord:111", "discord:222", "discord:999"
ADMIN_OF_G1 = Principal("discord", "4001", "Ada", {"G1": "Guild One"})


@pytest.fixture
async def h(tmp_path: Path) -> AsyncIterator[Harness]:
    async with dashboard_harness(dashboard_settings(tmp_path)) as harness:
        yield harness


async def say(h: Harness, text: str, *, where: str, server: str, admin: bool = True,
              user: str = "u1") -> CommandReply:
    name, _, args = text.lstrip("/").partition(" ")
    return await h.app.commands.handle(CommandRequest(
        command=name, args=args, user=user, is_admin=admin, server=server,
        where=Destination(where), dm=Destination(MEMBER_DM if user == "member" else
                                                 f"discord:dm-{user}")))


async def test_a_server_admin_never_sees_members_dm_subscriptions(h: Harness) -> None:
    assert not (await say(h, "/subscribe #ai", where=G1_CHANNEL, server="G1")).error
    # a member of G1 follows something in their own DMs, from a channel of G1
    member = await say(h, "/subscribe #crypto dm", where=G1_CHANNEL, server="G1",
                       admin=False, user="member")
    assert not member.error, member.text
    async with h.app.db.read() as conn:
        dm = await dest_store.get(conn, MEMBER_DM)
    assert dm is not None
    h.act_as(ADMIN_OF_G1)
    page = await (await h.client.get("/destinations")).text()
    assert G1_CHANNEL in page and MEMBER_DM not in page
    assert (await h.client.get(f"/destinations/{dm.id}")).status == 404
    deliveries = await (await h.client.get(f"/deliveries?destination={dm.id}")).text()
    assert MEMBER_DM not in deliveries
    # the operator sees everything
    await h.sign_in()
    assert MEMBER_DM in await (await h.client.get("/destinations")).text()
    assert dm.dm  # marked when it was made, so a DM is known whichever platform


async def test_a_server_admin_counts_only_their_members_votes(h: Harness) -> None:
    brief_id = await add_brief(h.app.db, 1, now=NOW)
    async with h.app.db.begin() as conn:
        [feed] = await feed_store.list_feeds(conn)
        rows = {}
        for ref, guild in ((G1_CHANNEL, "G1"), (G2_CHANNEL, "G2")):
            await feed_store.link_server(conn, feed.id, guild, now=NOW)  # both use the feed
            dest = await dest_store.get_or_create(conn, Destination(ref), now=NOW,
                                                  server=guild)
            await enqueue(conn, key=f"k-{ref}", destination_id=dest.id, now=NOW,
                          brief_id=brief_id)
            rows[guild] = dest.id
        [posted] = await queries.deliveries(conn, None, destination_id=rows["G2"])
        for voter in ("x", "y"):  # two members of G2 like it
            await reaction_store.record_vote(conn, posted.id, voter, "👍", now=NOW)
    h.act_as(ADMIN_OF_G1)
    page = await (await h.client.get("/feeds")).text()
    assert "Loopback News" in page and "0 thumbs up" in page and "2 thumbs up" not in page
    h.act_as(Principal("discord", "4002", "Bo", {"G2": "Guild Two"}))
    assert "2 thumbs up" in await (await h.client.get("/feeds")).text()


async def test_a_server_admin_cannot_switch_off_the_operators_feed(h: Harness) -> None:
    async with h.app.db.begin() as conn:  # the operator's (CLI), and G1 gave it its own tags
        feed_id, _ = await feed_store.add_feed(conn, "https://wire.example/rss", now=NOW)
        await feed_store.link_server(conn, feed_id, "G1", now=NOW, tags=["wire"],
                                     added_by=G1_CHANNEL)
    h.act_as(ADMIN_OF_G1)
    for action in ("disable", "remove"):
        assert (await h.post(f"/feeds/{feed_id}/{action}", page="/feeds")).status == 303
    async with h.app.db.read() as conn:
        row = await feed_store.find_servers_feed(conn, None, str(feed_id))
        using = await feed_store.servers_using(conn, feed_id)
    assert row is not None and row.disabled_at is None and using == ["G1"]
