"""Tenancy (issue 22.1): a feed added in chat reaches only the servers (Discord guilds, Slack
teams) that added it; the configuration's feeds reach every server. Tested from the routing and
chat doors here (the dashboard's in test_dashboard_tenancy.py), through the real command core,
router and outbox worker."""

from __future__ import annotations

import pytest

from bot.delivery import CommandRequest, Destination
from bot.store import feeds as feed_store
from bot.store import reactions as reaction_store
from bot.store import tenancy
from tests.support.fake_slack import TEAM
from tests.support.stack import (  # noqa: F401  (fixtures)
    DISCORD,
    SLACK,
    Stack,
    stack_fixture,
)
from tests.support.tenancy import (
    PRIVATE,
    UNKNOWN,
    ask,
    everyone_follows_everything,
    private_feed,
    ref,
)
from tests.support.world import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

async def test_a_chat_added_feed_reaches_only_the_server_that_added_it(world: World) -> None:
    await everyone_follows_everything(world)
    paid = await private_feed(world)
    public = await world.feed("https://public.example/rss", "Public")  # the operator's
    mine = await world.brief(paid, "Paid analysis of the chip market")
    theirs = await world.brief(public, "Council approves new harbour")
    assert await world.route(mine) == 1
    assert await world.route(theirs) == 3
    assert await world.delivered(ref("A")) == ["Paid analysis of the chip market",
                                               "Council approves new harbour"]
    for other in ("C", "T1"):
        assert await world.delivered(ref(other)) == ["Council approves new harbour"]


async def test_another_server_cannot_follow_a_feed_it_did_not_add(world: World) -> None:
    paid = await private_feed(world)
    async with world.db.begin() as conn:  # as its first poll names it
        await feed_store.record_success(conn, paid, now=world.now, next_check_at=world.now,
                                        title="Paid Wire")
    # The answers are those for a feed that does not exist: nothing says A's does.
    known = await ask(world, f"/subscribe feed:{PRIVATE}", server="C")
    unknown = await ask(world, f"/subscribe feed:{UNKNOWN}", server="C", channel="other")
    assert not known.error
    assert known.text.replace(PRIVATE, "URL").replace(ref("C"), "HERE") == \
        unknown.text.replace(UNKNOWN, "URL").replace(ref("C", "other"), "HERE")
    # A bare word naming A's feed's title is a keyword for C, a feed for A.
    assert "keyword" in (await ask(world, "/subscribe Paid Wire", server="C")).text
    assert "feed" in (await ask(world, "/subscribe Paid Wire", server="A")).text
    brief = await world.brief(paid, "Paid Wire exclusive on rates")
    assert await world.route(brief) == 1
    assert await world.delivered(ref("C")) == []
    assert await world.delivered(ref("A")) == ["Paid Wire exclusive on rates"]
    listing = (await ask(world, "/feeds list", server="C")).text
    status = (await ask(world, "/feeds status", server="C")).text
    assert "paid.example" not in listing + status


async def test_brief_search_finds_only_what_the_server_may_read(world: World) -> None:
    paid = await private_feed(world)
    public = await world.feed("https://public.example/rss", "Public")
    await world.brief(paid, "Quarterly harbour earnings beat forecasts")
    await world.brief(public, "Harbour festival draws crowds")
    for_a = await ask(world, "/brief harbour", server="A")
    for_c = await ask(world, "/brief harbour", server="C")
    assert sorted(b.headline for b in for_a.briefs) == [
        "Harbour festival draws crowds", "Quarterly harbour earnings beat forecasts"]
    assert [b.headline for b in for_c.briefs] == ["Harbour festival draws crowds"]
    nothing = await ask(world, "/brief quarterly earnings", server="C")
    assert nothing.briefs == [] and "Nothing stored matches" in nothing.text


async def test_a_pattern_test_tries_only_what_the_server_may_read(world: World) -> None:
    """/subscribe test lists the newest stored titles and marks which a pattern lets through:
    a member of another server must neither see a private feed's titles nor probe its text."""
    paid = await private_feed(world)
    public = await world.feed("https://public.example/rss", "Public")
    await world.brief(paid, "Secret paid analysis of chips", text="Margins fell to 3%.")
    await world.brief(public, "Harbour festival draws crowds")
    for_a = await ask(world, "/subscribe test text:/margins/", server="A", admin=False)
    for_c = await ask(world, "/subscribe test text:/margins/", server="C", admin=False)
    assert "Secret paid analysis of chips" in for_a.text and "matches 1 of the last 2" in for_a.text
    assert "Secret paid analysis" not in for_c.text and "matches 0 of the last 1" in for_c.text


async def test_a_second_servers_tags_on_a_shared_url_are_its_own(world: World) -> None:
    feed = await private_feed(world, "finance")
    added = await ask(world, f"/feeds add {PRIVATE} shipping", server="B")
    assert not added.error, added.text
    for server in ("A", "B"):
        assert not (await ask(world, "/subscribe tag:shipping", server=server)).error
    assert "shipping" in (await ask(world, "/feeds list", server="B")).text
    assert "shipping" not in (await ask(world, "/feeds list", server="A")).text
    brief = await world.brief(feed, "Container rates climb again")
    assert await world.route(brief) == 1
    assert await world.delivered(ref("B")) == ["Container rates climb again"]
    assert await world.delivered(ref("A")) == []
    # autocomplete offers a feed's tags only where the feed may be read
    assert await world.core.suggest("tag", "fin", "A") == ["finance"]
    assert await world.core.suggest("tag", "fin", "C") == []
    # the tags follow the server, so "re-adding" with new tags changes B's, not A's
    again = await ask(world, f"/feeds add {PRIVATE} ports", server="B")
    assert not again.error and "ports" in again.text


