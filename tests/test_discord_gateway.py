"""`newsbrief run` with DISCORD_TOKEN, end to end over a fake Discord gateway and REST API."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import yarl
from discord.gateway import DiscordWebSocket
from pydantic import SecretStr

from adapters.discord import make_adapter
from adapters.discord.bot import DiscordAdapter
from bot.app import App
from bot.config import (
    DestinationSettings,
    FeedSettings,
    Secrets,
    Settings,
    SubscriptionSettings,
    settings_model,
)
from bot.runner import Runner
from tests.support.discord_gateway import (  # noqa: F401  (fake: the fixture)
    GUILDS_INTENT,
    _no_commands,
    eventually,
    fake,
)
from tests.support.fake_discord import (
    BOT_TOKEN,
    GUILD_ID,
    TEXT_CHANNEL_ID,
    FakeDiscord,
)
from tests.support.fake_discord_gateway import GatewaySession
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv





def settings_for(tmp_path: Path, feed_url: str, fake: FakeDiscord) -> Settings:
    return settings_model()(
        data_dir=tmp_path,
        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 2.0,
                 "connect_timeout": 1.0},
        polling={"interval": 60, "min_interval": 60, "backfill": 2,
                 "max_item_age_days": 36500},
        summarizer={"full_text": False},
        feeds=[FeedSettings(url=feed_url)],
        destinations=[DestinationSettings(ref=f"discord:{TEXT_CHANNEL_ID}",
                                          subscriptions=[SubscriptionSettings()])],
        discord={"api_base_url": fake.api_base},
    )


async def test_run_connects_delivers_and_answers_a_slash_command(
        fake: FakeDiscord, feeds: FeedServer, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    feeds.set("/harbor.xml", rss("Harbor news", [item(1)]))
    secrets = Secrets(values={"DISCORD_TOKEN": SecretStr(BOT_TOKEN)})
    app = await App.create(settings_for(tmp_path, feeds.url("/harbor.xml"), fake), secrets)
    adapter = app.adapters["discord"]
    assert isinstance(adapter, DiscordAdapter)
    runner = Runner(app, app.commands)
    task = asyncio.create_task(runner.run())
    try:
        # (1) the gateway connects: IDENTIFY with the token and only the guilds intent
        session: GatewaySession = await eventually(fake.live_session, "IDENTIFY")
        assert session.identify is not None
        assert session.identify["token"] == BOT_TOKEN
        assert session.identify["intents"] == GUILDS_INTENT
        assert session.compress == "zlib-stream"  # discord.py read our deflate stream
        await eventually(lambda: adapter.ready, "READY and GUILD_CREATE processed")
        assert adapter.client is not None
        guild = adapter.client.get_guild(int(GUILD_ID))
        assert guild is not None and guild.get_channel(int(TEXT_CHANNEL_ID)) is not None

        # (2) the feed's story is posted to the channel by the bot, with no pings and a nonce
        posts = await eventually(
            lambda: fake.sent("POST", f"/channels/{TEXT_CHANNEL_ID}/messages"), "a brief post")
        [body] = posts
        assert body["embeds"][0]["title"] == "Story 1 about the harbor project"
        assert body["allowed_mentions"] == {"parse": []}
        assert body["nonce"] and body["enforce_nonce"] is True
        assert len(fake.messages(TEXT_CHANNEL_ID)) == 1

        # (3) /subscriptions arrives over the gateway: deferred (ephemeral), then answered
        raw = fake.application_command("subscriptions")
        await fake.dispatch("INTERACTION_CREATE", raw)
        answers = fake.interaction_responses[raw["token"]]
        await eventually(lambda: len(answers) >= 2, "the interaction's answer")
        callback, edit = answers
        assert callback["callback"]["type"] == 5
        assert callback["callback"]["data"]["flags"] & 64
        assert edit["edit"]["content"].startswith(f"Subscriptions of discord:{TEXT_CHANNEL_ID}")
        assert edit["edit"]["allowed_mentions"] == {"parse": []}

        # heartbeats were acked (discord.py measured a latency) on one stable connection
        await eventually(lambda: session.heartbeats >= 2, "two heartbeats")
        assert adapter.client.latency < 10
        assert len(fake.gateway_sessions) == 1
    finally:
        # (4) stop as SIGTERM does, then close the app as `newsbrief run` does
        runner.stop.set()
        await asyncio.wait_for(task, timeout=20)
        await app.close()
    assert task.exception() is None
    await asyncio.wait_for(session.closed.wait(), timeout=5)
    # discord.py sent a normal close frame (1000), not a dropped socket or a resumable 4000
    assert session.close_code == 1000
    assert adapter.client.is_closed()
    assert len(fake.gateway_sessions) == 1  # it did not reconnect on the way out
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]





async def test_api_base_url_also_moves_the_gateway(fake: FakeDiscord,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # stands in for wss://gateway.discord.gg, which a test must not dial: nothing listens there
    monkeypatch.setattr(DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL("ws://127.0.0.1:9/"))
    adapter = make_adapter(token=BOT_TOKEN, api_base_url=fake.api_base)
    await adapter.start(_no_commands)
    try:
        await eventually(fake.live_session, "IDENTIFY on the fake's gateway", timeout=4)
    finally:
        await adapter.stop()


async def test_stop_closes_the_gateway_with_1000(fake: FakeDiscord,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    adapter = make_adapter(token=BOT_TOKEN, api_base_url=fake.api_base)
    await adapter.start(_no_commands)
    try:
        session = await eventually(fake.live_session, "IDENTIFY")
    finally:
        await adapter.stop()
    await asyncio.wait_for(session.closed.wait(), timeout=5)
    assert session.close_code == 1000
