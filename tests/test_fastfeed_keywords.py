"""Keywords feedparser turns into an entry's tags, read fast as it reads them (issue 26's
remaining refused feeds): itunes:keywords in an RSS item (spreaker's podcast feed) and
media:keywords in an RSS item or Atom entry (the New Yorker's), one tag per comma-separated term;
and the shapes beside them the fast reader still leaves to feedparser."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest

from bot.feeds.fastfeed import read_fast
from tests.support.fastfeed import (
    URL,
    _atom,
    _left_to_feedparser,
    _read_fast_as_feedparser_reads,
    _rss,
)

_ITUNES = " xmlns:itunes='http://www.itunes.com/dtds/podcast-1.0.dtd'"


def _podcast(item: str) -> bytes:
    return _rss(item, root=_ITUNES)


@pytest.mark.parametrize("item", [
    # spreaker: the episode's keywords, comma-separated without spaces
    "<title>T</title><itunes:keywords>fala,kresy,lwow,lwowska</itunes:keywords>",
    # spaces, empty terms and a term a category already gave: feedparser's tags in document
    # order (a repeated term is one category either way)
    "<title>T</title><category>Radio</category>"
    "<itunes:keywords> radio , ,history,, Radio </itunes:keywords><category>Late</category>",
    # empty keywords give no tag; escaped text is the term's text
    "<title>T</title><itunes:keywords></itunes:keywords>",
    "<title>T</title><itunes:keywords>rock &amp; roll, caf\u00e9</itunes:keywords>",
])
def test_itunes_keywords_in_an_item_are_read_fast_as_its_tags(
        item: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(_podcast(item), monkeypatch, tmp_path)


def test_itunes_keywords_give_one_tag_per_term() -> None:
    body = _podcast("<title>T</title><itunes:keywords>a, b ,,c</itunes:keywords>")
    _feed, entries = read_fast(body, URL, None) or ({}, [{}])
    assert [tag["term"] for tag in entries[0]["tags"]] == ["a", "b", "c"]


@pytest.mark.parametrize("item", [
    # with an attribute feedparser keeps the attributes and reads no terms (its pop finds no
    # text to split); markup inside, or another spelling, it reads its own way
    "<title>T</title><itunes:keywords scheme='x'>a,b</itunes:keywords>",
    "<title>T</title><itunes:keywords>a,<b>b</b></itunes:keywords>",
    "<title>T</title><itunes:Keywords>a,b</itunes:Keywords>",
])
def test_itunes_keywords_feedparser_reads_otherwise_are_left_to_it(
        item: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(_podcast(item), monkeypatch, tmp_path)


def _atom_media(entry: str) -> bytes:
    return _atom(entry).replace(b"<feed ", b"<feed xmlns:media='http://search.yahoo.com/mrss/' ", 1)


@pytest.mark.parametrize("body", [
    # the New Yorker: beside a category and an empty media:content
    _rss("<title>T</title><media:content/><category>News / Q. &amp; A.</category>"
         "<media:keywords>Ronald Reagan, Richard Nixon, Racism, History</media:keywords>"),
    # in media:group and media:content (feedparser's tags wherever they are in the item), after
    # a category giving one of the same terms
    _rss("<title>T</title><category>b</category><media:group><media:title>M</media:title>"
         "<media:keywords>a, b</media:keywords></media:group>"),
    _rss("<title>T</title><media:content url='https://m.example/1.jpg'><media:keywords>c,d"
         "</media:keywords></media:content><category>e</category>"),
    _rss("<title>T</title><media:keywords> , </media:keywords>"),
    # media: names are read in any case, as feedparser lower-cases them
    _rss("<title>T</title><media:Keywords>a,b</media:Keywords>"),
    # an Atom entry: beside its own categories, and in YouTube's media:group
    _atom_media("<title>T</title><category term='x'/><media:keywords>y, x</media:keywords>"),
    _atom_media("<title>T</title><media:group><media:title>T</media:title><media:keywords>"
                "a,b</media:keywords></media:group>"),
])
def test_media_keywords_are_read_fast_as_the_entrys_tags(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _read_fast_as_feedparser_reads(body, monkeypatch, tmp_path)


def test_media_keywords_in_a_group_give_one_tag_per_term() -> None:
    body = _rss("<title>T</title><category>z</category><media:group><media:keywords>a, b"
                "</media:keywords></media:group>")
    _feed, entries = read_fast(body, URL, None) or ({}, [{}])
    assert [tag["term"] for tag in entries[0]["tags"]] == ["z", "a", "b"]


@pytest.mark.parametrize("body", [
    # attributes (feedparser keeps them, no terms), markup inside
    _rss("<title>T</title><media:keywords scheme='x'>a,b</media:keywords>"),
    _rss("<title>T</title><media:group><media:keywords>a,<b>b</b></media:keywords>"
         "</media:group>"),
])
def test_media_keywords_feedparser_reads_otherwise_are_left_to_it(
        body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _left_to_feedparser(body, monkeypatch, tmp_path)


# feedparser's _add_tag keeps a tag once (term, scheme and label together) and gives itunes:
# keywords its scheme; an RSS category's domain is its scheme, and a category's text names the
# tag its attributes began when that has no term. The fast reader's raw tags are feedparser's.
@pytest.mark.parametrize("body", [
    _podcast("<title>T</title><itunes:keywords>a,a,A</itunes:keywords>"),
    _podcast("<title>T</title><category>a</category><itunes:keywords>a, b</itunes:keywords>"),
    _rss("<title>T</title><media:keywords>x, y, x</media:keywords><media:group>"
         "<media:keywords>y,z</media:keywords></media:group>"),
    _rss("<title>T</title><category>x</category><category>x</category>"
         "<dc:subject>x</dc:subject><category domain='d'>x</category>"),
    _rss("<title>T</title><category domain='d'></category><category>x</category>"),
    _rss("<title>T</title><categories><category>x</category><category>x</category>"
         "</categories>"),
    _atom("<title>T</title><category term='a'/><category term='a'/>"
          "<category term='a' scheme='s'/><category scheme='s'/><category label='L'/>"),
])
def test_raw_tags_are_feedparsers(body: bytes) -> None:
    fast = read_fast(body, URL, None)
    assert fast is not None
    slow = feedparser.parse(body).entries[0].get("tags", [])
    assert fast[1][0].get("tags", []) == [dict(tag) for tag in slow]
