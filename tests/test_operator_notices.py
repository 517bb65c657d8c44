"""The operator is told: a feed from the configuration (or the CLI, or OPML) that gets
disabled is announced to delivery.admin_destination or the console, and shows in /readyz; a
feed taken out of the configuration file stops being polled."""

from __future__ import annotations

from pathlib import Path

import httpx

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import DestinationSettings, Secrets, SubscriptionSettings
from bot.runner.health import bound_port, serve_health
from bot.store import feeds as feed_store
from tests.support.feedserver import FeedServer
from tests.support.notices import disable_one, notices, settings_with


async def test_a_disabled_config_feed_is_told_to_the_console(tmp_path: Path) -> None:
    with FeedServer() as server:
        server.set("/gone.xml", b"gone", status=410)
        console = RecordingAdapter(name="console")
        app = await disable_one(settings_with(tmp_path, [server.url("/gone.xml")]),
                                {"console": console})
        try:
            runner = await serve_health("127.0.0.1", 0, db=app.db)
            try:
                async with httpx.AsyncClient() as client:
                    ready = await client.get(f"http://127.0.0.1:{bound_port(runner)}/readyz")
            finally:
                await runner.cleanup()
        finally:
            await app.close()
    [note] = notices(console)
    assert "gone.xml was disabled" in note and "/feeds enable" in note
    assert ready.json()["checks"]["disabled_feeds"] == 1


async def test_a_disabled_feed_goes_to_the_admin_destination(tmp_path: Path) -> None:
    with FeedServer() as server:
        server.set("/gone.xml", b"gone", status=410)
        ops = RecordingAdapter(name="webhook")
        console = RecordingAdapter(name="console")
        settings = settings_with(
            tmp_path, [server.url("/gone.xml")],
            delivery={"admin_destination": "webhook:ops"},
            destinations=[DestinationSettings(ref="console:",
                                              subscriptions=[SubscriptionSettings()]),
                          DestinationSettings(ref="webhook:ops",
                                              webhook_url="https://ops.example/hook")])
        app = await disable_one(settings, {"console": console, "webhook": ops})
        await app.close()
    assert len(notices(ops)) == 1 and not notices(console)


async def test_feeds_taken_out_of_the_config_are_removed(tmp_path: Path) -> None:
    kept, dropped = "https://example.org/kept.xml", "https://example.org/dropped.xml"
    first = await App.create(settings_with(tmp_path, [kept, dropped]), Secrets(values={}),
                             adapters={"console": RecordingAdapter(name="console")})
    async with first.db.begin() as conn:  # one added from the CLI, which the file does not own
        await feed_store.add_feed(conn, "https://example.org/cli.xml", now=first.pipeline.clock())
    await first.close()
    second = await App.create(settings_with(tmp_path, [kept]), Secrets(values={}),
                              adapters={"console": RecordingAdapter(name="console")})
    async with second.db.begin() as conn:
        urls = [row.url for row in await feed_store.list_feeds(conn)]
    await second.close()
    assert urls == [kept, "https://example.org/cli.xml"]


async def test_a_config_without_feeds_reports_rather_than_removes(tmp_path: Path) -> None:
    seeded = "https://example.org/seeded.xml"
    first = await App.create(settings_with(tmp_path, [seeded]), Secrets(values={}),
                             adapters={"console": RecordingAdapter(name="console")})
    await first.close()
    # a worker whose file lists no feeds (they were seeded by another step) keeps them
    worker = await App.create(settings_with(tmp_path, []), Secrets(values={}),
                              adapters={"console": RecordingAdapter(name="console")})
    async with worker.db.begin() as conn:
        urls = [row.url for row in await feed_store.list_feeds(conn)]
    await worker.close()
    assert urls == [seeded]
