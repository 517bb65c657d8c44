"""The dashboard's handlers over HTTP: sign-in, sessions, CSRF, scoping, and every page's
changes going through the same commands and stores as chat (issue 17)."""

from __future__ import annotations

import html
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.dashboard.auth import Principal
from bot.delivery import Destination
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store.schema import destinations, feed_servers, feeds, outbox
from tests.support.dashboard import Harness, dashboard_harness, dashboard_settings
from tests.support.dashboard_fixtures import (  # noqa: F401  (fixtures)
    NOW,
    h,
)
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.set("/feed.xml", rss("Harbor Gazette", [item(2, topic="harbor"),
                                                    item(1, topic="harbor")]))
        yield srv


async def _two_servers(h: Harness) -> tuple[int, int]:
    """A channel in guild G1 and one in G2, each with a feed added there (and used by that
    server, as ``/feeds add`` links it: the link, not ``added_server``, is what scopes)."""
    async with h.app.db.begin() as conn:
        one = await dest_store.get_or_create(conn, Destination("discord:111"), now=NOW,
                                             server="G1")
        two = await dest_store.get_or_create(conn, Destination("discord:222"), now=NOW,
                                             server="G2")
        for name, channel, guild in (("one", "discord:111", "G1"), ("two", "discord:222", "G2")):
            feed_id, _ = await feed_store.add_feed(
                conn, f"https://{name}.example/feed", now=NOW, title=name.title(),
                added_by=channel, added_server=guild)
            await feed_store.link_server(conn, feed_id, guild, now=NOW)
    return one.id, two.id


def _admin_of_g1() -> Principal:
    return Principal("discord", "4001", "Ada", {"G1": "Guild One"})


# -- sign-in, sessions, CSRF --------------------------------------------------------------------

async def test_a_server_admin_sees_and_changes_only_their_servers(h: Harness) -> None:
    one, two = await _two_servers(h)
    h.act_as(_admin_of_g1())
    page = await (await h.client.get("/feeds")).text()
    assert "one.example" in page and "two.example" not in page
    page = await (await h.client.get("/destinations")).text()
    assert "discord:111" in page and "discord:222" not in page and "console:" not in page
    assert (await h.client.get(f"/destinations/{two}")).status == 404
    assert (await h.client.get(f"/destinations/{one}")).status == 200
    async with h.app.db.begin() as conn:
        other = (await conn.execute(select(feeds.c.id).where(feeds.c.added_server == "G2")
                                    )).scalar_one()
    assert (await h.post(f"/feeds/{other}/remove", page="/feeds")).status == 404
    for action, data in (("subscribe", {"kind": "tag", "value": "ai"}),
                         ("unsubscribe", {"subscription": "1"}),
                         ("settings", {"digest_time": "08:00", "timezone": "UTC",
                                       "days": "1", "locale": "en"}),
                         ("resume", {}), ("test", {})):
        response = await h.post(f"/destinations/{two}/{action}", data, page="/feeds")
        assert response.status == 404, action
    for action in ("enable", "disable"):
        assert (await h.post(f"/feeds/{other}/{action}", page="/feeds")).status == 404
    async with h.app.db.begin() as conn:
        assert len(await feed_store.list_feeds(conn)) == 2
        assert await dest_store.list_subscriptions(conn, two) == []
        assert (await conn.execute(select(outbox.c.id))).all() == []
        row = await dest_store.by_id(conn, two)
        assert row is not None and row.digest_time is None
        assert all(f.disabled_at is None for f in await feed_store.list_feeds(conn))
    export = await (await h.client.get("/feeds/export.opml")).text()
    assert "one.example" in export and "two.example" not in export
    deliveries = await (await h.client.get(f"/deliveries?destination={two}")).text()
    assert "discord:222" not in deliveries


