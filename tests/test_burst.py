"""Bursts: many new items from one feed become one digest-style message per destination."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from bot.models import Brief, Point
from bot.routing import route as routing
from bot.routing.burst import is_burst, too_old
from bot.serialize import brief_to_dict, digest_from_json
from bot.store.schema import briefs, destinations
from tests.test_routing import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


def test_burst_threshold_and_age() -> None:
    assert not is_burst(8, 8)
    assert is_burst(9, 8)
    now = datetime(2026, 3, 10, tzinfo=UTC)
    assert too_old(now - timedelta(days=8), now, 7)
    assert not too_old(now - timedelta(days=6, hours=23), now, 7)
    assert not too_old(None, now, 7)  # undated: first seen now


async def test_a_burst_is_one_message_with_only_the_matching_briefs(world: World) -> None:
    feed = await world.feed("https://backlog.example/rss", "Backlog Times")
    assert not (await world.say("/subscribe all")).error
    assert not (await world.say("/subscribe #ai", where="test:ai-only")).error
    ids = [await world.brief(feed, f"Archive item number {i} about topic {i * 7}",
                             text=f"Entry {i} body {i * 13} distinct words {i ** 3}",
                             tags=["ai"] if i % 4 == 0 else ["misc"],
                             published=world.now - timedelta(hours=i))
           for i in range(12)]
    assert is_burst(len(ids), 8)
    async with world.db.begin() as conn:
        assert await routing.route_burst(conn, feed, ids, now=world.now) == 2
    everything = await world.rows(CHANNEL)
    assert len(everything) == 1 and everything[0].brief_id is None
    digest = digest_from_json(everything[0].digest)
    headlines = [b.headline for s in digest.sections for b in s.briefs]
    assert len(headlines) == 12
    assert headlines[0] == "Archive item number 0 about topic 0"  # newest first
    assert digest.note and "12" in digest.note
    ai_only = digest_from_json((await world.rows("test:ai-only"))[0].digest)
    assert len([b for s in ai_only.sections for b in s.briefs]) == 3
    # One message each on the platform, not twelve.
    assert await world.delivered(CHANNEL) == ["Backlog Times: 12 new items"]
    async with world.db.begin() as conn:  # the same burst routed twice is not sent twice
        assert await routing.route_burst(conn, feed, ids, now=world.now) == 0


async def test_a_burst_leaves_out_stories_already_sent(world: World) -> None:
    feed = await world.feed("https://backlog.example/rss", "Backlog")
    assert not (await world.say("/subscribe all")).error
    sent = await world.brief(feed, "Already posted story", text="alpha beta gamma")
    assert await world.route(sent) == 1
    ids = [await world.brief(feed, f"Item {i} of many", text=f"unique body {i} {i * 31}")
           for i in range(9)]
    async with world.db.begin() as conn:
        assert await routing.route_burst(conn, feed, [sent, *ids], now=world.now) == 1
    burst = digest_from_json((await world.rows(CHANNEL))[1].digest)
    assert "Already posted story" not in [b.headline for s in burst.sections for b in s.briefs]


async def test_a_burst_reaches_a_korean_channel_in_korean_where_the_model_wrote_it(
        world: World) -> None:
    """Issue 25: a burst carries each brief in the channel's language when it was made in that
    language too, as instant posts and digests do."""
    feed = await world.feed("https://backlog.example/rss", "Backlog Times")
    assert not (await world.say("/subscribe all")).error
    assert not (await world.say("/subscribe all", where="test:en")).error
    ids = [await world.brief(feed, f"Archive item number {i} about topic {i * 7}",
                             text=f"Entry {i} body {i * 13} distinct words {i ** 3}",
                             published=world.now - timedelta(hours=i))
           for i in range(9)]
    korean = brief_to_dict(Brief(headline="보관 기사 0번", points=[Point("보관 기사다.")],
                                 tags=[], url=None, lang="ko", source="Backlog Times",
                                 published=None))
    async with world.db.begin() as conn:
        await conn.execute(update(briefs).where(briefs.c.id == ids[0])
                           .values(translations={"ko": korean}))
        await conn.execute(update(destinations).where(destinations.c.ref == CHANNEL)
                           .values(locale="ko-KR"))
        assert await routing.route_burst(conn, feed, ids, now=world.now) == 2
    shown = {}
    for ref in (CHANNEL, "test:en"):
        digest = digest_from_json((await world.rows(ref))[0].digest)
        shown[ref] = {b.headline for s in digest.sections for b in s.briefs}
    english = "Archive item number 0 about topic 0"
    assert "보관 기사 0번" in shown[CHANNEL] and english not in shown[CHANNEL]
    assert english in shown["test:en"] and "보관 기사 0번" not in shown["test:en"]
    assert len(shown[CHANNEL]) == len(shown["test:en"]) == 9
