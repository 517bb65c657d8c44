"""Routing as conversations: subscribe through the command core, then only matching briefs are
delivered (through the real outbox worker to a recording platform)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.routing import route as routing
from bot.store import briefs as brief_store
from bot.store import destinations as dest_store
from tests.support.statements import RecordingConnection, same_statements
from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


async def test_subscribe_receive_matching_only_then_unsubscribe(world: World) -> None:
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    reply = await world.say("/subscribe #ai")
    assert not reply.error and "tag" in reply.text

    ai = await world.brief(feed, "Labs race to build bigger AI models", tags=["ai"])
    sport = await world.brief(feed, "Local team wins the cup", tags=["sports"])
    assert await world.route(ai) == 1
    assert await world.route(sport) == 0
    assert await world.delivered() == ["Labs race to build bigger AI models"]

    reply = await world.say("/unsubscribe #ai")
    assert not reply.error
    later = await world.brief(feed, "Chip makers ship new AI accelerators", tags=["ai"])
    assert await world.route(later) == 0
    assert await world.delivered() == ["Labs race to build bigger AI models"]


async def test_keywords_are_words_and_phrases_korean_as_substrings(world: World) -> None:
    feed = await world.feed("https://mixed.example/rss", "Mixed")
    assert not (await world.say('/subscribe keyword:"open source"')).error
    assert not (await world.say("/subscribe keyword:AI")).error
    assert not (await world.say("/subscribe 삼성")).error  # unknown word: a keyword

    said = await world.brief(feed, "The minister said nothing new", tags=["politics"])
    phrase = await world.brief(feed, "Why Open   Source wins", tags=["software"])
    ai = await world.brief(feed, "New rules for AI in schools", tags=["education"])
    korean = await world.brief(feed, "삼성전자는 새 반도체를 공개했다", tags=["반도체"])
    routed = {b: await world.route(b) for b in (said, phrase, ai, korean)}
    assert routed == {said: 0, phrase: 1, ai: 1, korean: 1}


def test_keyword_matching_rules() -> None:
    text = routing.fold("Said the CEO: C++ and machine-learning are fine. 삼성전자는 발표했다")
    assert not routing.keyword_in("ai", text)
    assert routing.keyword_in("c++", text)
    assert routing.keyword_in("the   CEO", text)
    assert routing.keyword_in("삼성", text)
    assert not routing.keyword_in("machine learning", text)  # a phrase is words, not a pattern
    assert not routing.keyword_in(".*", text)  # no user regex: a literal that is not there


async def test_exclude_wins_and_feed_subscription_by_url(world: World) -> None:
    tech = await world.feed("https://tech.example/rss", "Tech Daily")
    other = await world.feed("https://other.example/rss", "Other")
    assert not (await world.say("/subscribe feed:https://tech.example/rss")).error
    assert not (await world.say("/subscribe -crypto")).error

    ok = await world.brief(tech, "A new laptop", tags=["hardware"])
    crypto = await world.brief(tech, "Bitcoin falls", tags=["crypto"])
    elsewhere = await world.brief(other, "A new phone", tags=["hardware"])
    assert [await world.route(b) for b in (ok, crypto, elsewhere)] == [1, 0, 0]


async def test_digest_subscription_waits_but_urgent_tags_go_now(world: World) -> None:
    feed = await world.feed("https://news.example/rss", "News")
    assert not (await world.say("/subscribe all digest")).error
    assert not (await world.say("/digest time 08:00 Asia/Seoul")).error
    async with world.db.begin() as conn:
        dest = await dest_store.get(conn, CHANNEL)
        assert dest is not None
        await dest_store.update_destination(conn, dest.id, urgent_tags=["breaking"])
    calm = await world.brief(feed, "Museum opens a new wing", tags=["culture"])
    urgent = await world.brief(feed, "Earthquake hits the coast", tags=["breaking"])
    assert await world.route(calm) == 0
    assert await world.route(urgent) == 1
    assert await world.delivered() == ["Earthquake hits the coast"]


async def test_digest_subscription_without_a_digest_time_sends_nothing(world: World) -> None:
    feed = await world.feed("https://news.example/rss", "News")
    reply = await world.say("/subscribe all digest")
    assert "No digest time" in reply.text
    assert await world.route(await world.brief(feed, "Anything", tags=["x"])) == 0


async def test_paused_destination_holds_what_is_routed_until_resumed(world: World) -> None:
    feed = await world.feed("https://news.example/rss", "News")
    assert not (await world.say("/subscribe all")).error
    async with world.db.begin() as conn:
        dest = await dest_store.get(conn, CHANNEL)
        assert dest is not None
        await dest_store.pause(conn, dest.id, "403 forbidden", now=world.now)
    assert await world.route(await world.brief(feed, "Anything", tags=["x"])) == 1  # held
    assert await world.delivered(CHANNEL) == []
    async with world.db.begin() as conn:
        await dest_store.resume(conn, dest.id)
    assert await world.route(await world.brief(feed, "Something else", tags=["x"])) == 1
    assert await world.delivered(CHANNEL) == ["Anything", "Something else"]


async def test_dm_and_channel_are_separate_destinations(world: World) -> None:
    feed = await world.feed("https://news.example/rss", "News")
    assert not (await world.say("/subscribe #ai dm", admin=False)).error
    assert not (await world.say("/subscribe #sports")).error
    ai = await world.brief(feed, "AI story", tags=["ai"])
    await world.route(ai)
    assert await world.delivered("test:dm-u1") == ["AI story"]
    assert await world.delivered(CHANNEL) == []


async def test_sync_from_settings_keeps_runtime_changes(world: World) -> None:
    from bot.config import DestinationSettings, SubscriptionSettings

    configured = [DestinationSettings(ref="console:", timezone="Asia/Seoul",
                                      subscriptions=[SubscriptionSettings(kind="tag", value="AI")])]
    async with world.db.begin() as conn:
        await dest_store.sync_destinations(conn, configured, now=world.now)
        row = await dest_store.get(conn, "console:")
        assert row is not None and row.timezone == "Asia/Seoul"
        await dest_store.update_destination(conn, row.id, digest_time="07:00")
        await dest_store.sync_destinations(conn, configured, now=world.now + timedelta(days=1))
        again = await dest_store.get(conn, "console:")
        subs = await dest_store.list_subscriptions(conn, row.id)
    assert again is not None and again.digest_time == "07:00"  # not in the YAML: kept
    assert [(s.kind, s.value) for s in subs] == [("tag", "ai")]


async def test_an_unsubscribe_survives_a_restart_until_the_yaml_changes(world: World) -> None:
    from bot.config import DestinationSettings, SubscriptionSettings

    def configured(*values: str) -> list[DestinationSettings]:
        return [DestinationSettings(ref="console:", subscriptions=[
            SubscriptionSettings(kind="tag", value=v) for v in values])]

    async def subs() -> list[str]:
        async with world.db.begin() as conn:
            row = await dest_store.get(conn, "console:")
            assert row is not None
            return sorted(s.value for s in await dest_store.list_subscriptions(conn, row.id))

    async def start(config: list[DestinationSettings]) -> None:  # what App.create does
        async with world.db.begin() as conn:
            await dest_store.sync_destinations(conn, config, now=world.now)

    await start(configured("ai"))
    assert await subs() == ["ai"]
    assert not (await world.say("/unsubscribe #ai", where="console:")).error
    await start(configured("ai"))  # a restart with the same YAML
    assert await subs() == []
    await start(configured("ai", "space"))  # the operator edits the list: it applies
    assert await subs() == ["ai", "space"]



async def test_routing_reads_a_brief_with_a_statement_built_once() -> None:
    runs = []
    for brief_id in (1, 2):
        conn = RecordingConnection()
        await brief_store.routing_rows(conn, [brief_id])  # type: ignore[arg-type]
        runs.append(conn.statements)
    assert same_statements(runs)