async def test_a_server_admin_must_add_a_feed_for_one_of_their_channels(
        h: Harness, server: FeedServer) -> None:
    one, two = await _two_servers(h)
    h.act_as(_admin_of_g1())
    url = server.url("/feed.xml")
    refused = await h.post("/feeds/add", {"url": url, "destination": str(two)}, page="/feeds")
    assert refused.status == 400 and "not one you manage" in await refused.text()
    missing = await h.post("/feeds/add", {"url": url}, page="/feeds")
    assert missing.status == 400 and "Choose the channel" in await missing.text()
    added = await h.post("/feeds/add", {"url": url, "destination": str(one), "tags": "harbor"},
                         page="/feeds")
    assert added.status == 303
    async with h.app.db.begin() as conn:
        row = (await conn.execute(select(feeds).where(feeds.c.url == url))).one()
        link = (await conn.execute(select(feed_servers.c.tags)
                                   .where(feed_servers.c.feed_id == row.id))).scalar()
    assert row.added_server == "G1" and row.added_by == "discord:111"
    assert row.tags == [] and link == ["harbor"]  # the server's tags are its own (issue 22)


async def test_a_site_address_adds_the_feed_its_page_names_and_the_page_says_so(
        h: Harness, server: FeedServer) -> None:
    """Feed discovery (issue 24.2) from the dashboard, with the rules chat uses."""
    one, _ = await _two_servers(h)
    h.act_as(_admin_of_g1())
    server.set("/site/", b'<html><head><link rel="alternate" type="application/rss+xml" '
               b'href="/feed.xml"></head><body>Harbor</body></html>', content_type="text/html")
    added = await h.post("/feeds/add", {"url": server.url("/site/"), "destination": str(one)},
                         page="/feeds")
    assert added.status == 303
    async with h.app.db.begin() as conn:
        urls = {row.url for row in await conn.execute(select(feeds.c.url))}
    assert server.url("/feed.xml") in urls and server.url("/site/") not in urls
    page = await (await h.client.get("/feeds")).text()
    assert "is a web page, not a feed" in page and html.escape(server.url("/feed.xml")) in page


async def test_the_per_server_feed_limit_is_the_chat_commands(tmp_path: Path,
                                                              server: FeedServer) -> None:
    settings = dashboard_settings(tmp_path).model_copy(update={"limits": dashboard_settings(
        tmp_path).limits.model_copy(update={"feeds_per_server": 1})})
    async with dashboard_harness(settings) as h:
        one, _ = await _two_servers(h)  # G1 already has its one feed
        h.act_as(_admin_of_g1())
        response = await h.post("/feeds/add", {"url": server.url("/feed.xml"),
                                               "destination": str(one)}, page="/feeds")
        assert response.status == 400
        assert "reached its limit of 1 feeds" in await response.text()


async def test_a_shared_feed_is_unlinked_and_another_servers_is_out_of_reach(h: Harness) -> None:
    """Server B's admin sees neither nor removes a feed only server A uses; removing a feed both
    use takes it out of B only: A keeps it, entries and all, as ``/feeds remove`` does in chat."""
    await _two_servers(h)
    async with h.app.db.begin() as conn:
        only_a = (await conn.execute(select(feeds.c.id).where(
            feeds.c.url == "https://one.example/feed"))).scalar_one()
        shared, _ = await feed_store.add_feed(conn, "https://shared.example/feed", now=NOW,
                                              title="Shared", added_by="discord:111",
                                              added_server="G1")
        await feed_store.link_server(conn, shared, "G1", now=NOW)
        await feed_store.link_server(conn, shared, "G2", now=NOW)  # B added the same URL
    h.act_as(Principal("discord", "4002", "Bea", {"G2": "Guild Two"}))
    page = await (await h.client.get("/feeds")).text()
    assert "shared.example" in page and "two.example" in page and "one.example" not in page
    export = await (await h.client.get("/feeds/export.opml")).text()
    assert "shared.example" in export and "one.example" not in export
    overview = await (await h.client.get("/")).text()
    assert '<span class="big">2</span> feeds' in overview  # two.example and shared.example
    for action in ("remove", "disable", "enable"):
        assert (await h.post(f"/feeds/{only_a}/{action}", page="/feeds")).status == 404, action
    # disabling would stop it for A too: B may only remove it from B
    assert (await h.post(f"/feeds/{shared}/disable", page="/feeds")).status == 303
    assert "cannot be disabled here" in await (await h.client.get("/feeds")).text()
    async with h.app.db.begin() as conn:
        assert all(r.disabled_at is None for r in await feed_store.list_feeds(conn))
    removed = await h.post(f"/feeds/{shared}/remove", page="/feeds")
    assert removed.status == 303
    page = await (await h.client.get("/feeds")).text()
    assert "Removed feed" in page and "from this server" in page
    assert "shared.example" not in page
    async with h.app.db.begin() as conn:
        assert {r.url for r in await feed_store.list_feeds(conn)} == {
            "https://one.example/feed", "https://two.example/feed",
            "https://shared.example/feed"}
        assert shared in [r.id for r in await feed_store.server_feeds(conn, "G1")]
        assert shared not in [r.id for r in await feed_store.server_feeds(conn, "G2")]
    h.act_as(_admin_of_g1())
    assert "shared.example" in await (await h.client.get("/feeds")).text()
    # and when the last server using it removes it, it goes, as in chat
    assert (await h.post(f"/feeds/{shared}/remove", page="/feeds")).status == 303
    async with h.app.db.begin() as conn:
        assert "https://shared.example/feed" not in {
            r.url for r in await feed_store.list_feeds(conn)}


