"""Routing reads the destinations and subscriptions once per poll cycle (issue 26), not once per
brief; what another worker changes in between routes the next cycle's briefs. Statements
counted, never timed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.delivery import Destination
from bot.routing import route
from bot.routing.route import CycleTargets
from bot.store import Database
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store.outbox import outbox_counts
from tests.support.clock import Clock
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer
from tests.support.polled import polled_app, statements

pytestmark = pytest.mark.usefixtures("pass_database")

FEEDS = 4
TOPICS = ["harbor", "orchard", "glacier", "satellite"]  # unlike titles: a story each


def _feed(i: int, count: int) -> bytes:
    return rss(f"F{i}", [item(n, topic=TOPICS[i]) for n in range(count)])


async def test_a_cycle_of_changed_feeds_reads_the_subscriptions_once(tmp_path: Path) -> None:
    clock = Clock()
    with FeedServer() as server:
        for i in range(FEEDS):
            server.set(f"/f/{i}.xml", _feed(i, 2))
        async with polled_app(tmp_path, server, clock,
                              [f"/f/{i}.xml" for i in range(FEEDS)]) as app:
            for i in range(FEEDS):  # one new item on every feed: four briefs, routed singly
                server.set(f"/f/{i}.xml", _feed(i, 3))
            clock.advance(app.settings.polling.interval + 1)
            with statements(app) as executed:
                stats = await app.pipeline.poll_due()
    assert (stats.feeds, stats.briefs) == (FEEDS, FEEDS)
    reads = [sql for sql in executed if sql.startswith("SELECT") and "FROM subscriptions" in sql
             and "ORDER BY subscriptions.destination_id" in sql]
    assert len(reads) == 1


async def test_a_subscription_another_worker_adds_routes_the_next_cycle(tmp_path: Path) -> None:
    clock = Clock()
    with FeedServer() as server:
        server.set("/f/0.xml", _feed(0, 2))
        async with polled_app(tmp_path, server, clock, ["/f/0.xml"]) as app:
            other = Database(app.settings.database.url)  # a second worker's store, same database
            try:
                async with other.begin() as conn:
                    dest = await dest_store.get_or_create(conn, Destination(ref="console:second"),
                                                          now=clock.now)
                    await dest_store.add_subscription(conn, dest.id, kind="keyword",
                                                      value=TOPICS[0], now=clock.now)
            finally:
                await other.close()
            server.set("/f/0.xml", _feed(0, 3))
            clock.advance(app.settings.polling.interval + 1)
            stats = await app.pipeline.poll_due()
            async with app.db.read() as conn:
                counts = await outbox_counts(conn, dest.id)
    assert stats.briefs == 1
    assert sum(counts.values()) == 1


async def test_a_cycle_routes_a_servers_own_feed_to_that_server_only(tmp_path: Path) -> None:
    """The cycle reads its feeds' audiences once (bot.store.tenancy): a feed server A added in
    chat reaches A's channel, never B's; the operator's feed reaches both."""
    clock = Clock()
    with FeedServer() as server:
        server.set("/f/0.xml", _feed(0, 2))
        server.set("/f/1.xml", _feed(1, 2))
        async with polled_app(tmp_path, server, clock, ["/f/0.xml"]) as app:
            async with app.db.begin() as conn:
                own, _ = await feed_store.add_feed(conn, server.url("/f/1.xml"), now=clock.now,
                                                   added_by="console:a", added_server="A")
                await feed_store.link_server(conn, own, "A", now=clock.now)
                dests = {}
                for name in ("A", "B"):
                    dests[name] = await dest_store.get_or_create(
                        conn, Destination(ref=f"console:{name.lower()}"), now=clock.now,
                        server=name)
                    await dest_store.add_subscription(conn, dests[name].id, kind="all",
                                                      value="", now=clock.now)
            server.set("/f/0.xml", _feed(0, 3))
            clock.advance(app.settings.polling.interval + 1)
            stats = await app.pipeline.poll_due()
            async with app.db.read() as conn:
                counts = {name: sum((await outbox_counts(conn, dest.id)).values())
                          for name, dest in dests.items()}
    assert stats.feeds == 2 and stats.briefs > 1
    assert counts == {"A": stats.briefs, "B": 1}