async def test_reaction_counts_are_the_servers_own(world: World) -> None:
    feed = await private_feed(world)
    assert not (await ask(world, f"/feeds add {PRIVATE}", server="B")).error
    for server in ("A", "B"):
        assert not (await ask(world, "/subscribe all", server=server)).error
    brief = await world.brief(feed, "Rates story", tags=["rates"])
    assert await world.route(brief) == 2
    await world.delivered()
    [row] = await world.rows(ref("A"))
    async with world.db.begin() as conn:
        await reaction_store.record_vote(conn, row.id, "voter-in-a", "👎", now=world.now)
    assert "👎 1" in (await ask(world, "/feeds status", server="A")).text
    assert "👎" not in (await ask(world, "/feeds status", server="B")).text


async def test_another_servers_feed_is_not_named_as_also_covering_a_story(
        world: World) -> None:
    await everyone_follows_everything(world)
    paid = await private_feed(world)
    public = await world.feed("https://public.example/rss", "Public")
    title = "Central bank raises interest rates by half a point to fight inflation"
    first = await world.brief(paid, title, source="Paid Wire")
    second = await world.brief(public, title, source="Public Wire")
    await world.route(first)
    assert await world.route(second) == 2  # C and T1; A had the story already
    await world.worker.run_once()
    to_c = [d.message.brief for d in world.platform.deliveries
            if d.destination.ref == ref("C")]
    to_a = [d.message.brief for d in world.platform.deliveries
            if d.destination.ref == ref("A")]
    assert [b.also_covered_by for b in to_c if b] == [[]]
    assert [b.also_covered_by for b in to_a if b] == [["Public Wire"]]


async def test_shared_tenancy_keeps_one_pool_for_one_community(world: World) -> None:
    async with world.db.begin() as conn:
        await tenancy.write_mode(conn, tenancy.SHARED, source="config", now=world.now)
    await everyone_follows_everything(world)
    paid = await private_feed(world)
    assert await world.route(await world.brief(paid, "Shared by choice")) == 3


async def test_a_dm_subscription_gets_the_feeds_of_the_server_it_was_made_in(
        world: World) -> None:
    paid = await private_feed(world)
    assert not (await ask(world, "/subscribe all dm", server="A", user="ann",
                          admin=False)).error
    assert not (await ask(world, "/subscribe all dm", server="C", user="cat",
                          admin=False)).error
    assert await world.route(await world.brief(paid, "For members of A")) == 1
    assert await world.delivered("test:dm-ann") == ["For members of A"]
    assert await world.delivered("test:dm-cat") == []


async def test_a_guilds_feed_stays_out_of_a_slack_teams_channel(stack: Stack) -> None:
    """Through the real adapters and the fake platforms: a Slack team is a tenant too."""
    for where, server in ((DISCORD, "G1"), (SLACK, TEAM)):
        assert not (await stack.core.handle(CommandRequest(
            command="subscribe", args="all", user="u1", is_admin=True, server=server,
            where=Destination(where)))).error
    added = await stack.core.handle(CommandRequest(
        command="feeds", args=f"add {PRIVATE}", user="u1", is_admin=True, server="G1",
        where=Destination(DISCORD)))
    assert not added.error
    async with stack.db.read() as conn:
        feed = await feed_store.find_servers_feed(conn, ["G1"], PRIVATE)
    assert feed is not None
    public = await stack.feed("https://public.example/rss", "Public")
    for brief in (await stack.brief(feed.id, "Members-only market note"),
                  await stack.brief(public, "Public harbour news")):
        await stack.route(brief)
    await stack.deliver()
    discord_text = str(stack.discord_posts())
    slack_text = str(stack.slack_posts())
    assert "Members-only market note" in discord_text and "Public harbour news" in discord_text
    assert "Members-only market note" not in slack_text and "Public harbour news" in slack_text


async def test_feeds_status_of_one_feed_names_only_the_servers_own(world: World) -> None:
    """Discord's /feeds status takes a feed (autocomplete offers titles): that feed's line,
    and another server's feed is as unknown as any."""
    paid = await private_feed(world)
    async with world.db.begin() as conn:
        await feed_store.record_success(conn, paid, now=world.now, next_check_at=world.now,
                                        title="Paid Wire")
    for asked in ("Paid Wire", str(paid)):
        one = await ask(world, f"/feeds status {asked}", server="A")
        assert not one.error and f"{paid}. Paid Wire: ok" in one.text
    refused = await ask(world, "/feeds status Paid Wire", server="C")
    unknown = await ask(world, "/feeds status Nothing Here", server="C")
    assert refused.error and unknown.error
    assert refused.text.replace("Paid%20Wire", "X") == unknown.text.replace("Nothing%20Here", "X")
