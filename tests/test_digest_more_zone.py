"""``/digest more`` in a Seoul channel, typed on Discord and on Slack through the real adapters
against the fake platforms and answered by the real command core: its briefs' times are in the
channel's time zone (KST), as the digest's were, not UTC (issue 24.4)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from adapters.discord import make_adapter as make_discord
from adapters.slack import SlackSettings
from adapters.slack import make_adapter as make_slack
from bot.routing.digest import fire_due_digests
from tests.support.discord_commands import CHANNEL, invoke, payload, sub
from tests.support.fake_discord import (  # noqa: F401  (fixtures)
    BOT_TOKEN,
    FakeDiscord,
    fake_discord_fixture,
)
from tests.support.fake_slack import TOKEN, FakeSlack
from tests.support.slack_commands import SECRET, form, post, signed, until
from tests.support.world import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

DISCORD_REF = f"discord:{CHANNEL}"
SLACK_REF = "slack:T0TEAM/C100"


async def _seoul_digest_with_more(world: World, ref: str) -> None:
    """A Seoul channel whose 08:00 digest had more stories than it shows."""
    world.now = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)  # 19:00 in Seoul
    assert not (await world.say("/subscribe all digest", where=ref)).error
    assert "KST" in (await world.say("/digest time 08:00 Asia/Seoul", where=ref)).text
    feed = await world.feed("https://news.example/rss", "News")
    for n in range(15):
        world.now += timedelta(minutes=1)
        await world.brief(feed, f"Story number {n:02d}", tags=["x"])
    assert await fire_due_digests(world.db, now=datetime(2026, 3, 9, 23, 1, tzinfo=UTC),
                                  empty_note=False) == 1
    world.now = datetime(2026, 3, 10, 1, 0, tzinfo=UTC)
    # the same question in the recording platform: the reply says whose clock it keeps
    more = await world.say("/digest more", where=ref, admin=False)
    assert len(more.briefs) == 5 and more.timezone == "Asia/Seoul"


@pytest.fixture
async def slack_fake() -> AsyncIterator[FakeSlack]:
    server = await FakeSlack().start()
    server.users["UPLAIN"] = {"is_admin": False, "is_owner": False}
    yield server
    await server.stop()
    assert server.violations == []


async def test_digest_more_on_discord_keeps_the_channels_time_zone(
        world: World, fake_discord: FakeDiscord) -> None:
    await _seoul_digest_with_more(world, DISCORD_REF)
    adapter = make_discord(token=BOT_TOKEN, api_base_url=fake_discord.api_base,
                           connect_gateway=False)
    await adapter.start(world.core.handle)
    try:
        raw = payload("digest", sub("more"))
        await invoke(adapter, raw)
    finally:
        await adapter.stop()
    shown = json.dumps(fake_discord.interaction_responses[raw["token"]], ensure_ascii=False)
    assert "Story number 04" in shown
    assert "KST" in shown and "UTC" not in shown


async def test_digest_more_on_slack_keeps_the_channels_time_zone(
        world: World, slack_fake: FakeSlack) -> None:
    await _seoul_digest_with_more(world, SLACK_REF)
    adapter = make_slack(SlackSettings(
        bot_token=TOKEN, signing_secret=SECRET, api_base_url=slack_fake.api_url,
        http_host="127.0.0.1", http_port=0, min_interval=0))
    await adapter.start(world.core.handle)
    try:
        body = form(slack_fake, command="/digest", text="more")
        assert await post(adapter, body, signed(body)) == 200
        await until(lambda: any("Story number 04" in json.dumps(r) for r in
                                slack_fake.responses))
    finally:
        await adapter.stop()
    shown = json.dumps(slack_fake.responses, ensure_ascii=False)
    assert "KST" in shown and "UTC" not in shown
