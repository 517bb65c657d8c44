""""Why did I get this?" (issue 24.5): routing keeps which subscription let each brief through;
`/why <message link>` says it on Discord and Slack through the real adapters (and says the same
one line for a message the bot did not post or the caller's server cannot see); the opt-in
"Sent because …" footer; a digest's reasons, per story or once at the top."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.slack import SlackAdapter
from bot.delivery import CommandRequest, Destination
from tests.support.discord_commands import opt
from tests.support.stack import (  # noqa: F401  (fixtures)
    DISCORD,
    SLACK,
    Stack,
    stack_fixture,
)
from tests.support.why import (  # noqa: F401  (fixtures)
    OTHER_CHANNEL,
    OTHER_GUILD,
    discord,
    discord_link,
    discord_why,
    message_ids,
    slack,
    slack_commands,
    slack_link,
    sub,
)
from tests.support.world import (  # noqa: F401  (fixtures)
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

NOTHING = "I posted no message at that link that you can see."


async def _openai_news(stack: Stack) -> None:
    """An OpenAI story and a chips story, routed and delivered."""
    feed = await stack.feed("https://tech.example/rss", "Tech Daily")
    for title, tags in (("OpenAI ships a model", ["openai"]), ("Chip prices fall", ["chips"])):
        await stack.route(await stack.brief(feed, title, tags=tags))
    await stack.deliver()


async def _other_guilds_message(stack: Stack) -> str:
    """A brief the bot posted in another guild's channel; its message id."""
    other = f"discord:{OTHER_CHANNEL}"
    assert not (await stack.core.handle(CommandRequest(
        command="subscribe", args="all", user="u9", where=Destination(other), is_admin=True,
        server=OTHER_GUILD))).error
    feed = await stack.feed("https://other.example/rss", "Other Gazette")
    await stack.route(await stack.brief(feed, "Harbour news", tags=["harbour"]))
    await stack.deliver()
    return (await message_ids(stack, other))[-1]


async def test_why_on_discord_names_the_subscription_and_hides_the_rest(stack: Stack) -> None:
    await discord(stack, "subscribe", [opt("target", "#openai")])
    await discord(stack, "subscribe", [opt("target", "kw:chip prices")])
    await _openai_news(stack)
    openai, chips = await message_ids(stack, DISCORD)
    assert await discord_why(stack, discord_link(openai)) == \
        "Sent because this channel follows #openai."
    assert await discord_why(stack, f"see <{discord_link(chips)}>") == \
        "Sent because this channel follows keyword “chip prices”."
    # not the bot's, another guild's (by its link, or a link doctored to name this guild), none
    foreign = await _other_guilds_message(stack)
    said = {await discord_why(stack, discord_link("123456789012345678")),
            await discord_why(stack, discord_link(foreign, guild=OTHER_GUILD,
                                                  channel=OTHER_CHANNEL)),
            await discord_why(stack, discord_link(foreign, channel=OTHER_CHANNEL))}
    assert said == {NOTHING}
    assert "Usage: /why" in await discord_why(stack, "that one up there")


async def test_why_on_slack_reads_permalinks_in_the_callers_workspace(
        stack: Stack, slack_commands: SlackAdapter) -> None:
    await slack(stack, slack_commands, "/subscribe", "feed:Tech Daily")
    await _openai_news(stack)
    openai = (await message_ids(stack, SLACK))[0]
    assert "Sent because this channel follows feed “Tech Daily”." in await slack(
        stack, slack_commands, "/why", slack_link(openai), user="UPLAIN")
    # the same ts in a channel the bot never posted to; a ts it never used; a DM not the caller's
    for link in (slack_link(openai, channel="C999"), slack_link("1700000000.000001"),
                 slack_link(openai, channel="D0123")):
        assert NOTHING in await slack(stack, slack_commands, "/why", link, user="UPLAIN")


async def test_why_on_a_digest_says_each_storys_reason_or_one_for_all(
        stack: Stack, slack_commands: SlackAdapter) -> None:
    await discord(stack, "subscribe", [opt("target", "#openai")])
    await discord(stack, "subscribe", [opt("target", "#chips")])
    await _openai_news(stack)
    stack.now += timedelta(minutes=5)
    await discord(stack, "digest", sub("now"))
    await stack.deliver()
    digest = (await message_ids(stack, DISCORD))[-1]
    said = await discord_why(stack, discord_link(digest))
    assert said.splitlines() == [  # in the digest's order
        "Why each story in that digest was sent:",
        "• OpenAI ships a model: Sent because this channel follows #openai",
        "• Chip prices fall: Sent because this channel follows #chips"]
    await slack(stack, slack_commands, "/subscribe", "all")
    stack.now += timedelta(minutes=5)
    await slack(stack, slack_commands, "/digest", "now")
    await stack.deliver()
    digest = (await message_ids(stack, SLACK))[-1]
    assert "Every story in that digest: Sent because this channel follows everything." in \
        await slack(stack, slack_commands, "/why", slack_link(digest))


async def test_the_footer_is_opt_in_per_destination(stack: Stack,
                                                    slack_commands: SlackAdapter) -> None:
    await discord(stack, "subscribe", [opt("target", "#openai")])
    await slack(stack, slack_commands, "/subscribe", "#openai")
    feed = await stack.feed("https://tech.example/rss", "Tech Daily")
    await stack.route(await stack.brief(feed, "Before", tags=["openai"]))
    await stack.deliver()
    assert "Sent because" not in str(stack.discord_posts() + stack.slack_posts())
    assert "now end with why" in await discord(stack, "settings",
                                                sub("why", opt("state", "on")))
    assert "now end with why" in await slack(stack, slack_commands, "/settings", "why on")
    await stack.route(await stack.brief(feed, "After", tags=["openai"]))
    await stack.deliver()
    footer = stack.discord_posts()[-1]["embeds"][0]["footer"]["text"]  # type: ignore[index]
    assert "Sent because this channel follows #openai" in footer
    assert "Sent because this channel follows #openai" in str(stack.slack_posts()[-1]["blocks"])
    # a member cannot switch a channel's footer; their own DMs' is theirs
    assert "admin permission" in await discord(stack, "settings",
                                               sub("why", opt("state", "off")), admin=False)
    assert "now end with why" in await discord(
        stack, "settings", sub("why", opt("state", "on"), opt("where", "dm")), admin=False)


async def test_a_digest_says_a_shared_reason_once_at_the_top(stack: Stack) -> None:
    await discord(stack, "subscribe", [opt("target", "all")])
    await discord(stack, "settings", sub("why", opt("state", "on")))
    await _openai_news(stack)
    stack.now += timedelta(minutes=5)
    await discord(stack, "digest", sub("now"))
    await stack.deliver()
    digest = stack.discord_posts()[-1]
    text = str(digest)
    assert text.count("Sent because this channel follows everything") == 1
    assert "Sent because" in str(digest["content"])
