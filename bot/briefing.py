"""Briefing on demand: an article URL, a feed URL or a local file, for `newsbrief brief` and
`/brief <url>`. Answers are cached for a while so the command cannot be used to hammer a site."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from urllib.parse import urlparse

from bot.errors import BlockedAddress, FetchError, ParseError
from bot.fetch import HttpFetcher
from bot.models import Article, Brief
from bot.parse import parse_feed
from bot.summarize import Summarizer
from bot.text import clean_block, clean_inline


class Briefer:
    def __init__(self, *, fetcher: HttpFetcher, summarizer: Summarizer, points: int = 3,
                 cache_seconds: float = 900, cache_size: int = 256) -> None:
        self.fetcher = fetcher
        self.summarizer = summarizer
        self.points = points
        self.cache_seconds = cache_seconds
        self.cache_size = cache_size
        self._cache: dict[tuple[str, int], tuple[float, list[Brief]]] = {}

    async def brief_url(self, url: str) -> Brief:
        """The /brief <url> command: one brief, from the cache when recently asked."""
        if urlparse(url).scheme not in ("http", "https"):
            # Never a local path or another scheme from chat; addresses are vetted by the fetcher.
            raise BlockedAddress("only http and https links can be briefed", url=url)
        briefs = await self.brief_source(url, limit=1)
        return briefs[0]

    async def brief_source(self, source: str, *, limit: int = 1) -> list[Brief]:
        key = (source, limit)
        cached = self._cache.get(key)
        if cached and time.monotonic() - cached[0] < self.cache_seconds:
            return cached[1]
        if urlparse(source).scheme in ("http", "https"):
            body = await self.fetcher.fetch_page(source)
        else:
            try:
                body = await asyncio.to_thread(Path(source).read_bytes)
            except OSError as exc:
                raise FetchError("connect", f"cannot read {source}: {exc.strerror}") from None
        briefs = await self._brief_bytes(body, source, limit)
        if len(self._cache) >= self.cache_size:
            self._cache.pop(next(iter(self._cache)))
        self._cache[key] = (time.monotonic(), briefs)
        return briefs

    async def _brief_bytes(self, body: bytes, source: str, limit: int) -> list[Brief]:
        try:
            feed = await asyncio.to_thread(parse_feed, body, url=source)
        except ParseError:
            feed = None
        if feed is not None and feed.items:
            briefs = []
            for item in feed.items[:limit]:
                article = Article(title=item.title, text=item.text, url=item.link,
                                  lang=item.lang or feed.lang, source=feed.title or None,
                                  published=item.published, categories=item.categories)
                briefs.append(await self.summarizer.summarize(article, points=self.points))
            return briefs
        article = await asyncio.to_thread(_article_from_html, body, source)
        brief = await self.summarizer.summarize(article, points=self.points)
        brief.text_source = "article"
        return [brief]


def _article_from_html(body: bytes, source: str) -> Article:
    import trafilatura  # ~150 ms of imports, paid only when a page (not a feed) is briefed

    html = body.decode("utf-8", errors="replace")
    url = source if urlparse(source).scheme in ("http", "https") else None
    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                            include_comments=False)
    if extracted is None:
        raise ParseError(f"{source}: neither a feed nor an article with readable text")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = clean_block(data.get("text") or "")
    if len(text) < 40:
        raise ParseError(f"{source}: no article text found")
    return Article(title=clean_inline(data.get("title") or ""), text=text, url=url,
                   lang=data.get("language"), source=data.get("sitename") or data.get("hostname"))
