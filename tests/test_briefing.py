"""Briefing never loses an item and never misleads: a failing summarizer gives the minimal brief
(headline, the feed's own text, link), and a source with nothing to brief says exactly why."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.briefing import Briefer, NotBriefable, minimal_brief
from bot.config import Secrets
from bot.feeds.fetch import HttpFetcher
from bot.models import Article, Brief
from bot.summarize import Summarizer
from bot.summarize.extractive import ExtractiveSummarizer
from tests.conftest import shared_path
from tests.support.clock import Clock
from tests.support.e2e import settings_for
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer

REAL = ("feeds", "real-world")


class Exploding:
    """A summarizer that trips on every article, as `labels._hyphen_term` once did."""

    async def summarize(self, article: Article, *, points: int = 3) -> Brief:
        raise IndexError("string index out of range")


def briefer(summarizer: object | None = None) -> Briefer:
    # local files only: the fetcher is never used
    return Briefer(fetcher=cast(HttpFetcher, None),
                   summarizer=cast(Summarizer, summarizer or ExtractiveSummarizer()))


def test_minimal_brief_is_headline_feed_text_and_link() -> None:
    article = Article(title="Arrests over threats", text="Police made arrests--over threatening "
                      "postings--and more.\n\nSecond paragraph.", url="https://n.example/1",
                      lang="en", source="Example News")
    brief = minimal_brief(article)
    assert brief.headline == "Arrests over threats"
    assert [p.text for p in brief.points] == [
        "Police made arrests--over threatening postings--and more."]
    assert brief.url == "https://n.example/1" and brief.source == "Example News"


async def test_brief_command_falls_back_to_the_minimal_brief(tmp_path: Path) -> None:
    feed = tmp_path / "f.xml"
    feed.write_bytes(rss("Feed", [item(1)]))
    [brief] = await briefer(Exploding()).brief_source(str(feed))
    assert brief.headline == "Story 1 about the harbor project"
    assert brief.url == "https://news.example/harbor/1"
    assert brief.points and brief.points[0].text.split()[0] in item(1)["text"]


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        yield srv


async def test_a_failing_summarizer_never_loses_the_item(server: FeedServer,
                                                         tmp_path: Path) -> None:
    server.set("/a.xml", rss("Feed A", [item(1), item(2)]))
    rec = RecordingAdapter(name="console")
    app = await App.create(settings_for(tmp_path, [server.url("/a.xml")]), Secrets(values={}),
                           adapters={"console": rec}, clock=Clock())
    try:
        app.pipeline.summarizer = Exploding()  # type: ignore[assignment]
        await app.pipeline.poll_due()
        await app.deliver_pending()
    finally:
        await app.close()
    delivered = sorted((d.message.brief.headline, d.message.brief.url)
                       for d in rec.deliveries if d.message.brief)
    assert delivered == [("Story 1 about the harbor project", "https://news.example/harbor/1"),
                         ("Story 2 about the harbor project", "https://news.example/harbor/2")]
    assert all(d.message.brief.points for d in rec.deliveries if d.message.brief)


def _refusal(body: bytes, tmp_path: Path, name: str = "x.xml") -> str:
    path = tmp_path / name
    path.write_bytes(body)
    with pytest.raises(NotBriefable) as caught:
        asyncio.run(briefer().brief_source(str(path)))
    return str(caught.value)


def test_a_feed_with_no_items_says_so(tmp_path: Path) -> None:
    message = _refusal(b'<rss version="2.0"><channel><title>T</title></channel></rss>', tmp_path)
    assert message.endswith("feed parsed, but it has 0 items")


def test_a_feed_whose_entries_are_empty_says_so(tmp_path: Path) -> None:
    body = b'<rss version="2.0"><channel><title>T</title><item></item><item/></channel></rss>'
    assert "its 2 entries have no title, text or link" in _refusal(body, tmp_path)


def test_opml_points_to_feeds_import(tmp_path: Path) -> None:
    body = b'<?xml version="1.0"?><opml version="2.0"><body><outline xmlUrl="https://x/"/>' \
           b"</body></opml>"
    assert "newsbrief feeds import" in _refusal(body, tmp_path, "subs.opml")


def test_non_feed_json_is_refused_not_briefed(tmp_path: Path) -> None:
    assert "not a JSON Feed" in _refusal(b'{"feed_type": "RSS1", "entries": []}', tmp_path)
    assert "not a JSON Feed" in _refusal(b'[{"title": "x"}]', tmp_path)


@pytest.mark.parametrize("name", ["Subs.opml", "SubsNoTitleAttributes.opml"])
def test_real_opml_files(name: str, tmp_path: Path) -> None:
    path = shared_path(*REAL, "netnewswire_rsparser", name)
    assert "newsbrief feeds import" in _refusal(path.read_bytes(), tmp_path, name)


def test_rss_in_json_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    body = shared_path(*REAL, "netnewswire_rsparser", "ScriptingNews.json").read_bytes()
    assert "RSS feed converted to JSON" in _refusal(body, tmp_path, "s.json")


def test_feed_rs_expected_outputs_are_not_briefed(tmp_path: Path) -> None:
    folder = shared_path(*REAL, "feed_rs")
    files = sorted(folder.rglob("*.serde.json"))[:5]
    assert files
    for path in files:
        assert "not a JSON Feed" in _refusal(path.read_bytes(), tmp_path, path.name)


def test_wellformed_feed_without_items_is_not_called_a_non_feed(tmp_path: Path) -> None:
    folder = shared_path("feeds", "feedparser-tests", "wellformed", "rss")
    path = next(p for p in sorted(folder.glob("channel_title*.xml")))
    message = _refusal(path.read_bytes(), tmp_path, path.name)
    assert "feed parsed" in message and "neither a feed" not in message


def test_trafilatura_error_lines_do_not_leak(tmp_path: Path,
                                             caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    message = _refusal(b"just some bytes \x00\x01 that are no page", tmp_path, "junk.bin")
    assert "neither a feed nor an article" in message or "no article text" in message
    assert not [r for r in caplog.records if r.name.startswith("trafilatura")
                and r.levelno >= logging.ERROR]


async def test_a_changed_feed_cleans_only_its_new_and_edited_entries(
        server: FeedServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """issue 15 point 2: unchanged entries of a changed feed are recognised by key and raw
    hash before their text is cleaned"""
    import bot.feeds.parse

    cleaned: list[str] = []
    real = bot.feeds.parse._entry_text

    def counting(entry: object) -> str:
        text = real(entry)
        cleaned.append(text[:30])
        return text

    monkeypatch.setattr(bot.feeds.parse, "_entry_text", counting)
    items = [item(n) for n in range(1, 6)]
    server.set("/a.xml", rss("Feed A", items))
    rec, clock = RecordingAdapter(name="console"), Clock()
    app = await App.create(settings_for(tmp_path, [server.url("/a.xml")], backfill=5),
                           Secrets(values={}), adapters={"console": rec}, clock=clock)
    try:
        await app.pipeline.poll_due()
        assert len(cleaned) == 5  # first poll: everything is new
        edited = dict(items[1], text="An edited text. " + items[1]["text"])
        server.set("/a.xml", rss("Feed A", [items[0], edited, *items[2:], item(6)]))
        cleaned.clear()
        clock.advance(61)
        await app.pipeline.poll_due()
        assert sorted(cleaned) == sorted([edited["text"][:30], item(6)["text"][:30]])
        await app.deliver_pending()
    finally:
        await app.close()
    headlines = [d.message.brief.headline for d in rec.deliveries if d.message.brief]
    assert len(headlines) == 6 and headlines.count("Story 2 about the harbor project") == 1


def test_newsbrief_brief_with_a_crashing_summarizer_prints_a_brief_not_a_traceback(
        tmp_path: Path) -> None:
    """issue 11 finding 7, as a user sees it: the CLI prints the minimal brief, exit 0"""
    import subprocess
    import sys

    feed = tmp_path / "f.xml"
    feed.write_bytes(rss("Feed", [item(1)]))
    boom = ("from bot.summarize import extractive\n"
            "async def boom(self, article, *, points=3):\n"
            "    raise IndexError('string index out of range')\n"
            "extractive.ExtractiveSummarizer.summarize = boom\n"
            "import sys\nfrom bot.cli.main import main\nsys.exit(main(sys.argv[1:]))\n")
    done = subprocess.run([sys.executable, "-c", boom, "brief", str(feed)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120,
                          env={"PATH": "", "HOME": str(tmp_path),
                               "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("Story 1 about the harbor project")
    assert "https://news.example/harbor/1" in done.stdout
    assert "Traceback" not in done.stderr and "summarize.failed" in done.stderr


def test_no_feed_of_the_corpus_is_called_neither_a_feed_nor_an_article(tmp_path: Path) -> None:
    """issue 11 finding 8: 1,537 files feedparser reads as feeds got that message"""
    root = shared_path("feeds", "feedparser-tests", "wellformed")
    misleading = []
    for path in sorted(p for p in root.rglob("*.xml")):
        try:
            asyncio.run(briefer()._brief_bytes(path.read_bytes(), path.name, 1))
        except NotBriefable as exc:
            if "neither a feed" in str(exc):
                misleading.append(path.name)
    assert misleading == [], misleading[:10]
