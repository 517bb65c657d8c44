"""Reading a feed once, before anything is stored: chat's ``/feeds add``, the dashboard and the
preview check (bot.feeds.manage's rules take the reader as a function, so the rules and every
command that only lists or changes stored feeds load neither the fetcher nor the parsers)."""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

from bot.clock import now_utc
from bot.errors import FetchError, NewsbriefError, ParseError
from bot.feeds import discover
from bot.feeds.fetch import FetchResult
from bot.feeds.manage import FeedPreview, NotAFeed, PreviewFailed, ReadFeed
from bot.feeds.parse import parse_feed
from bot.i18n import _
from bot.models import Article, ParsedFeed
from bot.netguard import shown_url
from bot.summarize.base import Summarizer


class Fetches(Protocol):
    async def fetch(self, url: str) -> FetchResult: ...


async def fetch_feed(url: str, *, fetcher: Fetches, find: bool = True) -> ReadFeed:
    """Fetch ``url`` once and read it as a feed, or refuse it (NotAFeed) with the reason: an
    HTTP error (a 404), an unreachable host, or a body that is not a feed. A web page (a site's
    address where a feed's was expected) is searched for the feeds it names, then the usual
    paths (bot.feeds.discover); the first that reads as a feed is taken. Chat's ``/feeds add``,
    the dashboard and the preview check run it before anything is stored. ``find``: False
    refuses a page outright (an OPML import: one list must not make ten fetches a line)."""
    result = await _fetch(url, fetcher)
    body = result.body or b""
    if not discover.is_page(body, result.content_type):
        return ReadFeed(url, await _parse(url, body, result.content_type))
    if not find:
        raise NotAFeed(url, _("it is a web page, not a feed"))
    feeds: dict[str, ParsedFeed] = {}

    async def is_feed(candidate: str) -> bool:
        try:
            found = await _fetch(candidate, fetcher)
            body = found.body or b""
            if discover.is_page(body, found.content_type):
                return False
            feeds[candidate] = await _parse(candidate, body, found.content_type)
        except NotAFeed:
            return False
        return True

    found = await discover.feeds_of(body, url, is_feed)
    if not found:
        raise NotAFeed(url, _("it is a web page, not a feed, and neither the feeds it names nor "
                              "the usual addresses (/feed, /rss, /atom.xml …) answer with one"))
    return ReadFeed(found[0].url, feeds[found[0].url], tuple(found))


async def _fetch(url: str, fetcher: Fetches) -> FetchResult:
    try:
        return await fetcher.fetch(url)
    except FetchError as exc:
        raise NotAFeed(url, str(exc)) from None


async def _parse(url: str, body: bytes, content_type: str | None) -> ParsedFeed:
    try:
        return await asyncio.to_thread(parse_feed, body, url=url, content_type=content_type)
    except ParseError as exc:
        raise NotAFeed(url, _("it is not a feed ({error})", error=str(exc)[:200])) from None


async def newest_brief(url: str, *, fetcher: Any, summarizer: Summarizer,
                       points: int) -> FeedPreview:
    """Fetch the feed once and brief its newest item (the preview check); PreviewFailed when
    it cannot be read or has nothing to brief."""
    try:
        read = await fetch_feed(url, fetcher=fetcher)
        feed = read.feed
        if not feed.items:
            raise PreviewFailed(_("{url} has no items to brief", url=shown_url(url)))
        dated = [entry for entry in feed.items if entry.published is not None]
        newest = max(dated, key=lambda entry: entry.published or now_utc()) if dated \
            else feed.items[0]
        brief = await summarizer.summarize(Article(
            title=newest.title, text=newest.text, url=newest.link, lang=newest.lang or feed.lang,
            source=feed.title or None, published=newest.published,
            categories=newest.categories), points=points)
    except NotAFeed as exc:
        raise PreviewFailed(_("cannot add {url}: {error}", url=shown_url(url),
                              error=exc.reason)) from None
    except PreviewFailed:
        raise
    except NewsbriefError as exc:
        raise PreviewFailed(_("cannot add {url}: {error}", url=shown_url(url),
                              error=str(exc))) from None
    return FeedPreview(brief, len(feed.items), feed.title or None, read.url, read.found)
