"""Every command reply keeps the clock of where the command was typed (issue 24 follow-up):
``/brief <url>`` in a Seoul channel, typed on Discord and on Slack through the real adapters
against the fake platforms, shows its time in KST, not UTC; in a DM, the caller's DM
destination's zone; the core decides it once, not each command."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.discord import make_adapter as make_discord
from adapters.slack import SlackSettings
from adapters.slack import make_adapter as make_slack
from bot.briefing import Briefer
from bot.config import Secrets, Settings
from bot.delivery import CommandRequest, Destination
from bot.factories import make_fetcher, make_summarizer
from bot.netguard import AddressPolicy
from bot.store import feeds as feed_store
from tests.support.discord_commands import CHANNEL, invoke, opt, payload
from tests.support.fake_discord import (  # noqa: F401  (fixtures)
    BOT_TOKEN,
    FakeDiscord,
    fake_discord_fixture,
)
from tests.support.fake_slack import TOKEN, FakeSlack
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer
from tests.support.slack_commands import (  # noqa: F401  (fixtures)
    SECRET,
    fake,
    form,
    post,
    signed,
    until,
)
from tests.support.world import CHANNEL as WORLD_CHANNEL
from tests.support.world import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

LOOPBACK = ["127.0.0.0/8"]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.set("/feed.xml", rss("Site", [item(1, topic="harbor")]))
        yield srv


async def _seoul_channel_with_real_briefer(world: World, ref: str, tmp_path: Path) -> None:
    """``ref`` keeps Seoul's clock; /brief fetches for real, from the loopback server."""
    assert "KST" in (await world.say("/digest time 08:00 Asia/Seoul", where=ref)).text
    settings = Settings(data_dir=tmp_path, summarizer={"full_text": False},
                        network={"allow_private": LOOPBACK, "total_timeout": 5.0})
    briefer = Briefer(fetcher=make_fetcher(settings),
                      summarizer=make_summarizer(settings, Secrets(values={})),
                      points=settings.summarizer.points)
    world.core.brief_url = briefer.brief_url
    world.core.policy = AddressPolicy(LOOPBACK)


async def test_brief_url_on_discord_shows_the_channels_time_zone(
        world: World, fake_discord: FakeDiscord, server: FeedServer, tmp_path: Path) -> None:
    await _seoul_channel_with_real_briefer(world, f"discord:{CHANNEL}", tmp_path)
    adapter = make_discord(token=BOT_TOKEN, api_base_url=fake_discord.api_base,
                           connect_gateway=False)
    await adapter.start(world.core.handle)
    try:
        raw = payload("brief", [opt("query", server.url("/feed.xml"))])
        await invoke(adapter, raw)
    finally:
        await adapter.stop()
    shown = json.dumps(fake_discord.interaction_responses[raw["token"]], ensure_ascii=False)
    assert "Story 1 about the harbor project" in shown
    assert "KST" in shown and "UTC" not in shown


async def test_brief_url_on_slack_shows_the_channels_time_zone(
        world: World, fake: FakeSlack, server: FeedServer, tmp_path: Path) -> None:
    await _seoul_channel_with_real_briefer(world, "slack:T0TEAM/C100", tmp_path)
    adapter = make_slack(SlackSettings(
        bot_token=TOKEN, signing_secret=SECRET, api_base_url=fake.api_url,
        http_host="127.0.0.1", http_port=0, min_interval=0))
    await adapter.start(world.core.handle)
    try:
        body = form(fake, command="/brief", text=server.url("/feed.xml"))
        assert await post(adapter, body, signed(body)) == 200
        await until(lambda: any("harbor project" in json.dumps(r) for r in fake.responses))
    finally:
        await adapter.stop()
    shown = json.dumps(fake.responses, ensure_ascii=False)
    assert "KST" in shown and "UTC" not in shown


async def test_a_dm_reply_keeps_the_dm_destinations_zone_and_a_new_channel_utc(
        world: World) -> None:
    """A DM channel the bot never stored (Slack's D…) answers in the caller's DM
    destination's zone; outside a DM that zone is not borrowed."""
    assert not (await world.say("/digest time 08:00 Asia/Seoul dm", dm="test:dm-u1")).error

    async def ask(where: str, *, in_dm: bool) -> str | None:
        return (await world.core.handle(CommandRequest(
            command="brief", args="https://news.example/a", user="u1",
            where=Destination(where), dm=Destination("test:dm-u1"), in_dm=in_dm))).timezone

    assert await ask("test:D-unstored", in_dm=True) == "Asia/Seoul"
    assert await ask("test:unstored-channel", in_dm=False) == "UTC"


async def test_feeds_status_says_when_a_feed_was_last_read_in_the_channels_zone(
        world: World) -> None:
    """A time in a reply's text keeps the same clock as a brief's (it said "… UTC")."""
    assert not (await world.say("/digest time 08:00 Asia/Seoul")).error
    feed_id = await world.feed("https://news.example/rss", "News")
    async with world.db.begin() as conn:
        await feed_store.link_server(conn, feed_id, WORLD_CHANNEL, now=world.now)
        await feed_store.record_success(conn, feed_id, now=world.now, next_check_at=world.now)
    status = (await world.say("/feeds status", admin=False)).text
    assert "News: ok, last read" in status
    assert "KST" in status and "UTC" not in status
