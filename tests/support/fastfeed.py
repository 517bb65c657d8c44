"""What tests/test_fastfeed.py and tests/test_fastfeed_items.py share: small RSS, RSS 1.0 and
Atom documents built in the test, and the checks that the fast lxml reader (bot.feeds.fastfeed)
gives feedparser's items for one, or leaves it to feedparser, which gives the same items."""

from __future__ import annotations

from pathlib import Path

import pytest

import bot.feeds.parse
from bot.errors import ParseError
from bot.feeds.fastfeed import refusal
from bot.feeds.parse import parse_feed
from bot.models import ParsedFeed

URL = "https://example.com/feeds/feed.xml"


def _both(path: Path, monkeypatch: pytest.MonkeyPatch,
          content_type: str | None = None) -> tuple[object, object]:
    body = path.read_bytes()

    def parse() -> ParsedFeed | str:
        try:
            return parse_feed(body, url=URL, content_type=content_type)
        except ParseError as exc:
            return f"ParseError: {exc}"

    fast = parse()
    with monkeypatch.context() as patch:
        patch.setattr(bot.feeds.parse, "read_fast", lambda *args: None)
        slow = parse()
    return fast, slow


def _rss(item: str, channel: str = "", root: str = "") -> bytes:
    return (f"<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/' "
            f"xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:media='http://search.yahoo.com/"
            f"mrss/'{root}><channel><title>F</title>{channel}<item>{item}</item></channel></rss>"
            ).encode()


def _atom(entry: str, feed: str = "") -> bytes:
    return (f"<feed xmlns='http://www.w3.org/2005/Atom'><title>F</title>{feed}<entry>"
            f"<id>tag:e.example,2026:1</id>{entry}</entry></feed>").encode()


def _rdf(items: str, channel: str = "<title>F</title><link>https://e.example/</link>",
         rss: str = "http://purl.org/rss/1.0/", after: str = "") -> bytes:
    return (f"<?xml version='1.0'?><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax"
            f"-ns#' xmlns='{rss}' xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:content="
            f"'http://purl.org/rss/1.0/modules/content/'><channel rdf:about='https://e.example/'>"
            f"{channel}<items><rdf:Seq><rdf:li rdf:resource='https://e.example/1'/></rdf:Seq>"
            f"</items></channel>{items}{after}</rdf:RDF>").encode()


def _read_fast_as_feedparser_reads(body: bytes, monkeypatch: pytest.MonkeyPatch,
                                   tmp_path: Path) -> None:
    assert refusal(body, URL, None) is None
    path = tmp_path / "f.xml"
    path.write_bytes(body)
    fast, slow = _both(path, monkeypatch)
    assert isinstance(fast, ParsedFeed) and fast.items
    assert fast == slow


def _left_to_feedparser(body: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert refusal(body, URL, None)
    _same_items_either_way(body, monkeypatch, tmp_path)


def _same_items_either_way(body: bytes, monkeypatch: pytest.MonkeyPatch,
                           tmp_path: Path) -> None:
    path = tmp_path / "f.xml"
    path.write_bytes(body)
    fast, slow = _both(path, monkeypatch)
    assert fast == slow
