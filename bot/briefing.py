"""Briefing on demand: an article URL, a feed URL or a local file, for `newsbrief brief` and
`/brief <url>`. Answers are cached for a while so the command cannot be used to hammer a site."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from urllib.parse import urlparse

from lxml import etree

from bot.errors import BlockedAddress, FetchError, ParseError
from bot.feeds.cleaning import clean_article
from bot.feeds.fetch import HttpFetcher
from bot.feeds.html import clean_block, clean_inline, truncate_words
from bot.feeds.jsonfeed import looks_like_json_feed
from bot.feeds.parse import parse_feed
from bot.feeds.parsers import TRAFILATURA, per_thread
from bot.logs import get_log
from bot.models import Article, Brief, ParsedFeed, Point
from bot.redact import shown_link
from bot.summarize import Summarizer

log = get_log(__name__)
# trafilatura logs its own ERROR lines about the page ("parsed tree length: 1, wrong data type
# or not valid HTML") before we can say the one thing that matters; our message replaces them.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


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
            feed: ParsedFeed | None = await asyncio.to_thread(parse_feed, body, url=source)
            refusal: ParseError | None = None
        except ParseError as exc:
            feed, refusal = None, exc
        except Exception as exc:  # a bug on one odd body: a one-line answer, not a traceback
            log.info("brief.parse_crashed", source=source, error=type(exc).__name__)
            feed, refusal = None, ParseError(f"feed could not be read ({type(exc).__name__})")
        if feed is not None and feed.items:
            briefs = []
            for item in feed.items[:limit]:
                article = Article(title=item.title, text=item.text, url=item.link,
                                  lang=item.lang or feed.lang, source=feed.title or None,
                                  published=item.published, categories=item.categories)
                briefs.append(await summarize_or_minimal(self.summarizer, article,
                                                         points=self.points))
            return briefs
        if feed is not None:  # a feed, but nothing in it to brief: say so, not "not a feed"
            raise NotBriefable(f"{shown_link(source)}: feed parsed, but " + (
                f"its {feed.unusable} entries have no title, text or link" if feed.unusable
                else "it has 0 items"))
        if refusal is not None and (looks_like_json_feed(body, None) or "OPML" in str(refusal)
                                    or _xml_but_not_a_page(body)):
            # JSON, OPML or XML: never web pages
            raise NotBriefable(f"{shown_link(source)}: {refusal}")
        article = await asyncio.to_thread(_article_from_html, body, source)
        brief = await summarize_or_minimal(self.summarizer, article, points=self.points)
        brief.text_source = "article"
        return [brief]


class NotBriefable(ParseError):
    """A source with nothing to brief; the message is one line for the user (and the CLI)."""


def minimal_brief(article: Article) -> Brief:
    """The brief of last resort, when summarizing failed: the headline, the feed's own text
    (its opening, cut at a word) and the link, so that the item is still delivered."""
    lead = article.text.strip().split("\n\n", 1)[0]
    text = truncate_words(clean_inline(lead), MINIMAL_TEXT_CHARS)
    return Brief(headline=clean_inline(article.title) or text[:120] or (article.source or ""),
                 points=[Point(text)] if text else [], tags=[], url=article.url,
                 lang=article.lang or "en", source=article.source, published=article.published)


MINIMAL_TEXT_CHARS = 400


async def summarize_or_minimal(summarizer: Summarizer, article: Article, *,
                               points: int) -> Brief:
    """The summarizer's brief, or :func:`minimal_brief` when it raises: never no brief."""
    try:
        return await summarizer.summarize(article, points=points)
    except Exception as exc:  # any failure of the summarizer must not lose the item
        # One line (the traceback only at DEBUG): `newsbrief brief` never prints a traceback.
        log.error("summarize.failed", url=article.url, fallback="minimal",
                  error=f"{type(exc).__name__}: {exc}", exc_info=log.isEnabledFor(logging.DEBUG))
        return minimal_brief(article)


# used on the event loop (_brief_bytes) and wherever else a body is checked: one per thread,
# see bot.feeds.parsers
_xml_parser = per_thread(lambda: etree.XMLParser(resolve_entities=False, no_network=True,
                                                 load_dtd=False))


def _xml_but_not_a_page(body: bytes) -> bool:
    """A well-formed XML document whose root is not <html>: a document trafilatura cannot
    read as an article, so the feed reader's refusal is the answer."""
    try:
        root = etree.fromstring(body, _xml_parser())
    except (etree.XMLSyntaxError, ValueError):
        return False
    return isinstance(root.tag, str) and root.tag.rpartition("}")[2].lower() != "html"


def _article_from_html(body: bytes, source: str) -> Article:
    import trafilatura  # ~150 ms of imports, paid only when a page (not a feed) is briefed

    html = body.decode("utf-8", errors="replace")
    url = source if urlparse(source).scheme in ("http", "https") else None
    try:
        # the URL only feeds metadata (site name, host): without credentials, or trafilatura
        # names the site "someone:hunter2@host"
        # TRAFILATURA: full-text enrichment runs trafilatura in other worker threads beside us
        with TRAFILATURA:
            extracted = trafilatura.bare_extraction(
                html, url=shown_link(url) if url else None, with_metadata=True,
                include_comments=False)
    except Exception as exc:  # trafilatura has internal failure modes on odd documents
        log.info("extract.failed", source=source, error=type(exc).__name__)
        extracted = None
    shown = shown_link(source)  # errors reach chat and the dashboard: no credentials
    if extracted is None:
        raise NotBriefable(f"{shown}: neither a feed nor an article with readable text")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = clean_article(clean_block(data.get("text") or ""))
    if len(text) < 40:
        raise NotBriefable(f"{shown}: no article text found")
    return Article(title=clean_inline(data.get("title") or ""), text=text, url=url,
                   lang=data.get("language"), source=data.get("sitename") or data.get("hostname"))
