"""Channel and server names through the real adapters against the fake Discord and Slack
servers, and the core's cache in front of them: remembered, bounded in time, and the raw id
whenever a platform fails or is unreachable."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from adapters.discord import make_adapter as make_discord
from adapters.discord.bot import DiscordAdapter
from adapters.slack import make_adapter as make_slack
from adapters.slack.adapter import SlackAdapter
from adapters.slack.settings import SlackSettings
from bot.delivery import CommandReply, CommandRequest, Destination, NamesPlaces
from bot.delivery.names import NameBook
from tests.support.fake_discord import (  # noqa: F401  (fixtures)
    BOT_TOKEN,
    GUILD_ID,
    TEXT_CHANNEL_ID,
    FakeDiscord,
    fake_discord_fixture,
)
from tests.support.fake_slack import TEAM, TOKEN, FakeSlack

DISCORD_REF = f"discord:{TEXT_CHANNEL_ID}"
SLACK_REF = f"slack:{TEAM}/C100"


async def _no_commands(request: CommandRequest) -> CommandReply:
    raise AssertionError("no command expected")


@pytest.fixture
async def discord(fake_discord: FakeDiscord) -> AsyncIterator[DiscordAdapter]:
    adapter = make_discord(token=BOT_TOKEN, api_base_url=fake_discord.api_base,
                           connect_gateway=False)
    await adapter.start(_no_commands)
    yield adapter
    await adapter.stop()


@pytest.fixture
async def slack_fake() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack().start()
    yield server
    await server.stop()


@pytest.fixture
def slack(slack_fake: FakeSlack) -> SlackAdapter:
    return make_slack(SlackSettings(bot_token=TOKEN, api_base_url=slack_fake.api_url,
                                    serve=False, min_interval=0.0))


def _asked(fake: FakeDiscord, path: str) -> int:
    return sum(1 for method, seen, _ in fake.requests if method == "GET" and seen == path)


async def test_both_adapters_name_channels_and_servers(
        discord: DiscordAdapter, fake_discord: FakeDiscord, slack: SlackAdapter,
        slack_fake: FakeSlack) -> None:
    assert isinstance(discord, NamesPlaces) and isinstance(slack, NamesPlaces)
    fake_discord.channel_names[TEXT_CHANNEL_ID] = "harbor-news"
    slack_fake.channel_names["C100"] = "general"
    book = NameBook({"discord": discord, "slack": slack})
    names = await book.names(channels=[DISCORD_REF, SLACK_REF],
                             servers=[("discord", GUILD_ID), ("slack", TEAM)])
    assert names.channel(DISCORD_REF) == "#harbor-news"
    assert names.channel(SLACK_REF) == "#general"
    assert names.server("discord", GUILD_ID) == "Fake Guild"
    assert names.server("slack", TEAM) == "Fake Workspace"


async def test_names_are_remembered_until_their_ttl(discord: DiscordAdapter,
                                                    fake_discord: FakeDiscord) -> None:
    now = [0.0]
    book = NameBook({"discord": discord}, ttl=600.0, clock=lambda: now[0])
    path = f"/channels/{TEXT_CHANNEL_ID}"
    for _ in range(3):
        assert (await book.names(channels=[DISCORD_REF])).channel(DISCORD_REF) == "#news"
    assert _asked(fake_discord, path) == 1
    fake_discord.channel_names[TEXT_CHANNEL_ID] = "renamed"
    now[0] = 601.0
    assert (await book.names(channels=[DISCORD_REF])).channel(DISCORD_REF) == "#renamed"
    assert _asked(fake_discord, path) == 2


async def test_a_failing_platform_shows_ids_and_is_not_asked_on_every_page(
        discord: DiscordAdapter, fake_discord: FakeDiscord, slack: SlackAdapter,
        slack_fake: FakeSlack) -> None:
    now = [0.0]
    fake_discord.fail("GET", f"/channels/{TEXT_CHANNEL_ID}", [403] * 20)  # Missing Access
    slack_fake.fail("team.info", "missing_scope")
    book = NameBook({"discord": discord, "slack": slack}, ttl=600.0, failed_ttl=60.0,
                    clock=lambda: now[0])
    names = await book.names(channels=[DISCORD_REF, "discord:not-a-number"],
                             servers=[("slack", TEAM), ("discord", "999")])
    assert names.channel(DISCORD_REF) == DISCORD_REF
    assert names.channel("discord:not-a-number") == "discord:not-a-number"
    assert names.server("slack", TEAM) == TEAM
    assert names.server("discord", "999") == "999"  # Unknown Guild (404)
    asked = len(fake_discord.requests)
    await book.names(channels=[DISCORD_REF])
    assert len(fake_discord.requests) == asked  # the failure is remembered
    # a refusal (403 / 404, missing_scope) would be the same a minute later: kept for the TTL
    now[0] = 61.0
    fake_discord.fail("GET", f"/channels/{TEXT_CHANNEL_ID}", [])
    await book.names(channels=[DISCORD_REF], servers=[("slack", TEAM), ("discord", "999")])
    assert len(fake_discord.requests) == asked and slack_fake.calls.count("team.info") == 1
    now[0] = 601.0
    assert (await book.names(channels=[DISCORD_REF])).channel(DISCORD_REF) == "#news"


async def test_a_passing_failure_is_asked_again_after_a_minute(
        slack: SlackAdapter, slack_fake: FakeSlack) -> None:
    now = [0.0]
    slack_fake.channel_names["C100"] = "general"
    slack_fake.fail("conversations.info", "internal_error")  # Slack's own trouble, not ours
    book = NameBook({"slack": slack}, ttl=600.0, failed_ttl=60.0, clock=lambda: now[0])
    assert (await book.names(channels=[SLACK_REF])).channel(SLACK_REF) == SLACK_REF
    now[0] = 30.0
    assert (await book.names(channels=[SLACK_REF])).channel(SLACK_REF) == SLACK_REF
    assert slack_fake.calls.count("conversations.info") == 1
    now[0] = 61.0
    assert (await book.names(channels=[SLACK_REF])).channel(SLACK_REF) == "#general"
    assert slack_fake.calls.count("conversations.info") == 2


async def test_a_list_shows_only_names_already_known_and_asks_for_none(
        discord: DiscordAdapter, fake_discord: FakeDiscord) -> None:
    book = NameBook({"discord": discord})
    others = [f"discord:{9000 + n}" for n in range(30)]  # a dropdown of every channel
    names = await book.names(channels=[DISCORD_REF], cached_channels=[*others, DISCORD_REF])
    assert names.channel(DISCORD_REF) == "#news"
    assert [names.channel(ref) for ref in others] == others
    asked = [path for _, path, _ in fake_discord.requests if path.startswith("/channels/")]
    assert asked == [f"/channels/{TEXT_CHANNEL_ID}"]
    later = await book.names(cached_channels=[DISCORD_REF])
    assert later.channel(DISCORD_REF) == "#news" and _asked(fake_discord, asked[0]) == 1


async def test_an_unreachable_platform_costs_a_page_at_most_the_timeout() -> None:
    class Hanging:
        """A platform that never answers (a dropped connection, a firewall)."""

        name = "discord"
        asked = 0

        async def channel_name(self, destination: Destination) -> str | None:
            self.asked += 1
            await asyncio.Event().wait()
            return None

        async def server_name(self, server: str) -> str | None:
            await asyncio.Event().wait()
            return None

    hanging = Hanging()
    book = NameBook({"discord": hanging}, timeout=0.05)
    names = await asyncio.wait_for(book.names(channels=[DISCORD_REF],
                                              servers=[("discord", GUILD_ID)]), 5)
    assert names.channel(DISCORD_REF) == DISCORD_REF
    assert names.server("discord", GUILD_ID) == GUILD_ID
    await asyncio.wait_for(book.names(channels=[DISCORD_REF]), 5)
    assert hanging.asked == 1  # still running from the first page: not asked again
    await book.close()


async def test_platforms_that_cannot_name_places_show_ids(slack_fake: FakeSlack) -> None:
    webhook_only = make_slack(SlackSettings(api_base_url=slack_fake.api_url, serve=False))
    book = NameBook({"slack": webhook_only, "console": object()})
    names = await book.names(channels=[SLACK_REF, "console:", f"slack:{TEAM}/U123"],
                             servers=[("slack", TEAM)])
    assert names.channel(SLACK_REF) == SLACK_REF
    assert names.channel("console:") == "console:"
    assert names.server("slack", TEAM) == TEAM
    assert slack_fake.calls == []
