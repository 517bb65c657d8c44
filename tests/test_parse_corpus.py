"""The parse stage over ../shared/data/feeds: feedparser's own test corpus and real captures."""

from __future__ import annotations

from pathlib import Path

import feedparser

from bot.errors import ParseError
from bot.feeds.html import html_to_text
from bot.feeds.parse import parse_feed, safe_link
from tests.conftest import shared_path


def _url(path: Path) -> str:
    return f"http://example.com/feeds/{path.name}"


def _visible(entry: dict[str, object]) -> bool:
    """Does feedparser's entry carry anything a reader could see or follow?"""
    texts = [entry.get("title"), entry.get("summary")]
    texts += [c.get("value") for c in entry.get("content") or []]  # type: ignore[attr-defined]
    return any(isinstance(t, str) and html_to_text(t) for t in texts) or bool(
        safe_link(entry.get("link")))


def test_wellformed_feeds_yield_keyed_items_with_text_and_links() -> None:
    root = shared_path("feeds", "feedparser-tests", "wellformed")
    checked, problems = 0, []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        body = path.read_bytes()
        expected = feedparser.parse(body, response_headers={
            "content-location": _url(path), "content-type": "application/xml"})
        if not expected.entries:
            continue
        checked += 1
        name = str(path.relative_to(root))
        try:
            feed = parse_feed(body, url=_url(path))
        except ParseError as exc:
            problems.append(f"{name}: ParseError {exc}")
            continue
        if any(_visible(e) for e in expected.entries) and not feed.items:
            problems.append(f"{name}: no items")
        for item in feed.items:
            if not item.entry_key or not (item.title or item.text):
                problems.append(f"{name}: item without key or text: {item!r}")
        wanted = {safe_link(e.get("link")) for e in expected.entries} - {None}
        missing = wanted - {item.link for item in feed.items}
        if missing:
            problems.append(f"{name}: links lost: {sorted(missing)}")  # type: ignore[type-var]
    assert checked > 1000  # the corpus is really there and mostly has entries
    assert not problems, "\n".join(problems[:30])


def test_no_file_raises_anything_but_parse_error() -> None:
    root = shared_path("feeds")
    parsed = refused = 0
    crashes = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        try:
            parse_feed(path.read_bytes(), url=_url(path))
        except ParseError:
            refused += 1
        except Exception as exc:  # the point of the test: report every other exception
            crashes.append(f"{path.relative_to(root)}: {type(exc).__name__}: {exc}")
        else:
            parsed += 1
    assert not crashes, "\n".join(crashes[:30])
    assert parsed > 2000 and refused < 200  # refusals are the non-feeds (licences, OPML, ...)


def test_real_world_captures_parse() -> None:
    root = shared_path("feeds", "real-world")
    names = ["netnewswire_rsparser/DaringFireball.rss", "netnewswire_rsparser/allthis.json",
             "node_feedparser/invalid-characters-gzipped.xml",
             "feed_rs/jsonfeed/jsonfeed_spec_1.json", "node_feedparser/guid-dupes.xml"]
    for name in names:
        feed = parse_feed((root / name).read_bytes(), url=_url(root / name))
        assert feed.items, name
        assert all(i.link is None or i.link.startswith("http") for i in feed.items), name
        assert all(i.published is None or i.published.tzinfo is not None for i in feed.items)
