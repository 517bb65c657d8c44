"""Keywords feedparser turns into an entry's tags, read fast as it reads them (issue 26's
remaining refused feeds): itunes:keywords in an RSS item (spreaker's podcast feed), one tag per
comma-separated term; and the shapes beside them the fast reader still leaves to feedparser."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.feeds.fastfeed import read_fast
from tests.support.fastfeed import (
    URL,
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
