"""End to end through the real pipeline and outbox: an English feed, one English channel and
fifty Korean ones, and a fake model that answers with the seed-style briefs of
tests/data/llm (reading the article from ../shared: skipped, loudly, without it)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from html import escape
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import DestinationSettings, FeedSettings, Secrets, Settings, SubscriptionSettings
from bot.models import Brief
from bot.store.schema import llm_spend
from tests.conftest import shared_path
from tests.support import llm_seed
from tests.support.clock import Clock
from tests.support.fake_openai import FakeOpenAI, Reply, completion
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

ARTICLE_ID = "wire-01jT0YSxhaABWy87"  # an English story with an English and a Korean seed brief
KOREAN_CHANNELS = 50


def article() -> dict[str, Any]:
    path = shared_path("articles", "wire_dev.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == ARTICLE_ID:
            return dict(record)
    pytest.skip(f"{ARTICLE_ID} not in {path}")


def seed_model(fake: FakeOpenAI) -> None:
    seed = llm_seed.load_jsonl(llm_seed.SEED)

    def answer(body: dict[str, Any]) -> Reply:
        found = llm_seed.seed_answer(body, seed)
        return completion(found) if found else Reply(500, {"error": "no seed brief"})

    fake.responder = answer


def feed_body(record: dict[str, Any]) -> bytes:
    story = item(1, topic="nepal")
    story["title"] = record["title"]
    # one <p> per line, so the feed text splits into the sentences the seed brief cites
    story["text"] = "".join(f"<p>{escape(line)}</p>" for line in record["text"].splitlines()
                            if line.strip())
    return rss("Wire", [story])


def settings_for(tmp_path: Path, feed: str, model_url: str) -> Settings:
    channels = [DestinationSettings(ref="webhook:en", locale="en",
                                    subscriptions=[SubscriptionSettings()])]
    channels += [DestinationSettings(ref=f"webhook:ko{n}", locale="ko-KR",
                                     subscriptions=[SubscriptionSettings()])
                 for n in range(KOREAN_CHANNELS)]
    return Settings(
        data_dir=tmp_path,
        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 2.0,
                 "connect_timeout": 1.0},
        polling={"interval": 60, "min_interval": 60, "backfill": 1,
                 "max_item_age_days": 36500},
        summarizer={"full_text": False, "kind": "llm",
                    "openai": {"base_url": model_url, "model": "test-model",
                               "api_key_env": "NO_KEY_FOR_A_LOCAL_SERVER", "timeout": 5,
                               "retries": 1}},
        feeds=[FeedSettings(url=feed)],
        destinations=channels,
    )


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


@pytest.fixture
async def make_app() -> AsyncIterator[Any]:
    apps: list[App] = []

    async def build(settings: Settings, rec: RecordingAdapter) -> App:
        app = await App.create(settings, Secrets(values={}), adapters={"webhook": rec},
                               clock=Clock())
        apps.append(app)
        return app

    yield build
    for app in apps:
        await app.close()


def briefs_by_channel(rec: RecordingAdapter) -> dict[str, Brief]:
    return {d.destination.ref: d.message.brief for d in rec.deliveries if d.message.brief}


async def test_a_korean_channel_of_an_english_feed_gets_a_korean_brief_for_one_call(
        server: FeedServer, tmp_path: Path, make_app: Any) -> None:
    record = article()
    seed = {(b["id"], b["lang"]): b for b in llm_seed.load_jsonl(llm_seed.SEED)}
    server.set("/wire.xml", feed_body(record))
    rec = RecordingAdapter(name="webhook")
    with FakeOpenAI().running() as fake:
        seed_model(fake)
        app = await make_app(settings_for(tmp_path, server.url("/wire.xml"), fake.base_url), rec)
        await app.pipeline.poll_due()
        await app.deliver_pending()
    got = briefs_by_channel(rec)
    assert len(got) == KOREAN_CHANNELS + 1  # every channel got its brief
    english, korean = got["webhook:en"], got["webhook:ko0"]
    assert english.lang == "en" and english.model == "test-model"
    assert [p.text for p in english.points] == [
        p["text"] for p in seed[(ARTICLE_ID, "en")]["points"]]
    assert korean.lang == "ko" and korean.model == "test-model"
    assert [p.text for p in korean.points] == [
        p["text"] for p in seed[(ARTICLE_ID, "ko")]["points"]]
    assert [p.label for p in korean.points] == [
        p["label"] for p in seed[(ARTICLE_ID, "ko")]["points"]]
    assert korean.headline == seed[(ARTICLE_ID, "ko")]["headline"]
    assert all(got[f"webhook:ko{n}"] == korean for n in range(KOREAN_CHANNELS))
    # one call for the English brief, one for the Korean: fifty channels cost one
    asked = [llm_seed.prompt_sentences(r["json"])[1] for r in fake.requests]
    assert sorted(asked) == ["en", "ko"]


async def test_a_dead_model_server_leaves_every_brief_delivered_extractive(
        server: FeedServer, tmp_path: Path, make_app: Any) -> None:
    record = article()
    server.set("/wire.xml", feed_body(record))
    with FakeOpenAI().running() as fake:
        dead = fake.base_url  # the server is gone once the block ends
    rec = RecordingAdapter(name="webhook")
    app = await make_app(settings_for(tmp_path, server.url("/wire.xml"), dead), rec)
    await app.pipeline.poll_due()
    await app.deliver_pending()
    got = briefs_by_channel(rec)
    assert len(got) == KOREAN_CHANNELS + 1
    assert all(b.model is None and b.lang == "en" and len(b.points) == 3 for b in got.values())


async def test_a_spent_budget_tells_the_operator_once(server: FeedServer, tmp_path: Path,
                                                      make_app: Any) -> None:
    record = article()
    server.set("/wire.xml", feed_body(record))
    rec = RecordingAdapter(name="webhook")
    with FakeOpenAI().running() as fake:
        seed_model(fake)
        settings = settings_for(tmp_path, server.url("/wire.xml"), fake.base_url)
        settings.summarizer.openai.daily_call_budget = 1
        settings.delivery.admin_destination = "webhook:en"
        app = await make_app(settings, rec)
        await app.pipeline.poll_due()
        await app.deliver_pending()
    got = briefs_by_channel(rec)
    assert got["webhook:en"].model == "test-model"  # the one call the budget allows
    assert got["webhook:ko0"].lang == "en"  # no Korean brief today: the original goes out
    assert len(fake.requests) == 1
    notes = [d.message.notice.text for d in rec.deliveries
             if d.message.notice and d.destination.ref == "webhook:en"]
    assert len(notes) == 1 and "budget" in (notes[0] or "")
    async with app.db.read() as conn:  # counted in the database: every worker's, every restart
        assert (await conn.execute(select(llm_spend.c.calls))).scalars().all() == [1]
