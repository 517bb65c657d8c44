"""What the benchmarks share: the real-world feed corpus from ../shared/data, a feed server in
another process (its CPU and memory are not the bot's), fresh items written from real articles,
and a story window filled with real briefs, stored the way the pipeline stores them."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
from datetime import datetime, timedelta
from email.utils import format_datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import feedparser
from sqlalchemy import insert, update

from adapters.recording import RecordingAdapter
from bench.shared_data import SHARED_DATA
from bot.app import App
from bot.config import DestinationSettings, Secrets, Settings, SubscriptionSettings
from bot.models import Brief, Point
from bot.routing.cluster import assign_story
from bot.store import Database
from bot.store.briefs import save_brief
from bot.store.feeds import add_feed
from bot.store.schema import entries, feeds
from tests.support.clock import Clock
from tests.support.feedserver import FeedServer

REPO = Path(__file__).resolve().parent.parent
SHARED = SHARED_DATA
REAL_FEEDS = SHARED / "feeds" / "real-world"
ARTICLES = SHARED / "summaries" / "bbc_news_summary.jsonl"


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores{f', {model}' if model else ''}"


def real_feeds() -> list[bytes]:
    """The real-world captures feedparser reads entries from (gzip and tiny files left out)."""
    bodies = []
    for path in sorted(REAL_FEEDS.rglob("*")):
        if path.suffix not in (".xml", ".rss", ".atom") or not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] != b"\x1f\x8b" and len(data) >= 400 and feedparser.parse(data).entries:
            bodies.append(data)
    if not bodies:
        raise SystemExit(f"bench: no real-world feeds under {REAL_FEEDS}")
    return bodies


def articles() -> list[tuple[str, str]]:
    """(title, text) of real news articles, for new items and the story window."""
    if not ARTICLES.exists():
        raise SystemExit(f"bench: {ARTICLES} is absent")
    rows = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    return [(r["title"], r["text"]) for r in rows if not r.get("duplicate_of")]


def with_new_items(body: bytes, news: list[tuple[str, str]], *, tag: str, when: datetime,
                   link_base: str) -> bytes:
    """The feed as it looks after ``news`` were published: new items before its old ones."""
    stamp = format_datetime(when)
    if b"</feed>" in body:  # Atom
        block = "".join(
            f"<entry><id>urn:bench:{tag}:{n}</id><title>{escape(t)}</title>"
            f"<link href='{link_base}/{tag}/{n}'/><updated>{when.isoformat()}</updated>"
            f"<summary>{escape(x[:1500])}</summary></entry>" for n, (t, x) in enumerate(news))
        return body.replace(b"</feed>", block.encode() + b"</feed>", 1)
    block = "".join(
        f"<item><title>{escape(t)}</title><link>{link_base}/{tag}/{n}</link>"
        f"<guid isPermaLink='false'>bench-{tag}-{n}</guid><pubDate>{stamp}</pubDate>"
        f"<description>{escape(x[:1500])}</description></item>" for n, (t, x) in enumerate(news))
    marker = b"</channel>" if b"</channel>" in body else b"</rdf:RDF>"
    return body.replace(marker, block.encode() + marker, 1)


def _serve(conn: Connection) -> None:
    # A client closing a kept-alive connection makes http.server print a traceback: not news.
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 (lives as long as the process)
    with FeedServer() as server:
        conn.send(server.port)
        while (message := conn.recv()) is not None:
            path, body, etag = message
            server.set(path, body, content_type="application/xml", etag=etag)
            conn.send(True)


class RemoteServer:
    """A loopback feed server in its own process. Paths it was not given answer 404 (article
    pages: full text falls back to the feed's text, so page extraction is not measured)."""

    def __init__(self) -> None:
        self.conn, child = multiprocessing.Pipe()
        self.process = multiprocessing.get_context("fork").Process(target=_serve, args=(child,),
                                                                   daemon=True)
        self.process.start()
        self.port = self.conn.recv()

    def set(self, path: str, body: bytes, etag: str | None = None) -> None:
        self.conn.send((path, body, etag))
        self.conn.recv()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.conn.send(None)
        self.process.join(5)


async def fill_window(db: Database, news: list[tuple[str, str]], *, now: datetime,
                      feeds_count: int = 40) -> None:
    """Store ``len(news)`` briefs of the last 24 hours from ``feeds_count`` feeds that are not
    polled, each with its story signature, as the pipeline would have stored them."""
    async with db.begin() as conn:
        ids = []
        for i in range(feeds_count):
            feed_id, _ = await add_feed(conn, f"https://window-{i}.example/rss", now=now,
                                        title=f"Window {i}")
            ids.append(feed_id)
        await conn.execute(update(feeds).where(feeds.c.id.in_(ids))
                           .values(next_check_at=now + timedelta(days=3650)))
    step = timedelta(hours=24) / max(1, len(news))
    for start in range(0, len(news), 200):
        async with db.begin() as conn:
            for n in range(start, min(start + 200, len(news))):
                title, text = news[n]
                moment = now - timedelta(hours=24) + step * n
                result = await conn.execute(insert(entries).values(
                    feed_id=ids[n % feeds_count], entry_key=f"w{n}", id_kind="guid", title=title,
                    link=f"https://window.example/{n}", published_at=moment, first_seen_at=moment,
                    text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    categories=[]))
                entry_id = int(result.inserted_primary_key[0])
                sentences = [s.strip() for s in text.replace("\n", " ").split(". ") if s.strip()]
                brief = Brief(headline=title, points=[Point(s[:240]) for s in sentences[:3]],
                              tags=[], url=f"https://window.example/{n}", lang="en",
                              source=f"Window {n % feeds_count}", published=moment)
                brief_id = await save_brief(conn, entry_id=entry_id, brief=brief, now=moment)
                await assign_story(conn, brief_id, now=moment)


def row(name: str, value: Any, width: int = 58) -> str:  # one line of a results table
    return f"{name:<{width}}{value:>14}"


def bench_settings(data_dir: Path) -> Settings:
    """What every poll bench runs the App with: loopback feeds, one console destination."""
    return Settings(
        data_dir=data_dir,
        network={"allow_private": ["127.0.0.0/8"], "per_host_concurrency": 32},
        destinations=[DestinationSettings(ref="console:",
                                          subscriptions=[SubscriptionSettings()])])


async def app_with_feeds(settings: Settings, clock: Clock, urls: list[str],
                         window: list[tuple[str, str]]) -> App:
    """The real App over a store that already holds ``window`` briefs and the feeds ``urls``."""
    app = await App.create(settings, Secrets(values={}),
                           adapters={"console": RecordingAdapter(name="console")}, clock=clock)
    try:
        await fill_window(app.db, window, now=clock.now)
        async with app.db.begin() as conn:
            for url in urls:
                await add_feed(conn, url, now=clock.now)
    except BaseException:
        await app.close()
        raise
    return app