async def test_an_admin_of_both_servers_removes_a_shared_feed_from_both(h: Harness) -> None:
    await _two_servers(h)
    async with h.app.db.begin() as conn:
        shared, _ = await feed_store.add_feed(conn, "https://shared.example/feed", now=NOW,
                                              added_by="discord:111", added_server="G1")
        for guild in ("G1", "G2"):
            await feed_store.link_server(conn, shared, guild, now=NOW)
    h.act_as(Principal("discord", "4003", "Cy", {"G1": "Guild One", "G2": "Guild Two"}))
    assert (await h.post(f"/feeds/{shared}/disable", page="/feeds")).status == 303
    async with h.app.db.begin() as conn:  # only their servers use it: theirs to disable
        row = await feed_store.find_servers_feed(conn, None, str(shared))
        assert row is not None and row.disabled_at is not None
    assert (await h.post(f"/feeds/{shared}/remove", page="/feeds")).status == 303
    page = await (await h.client.get("/feeds")).text()
    assert "Guild One: Removed feed" in page and "Guild Two: Removed feed" in page
    async with h.app.db.begin() as conn:
        assert await feed_store.find_servers_feed(conn, None, str(shared)) is None


# -- feeds --------------------------------------------------------------------------------------

async def test_add_preview_disable_enable_remove_a_feed(h: Harness, server: FeedServer) -> None:
    await h.sign_in()
    url = server.url("/feed.xml")
    preview = await h.post("/feeds/preview", {"url": url}, page="/feeds",
                           headers={"X-Requested-With": "fetch"})
    fragment = await preview.text()
    assert preview.status == 200 and "Story 2 about the harbor project" in fragment
    assert 'class="discord-message"' in fragment and 'class="slack-message"' in fragment
    async with h.app.db.begin() as conn:
        assert await feed_store.list_feeds(conn) == []  # a preview saves nothing
    added = await h.post("/feeds/add", {"url": url, "tags": "harbor, local"}, page="/feeds")
    assert added.status == 303
    page = await (await h.client.get("/feeds")).text()
    assert "Added feed" in page and url in page and "#local" in page
    async with h.app.db.begin() as conn:
        feed_id = (await feed_store.list_feeds(conn))[0].id
    await h.post(f"/feeds/{feed_id}/disable", page="/feeds")
    async with h.app.db.begin() as conn:
        assert (await feed_store.list_feeds(conn))[0].disabled_at is not None
    assert "disabled by Operator" in await (await h.client.get("/feeds")).text()
    await h.post(f"/feeds/{feed_id}/enable", page="/feeds")
    async with h.app.db.begin() as conn:
        assert (await feed_store.list_feeds(conn))[0].disabled_at is None
    await h.post(f"/feeds/{feed_id}/remove", page="/feeds")
    async with h.app.db.begin() as conn:
        assert await feed_store.list_feeds(conn) == []


async def test_a_bad_feed_url_is_refused_inline(h: Harness) -> None:
    await h.sign_in()
    for url, message in (("file:///etc/passwd", "only http:// and https:// feeds"),
                         ("", "Enter the feed"), ("http://a b", "no spaces")):
        response = await h.post("/feeds/add", {"url": url}, page="/feeds")
        page = await response.text()
        assert response.status == 400, url
        assert message in page and 'role="alert"' in page, url
        assert f'value="{url}"' in page  # what was typed is kept
    preview = await h.post("/feeds/preview", {"url": "file:///etc/passwd"}, page="/feeds")
    assert preview.status == 400 and "Only http:// and https://" in await preview.text()


