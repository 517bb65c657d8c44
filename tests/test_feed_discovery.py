"""Feed discovery: the candidates a site's page names (RSS autodiscovery), in page order, made
absolute against the page (or its <base>), and the common paths when it names none."""

from __future__ import annotations

from bot.feeds import discover

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
