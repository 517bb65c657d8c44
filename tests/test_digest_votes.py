"""Reactions that teach the digest (issue 24.6): a server's 👍 / 👎 on a feed's and a tag's
briefs move that feed's stories up or down its digests, smoothed so one vote barely counts,
never dropping one; another server's votes change nothing of its digest. Through the real
adapters on Discord and Slack, and the command core with two servers."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from adapters.slack import SlackAdapter
from bot.routing.digest import fire_due_digests
from bot.routing.feedback import Tallies, Votes
from bot.store import feeds as feed_store
from tests.support.discord_commands import GUILD, invoke, opt, payload
from tests.support.stack import (  # noqa: F401  (fixtures)
    DISCORD,
    SLACK,
    Stack,
    stack_fixture,
)
from tests.support.tenancy import ask, everyone_follows_everything, ref
from tests.support.why import (  # noqa: F401  (fixtures)
    discord,
    message_ids,
    slack,
    slack_commands,
    sub,
    vote,
)
from tests.support.world import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


def order(text: str, *headlines: str) -> list[str]:
    """``headlines`` in the order ``text`` shows them; every one must be there."""
    assert all(h in text for h in headlines), text
    return sorted(headlines, key=text.index)


async def _day(world: World, feeds: dict[str, int], day: int) -> tuple[str, str]:
    """A gloomy story, then a sunny one, each from its own feed, routed and delivered."""
    gloomy, sunny = f"Gloomy story {day}", f"Sunny story {day}"
    world.now += timedelta(hours=1)
    for name, title in (("gloomy", gloomy), ("sunny", sunny)):
        await world.route(await world.brief(feeds[name], title, tags=[name]))
    await world.delivered()
    return gloomy, sunny


async def _feeds(world: World) -> dict[str, int]:
    return {"gloomy": await world.feed("https://gloomy.example/rss", "Gloomy Times"),
            "sunny": await world.feed("https://sunny.example/rss", "Sunny Post")}


async def _digest_now(stack: Stack, slack_adapter: SlackAdapter) -> tuple[str, str]:
    """/digest now on both platforms; what each posted."""
    stack.now += timedelta(minutes=5)
    await discord(stack, "digest", sub("now"))
    await slack(stack, slack_adapter, "/digest", "now")
    await stack.deliver()
    return str(stack.discord_posts()[-1]), str(stack.slack_posts()[-1])


async def test_votes_reorder_a_servers_digest_and_only_its_own(
        stack: Stack, slack_commands: SlackAdapter) -> None:
    await discord(stack, "subscribe", [opt("target", "all")])
    await slack(stack, slack_commands, "/subscribe", "all")
    feeds = await _feeds(stack)
    async with stack.db.begin() as conn:  # the guild uses them, so /feeds status lists them
        for feed in feeds.values():
            await feed_store.link_server(conn, feed, GUILD, now=stack.now)
    story = await _day(stack, feeds, 0)
    on_discord, on_slack = await _digest_now(stack, slack_commands)
    assert order(on_discord, *story) == order(on_slack, *story) == list(story)  # older first
    # the guild's members dislike the gloomy feed's brief: 12 👎, 2 👍
    gloomy_post = (await message_ids(stack, DISCORD))[0]
    await vote(stack, DISCORD, gloomy_post, "👎", 12)
    await vote(stack, DISCORD, gloomy_post, "👍", 2)
    story = await _day(stack, feeds, 1)
    on_discord, on_slack = await _digest_now(stack, slack_commands)
    assert order(on_discord, *story) == [story[1], story[0]]  # sunk, not dropped
    assert order(on_slack, *story) == list(story)  # the Slack team's digest is its own
    status = await discord(stack, "feeds", sub("status"))
    assert "Gloomy Times: ranked lower in digests: 12 👎 / 2 👍" in status
    assert "#gloomy: ranked lower in digests: 12 👎 / 2 👍" in status
    # the team's own votes, on Slack, reorder its digest too
    await vote(stack, SLACK, (await message_ids(stack, SLACK))[0], "👎", 12)
    story = await _day(stack, feeds, 2)
    _, on_slack = await _digest_now(stack, slack_commands)
    assert order(on_slack, *story) == [story[1], story[0]]


async def test_a_digest_cut_by_length_still_counts_what_sank(stack: Stack) -> None:
    await discord(stack, "subscribe", [opt("target", "all")])
    feeds = await _feeds(stack)
    await _day(stack, feeds, 0)
    await vote(stack, DISCORD, (await message_ids(stack, DISCORD))[0], "👎", 12)
    gloomy, sunny = await _day(stack, feeds, 1)
    stack.core.digest_stories = 1
    stack.now += timedelta(minutes=5)
    await discord(stack, "digest", sub("now"))
    await stack.deliver()
    digest = str(stack.discord_posts()[-1])
    assert sunny in digest and gloomy not in digest and "3 more in this period" in digest


async def test_another_servers_votes_leave_this_servers_digest_alone(world: World) -> None:
    await everyone_follows_everything(world)  # servers A and C (and T1), the operator's feeds
    feeds = await _feeds(world)
    await _day(world, feeds, 0)
    gloomy_in_c = next(d.message_id for d in world.platform.deliveries
                       if d.destination.ref == ref("C") and d.message.brief
                       and d.message.brief.headline.startswith("Gloomy"))
    await vote(world, ref("C"), gloomy_in_c, "👎", 20)  # type: ignore[arg-type]
    await _day(world, feeds, 1)
    world.now += timedelta(minutes=5)
    for server in ("A", "C"):
        assert not (await ask(world, "/digest now", server=server)).error
    await world.delivered()
    digests = {d.destination.ref: d.message.digest for d in world.platform.deliveries
               if d.message.digest is not None}
    shown = {r: [b.headline for s in digest.sections for b in s.briefs]
             for r, digest in digests.items()}
    # grouped by feed, each section opening with its best: newest first, the older of a tie
    assert shown[ref("A")] == ["Gloomy story 1", "Gloomy story 0", "Sunny story 1",
                               "Sunny story 0"]
    assert shown[ref("C")] == ["Sunny story 1", "Sunny story 0", "Gloomy story 1",
                               "Gloomy story 0"]


async def _more_on_discord(stack: Stack) -> str:
    """/digest more on the fake Discord: everything the adapter answered, as JSON."""
    raw = payload("digest", sub("more"))
    raw["locale"] = "en-US"
    await invoke(stack.discord, raw)
    return json.dumps(stack.discord_fake.interaction_responses[raw["token"]], ensure_ascii=False)


async def test_votes_cast_after_a_digest_leave_its_more_pages_in_its_order(
        stack: Stack, slack_commands: SlackAdapter) -> None:
    """Two stories a page, four stories, newest first. Between page 1 and ``/digest more``
    members give the feed of page 1's second story 12 👎: page 2 is still the two stories
    page 1 did not show, not that story again (nor without the one it would push off)."""
    feeds = [await stack.feed(f"https://f{n}.example/rss", f"Feed {n}") for n in range(4)]
    await discord(stack, "subscribe", [opt("target", "all")])
    await slack(stack, slack_commands, "/subscribe", "all")
    await stack.route(await stack.brief(feeds[2], "Earlier note from the third feed"))
    await stack.deliver()  # posted at once: the message members will vote on
    voted_on = {where: (await message_ids(stack, where))[0] for where in (DISCORD, SLACK)}
    await discord(stack, "unsubscribe", [opt("target", "all")])
    await slack(stack, slack_commands, "/unsubscribe", "all")
    await discord(stack, "subscribe", [opt("target", "all"), opt("where", "digest")])
    await slack(stack, slack_commands, "/subscribe", "all digest")
    await discord(stack, "digest", sub("time", opt("at", "20:00")))
    await slack(stack, slack_commands, "/digest", "time 20:00")
    stories = ["Harbour reopens after storm", "Library extends opening hours",
               "Council approves new bike lanes", "Bakery wins regional award"]
    for feed, headline in zip(feeds, stories, strict=True):  # newest ranks first
        stack.now += timedelta(hours=1)
        await stack.route(await stack.brief(feed, headline))
    before = len(stack.discord_posts()), len(stack.slack_posts())
    stack.now = stack.now.replace(hour=20, minute=1)
    assert await fire_due_digests(stack.db, now=stack.now, empty_note=False, stories=2) == 2
    await stack.deliver()
    for page_one in (str(stack.discord_posts()[before[0]:]), str(stack.slack_posts()[before[1]:])):
        assert order(page_one, stories[3], stories[2]) == [stories[3], stories[2]]
        assert stories[1] not in page_one and stories[0] not in page_one
    stack.now += timedelta(minutes=10)
    for where, message_id in voted_on.items():
        await vote(stack, where, message_id, "👎", 12)
    stack.now += timedelta(minutes=10)
    stack.core.digest_stories = 2
    on_discord = await _more_on_discord(stack)
    on_slack = await slack(stack, slack_commands, "/digest", "more")
    for page_two in (on_discord, on_slack):
        assert order(page_two, stories[1], stories[0]) == [stories[1], stories[0]]
        assert stories[2] not in page_two and stories[3] not in page_two


def test_one_vote_barely_moves_a_story_many_do() -> None:
    assert Votes().weight == 1.0
    one_down = Tallies(feeds={1: Votes(down=1)})
    assert 0.9 < one_down.weight(1, []) < 1.0
    # a story carried by two sources keeps its place over a one-source story after one 👎
    assert 2 * one_down.weight(1, []) > 1 * Tallies().weight(2, [])
    many = Tallies(feeds={1: Votes(up=2, down=12)}, tags={"ai": Votes(up=2, down=12)})
    assert many.weight(1, ["ai"]) < 0.6 and 3 * many.weight(1, ["ai"]) < 2
    assert Tallies(feeds={1: Votes(up=12)}).weight(1, []) > 1.5
    assert Tallies(tags={"ai": Votes(down=12)}).weight(1, ["ai"]) > many.weight(1, ["ai"])