async def test_opml_import_shows_progress_and_export_round_trips(h: Harness) -> None:
    await h.sign_in()
    opml = (b'<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
            b'<outline text="A" xmlUrl="https://a.example/rss"/>'
            b'<outline text="B" xmlUrl="https://b.example/rss"/></outline></body></opml>')
    form = {"csrf": await h.csrf("/feeds"), "opml": io.BytesIO(opml)}
    response = await h.client.post("/feeds/import", data=form, allow_redirects=False)
    assert response.status == 303
    job_page = response.headers["Location"]
    job = next(iter(h.dash.import_jobs.values()))
    assert job.task is not None
    await job.task
    page = await (await h.client.get(job_page)).text()
    assert "2 of 2 feeds" in page and "Done: 2 new feeds added" in page
    feeds_page = await (await h.client.get("/feeds")).text()
    # the folder became a tag, normalised as every tag is (chat's /feeds add, the CLI's import)
    assert "a.example" in feeds_page and "#news" in feeds_page
    export = await (await h.client.get("/feeds/export.opml")).text()
    assert 'xmlUrl="https://a.example/rss"' in export
    empty = {"csrf": await h.csrf("/feeds"), "opml": io.BytesIO(b"<opml/>")}
    refused = await h.client.post("/feeds/import", data=empty)
    assert refused.status == 400 and "not an OPML subscription list" in await refused.text()
    unusable = (b'<opml version="2.0"><body><outline text="x" xmlUrl="ftp://x.example/rss"/>'
                b'<outline text="y" htmlUrl="https://y.example/"/></body></opml>')
    refused = await h.client.post("/feeds/import", data={"csrf": await h.csrf("/feeds"),
                                                         "opml": io.BytesIO(unusable)})
    page = await refused.text()
    assert refused.status == 400 and "lists no http(s) feeds" in page
    assert "Skipped 1: not an http(s) URL" in page
    async with h.app.db.begin() as conn:
        assert len(await feed_store.list_feeds(conn)) == 2  # a refused file adds nothing


async def test_opml_import_says_what_it_skipped_and_what_was_there(h: Harness) -> None:
    await h.sign_in()
    async with h.app.db.begin() as conn:
        await feed_store.add_feed(conn, "https://a.example/rss", now=NOW)
    opml = (b'<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/rss"/>'
            b'<outline text="B" xmlUrl="https://b.example/rss"/>'
            b'<outline text="C" xmlUrl="https://u:p@c.example/rss"/></body></opml>')
    response = await h.client.post("/feeds/import", allow_redirects=False, data={
        "csrf": await h.csrf("/feeds"), "opml": io.BytesIO(opml)})
    job = next(iter(h.dash.import_jobs.values()))
    assert job.task is not None
    await job.task
    page = await (await h.client.get(response.headers["Location"])).text()
    assert "Done: 1 new feed added, 1 already present." in page
    assert "1: URL carries user:password@ credentials" in page
    async with h.app.db.begin() as conn:
        assert [r.url for r in await feed_store.list_feeds(conn)] == [
            "https://a.example/rss", "https://b.example/rss"]


async def test_nobody_else_can_watch_an_import(h: Harness) -> None:
    await h.sign_in()
    opml = b'<opml><body><outline xmlUrl="https://a.example/rss"/></body></opml>'
    form = {"csrf": await h.csrf("/feeds"), "opml": io.BytesIO(opml)}
    job_page = (await h.client.post("/feeds/import", data=form,
                                    allow_redirects=False)).headers["Location"]
    h.act_as(_admin_of_g1())
    assert (await h.client.get(job_page)).status == 404


# -- destinations -------------------------------------------------------------------------------

async def _console_id(h: Harness) -> int:
    async with h.app.db.begin() as conn:
        row = await dest_store.get(conn, "console:")
    assert row is not None
    return row.id


