"""A character UTF-8 or Unicode cannot carry (a lone surrogate, past U+10FFFF), written as a
numeric character reference or a JSON escape, costs that character only: the feed's other
entries and the bad one itself are read (the bad character made U+FFFD)."""

from __future__ import annotations

import pytest

from bot.feeds.charrefs import replace_invalid_references
from bot.feeds.fastfeed import read_fast
from bot.feeds.parse import parse_feed

URL = "https://news.example/feed"
BAD_REFERENCES = ["&#xD800;", "&#xdfff;", "&#55296;", "&#57343;", "&#x110000;", "&#1114112;",
                  "&#x00D800;", "&#X7FFFFFFF;"]


def _rss(bad: str, *, doctype: bool = False) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?>'
            + ('<!DOCTYPE rss>' if doctype else '')
            + '<rss version="2.0"><channel><title>News</title><link>https://news.example/</link>'
            '<item><title>Good one</title><link>https://news.example/1</link>'
            '<description>The first story is fine.</description></item>'
            f'<item><title>Bad {bad} title</title><link>https://news.example/2</link>'
            f'<description>The second {bad} story.</description></item>'
            '</channel></rss>').encode()


def _atom(bad: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            '<title>News</title><id>urn:feed</id><updated>2024-05-01T00:00:00Z</updated>'
            '<entry><title>Good one</title><id>urn:1</id><link href="https://news.example/1"/>'
            '<updated>2024-05-01T00:00:00Z</updated><summary>The first story is fine.</summary>'
            f'</entry><entry><title>Bad {bad} title</title><id>urn:2</id>'
            '<link href="https://news.example/2"/><updated>2024-05-01T00:00:00Z</updated>'
            f'<summary>The second {bad} story.</summary></entry></feed>').encode()


def _read(body: bytes) -> list[tuple[str, str]]:
    parsed = parse_feed(body, url=URL)
    for item in parsed.items:  # every hash and key must be storable UTF-8
        for value in (item.entry_key, item.title, item.text, item.content_hash, item.raw_hash):
            value.encode("utf-8")
    return [(item.title, item.text) for item in parsed.items]


@pytest.mark.parametrize("bad", BAD_REFERENCES)
def test_a_bad_reference_in_rss_costs_only_its_character(bad: str) -> None:
    # before: feedparser decoded &#xD800; into a surrogate and crashed on it (and &#x110000;
    # on chr()), so the feed was a ParseError and every entry was lost
    assert read_fast(replace_invalid_references(_rss(bad)), URL, None) is not None
    assert _read(_rss(bad)) == [("Good one", "The first story is fine."),
                                ("Bad \ufffd title", "The second \ufffd story.")]


@pytest.mark.parametrize("bad", ["&#xD800;", "&#x110000;"])
def test_a_bad_reference_read_by_feedparser_costs_only_its_character(bad: str) -> None:
    body = _rss(bad, doctype=True)  # a DOCTYPE: the fast reader leaves the body to feedparser
    assert read_fast(replace_invalid_references(body), URL, None) is None
    assert _read(body) == [("Good one", "The first story is fine."),
                           ("Bad \ufffd title", "The second \ufffd story.")]


@pytest.mark.parametrize("bad", ["&#xD800;", "&#x110000;"])
def test_a_bad_reference_in_atom_costs_only_its_character(bad: str) -> None:
    assert _read(_atom(bad)) == [("Good one", "The first story is fine."),
                                 ("Bad \ufffd title", "The second \ufffd story.")]


def test_a_lone_surrogate_in_a_json_feed_costs_only_its_character() -> None:
    # before: content_hash raised UnicodeEncodeError, and the feed failed every poll
    body = (b'{"version":"https://jsonfeed.org/version/1.1","title":"t","items":['
            b'{"id":"1","title":"Good one","content_text":"The first story is fine."},'
            b'{"id":"2\\ud800","title":"Bad \\udc00 title","url":"https://news.example/\\ud800",'
            b'"content_text":"The second \\ud800 story.","tags":["a\\ud800"],'
            b'"authors":[{"name":"N\\ud800"}]},'
            b'{"id":"3","title":"A pair \\ud83d\\ude00 stays","content_text":"Fine."}]}')
    assert _read(body) == [("Good one", "The first story is fine."),
                           ("Bad \ufffd title", "The second \ufffd story."),
                           ("A pair \U0001f600 stays", "Fine.")]


@pytest.mark.parametrize("bad", ["&#0;", "&#x1;", "&#xFFFE;"])
def test_a_reference_to_a_control_is_still_read_leniently(bad: str) -> None:
    # left as it was (feedparser's lenient parser reads the feed): made U+FFFD, the entry's
    # stored text and hash would change and it would count as edited after an upgrade
    for body in (_rss(bad), _atom(bad)):
        assert replace_invalid_references(body) == body
        parsed = parse_feed(body, url=URL)
        assert parsed.warning is not None
        assert [item.title[:3] for item in parsed.items] == ["Goo", "Bad"]


@pytest.mark.parametrize("kept", ["&#0;", "&#x1;", "&#xFFFE;", "&#8217;", "&#x9;", "&#10;",
                                  "&#xD7FF;", "&#xE000;", "&#xFFFD;", "&#x10FFFF;", "&#65533;",
                                  "&#39;", "&#x27;",
                                  "&#1114111;", "&amp;#xD800;"])
def test_a_reference_every_reader_survives_is_left_as_written(kept: str) -> None:
    body = f"<t>a {kept} b &#xD800;</t>".encode()
    assert replace_invalid_references(body) == f"<t>a {kept} b &#xFFFD;</t>".encode()


@pytest.mark.parametrize("bad", [*BAD_REFERENCES, "&#x99999999999999999999;"])
def test_lxml_refuses_every_reference_the_scan_replaces(bad: str) -> None:
    # why only a body the fast reader leaves to feedparser is scanned: one it read holds none
    body = _rss(bad)
    assert read_fast(body, URL, None) is None
    assert read_fast(replace_invalid_references(body), URL, None) is not None
