"""End to end: feeds on loopback through the real pipeline into a recording destination."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from adapters.recording import RecordingAdapter
from bot.delivery import CommandRequest, Destination
from bot.store.feeds import list_feeds
from bot.store.schema import entries
from tests.support.clock import Clock
from tests.support.e2e import (  # noqa: F401  (fixtures)
    cycle,
    make_app,
    server,
    settings_for,
)
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


async def test_each_new_item_is_delivered_once(server: FeedServer, tmp_path: Path,
                                               make_app: object) -> None:
    server.set("/a.xml", rss("Feed A", [item(1, topic="a"), item(2, topic="a"),
                                        item(3, topic="a")]), etag='"a1"')
    server.set("/b.xml", rss("Feed B", [item(1, topic="b")]))
    clock, rec = Clock(), RecordingAdapter(name="console")
    app = await make_app(settings_for(tmp_path, [server.url("/a.xml"), server.url("/b.xml")]),
                         clock, rec)  # type: ignore[operator]

    await cycle(app)
    # First poll: only the newest `backfill` (2) of feed A, and B's single item.
    titles = sorted(d.message.brief.headline for d in rec.deliveries if d.message.brief)
    assert titles == ["Story 1 about the b project", "Story 2 about the a project",
                      "Story 3 about the a project"]

    # Nothing changed: A answers 304 (ETag), B the same body; nothing is posted again.
    clock.advance(61)
    await cycle(app)
    assert len(rec.deliveries) == 3
    assert any(h.get("if-none-match") == '"a1"' for _, p, h in server.requests if p == "/a.xml")

    # A gains one item: exactly that one is delivered; an edited old item is not re-posted.
    edited = item(3, topic="a")
    edited["text"] = "An edited text. " + edited["text"]
    server.set("/a.xml", rss("Feed A", [item(1, topic="a"), item(2, topic="a"), edited,
                                        item(4, topic="a")]), etag='"a2"')
    clock.advance(61)
    await cycle(app)
    assert [d.message.brief.headline for d in rec.deliveries[3:] if d.message.brief] == [
        "Story 4 about the a project"]
    async with app.db.begin() as conn:  # the edit itself is kept, for search and digests
        texts = (await conn.execute(select(entries.c.text)
                                    .where(entries.c.title == "Story 3 about the a project"))).all()
    assert len(texts) == 1 and texts[0].text.startswith("An edited text.")

    # Run again with nothing due: nothing at all happens.
    await cycle(app)
    assert len(rec.deliveries) == 4


async def test_one_bad_feed_never_stops_the_others(server: FeedServer, tmp_path: Path,
                                                   make_app: object) -> None:
    server.set("/good.xml", rss("Good", [item(1, topic="good")]))
    server.set("/error.xml", b"oops", status=500)
    server.set("/garbage.xml", b"\x00\x01 this is not a feed <<<", content_type="text/html")
    server.set("/drip.xml", rss("Drip", [item(1, topic="drip")]), drip_seconds_per_byte=0.5)
    server.set("/moved-target.xml", rss("Moved", [item(1, topic="moved")]))
    server.redirect("/moved.xml", "/moved-target.xml", status=301)
    urls = [server.url(p) for p in ("/good.xml", "/error.xml", "/garbage.xml", "/drip.xml",
                                    "/moved.xml")]
    clock, rec = Clock(), RecordingAdapter(name="console")
    app = await make_app(settings_for(tmp_path, urls), clock, rec)  # type: ignore[operator]

    await cycle(app)
    delivered = sorted(d.message.brief.headline for d in rec.deliveries if d.message.brief)
    assert delivered == ["Story 1 about the good project", "Story 1 about the moved project"]

    async with app.db.begin() as conn:
        feeds = {row.url: row for row in await list_feeds(conn)}
    # The permanent redirect updated the stored URL.
    assert server.url("/moved-target.xml") in feeds
    assert server.url("/moved.xml") not in feeds
    for path, kind in (("/error.xml", "http_status"), ("/garbage.xml", "parse"),
                       ("/drip.xml", "timeout")):
        row = feeds[server.url(path)]
        assert row.consecutive_failures == 1, path
        assert row.last_error.startswith(kind), (path, row.last_error)
        assert row.next_check_at > clock.now  # backed off, not retried at once

    # After max_failures (3) in a row the broken feed is disabled with a reason.
    for _ in range(3):
        clock.advance(7200)
        await cycle(app)
    async with app.db.begin() as conn:
        feeds = {row.url: row for row in await list_feeds(conn)}
    assert feeds[server.url("/error.xml")].disabled_reason.startswith("3 failures in a row")
    assert feeds[server.url("/good.xml")].disabled_at is None
    assert len([d for d in rec.deliveries if d.message.brief]) == 2  # still nothing doubled


async def test_the_channel_that_added_a_failing_feed_is_told_once(
        server: FeedServer, tmp_path: Path, make_app: object) -> None:
    server.set("/broken.xml", rss("Soon Broken", [item(1)]))  # a feed when it is added
    clock, rec = Clock(), RecordingAdapter(name="console")
    app = await make_app(settings_for(tmp_path, []), clock, rec)  # type: ignore[operator]
    added = await app.commands.handle(CommandRequest(
        command="feeds", args=f"add {server.url('/broken.xml')}", user="admin",
        where=Destination("console:"), is_admin=True))
    assert not added.error, added.text
    server.set("/broken.xml", b"oops", status=500)
    for _ in range(5):  # max_failures is 3; the two extra polls find it disabled
        await cycle(app)
        clock.advance(7200)
    # a notice, not a digest with no stories (issue 23.7)
    assert not [d for d in rec.deliveries if d.message.digest]
    notices = [d.message.notice for d in rec.deliveries if d.message.notice]
    assert len(notices) == 1 and notices[0].title == "Feed disabled"
    assert "3 failures in a row" in notices[0].text
    assert "/feeds enable 1" in notices[0].text
    enabled = await app.commands.handle(CommandRequest(
        command="feeds", args="enable 1", user="admin", where=Destination("console:"),
        is_admin=True))
    assert not enabled.error and server.hits("/broken.xml") == 4  # the add's read, 3 polls
    await cycle(app)
    assert server.hits("/broken.xml") == 5  # polled again at once


async def test_a_feed_with_a_bad_character_reference_delivers_every_entry_once(
        server: FeedServer, tmp_path: Path, make_app: object) -> None:
    # a reference to a surrogate made feedparser crash: the feed failed every poll and none
    # of its entries was delivered; now only that character is lost (made U+FFFD)
    bad = item(2, topic="a")
    bad["text"] = "BAD " + bad["text"]
    body = rss("Feed A", [item(1, topic="a"), bad, item(3, topic="a")])
    server.set("/a.xml", body.replace(b"BAD ", b"One &#xD800; mark. "))
    clock, rec = Clock(), RecordingAdapter(name="console")
    app = await make_app(settings_for(tmp_path, [server.url("/a.xml")], backfill=10),
                         clock, rec)  # type: ignore[operator]
    await cycle(app)
    clock.advance(61)
    await cycle(app)
    assert sorted(d.message.brief.headline for d in rec.deliveries if d.message.brief) == [
        "Story 1 about the a project", "Story 2 about the a project",
        "Story 3 about the a project"]
    async with app.db.begin() as conn:
        texts = (await conn.execute(select(entries.c.text)
                                    .where(entries.c.title == "Story 2 about the a project"))).all()
    assert [row.text[:12] for row in texts] == ["One \ufffd mark. "]