async def test_subscribe_and_unsubscribe_a_destination(h: Harness) -> None:
    await h.sign_in()
    dest = await _console_id(h)
    page = f"/destinations/{dest}"
    for data in ({"kind": "tag", "value": "#AI", "mode": "digest"},
                 {"kind": "keyword", "value": "open source"},
                 {"kind": "tag", "value": "crypto", "exclude": "1"}):
        assert (await h.post(f"{page}/subscribe", data, page=page)).status == 303
    async with h.app.db.begin() as conn:
        subs = {(s.kind, s.value, s.exclude, s.mode)
                for s in await dest_store.list_subscriptions(conn, dest)}
    assert {("tag", "ai", False, "digest"), ("keyword", "open source", False, "instant"),
            ("tag", "crypto", True, "instant")} <= subs
    empty = await h.post(f"{page}/subscribe", {"kind": "tag", "value": " "}, page=page)
    assert empty.status == 400 and "Enter the tag" in await empty.text()
    async with h.app.db.begin() as conn:
        sub = next(s for s in await dest_store.list_subscriptions(conn, dest) if s.value == "ai")
    await h.post(f"{page}/unsubscribe", {"subscription": str(sub.id)}, page=page)
    async with h.app.db.begin() as conn:
        assert all(s.value != "ai" for s in await dest_store.list_subscriptions(conn, dest))
        assert any(s.kind == "all" for s in await dest_store.list_subscriptions(conn, dest))


async def test_digest_settings_are_validated_inline_and_saved(h: Harness) -> None:
    await h.sign_in()
    dest = await _console_id(h)
    page = f"/destinations/{dest}"
    bad = await h.post(f"{page}/settings", {"digest_time": "25:00", "timezone": "Mars/Base",
                                            "locale": "english!", "urgent_tags": ""},
                       page=page)
    text = await bad.text()
    assert bad.status == 400
    for message in ("Use HH:MM", "Unknown timezone", "Choose at least one day",
                    "Use a language code"):
        assert message in text
    assert 'id="digest_time-error"' in text
    assert 'aria-describedby="digest-time-hint digest_time-error"' in text
    good = await h.post(f"{page}/settings", {
        "digest_time": "08:00", "timezone": "Asia/Seoul", "days": ["0", "2", "4"],
        "urgent_tags": "Breaking, outage", "locale": "ko"}, page=page)
    assert good.status == 303
    async with h.app.db.begin() as conn:
        row = await dest_store.by_id(conn, dest)
    assert row is not None
    assert (row.digest_time, row.timezone, row.digest_days, row.urgent_tags, row.locale) == (
        "08:00", "Asia/Seoul", [0, 2, 4], ["breaking", "outage"], "ko")
    shown = await (await h.client.get(page)).text()
    assert "Digest for console: at 08:00 Asia/Seoul" in shown
    off = await h.post(f"{page}/settings", {"digest_time": "", "timezone": "Asia/Seoul",
                                            "days": ["1"], "locale": "ko"}, page=page)
    assert off.status == 303
    async with h.app.db.begin() as conn:
        row = await dest_store.by_id(conn, dest)
    assert row is not None and row.digest_time is None and row.digest_days == [1]


async def test_resume_a_paused_destination(h: Harness) -> None:
    await h.sign_in()
    dest = await _console_id(h)
    async with h.app.db.begin() as conn:
        await dest_store.pause(conn, dest, "403 Missing Access", now=NOW)
    overview = await (await h.client.get("/")).text()
    assert "403 Missing Access" in overview
    detail = await (await h.client.get(f"/destinations/{dest}")).text()
    assert "Resume posting" in detail
    await h.post(f"/destinations/{dest}/resume", page=f"/destinations/{dest}")
    async with h.app.db.begin() as conn:
        row = await dest_store.by_id(conn, dest)
    assert row is not None and not row.paused


async def test_a_test_message_goes_through_the_outbox(h: Harness) -> None:
    await h.sign_in()
    dest = await _console_id(h)
    response = await h.post(f"/destinations/{dest}/test", page=f"/destinations/{dest}")
    assert response.headers["Location"] == f"/deliveries?destination={dest}"
    pending = await (await h.client.get("/deliveries?state=pending")).text()
    assert "newsbrief test message" in pending
    await h.app.deliver_pending()
    assert [d.message.notice.title for d in h.rec.deliveries if d.message.notice] == [
        "newsbrief test message"]
    sent = await (await h.client.get(f"/deliveries?destination={dest}&state=sent")).text()
    assert "newsbrief test message" in sent and "Sent from the dashboard by Operator" in sent
    assert "No deliveries match" in await (await h.client.get(
        "/deliveries?state=failed")).text()
    overview = await (await h.client.get("/")).text()
    assert re.search(r'<span class="big">1</span> sent in 24 h', overview)
    assert "<svg" in overview and "1 sent in the hour" in overview


