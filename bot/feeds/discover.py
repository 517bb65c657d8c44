"""Feed discovery: a site's address given where a feed's was expected.

A web page names its feeds in ``<link rel="alternate" type="application/rss+xml" href=…>``
(the RSS autodiscovery convention every blog engine and most news sites follow); a page that
names none is tried at the paths sites commonly serve feeds from. This module only proposes
candidates, in order; the feed service fetches each and keeps the ones that parse as feeds."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

# Not plain application/json: WordPress names its REST API that way on every page.
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/feed+json", "application/xml", "text/xml",
})
# Where feeds live when a page does not say: WordPress, Ghost, Hugo, Jekyll, Blogger, Medium-style.
COMMON_PATHS = ("/feed", "/rss", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml",
                "/feeds/posts/default")
MAX_CANDIDATES = 10  # each is a fetch: a page that names a hundred feeds gets the first ten
PAGE_TYPES = ("text/html", "application/xhtml+xml")

Probe = Callable[[str], Awaitable[bool]]  # fetch a candidate: is it a feed?


@dataclass(frozen=True, slots=True)
class Candidate:
    url: str
    title: str | None
    found: Literal["link", "path"]  # named by the page, or guessed from a common path


def is_page(body: bytes, content_type: str | None) -> bool:
    """True for an HTML page (by its type, or by its first bytes when the type is generic)."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind in PAGE_TYPES:
        return True
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) and kind not in FEED_TYPES


def candidates(page: bytes, page_url: str) -> list[Candidate]:
    """The feeds ``page`` names, then (when it names none) the common paths of its site."""
    named = _linked(page, page_url)
    if named:
        return named[:MAX_CANDIDATES]
    parts = urlsplit(page_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    return [Candidate(origin + path, None, "path") for path in COMMON_PATHS]


def _linked(page: bytes, page_url: str) -> list[Candidate]:
    try:
        root = lxml_html.fromstring(page)
    except (etree.ParserError, ValueError):
        return []
    base = page_url
    for href in root.xpath("//base/@href")[:1]:
        base = urljoin(page_url, str(href).strip())
    seen: set[str] = set()
    found: list[Candidate] = []
    for link in root.iter("link"):
        rel = str(link.get("rel") or "").lower().split()
        kind = str(link.get("type") or "").split(";")[0].strip().lower()
        href = str(link.get("href") or "").strip()
        if "alternate" not in rel or kind not in FEED_TYPES or not href:
            continue
        url = urljoin(base, href)
        if urlsplit(url).scheme not in ("http", "https") or url in seen:
            continue
        seen.add(url)
        title = " ".join(str(link.get("title") or "").split()) or None
        found.append(Candidate(url, title, "link"))
    return found


async def feeds_of(page: bytes, page_url: str, probe: Probe) -> list[Candidate]:
    """The candidates that are feeds, in the page's order. Guessed paths stop at the first hit:
    ``/feed`` and ``/rss`` are usually the same feed twice."""
    found: list[Candidate] = []
    for candidate in candidates(page, page_url):
        if await probe(candidate.url):
            found.append(candidate)
            if candidate.found == "path":
                break
    return found
