"""Health and metrics endpoints on loopback: liveness, readiness that follows the database and
the adapters, and Prometheus counters that move when the real pipeline polls real feeds."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from aiohttp import web
from sqlalchemy import text

from adapters.recording import RecordingAdapter
from bot import metrics
from bot.app import App
from bot.config import DestinationSettings, FeedSettings, Secrets, Settings, SubscriptionSettings
from bot.runner.health import (
    adapter_status,
    bound_port,
    database_error,
    health_routes,
    serve_health,
)
from bot.store.db import Database
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'h.db'}")
    await db.migrate()
    yield db
    await db.close()


async def serve(**kwargs: object) -> tuple[web.AppRunner, str]:
    runner = await serve_health("127.0.0.1", 0, **kwargs)  # type: ignore[arg-type]
    return runner, f"http://127.0.0.1:{bound_port(runner)}"


def sample(text: str, name: str, **labels: str) -> float:
    """One sample's value from Prometheus text, 0.0 when absent."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        match = re.fullmatch(r"([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)", line)
        if match and match[1] == name:
            got = ",".join(sorted((match[2] or "").split(","))) if match[2] else ""
            if got == wanted:
                return float(match[3])
    return 0.0


async def test_healthz_answers_and_readyz_follows_database_and_adapters(
        database: Database) -> None:
    adapters: dict[str, object] = {"console": RecordingAdapter(name="console")}

    class Gateway:
        ready = False

    gateway = Gateway()
    adapters["discord"] = gateway
    runner, base = await serve(db=database, adapters=adapter_status(adapters))
    try:
        async with httpx.AsyncClient(base_url=base) as client:
            assert (await client.get("/healthz")).json() == {"status": "ok"}
            not_ready = await client.get("/readyz")
            assert not_ready.status_code == 503
            assert not_ready.json()["checks"] == {
                "database": "ok", "adapters": {"console": True, "discord": False},
                "disabled_feeds": 0, "paused_destinations": []}
            gateway.ready = True
            ready = await client.get("/readyz")
            assert ready.status_code == 200 and ready.json()["status"] == "ready"
    finally:
        await runner.cleanup()


async def test_readyz_fails_while_the_database_is_down_and_healthz_does_not() -> None:
    # Nothing listens on port 1: the connection is refused at once.
    down = Database("postgresql+psycopg://newsbrief:secret@127.0.0.1:1/newsbrief")
    runner, base = await serve(db=down)
    try:
        async with httpx.AsyncClient(base_url=base) as client:
            answer = await client.get("/readyz")
            assert answer.status_code == 503
            assert answer.json()["checks"]["database"] == "OperationalError"
            assert "secret" not in answer.text
            assert (await client.get("/healthz")).status_code == 200  # alive all the same
            metrics_text = (await client.get("/metrics")).text  # served without the database
            assert "newsbrief_feeds_polled" in metrics_text
            # database-wide gauges are absent, never a reassuring 0, and the outage is a gauge
            assert sample(metrics_text, "newsbrief_database_up") == 0
            assert "newsbrief_database_up 0.0" in metrics_text
            assert "newsbrief_outbox_depth{" not in metrics_text
            assert "newsbrief_feeds_disabled " not in metrics_text
    finally:
        await runner.cleanup()
        await down.close()


async def test_routes_mount_on_another_aiohttp_app() -> None:
    # Slack's HTTP mode runs its own aiohttp server; the same routes go on it.
    async def slack_events(request: web.Request) -> web.Response:
        return web.Response(text="slack")

    app = web.Application()
    app.router.add_post("/slack/events", slack_events)
    app.router.add_routes(health_routes())
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{bound_port(runner)}") as c:
            assert (await c.get("/healthz")).status_code == 200
            assert (await c.post("/slack/events")).text == "slack"
            assert "newsbrief_briefs_total" in (await c.get("/metrics")).text
    finally:
        await runner.cleanup()


async def test_metrics_show_real_counters_after_a_poll_cycle(
        server: FeedServer, tmp_path: Path) -> None:
    server.set("/good.xml", rss("Good", [item(1, topic="good"), item(2, topic="good")]))
    server.set("/broken.xml", b"gone", status=500)
    settings = Settings(
        data_dir=tmp_path,
        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 2.0},
        polling={"backfill": 2, "max_item_age_days": 36500},
        summarizer={"full_text": False},
        feeds=[FeedSettings(url=server.url("/good.xml")),
               FeedSettings(url=server.url("/broken.xml"))],
        destinations=[DestinationSettings(ref="console:",
                                          subscriptions=[SubscriptionSettings()])],
    )
    recorder = RecordingAdapter(name="console")
    app = await App.create(settings, Secrets(values={}), adapters={"console": recorder})
    runner, base = await serve(db=app.db, adapters=adapter_status(app.adapters))
    try:
        async with httpx.AsyncClient(base_url=base) as client:
            before = (await client.get("/metrics")).text
            await app.pipeline.poll_due()
            queued = (await client.get("/metrics")).text
            await app.deliver_pending()
            after = (await client.get("/metrics")).text
    finally:
        await runner.cleanup()
        await app.close()

    def delta(name: str, **labels: str) -> float:
        return sample(after, name, **labels) - sample(before, name, **labels)

    assert delta("newsbrief_feeds_polled_total", outcome="changed") == 1
    assert delta("newsbrief_feeds_polled_total", outcome="failed") == 1
    assert delta("newsbrief_fetch_errors_total", kind="http_status") == 1
    assert delta("newsbrief_briefs_total") == 2
    assert delta("newsbrief_poll_cycle_seconds_count") == 1
    assert delta("newsbrief_summarize_seconds_count") == 2
    assert delta("newsbrief_deliveries_total", platform="console", outcome="sent") == 2
    # Depth is read from the database at scrape time: two queued, then none.
    assert sample(queued, "newsbrief_outbox_depth", state="pending") == 2
    assert sample(after, "newsbrief_outbox_depth", state="pending") == 0
    # The backlog's age is labelled by the destination holding it, while it holds it.
    assert 'newsbrief_oldest_undelivered_seconds{destination="console:"}' in queued
    assert "newsbrief_oldest_undelivered_seconds{" not in after
    assert sample(after, "newsbrief_database_up") == 1
    assert sample(after, "newsbrief_feeds_disabled") == 0
    assert sample(after, "newsbrief_destinations_paused") == 0
    assert sample(after, "newsbrief_adapter_up", adapter="console") == 1
    assert delta("newsbrief_brief_latency_seconds_count", platform="console") == 2
    assert len(recorder.deliveries) == 2
    assert "process_resident_memory_bytes" in after


