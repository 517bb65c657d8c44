"""Routing as conversations: subscribe through the command core, then only matching briefs are
delivered (through the real outbox worker to a recording platform)."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from adapters.recording import RecordingAdapter
from bot.commands import CommandCore
from bot.delivery import CommandReply, Pacing
from bot.models import Brief, Point
from bot.outbox.worker import OutboxWorker
from bot.routing import route as routing
from bot.routing.cluster import assign_story
from bot.store import Database
from bot.store import destinations as dest_store
from bot.store.briefs import save_brief
from bot.store.db import upgrade
from bot.store.feeds import add_feed
from bot.store.schema import entries, outbox
from tests.support.dbs import BACKEND, database_url

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

CHANNEL = "test:general"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class World:
    """A migrated database, a command core and a recording platform sharing one frozen clock."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.now = START
        self.platform = RecordingAdapter(name="test")
        # Conversations type fast on a frozen clock; test_commands checks the limits themselves.
        self.core = CommandCore(db=db, clock=lambda: self.now, brief_url=self._brief_url,
                                user_rate=Pacing(1000, 1000), destination_rate=Pacing(1000, 1000))
        self.worker = OutboxWorker(db=db, adapters={"test": self.platform}, worker_id="w1",
                                   clock=lambda: self.now)
        self.briefed: list[str] = []
        self._n = 0

    async def _brief_url(self, url: str) -> Brief:
        self.briefed.append(url)
        return Brief(headline=f"Brief of {url}", points=[Point("One.")], tags=[], url=url,
                     lang="en")

    async def say(self, text: str, *, where: str = CHANNEL, user: str = "u1",
                  admin: bool = True, dm: str | None = None) -> CommandReply:
        await self.platform.start(self.core.handle)
        return await self.platform.command(text, where=where, user=user, is_admin=admin, dm=dm)

    async def feed(self, url: str, title: str, tags: list[str] | None = None) -> int:
        async with self.db.begin() as conn:
            feed_id, _ = await add_feed(conn, url, now=self.now, title=title, tags=tags or [])
        return feed_id

    async def brief(self, feed_id: int, title: str, *, text: str = "", tags: list[str] = (),
                    source: str | None = None, published: datetime | None = None,
                    points: list[str] | None = None, cluster: bool = True) -> int:
        """Store an entry and its brief as the pipeline does (and link its story)."""
        self._n += 1
        text = text or title
        async with self.db.begin() as conn:
            result = await conn.execute(insert(entries).values(
                feed_id=feed_id, entry_key=f"k{self._n}", id_kind="guid", title=title,
                link=f"https://news.example/{self._n}", published_at=published or self.now,
                first_seen_at=self.now, text=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(), categories=[]))
            entry_id = int(result.inserted_primary_key[0])
            brief = Brief(headline=title, points=[Point(p) for p in points or [text[:200]]],
                          tags=list(tags), url=f"https://news.example/{self._n}", lang="en",
                          source=source, published=published or self.now)
            brief_id = await save_brief(conn, entry_id=entry_id, brief=brief, now=self.now)
            if cluster:
                await assign_story(conn, brief_id, now=self.now)
        return brief_id

    async def route(self, brief_id: int) -> int:
        async with self.db.begin() as conn:
            return await routing.route_brief(conn, brief_id, now=self.now)

    async def delivered(self, ref: str = CHANNEL) -> list[str]:
        """Run the outbox worker; the headlines (or digest titles) posted to ``ref`` so far."""
        while await self.worker.run_once():
            pass
        return [d.message.brief.headline if d.message.brief else d.message.digest.title
                for d in self.platform.deliveries if d.destination.ref == ref]

    async def rows(self, ref: str | None = None) -> list[Any]:
        async with self.db.begin() as conn:
            rows = list((await conn.execute(select(outbox).order_by(outbox.c.id))).all())
            if ref is None:
                return rows
            dest = await dest_store.get(conn, ref)
        return [r for r in rows if dest is not None and r.destination_id == dest.id]


@pytest.fixture(scope="session", name="migrated_template")
def migrated_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database copied per test: migrating each time costs more than the tests."""
    path = tmp_path_factory.mktemp("template") / "nb.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


# Named fixtures, so other test modules can import them without shadowing the parameter name.
@pytest.fixture(name="world")
async def world_fixture(tmp_path: Path, migrated_template: Path) -> AsyncIterator[World]:
    if BACKEND == "postgresql":
        db = Database(database_url(tmp_path))
        await db.migrate()
    else:
        shutil.copy(migrated_template, tmp_path / "nb.db")
        db = Database(f"sqlite+aiosqlite:///{tmp_path / 'nb.db'}")
    yield World(db)
    await db.close()


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
