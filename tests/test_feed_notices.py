"""A feed added from chat (issue 22.6): `/feeds add` reads it first and refuses what is not a
feed, with the reason; when it later keeps failing, the channel that added it hears (and the
operator), posted through the real Discord adapter to the fake Discord API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from adapters.discord import make_adapter
from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import DestinationSettings, Secrets, Settings
from bot.delivery import CommandReply, CommandRequest, Destination, Pacing
from bot.store import feeds as feed_store
from tests.support.clock import Clock
from tests.support.fake_discord import BOT_TOKEN, FakeDiscord, fake  # noqa: F401  (fixture)
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

GUILD = "222222222222222222"
CHANNEL = "333333333333333333"



@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    with FeedServer() as server:
        yield server


async def start(tmp_path: Path, fake: FakeDiscord, clock: Clock | None = None,
                **extra: Any) -> tuple[App, RecordingAdapter]:
    settings = Settings(
        data_dir=tmp_path, summarizer={"full_text": False},
        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 2.0},
        polling={"max_failures": 2, "max_item_age_days": 36500}, **extra)
    discord = make_adapter(token=BOT_TOKEN, api_base_url=fake.api_base, connect_gateway=False)
    discord.pacing = discord.platform_pacing = Pacing(rate=1000.0, burst=1000)
    ops = RecordingAdapter(name="webhook")
    app = await App.create(settings, Secrets(values={}),
                           adapters={"discord": discord, "webhook": ops,
                                     "console": RecordingAdapter(name="console")},
                           clock=clock or Clock())
    await discord.start(app.commands.handle)
    return app, ops


async def add(app: App, url: str) -> CommandReply:
    return await app.commands.handle(CommandRequest(
        command="feeds", args=f"add {url}", user="admin", is_admin=True, server=GUILD,
        where=Destination(f"discord:{CHANNEL}")))


async def stored(app: App) -> list[str]:
    async with app.db.read() as conn:
        return [row.url for row in await feed_store.list_feeds(conn)]


def told(fake: FakeDiscord) -> list[str]:
    return [str(embed.get("description", "")) + str(post.get("content") or "")
            for post in fake.sent("POST", f"/channels/{CHANNEL}/messages")
            for embed in post.get("embeds") or [{}]]


async def test_chat_add_refuses_what_is_not_a_feed_with_the_reason(
        tmp_path: Path, fake: FakeDiscord, feeds: FeedServer) -> None:
    feeds.set("/missing.xml", b"not here", status=404, content_type="text/html")
    feeds.set("/page.html", b"<!doctype html><html><head><title>Home</title></head>"
                            b"<body><p>Welcome to our site</p></body></html>",
              content_type="text/html")
    # not at a usual feed path (/feed.xml, /rss …): the page names no feed and discovery
    # finds none (tests/test_feed_discovery.py has the page that does)
    feeds.set("/news/latest.xml", rss("Harbor Gazette", [item(1)]))
    app, _ = await start(tmp_path, fake)
    try:
        missing = await add(app, feeds.url("/missing.xml"))
        page = await add(app, feeds.url("/page.html"))
        good = await add(app, feeds.url("/news/latest.xml"))
        assert await stored(app) == [feeds.url("/news/latest.xml")]
    finally:
        await app.close()
    assert missing.error and "Added feed" not in missing.text
    assert "404" in missing.text and missing.text.startswith("Cannot add")
    assert page.error and "not a feed" in page.text
    assert not good.error and "Added feed 1" in good.text


async def disable_a_chat_feed(tmp_path: Path, fake: FakeDiscord, feeds: FeedServer,
                              **extra: Any) -> RecordingAdapter:
    """A channel adds a feed that then answers 410 until it is disabled (max_failures is 2;
    the third poll finds it disabled). Returns the operator's webhook adapter."""
    feeds.set("/feed.xml", rss("Harbor Gazette", [item(1)]))
    clock = Clock()
    app, ops = await start(tmp_path, fake, clock, **extra)
    try:
        assert not (await add(app, feeds.url("/feed.xml"))).error
        feeds.set("/feed.xml", b"gone", status=410)
        for _ in range(3):
            await app.pipeline.poll_due()
            await app.deliver_pending()
            clock.advance(7200)
    finally:
        await app.close()
    return ops


async def test_a_failing_chat_feed_is_told_to_its_channel_and_the_operator(
        tmp_path: Path, fake: FakeDiscord, feeds: FeedServer) -> None:
    ops = await disable_a_chat_feed(
        tmp_path, fake, feeds, delivery={"admin_destination": "webhook:ops"},
        destinations=[DestinationSettings(ref="webhook:ops",
                                          webhook_url="https://ops.example/hook")])
    [channel_notice] = told(fake)
    assert "was disabled" in channel_notice and "/feeds enable 1" in channel_notice
    assert len([d for d in ops.deliveries if d.message.notice]) == 1


async def test_with_no_operator_destination_the_channel_still_hears(
        tmp_path: Path, fake: FakeDiscord, feeds: FeedServer) -> None:
    # a destination, so no console is added; no delivery.admin_destination
    await disable_a_chat_feed(
        tmp_path, fake, feeds,
        destinations=[DestinationSettings(ref="webhook:ops", webhook_url="https://o.example/h")])
    [channel_notice] = told(fake)
    assert "was disabled" in channel_notice and "/feeds enable 1" in channel_notice