async def test_a_feed_unlinked_mid_cycle_stops_reaching_that_server_from_the_next_cycle(
        tmp_path: Path) -> None:
    """Who may read each feed is read once per cycle (CycleTargets): a server that unlinks a
    shared feed after the cycle's first brief still admits that feed's briefs until the cycle
    ends; the next cycle reads the links afresh (the bound docs/DESIGN.md states)."""
    clock = Clock()
    with FeedServer() as server:
        async with polled_app(tmp_path, server, clock, [], poll=False) as app:
            async with app.db.begin() as conn:
                shared, own = [
                    (await feed_store.add_feed(conn, server.url(f"/f/{i}.xml"), now=clock.now,
                                               added_by="console:a", added_server="A"))[0]
                    for i in range(2)]
                for name in ("A", "B"):
                    await feed_store.link_server(conn, shared, name, now=clock.now)
                await feed_store.link_server(conn, own, "A", now=clock.now)
            cycle = CycleTargets([shared, own])
            async with app.db.read() as conn:  # the cycle's first brief: its own feed's
                assert not (await cycle.audiences(conn, [own]))[own].admits("B")
            other = Database(app.settings.database.url)  # a chat command in another worker
            try:
                async with other.begin() as conn:
                    await feed_store.unlink_server(conn, shared, "B")
            finally:
                await other.close()
            async with app.db.read() as conn:
                this_cycle = (await cycle.audiences(conn, [shared]))[shared]
                next_cycle = (await CycleTargets([shared]).audiences(conn, [shared]))[shared]
    assert this_cycle.admits("B") and this_cycle.admits("A")
    assert not next_cycle.admits("B") and next_cycle.admits("A")


def _rich_feed(title: str, entries: list[tuple[str, str, str]]) -> bytes:
    """An RSS feed whose items (guid, title, text) carry an author and two categories: every
    field routing's filters look at."""
    body = "".join(
        f"<item><title>{title_}</title><link>https://news.example/{guid}</link>"
        f"<guid isPermaLink=\"false\">{guid}</guid><author>ed@news.example (Ed Itor)</author>"
        f"<category>Science</category><category>Space &amp; Sky</category>"
        f"<description>{text}</description></item>" for guid, title_, text in entries)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>https://news.example/</link>"
            f"<description>test</description>{body}</channel></rss>").encode()


async def test_a_new_brief_is_routed_on_what_was_stored_without_reading_it_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Routing read each new brief back (brief, entry and feed joined) right after the pipeline
    inserted it (issue 26). The facts it now gets from the pipeline equal what that read gives,
    for a brief that starts a story and one that joins it, with tags, author and categories."""
    clock = Clock()
    shared = item(7, topic="comet")
    news = [("comet-7", shared["title"], shared["text"])]
    compared: list[tuple[route.BriefFacts, route.BriefFacts]] = []
    original = route.route_brief
    executed: list[str] = []

    async def compare(conn: AsyncConnection, brief_id: int, *, now: datetime,
                      cycle: CycleTargets | None = None,
                      saved: route.BriefFacts | None = None) -> int:
        before = len(executed)
        stored = (await route.load_facts(conn, [brief_id]))[brief_id]
        del executed[before:]  # the test's own read back, not the pipeline's
        assert saved is not None
        compared.append((saved, stored))
        return await original(conn, brief_id, now=now, cycle=cycle, saved=saved)

    with FeedServer() as server:
        server.set("/a.xml", _rich_feed("A", []))
        server.set("/b.xml", _rich_feed("B", []))
        async with polled_app(tmp_path, server, clock, ["/a.xml", "/b.xml"]) as app:
            monkeypatch.setattr(route, "route_brief", compare)
            briefs = 0
            with statements(app) as executed:
                # the story on A, then its copy on B a cycle later: B's brief joins A's story
                for path, feed in (("/a.xml", _rich_feed("A", news)),
                                   ("/b.xml", _rich_feed("B", [("copy-7", *news[0][1:])]))):
                    server.set(path, feed)
                    clock.advance(app.settings.polling.interval + 1)
                    briefs += (await app.pipeline.poll_due()).briefs
    assert briefs == 2 and len(compared) == 2
    assert [sql for sql in executed if sql.startswith("SELECT briefs.id, briefs.story_id, "
                                                      "briefs.headline")] == []
    for saved, stored in compared:
        assert replace(saved, audience=stored.audience) == stored
        assert stored.article.author and len(stored.article.categories) == 2
    assert {stored.story_root == stored.brief_id for _, stored in compared} == {True, False}
