"""Enrich stage: replace a feed's teaser with the article page's text when that text passes a
quality gate (long enough, not a cookie wall or paywall, about the same story)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import replace

from bot.feeds.parsers import TRAFILATURA
from bot.logs import get_log
from bot.models import Article, TextSource
from bot.netguard import redact_url
from bot.summarize.text import content_words, detect_language

log = get_log(__name__)

# Phrases that mark a page whose main text is a consent dialog, a login or a paywall.
_WALL = re.compile(
    r"\b(?:accept (?:all )?cookies|cookie (?:policy|settings|consent)|we use cookies|"
    r"manage (?:your )?(?:consent|preferences)|enable javascript|javascript is disabled|"
    r"subscribe to (?:continue|read)|subscribers only|already a subscriber|sign in to (?:continue|"
    r"read)|log in to continue|create a free account|this content is for subscribers|"
    r"to continue reading|paywall|are you a robot|access denied)"
    r"|쿠키|구독자 전용|로그인 후 이용|유료 회원|구독하고 전체",
    re.IGNORECASE,
)
_TEASER_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading|더보기)\s*$",
                         re.IGNORECASE)


def looks_like_teaser(text: str, min_chars: int) -> bool:
    """A feed text too short to brief from, or one that ends by pointing at the page."""
    t = text.strip()
    return len(t) < min_chars or bool(_TEASER_END.search(t[-40:]))


def _related(extracted: str, article: Article, lang: str) -> bool:
    """The page text shares the story's words (title, and the teaser when there is one)."""
    page = set(content_words(extracted, lang))
    for probe in (article.title, article.text):
        words = set(content_words(probe, lang))
        if len(words) >= 3 and len(words & page) / len(words) < 0.5:
            return False
    return True


def _gate(extracted: str | None, article: Article, min_chars: int) -> str | None:
    """Why ``extracted`` cannot replace the feed text, or None when it can."""
    if not extracted or len(extracted.strip()) < min_chars:
        return "too_short"
    if len(extracted) <= len(article.text.strip()):
        return "not_longer"
    head = extracted[:1500]
    # A wall phrase in a short page means the page is the wall; a long article may mention one.
    if _WALL.search(head) and len(extracted) < 3 * min_chars:
        return "wall"
    lang = article.lang or detect_language(extracted)
    if not _related(extracted, article, lang):
        return "unrelated"
    return None


def _extract(page: bytes) -> str | None:
    import trafilatura  # ~150 ms of imports, paid only where full text is fetched

    with TRAFILATURA:  # its module-level parsers: see bot.feeds.parsers
        return trafilatura.extract(
            page, include_comments=False, include_tables=False, favor_precision=True, fast=True
        )


async def enrich(
    article: Article,
    fetch_page: Callable[[str], Awaitable[bytes]],
    *,
    min_chars: int = 600,
) -> tuple[Article, TextSource]:
    """``article`` with the page's full text when the feed text is a teaser and the page text
    passes the gate; otherwise ``article`` unchanged and "feed". Never raises for a bad page."""
    if not article.url or not looks_like_teaser(article.text, min_chars):
        return article, "feed"
    try:
        page = await fetch_page(article.url)
        extracted = await asyncio.to_thread(_extract, page)
    except Exception as exc:  # a failed fetch or extraction only costs us the full text
        log.info("fulltext.fallback", url=redact_url(article.url), reason="error",
                 error=f"{type(exc).__name__}: {exc}")
        return article, "feed"
    reason = _gate(extracted, article, min_chars)
    if reason is not None or extracted is None:
        log.info("fulltext.fallback", url=redact_url(article.url), reason=reason)
        return article, "feed"
    log.debug("fulltext.used", url=redact_url(article.url), chars=len(extracted))
    return replace(article, text=extracted.strip()), "article"
