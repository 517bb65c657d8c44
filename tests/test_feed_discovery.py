"""Feed discovery: the candidates a site's page names (RSS autodiscovery), in page order, made
absolute against the page (or its <base>), and the common paths when it names none."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from functools import partial
from pathlib import Path

import pytest

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import Secrets, Settings
from bot.delivery import CommandReply, CommandRequest, Destination
from bot.feeds import discover
from bot.feeds.manage import Actor, FeedService
from bot.feeds.reading import fetch_feed
from bot.netguard import AddressPolicy
from bot.store import feeds as feed_store
from tests.support.clock import Clock
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

FEEDS = {"https://city.example/feed/", "https://news.example/rss", "https://news.example/feed.xml"}


async def _is_feed(url: str) -> bool:
    return url in FEEDS

WORDPRESS = b"""<!DOCTYPE html><html lang="en-US"><head>
<meta charset="UTF-8"><title>City Desk</title>
<link rel="alternate" type="application/rss+xml" title="City Desk &raquo; Feed"
      href="https://city.example/feed/" />
<link rel="alternate" type="application/rss+xml" title="City Desk &raquo; Comments Feed"
      href="https://city.example/comments/feed/" />
<link rel="alternate" type="application/json" href="https://city.example/wp-json/wp/v2/pages/2" />
<link rel="alternate" type="application/json+oembed" href="/oembed?url=x" />
<link rel="stylesheet" type="text/css" href="/style.css" />
</head><body><a href="/feed/">RSS</a></body></html>"""


def test_a_page_names_its_feeds_in_order_with_titles() -> None:
    found = discover.candidates(WORDPRESS, "https://city.example/")
    assert [(c.url, c.title, c.found) for c in found] == [
        ("https://city.example/feed/", "City Desk » Feed", "link"),
        ("https://city.example/comments/feed/", "City Desk » Comments Feed", "link"),
    ]


def test_relative_links_resolve_against_base_and_duplicates_go() -> None:
    page = b"""<html><head><base href="https://cdn.example/blog/">
    <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="atom.xml">
    <link rel="alternate" type="application/atom+xml" href="https://cdn.example/blog/atom.xml">
    <link rel="alternate" type="application/feed+json" href="/feed.json">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    </head></html>"""
    assert [c.url for c in discover.candidates(page, "https://site.example/")] == [
        "https://cdn.example/blog/atom.xml", "https://cdn.example/feed.json"]


def test_a_page_that_names_none_gets_the_common_paths_of_its_site() -> None:
    found = discover.candidates(b"<html><head><title>x</title></head></html>",
                                "https://news.example/section/world?page=2")
    assert [c.url for c in found][:3] == ["https://news.example/feed", "https://news.example/rss",
                                          "https://news.example/feed.xml"]
    assert {c.found for c in found} == {"path"}


def test_a_page_naming_many_feeds_is_capped() -> None:
    links = b"".join(b'<link rel="alternate" type="application/rss+xml" href="/f%d.xml">' % i
                     for i in range(200))
    found = discover.candidates(b"<html><head>" + links + b"</head></html>", "https://x.example/")
    assert len(found) == discover.MAX_CANDIDATES


def test_garbage_is_not_a_page_and_names_nothing() -> None:
    assert discover.candidates(b"", "https://x.example/")[0].found == "path"
    assert discover.candidates(b"\x00\xff" * 50, "https://x.example/")[0].found == "path"


def test_is_page_by_type_or_by_first_bytes() -> None:
    assert discover.is_page(b"", "text/html; charset=utf-8")
    assert discover.is_page(b"  <!DOCTYPE html><html>", "application/octet-stream")
    assert not discover.is_page(b"<?xml version='1.0'?><rss/>", "application/rss+xml")
    assert not discover.is_page(b"<html>", "application/rss+xml")  # the server says feed


async def test_feeds_of_keeps_what_parses_and_stops_at_the_first_guessed_path() -> None:
    assert [c.url for c in await discover.feeds_of(WORDPRESS, "https://city.example/", _is_feed)
            ] == ["https://city.example/feed/"]
    bare = b"<html><head></head></html>"
    assert [c.url for c in await discover.feeds_of(bare, "https://news.example/", _is_feed)
            ] == ["https://news.example/rss"]
    assert await discover.feeds_of(bare, "https://none.example/", _is_feed) == []


# -- through the feed service's doors, against a loopback site -----------------------------------

SITE_PAGE = b"""<!doctype html><html><head><title>Harbor Gazette</title>
<link rel="alternate" type="application/rss+xml" title="Latest" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" title="Opinion" href="/opinion.atom">
</head><body><p>Welcome</p></body></html>"""


@pytest.fixture
def site() -> Iterator[FeedServer]:
    with FeedServer() as server:
        server.set("/", SITE_PAGE, content_type="text/html; charset=utf-8")
        server.set("/feed.xml", rss("Harbor Gazette", [item(1)]))
        server.set("/opinion.atom", rss("Harbor Gazette opinion", [item(2)]))
        yield server


@pytest.fixture
async def app(tmp_path: Path) -> AsyncIterator[App]:
    settings = Settings(data_dir=tmp_path, summarizer={"full_text": False},
                        network={"allow_private": ["127.0.0.0/8"], "total_timeout": 2.0})
    built = await App.create(settings, Secrets(values={}),
                             adapters={"console": RecordingAdapter(name="console")},
                             clock=Clock())
    yield built
    await built.close()


async def chat_add(app: App, url: str) -> CommandReply:
    return await app.commands.handle(CommandRequest(
        command="feeds", args=f"add {url}", user="admin", is_admin=True, server="g1",
        where=Destination("console:")))


async def stored(app: App) -> list[str]:
    async with app.db.read() as conn:
        return [row.url for row in await feed_store.list_feeds(conn)]


async def test_chat_add_of_a_site_adds_the_feed_its_page_names_and_says_so(
        app: App, site: FeedServer) -> None:
    answer = await chat_add(app, site.url("/"))
    assert not answer.error, answer.text
    assert await stored(app) == [site.url("/feed.xml")]
    assert "is a web page, not a feed" in answer.text
    assert site.url("/feed.xml") in answer.text and site.url("/opinion.atom") in answer.text
    again = await chat_add(app, site.url("/feed.xml"))  # the same feed, asked by its own URL
    assert not again.error and "Already reading" in again.text


async def test_chat_add_of_a_bare_site_tries_the_usual_paths(
        app: App, site: FeedServer) -> None:
    site.set("/blog/", b"<html><head><title>Blog</title></head><body></body></html>",
             content_type="text/html")
    site.set("/rss", rss("Blog", [item(3)]))
    answer = await chat_add(app, site.url("/blog/"))
    assert not answer.error, answer.text
    assert await stored(app) == [site.url("/rss")]


async def test_a_page_whose_named_feeds_are_broken_is_refused_with_the_reason(
        app: App, site: FeedServer) -> None:
    site.set("/feed.xml", b"gone", status=410)
    site.set("/opinion.atom", b"<html><body>not a feed</body></html>", content_type="text/html")
    answer = await chat_add(app, site.url("/"))
    assert answer.error and "is a web page, not a feed" in answer.text
    assert await stored(app) == []


async def test_a_page_naming_a_private_feed_is_refused_as_that_feed_would_be(
        tmp_path: Path, site: FeedServer) -> None:
    # the page is reachable (its address is allowed), the feed it names is not: the found
    # feed passes the same URL rules as one given directly
    settings = Settings(data_dir=tmp_path, summarizer={"full_text": False},
                        network={"allow_private": ["127.0.0.1/32"], "total_timeout": 2.0})
    site.set("/", SITE_PAGE.replace(b'href="/feed.xml"', b'href="http://10.1.2.3/feed.xml"')
             .replace(b'href="/opinion.atom"', b'href="http://10.1.2.3/o.atom"'),
             content_type="text/html")
    built = await App.create(settings, Secrets(values={}),
                             adapters={"console": RecordingAdapter(name="console")},
                             clock=Clock())
    try:
        answer = await chat_add(built, site.url("/"))
        assert answer.error
        assert await stored(built) == []
    finally:
        await built.close()


async def test_a_servers_opml_import_does_not_search_pages_for_feeds(
        app: App, site: FeedServer) -> None:
    """A list names feeds: a page in it is refused as one, without fetching what it names (a
    list of pages would otherwise make each line up to ten fetches of hosts the pages pick)."""
    opml_list = (f'<opml version="2.0"><body><outline type="rss" text="Site" '
                 f'xmlUrl="{site.url("/")}"/></body></opml>').encode()
    service = FeedService(app.db, policy=AddressPolicy(["127.0.0.0/8"]),
                          read=partial(fetch_feed, fetcher=app.fetcher))
    summary = await service.import_opml(opml_list, actor=Actor(where="console:", server="g1",
                                                               scope=("g1",)))
    assert summary.added == 0 and len(summary.problems) == 1
    assert "is a web page, not a feed" in summary.problems[0]
    assert site.hits("/feed.xml") == 0 and site.hits("/opinion.atom") == 0
