"""JSON Feed 1.0/1.1 reader (https://jsonfeed.org), producing the parse stage's raw entries."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.errors import ParseError
from bot.feeds.cleaning import article_text, clean_article, longest
from bot.feeds.html import clean_block, clean_inline
from bot.feeds.identity import RawEntry
from bot.feeds.textclean import without_surrogates

__all__ = ["JsonEntry", "JsonFeed", "looks_like_json_feed", "parse_json_feed"]

_VERSION_MARK = "jsonfeed.org/version/"  # http:// occurs in the wild as well as https://


@dataclass(slots=True)
class JsonEntry:
    """One item: its fields read (``raw.text`` empty), its text cleaned only when asked for."""

    raw: RawEntry
    texts: tuple[str | None, str | None, str | None]  # content_html, content_text, summary

    def text(self) -> str:
        """The longest field wins: a short content_text beside a full content_html, or the
        reverse."""
        html, plain, summary = self.texts
        return longest((article_text(html) if html else "",
                        *(clean_article(clean_block(t)) for t in (plain, summary) if t)))


@dataclass(slots=True)
class JsonFeed:
    title: str
    site_url: str | None  # as written; the caller resolves and filters links
    feed_url: str | None
    lang: str | None
    entries: list[JsonEntry]


def looks_like_json_feed(body: bytes, content_type: str | None) -> bool:
    """Declared as JSON, or a body that is a JSON object or array; XML never starts with "{"."""
    if content_type and "json" in content_type.lower():
        return True
    return body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"["))


def _str(value: Any) -> str | None:
    if isinstance(value, str):
        # a "\ud800" escape decodes to a lone surrogate, which an id's key cannot encode
        return without_surrogates(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # ids are strings in the spec, but numbers occur in the wild
    return None


def _date(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:  # RFC 3339 requires an offset; a bare time is taken as UTC
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def _author(item: dict[str, Any]) -> str | None:
    authors = item.get("authors")
    if isinstance(authors, list):
        names = [clean_inline(a["name"]) for a in authors
                 if isinstance(a, dict) and isinstance(a.get("name"), str)]
        names = [n for n in names if n]
        if names:
            return ", ".join(names)[:200]
    author = item.get("author")  # JSON Feed 1.0
    if isinstance(author, dict) and isinstance(author.get("name"), str):
        return clean_inline(author["name"])[:200] or None
    return None


def _entry(item: dict[str, Any], feed_lang: str | None) -> JsonEntry:
    title = clean_inline(_str(item.get("title")) or "")
    texts = (_str(item.get("content_html")), _str(item.get("content_text")),
             _str(item.get("summary")))
    tags = item.get("tags")
    tags = tags if isinstance(tags, list) else []
    categories = tuple(c for c in (clean_inline(t)[:100] for t in tags if isinstance(t, str)) if c)
    lang = _str(item.get("language")) or feed_lang
    return JsonEntry(RawEntry(
        guid=_str(item.get("id")),
        link=_str(item.get("url")) or _str(item.get("external_url")),
        title=title,
        text="",
        published=_date(item.get("date_published")) or _date(item.get("date_modified")),
        categories=categories,
        author=_author(item),
        lang=lang,
    ), texts)


def parse_json_feed(body: bytes, *, max_items: int) -> JsonFeed:
    """Read a JSON Feed document; anything that is not one raises ParseError."""
    try:
        # strict=False: raw control characters inside strings are common; clean_inline removes them.
        doc = json.loads(body.decode("utf-8-sig"), strict=False)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ParseError(f"not valid JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise ParseError("JSON body is not an object, so not a JSON Feed")
    version = doc.get("version")
    if not isinstance(version, str) or _VERSION_MARK not in version:
        if isinstance(doc.get("rss"), dict):  # ScriptingNews.json: an RSS document as JSON
            raise ParseError("JSON body is an RSS feed converted to JSON, which is not a JSON "
                             "Feed; use the site's RSS or Atom feed instead")
        raise ParseError("JSON body is not a JSON Feed (no jsonfeed.org version), so there is "
                         "nothing to brief")
    items = doc.get("items")
    if not isinstance(items, list):
        raise ParseError("JSON Feed has no items list")
    lang = _str(doc.get("language"))
    entries = [_entry(item, lang) for item in items[:max_items] if isinstance(item, dict)]
    return JsonFeed(
        title=clean_inline(_str(doc.get("title")) or ""),
        site_url=_str(doc.get("home_page_url")),
        feed_url=_str(doc.get("feed_url")),
        lang=lang,
        entries=entries,
    )