def test_poll_cycle_maps_the_pipeline_stats() -> None:
    from bot.pipeline import PollStats

    before = {k: metrics.value("newsbrief_feeds_polled_total", outcome=k)
              for k in ("changed", "unchanged", "failed")}
    timeouts = metrics.value("newsbrief_fetch_errors_total", kind="timeout")
    metrics.poll_cycle(PollStats(feeds=5, unchanged=2, failed=1, briefs=3,
                                 errors={"timeout": 1}), 0.5)
    assert metrics.value("newsbrief_feeds_polled_total", outcome="changed") - before["changed"] == 2
    assert metrics.value("newsbrief_feeds_polled_total", outcome="unchanged") == \
        before["unchanged"] + 2
    assert metrics.value("newsbrief_feeds_polled_total", outcome="failed") == before["failed"] + 1
    assert metrics.value("newsbrief_fetch_errors_total", kind="timeout") == timeouts + 1


def test_a_held_delivery_counts_as_rate_limited() -> None:
    before = metrics.value("newsbrief_rate_limited_total", platform="slack")
    metrics.delivery("slack", "held")
    metrics.delivery("slack", "sent")
    assert metrics.value("newsbrief_rate_limited_total", platform="slack") == before + 1


@pytest.mark.sqlite_only
async def test_readiness_reads_beside_a_long_write(tmp_path: Path) -> None:
    """/readyz must not queue behind a writer: on SQLite it reads without the write lock."""
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'h.db'}")
    await db.migrate()
    writing, done = asyncio.Event(), asyncio.Event()

    async def long_write() -> None:
        async with db.begin() as conn:
            await conn.execute(text("UPDATE feeds SET title = title"))
            writing.set()
            await done.wait()

    writer = asyncio.create_task(long_write())
    try:
        await writing.wait()
        assert await database_error(db, timeout=2) is None
    finally:
        done.set()
        await writer
        await db.close()


def test_health_is_not_served_on_the_public_slack_listener_unless_opted_in() -> None:
    """issue 13.9: with Slack in HTTP mode, /metrics used to ride on its 0.0.0.0 listener even
    when health.host was 127.0.0.1."""
    from bot.config import HealthSettings
    from bot.runner import health_on_slack

    assert not health_on_slack(HealthSettings(enabled=True, host="127.0.0.1"), slack_http=True)
    assert health_on_slack(HealthSettings(enabled=True, on_slack_listener=True), slack_http=True)
    assert not health_on_slack(HealthSettings(enabled=True, on_slack_listener=True),
                               slack_http=False)
    assert not health_on_slack(HealthSettings(enabled=False, on_slack_listener=True),
                               slack_http=True)


async def test_a_poll_cycle_of_several_batches_is_one_cycle(server: FeedServer,
                                                            tmp_path: Path) -> None:
    from bot.runner import Runner

    for n in range(3):
        server.set(f"/f{n}.xml", rss(f"F{n}", [item(1, topic=f"f{n}")]))
    settings = Settings(
        data_dir=tmp_path, network={"allow_private": ["127.0.0.0/8"]},
        polling={"concurrency": 1, "max_item_age_days": 36500},  # batches of 2 feeds: 2 + 1
        summarizer={"full_text": False},
        feeds=[FeedSettings(url=server.url(f"/f{n}.xml")) for n in range(3)])
    app = await App.create(settings, Secrets(values={}),
                           adapters={"console": RecordingAdapter(name="console")})
    cycles = metrics.value("newsbrief_poll_cycle_seconds_count")
    polled = sum(metrics.value("newsbrief_feeds_polled_total", outcome=k)
                 for k in ("changed", "unchanged", "failed"))
    try:
        await Runner(app, app.commands)._poll()  # one scheduler tick
    finally:
        await app.close()
    assert sum(metrics.value("newsbrief_feeds_polled_total", outcome=k)
               for k in ("changed", "unchanged", "failed")) - polled == 3
    assert metrics.value("newsbrief_poll_cycle_seconds_count") - cycles == 1