async def test_deliveries_show_errors_and_attempts(h: Harness) -> None:
    await h.sign_in()
    dest = await _console_id(h)
    await h.post(f"/destinations/{dest}/test", page="/")
    async with h.app.db.begin() as conn:
        await conn.execute(outbox.update().values(state="failed", attempts=8,
                                                  error="HTTP 500 from the platform"))
    page = await (await h.client.get("/deliveries?state=failed")).text()
    assert "HTTP 500 from the platform" in page and "8 attempts" in page
    assert "HTTP 500 from the platform" in await (await h.client.get("/")).text()


# -- preview ------------------------------------------------------------------------------------

async def test_preview_shows_each_platform_side_by_side(h: Harness, server: FeedServer) -> None:
    await h.sign_in()
    response = await h.post("/preview", {"url": server.url("/feed.xml")}, page="/preview")
    page = await response.text()
    assert response.status == 200
    for marker in ('class="view view-discord"', 'class="view view-slack"',
                   'class="view view-text"', "Story 2 about the harbor project",
                   "Payload sent"):
        assert marker in page
    bad = await h.post("/preview", {"url": "ftp://x"}, page="/preview")
    assert bad.status == 400 and "Only http:// and https://" in await bad.text()


async def test_brief_text_from_feeds_is_escaped(h: Harness, server: FeedServer) -> None:
    evil = item(3, topic="harbor")
    evil["title"] = "<script>alert(1)</script> Harbor"
    server.set("/evil.xml", rss("Evil", [evil]))
    await h.sign_in()
    page = await (await h.post("/preview", {"url": server.url("/evil.xml")},
                               page="/preview")).text()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


async def test_destination_rows_are_not_shared_between_tables(h: Harness) -> None:
    """The scoped listing's join must not multiply destinations by their outbox rows."""
    await h.sign_in()
    dest = await _console_id(h)
    for _ in range(2):
        await h.post(f"/destinations/{dest}/test", page="/")
    page = await (await h.client.get("/destinations")).text()
    assert page.count(f'href="/destinations/{dest}"') == 1
    async with h.app.db.begin() as conn:
        assert (await conn.execute(select(destinations.c.id))).all()


# -- start-up -----------------------------------------------------------------------------------

async def test_a_server_admin_sees_feed_urls_redacted_as_chat_shows_them(h: Harness) -> None:
    """A private feed's token (``?token=…``) is for the operator's eyes: a server admin sees the
    host and path, as ``/feeds list`` shows them in chat (issue 13.3)."""
    await _two_servers(h)
    async with h.app.db.begin() as conn:
        secret_feed, _ = await feed_store.add_feed(
            conn, "https://private.example/feed?token=s3cr3t-t0ken", now=NOW,
            added_by="discord:111", added_server="G2")
        await feed_store.link_server(conn, secret_feed, "G2", now=NOW)
    h.act_as(Principal("discord", "4002", "Bea", {"G2": "Guild Two"}))
    page = await (await h.client.get("/feeds")).text()
    assert "private.example/feed" in page and "s3cr3t-t0ken" not in page
    h.act_as(Principal("operator", "operator", "Operator"))
    assert "s3cr3t-t0ken" in await (await h.client.get("/feeds")).text()


async def test_a_handler_that_will_not_load_is_an_error_reply_naming_the_command(
        h: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    # as in chat: a page, not a 500 with a traceback, and it says which command is unavailable
    monkeypatch.setitem(sys.modules, "bot.commands.subscribe", None)
    await h.sign_in()
    page = f"/destinations/{await _console_id(h)}"
    answered = await h.post(f"{page}/subscribe", {"kind": "tag", "value": "ai"}, page=page)
    assert answered.status == 400
    shown = html.unescape(await answered.text())
    assert "/subscribe is unavailable just now" in shown and "Traceback" not in shown
