"""lxml parsers are per thread: the poll parses feeds and cleans HTML in several worker threads
at once, which a shared parser would make take turns (bot.feeds.parsers)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from bot import briefing
from bot.feeds import fastfeed, html
from bot.feeds.parse import parse_feed
from bot.feeds.parsers import per_thread
from tests.support.feeds import item, rss


def _in_other_thread(get: Callable[[], Any]) -> Any:
    found: list[Any] = []
    thread = threading.Thread(target=lambda: found.append(get()))
    thread.start()
    thread.join()
    return found[0]


def test_one_parser_per_thread_made_once_in_each() -> None:
    made: list[object] = []
    parser = per_thread(lambda: made.append(object()) or made[-1])
    mine = parser()
    assert parser() is mine and len(made) == 1
    theirs = _in_other_thread(parser)
    assert theirs is not mine and len(made) == 2
    assert parser() is mine


@pytest.mark.parametrize("get", [fastfeed._parser, html._parser, briefing._xml_parser],
                         ids=["feed reader", "html cleaning", "page check"])
def test_the_stages_parsers_are_not_shared_between_threads(get: Callable[[], Any]) -> None:
    assert get() is get()
    assert _in_other_thread(get) is not get()


def test_feeds_parsed_in_many_threads_at_once_read_as_they_do_alone() -> None:
    bodies = [rss(f"Feed {n}", [item(i, topic=f"t{n}") for i in range(3 + n % 4)])
              for n in range(24)]
    alone = [parse_feed(body, url=f"http://feeds.test/{n}") for n, body in enumerate(bodies)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda n: parse_feed(bodies[n], url=f"http://feeds.test/{n}"),
                                 [n for _ in range(4) for n in range(len(bodies))]))
    assert together == alone * 4


def test_page_extractions_take_turns(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura keeps one lxml parser for every page: extractions in worker threads never
    overlap (bot.feeds.fulltext._extract)."""
    import time

    import trafilatura

    from bot.feeds import fulltext

    inside = 0
    most = 0
    guard = threading.Lock()

    def extract(page: bytes, **_: Any) -> str:
        nonlocal inside, most
        with guard:
            inside += 1
            most = max(most, inside)
        time.sleep(0.01)  # long enough for the other threads to arrive
        with guard:
            inside -= 1
        return page.decode()

    monkeypatch.setattr(trafilatura, "extract", extract)
    with ThreadPoolExecutor(max_workers=6) as pool:
        got = list(pool.map(fulltext._extract, [f"page {n}".encode() for n in range(24)]))
    assert got == [f"page {n}" for n in range(24)]
    assert most == 1


def test_briefing_a_page_takes_its_turn_with_full_text_extraction(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`/brief <page>` runs trafilatura in a worker thread too, beside a poll's enrichment: it
    holds the same lock (bot.feeds.parsers.TRAFILATURA) while trafilatura parses."""
    import trafilatura

    from bot.feeds import fulltext
    from bot.feeds.parsers import TRAFILATURA

    held: list[bool] = []

    def bare_extraction(html: str, **_: Any) -> dict[str, str]:
        held.append(TRAFILATURA.locked())
        return {"title": "A page", "text": "A page's text, long enough to brief from. " * 3}

    def extract(page: bytes, **_: Any) -> str:
        held.append(TRAFILATURA.locked())
        return page.decode()

    monkeypatch.setattr(trafilatura, "bare_extraction", bare_extraction)
    monkeypatch.setattr(trafilatura, "extract", extract)
    article = _in_other_thread(
        lambda: briefing._article_from_html(b"<html><p>x</p></html>", "https://site.test/a"))
    assert article.title == "A page"
    assert _in_other_thread(lambda: fulltext._extract(b"page")) == "page"
    assert held == [True, True]
    assert not TRAFILATURA.locked()
