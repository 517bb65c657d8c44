"""The enrich stage's quality gate: a teaser is replaced by the page text only when that text is
long, real and about the same story."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import pytest

from bot.errors import FetchError
from bot.feeds.fulltext import enrich, looks_like_teaser
from bot.models import Article

BODY = " ".join(
    f"<p>The city council approved twelve kilometres of protected bicycle lanes downtown, "
    f"paragraph {i} explains, and commuters welcomed the plan while shop owners worried "
    f"about parking on Main Street during construction.</p>"
    for i in range(8)
)
ARTICLE_PAGE = (
    "<html><head><title>Council approves bicycle lanes</title></head><body>"
    "<nav>Home | World | Sport</nav><article><h1>Council approves bicycle lanes</h1>"
    f"{BODY}</article><footer>Copyright 2025 Example News</footer></body></html>"
).encode()
COOKIE_WALL = (
    "<html><body><div><h1>We value your privacy</h1><p>We use cookies to improve your "
    "experience. Accept all cookies or manage your preferences to continue to the council "
    "bicycle lanes site. " + "Our partners process data. " * 30 + "</p></div></body></html>"
).encode()
OTHER_STORY = (
    "<html><body><article>" + "".join(
        f"<p>The football club signed striker number {i} from Brazil for a record fee, and "
        f"fans celebrated in the stadium until late at night on day {i}.</p>" for i in range(8)
    ) + "</article></body></html>"
).encode()

TEASER = Article(
    title="City council approves new bicycle lanes downtown",
    text="The city council approved protected bicycle lanes downtown…",
    url="https://news.example/bike-lanes",
)


def serve(page: bytes, calls: list[str]) -> Callable[[str], Awaitable[bytes]]:
    async def fetch(url: str) -> bytes:
        calls.append(url)
        return page

    return fetch


async def test_teaser_is_replaced_by_article_text() -> None:
    calls: list[str] = []
    article, source = await enrich(TEASER, serve(ARTICLE_PAGE, calls))
    assert source == "article" and calls == [TEASER.url]
    assert "shop owners worried about parking" in article.text
    assert "Home | World" not in article.text and len(article.text) > 600
    assert article.title == TEASER.title and article.url == TEASER.url


async def test_full_feed_text_is_not_fetched() -> None:
    calls: list[str] = []
    full = Article(title=TEASER.title, text="The council approved the lanes. " * 40,
                   url=TEASER.url)
    article, source = await enrich(full, serve(ARTICLE_PAGE, calls))
    assert (article, source, calls) == (full, "feed", [])


@pytest.mark.parametrize(
    ("page", "why"),
    [(COOKIE_WALL, "wall"), (OTHER_STORY, "unrelated"), (b"<html><body><p>Hi</p></body></html>",
                                                         "too_short"), (b"\x00\xff garbage", None)],
    ids=["cookie-wall", "other-story", "too-short", "garbage"],
)
async def test_gate_falls_back_to_feed(
    page: bytes, why: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    article, source = await enrich(TEASER, serve(page, []))
    assert (article, source) == (TEASER, "feed")
    assert "fulltext.fallback" in caplog.text
    if why:
        assert f"reason={why}" in caplog.text


async def test_paywall_falls_back() -> None:
    page = (
        b"<html><body><article><h1>Council approves bicycle lanes</h1><p>The city council "
        b"approved protected bicycle lanes downtown. This content is for subscribers only. "
        b"Subscribe to continue reading and get unlimited access to every council story, "
        b"bicycle lanes coverage and more for just one dollar a week.</p>"
        b"<p>Already a subscriber? Sign in to continue reading this article about the lanes "
        b"downtown and the city council decision today.</p></article></body></html>"
    )
    _, source = await enrich(TEASER, serve(page, []))
    assert source == "feed"


@pytest.mark.parametrize("exc", [FetchError("timeout", "timed out"), RuntimeError("boom"),
                                 FetchError("too_large", "over the size cap")])
async def test_fetch_error_falls_back(exc: Exception, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)

    async def failing(url: str) -> bytes:
        raise exc

    article, source = await enrich(TEASER, failing)
    assert (article, source) == (TEASER, "feed")
    assert "reason=error" in caplog.text


async def test_no_url_means_no_fetch() -> None:
    calls: list[str] = []
    no_url = Article(title=TEASER.title, text=TEASER.text)
    assert await enrich(no_url, serve(ARTICLE_PAGE, calls)) == (no_url, "feed")
    assert calls == []


def test_looks_like_teaser() -> None:
    assert looks_like_teaser("Short text.", 600)
    assert looks_like_teaser("Long text. " * 100 + "Read more", 600)
    assert looks_like_teaser("Long text. " * 100 + "[…]", 600)
    assert not looks_like_teaser("Long text. " * 100, 600)
