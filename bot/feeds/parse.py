"""The parse stage: a fetched feed body (RSS 0.9x/1.0/2.0, Atom, JSON Feed) to clean FeedItems."""

from __future__ import annotations

import re
import zlib
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import feedparser

from bot.errors import ParseError
from bot.feeds.assemble import MAX_TITLE_CHARS, Pending, PreparedFeed
from bot.feeds.charrefs import replace_invalid_references
from bot.feeds.cleaning import article_text, clean_article, longest
from bot.feeds.fastfeed import read_fast
from bot.feeds.html import clean_block, clean_inline, html_to_text, truncate_words
from bot.feeds.identity import RawEntry
from bot.feeds.jsonfeed import JsonEntry, looks_like_json_feed, parse_json_feed
from bot.logs import get_log
from bot.models import ParsedFeed
from bot.netguard import redact_url
from bot.redact import host_of

__all__ = ["MAX_BODY_BYTES", "parse_feed", "prepare_feed"]

log = get_log(__name__)

# The fetch stage enforces the real size cap (network.max_body_bytes, 5 MB by default) while
# downloading; this is only a backstop so that a caller bypassing fetch cannot feed us gigabytes.
MAX_BODY_BYTES = 32 * 1024 * 1024
MAX_CATEGORIES = 30

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_LANG = re.compile(r"^([a-z]{2,3})(?:-[a-z0-9]{1,8})*$")

# --- hostile XML -------------------------------------------------------------------------------
# feedparser strips DOCTYPEs and keeps only literal entity values, and expat (>= 2.4) refuses
# billion-laughs amplification, with external entities switched off. We do not rely on either
# alone: an internal subset that declares external, parameter or nested entities, or whose
# literal entities would expand past a budget (quadratic blowup), is removed before parsing.
_ENTITY_DECL = re.compile(
    rb"<!ENTITY\s+(%\s+)?([^\s%;&\"']+)\s+(?:(SYSTEM|PUBLIC)\b|\"([^\"]*)\"|'([^']*)')", re.I
)
_ENTITY_BUDGET = 1_000_000  # characters that literal entity references may add to the document
_MAX_ENTITIES = 64


def _doctype_span(body: bytes) -> tuple[int, int] | None:
    """Byte span of the prolog's DOCTYPE (internal subset included), or None if there is none.

    A small lexer rather than a regex: quoted strings and comments inside the subset may hold
    '>' or ']' characters.
    """
    pos, n = 0, len(body)
    while pos < n:
        while pos < n and body[pos] in b" \t\r\n\xef\xbb\xbf":
            pos += 1
        if body.startswith(b"<?", pos):
            end = body.find(b"?>", pos)
            pos = n if end < 0 else end + 2
        elif body.startswith(b"<!--", pos):
            end = body.find(b"-->", pos)
            pos = n if end < 0 else end + 3
        elif body[pos : pos + 9].upper() == b"<!DOCTYPE":
            start, i, depth = pos, pos + 9, 0
            while i < n:
                ch = body[i : i + 1]
                if ch in (b'"', b"'"):
                    close = body.find(ch, i + 1)
                    i = n if close < 0 else close + 1
                    continue
                if depth and body.startswith(b"<!--", i):
                    close = body.find(b"-->", i)
                    i = n if close < 0 else close + 3
                    continue
                if ch == b"[":
                    depth += 1
                elif ch == b"]":
                    depth = max(0, depth - 1)
                elif ch == b">" and not depth:
                    return start, i + 1
                i += 1
            return start, n  # unterminated: the rest of the body is DOCTYPE as far as XML knows
        else:
            return None
    return None


def _defuse(body: bytes) -> tuple[bytes, str | None]:
    """The body with a dangerous DOCTYPE removed, and a warning saying so (or the body as is)."""
    probe = body[:4096]
    if b"\x00" in probe:  # UTF-16/32: too rare for feeds to be worth lexing; refuse entities
        if b"<!ENTITY" in body[: 1 << 20].replace(b"\x00", b"").upper():
            raise ParseError("feed declares XML entities in a UTF-16/32 body; refused as unsafe")
        return body, None
    span = _doctype_span(body)
    if span is None:
        return body, None
    doctype = body[span[0] : span[1]]
    declared = doctype.upper().count(b"<!ENTITY")
    if not declared:
        return body, None
    decls = _ENTITY_DECL.findall(doctype)
    unsafe = len(decls) != declared or declared > _MAX_ENTITIES or b"%" in doctype.replace(
        b"&#37;", b"")
    expansion = 0
    for param, name, external, dq, sq in decls:
        value = dq or sq
        if param or external or b"&" in value.replace(b"&#", b"") or b"<" in value:
            unsafe = True
            break
        expansion += len(value) * body.count(b"&" + name + b";", span[1])
    if not unsafe and expansion <= _ENTITY_BUDGET:
        return body, None
    log.warning("feed.doctype_removed", entities=declared, expansion=expansion)
    return (body[: span[0]] + body[span[1] :],
            "removed a DOCTYPE declaring unsafe XML entities (external, parameter, nested or "
            "too large)")


# --- undeclared encodings ---------------------------------------------------------------------
_XML_DECL = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\?>")
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*\bencoding\s*=", re.I)
_CHARSET = re.compile(r"charset\s*=", re.I)
_DETECT_BYTES = 256 * 1024


def _undeclared_as_utf8(body: bytes, content_type: str | None) -> tuple[bytes, str | None]:
    """The body as UTF-8 when it declares no encoding, and the content type to say so.

    XML without an encoding declaration is UTF-8 by definition, so feedparser reads a body in an
    undeclared legacy encoding (EUC-KR, Shift_JIS, GB2312, TIS-620…) as UTF-8 and then as
    windows-1252: mojibake (or it asks chardet, slowly, when that happens to be installed). When
    neither the document nor the HTTP header names a charset and the bytes are not UTF-8,
    charset_normalizer guesses it from the text; either way the type then says utf-8.
    """
    if (content_type and _CHARSET.search(content_type)) or body.startswith(
            (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or b"\x00" in body[:4]:
        return body, content_type
    if _DECLARED.match(body[:512]):
        return body, content_type
    declared = f"{content_type or 'application/xml'}; charset=utf-8"
    try:
        body.decode("utf-8")
        return body, declared
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body[:_DETECT_BYTES]).best()
    if best is None:
        return body, content_type
    try:
        text = body.decode(best.encoding, errors="replace")
    except LookupError:
        return body, content_type
    log.info("feed.charset_detected", encoding=best.encoding)
    return _XML_DECL.sub(b"", text.encode("utf-8"), count=1), declared


# --- bounding the work -------------------------------------------------------------------------
_ITEM_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>/]")
_ITEM_CLOSE = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>")


def _cut_items(body: bytes, max_items: int) -> bytes:
    """Drop entries past the first ``max_items`` before feedparser sees them.

    feedparser has no item limit and costs ~90 µs per entry, so a 100,000-entry feed would take
    seconds. Entries are flat siblings, so removing everything from the (N+1)th entry's start tag
    to the last entry's end tag leaves a well-formed document; if a tag match was inside CDATA
    the document is merely ill-formed and feedparser's lenient parser still reads the first N.
    """
    if max_items <= 0:
        return body  # nothing is kept anyway; parse_feed slices the entries to zero
    # Each start tag holds its own "item" or "entry" (neither overlaps itself), so a body with
    # no more of them than max_items has nothing to cut: two scans in C instead of a pattern
    # tried at every "<" of every changed feed.
    if body.count(b"item") + body.count(b"entry") <= max_items:
        return body
    opens = _ITEM_OPEN.finditer(body)
    cut: int | None = None
    for index, match in enumerate(opens):
        if index == max_items:
            cut = match.start()
            break
    if cut is None:
        return body
    last_close = None
    for last_close in _ITEM_CLOSE.finditer(body, cut):  # noqa: B007 - we want the last one
        pass
    if last_close is None:
        return body[:cut]
    log.info("feed.items_capped", max_items=max_items)
    return body[:cut] + body[last_close.end() :]


def _gunzip(body: bytes) -> bytes:
    """A gzip file served as the body (not as Content-Encoding), inflated within the size cap."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, MAX_BODY_BYTES + 1)
    except zlib.error as exc:
        raise ParseError(f"body looks gzip-compressed but is corrupt: {exc}") from None
    if len(out) > MAX_BODY_BYTES:
        raise ParseError(f"decompressed feed is larger than {MAX_BODY_BYTES} bytes")
    return out


# --- field helpers -----------------------------------------------------------------------------
def safe_link(href: Any, base: str | None = None) -> str | None:
    """An absolute http(s) URL, or None: javascript:, data:, mailto: and junk never get through."""
    if not isinstance(href, str):
        return None
    href = clean_inline(href)
    if not href:
        return None
    try:
        url = urljoin(base, href) if base else href
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def normalise_lang(value: Any) -> str | None:
    """The primary language subtag ("en-US" → "en", "ko_KR" → "ko"), or None if not a tag."""
    if not isinstance(value, str):
        return None
    match = _LANG.match(value.strip().replace("_", "-").lower())
    return match.group(1) if match else None


def _struct_to_utc(value: Any) -> datetime | None:
    """feedparser's *_parsed values are UTC struct_times (a date without zone is read as UTC)."""
    if value is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(v) for v in tuple(value)[:6])
        return datetime(year, month, day, hour, minute, min(second, 59), tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _date_from_text(value: Any) -> datetime | None:
    """Dates feedparser gives up on, mostly RFC 822 without a zone; a missing zone means UTC."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def _is_html(value: Any, detail: Any) -> bool:
    """Whether a text field is read as HTML: typed so, or untyped with markup in it."""
    kind = detail.get("type", "") if isinstance(detail, dict) else ""
    return kind in _HTML_TYPES or (not kind and isinstance(value, str) and "<" in value)


def _detail_text(value: Any, detail: Any, *, block: bool) -> str:
    """A title (``block=False``: one line) or an entry's story text (headings, captions and
    boilerplate out, see bot.feeds.cleaning)."""
    if not isinstance(value, str) or not value:
        return ""
    if _is_html(value, detail):
        return article_text(value) if block else clean_inline(html_to_text(value))
    return clean_article(clean_block(value)) if block else clean_inline(value)


def _entry_text(entry: Any) -> str:
    """The longest of the entry's text fields (every <content> and the summary), cleaned.

    Not "content first": feeds put a one-line teaser in <content> beside a full <description>
    (cloudblog.rss, atom_example_3.xml) as often as the other way round.
    """
    fields = [(part.get("value"), part) for part in entry.get("content") or []
              if isinstance(part, dict)]
    fields.append((entry.get("summary"), entry.get("summary_detail")))
    # A summary is often the content itself (feedparser copies a lone <content:encoded> into
    # it): clean each distinct text once, as cleaning is most of what a new entry costs.
    seen: set[tuple[Any, bool]] = set()
    texts = []
    for value, detail in fields:
        key = (value, _is_html(value, detail))
        if key not in seen:
            seen.add(key)
            texts.append(_detail_text(value, detail, block=True))
    return longest(texts)


def _categories(entry: Any) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for tag in entry.get("tags") or []:
        if isinstance(tag, dict):
            term = clean_inline(tag.get("term") or tag.get("label") or "")[:100]
            if term:
                seen.setdefault(term, None)
    return tuple(seen)[:MAX_CATEGORIES]


def _entry_lang(entry: Any) -> str | None:
    for key in ("content", "summary_detail", "title_detail"):
        detail = entry.get(key)
        if isinstance(detail, list):
            detail = detail[0] if detail else None
        if isinstance(detail, dict) and (lang := normalise_lang(detail.get("language"))):
            return lang
    return normalise_lang(entry.get("language"))


def _pending(entry: Any, feed_lang: str | None, base: str | None) -> Pending:
    published = None
    for key in ("published", "updated", "created"):
        # dict.get: FeedParserDict.get maps a missing "updated" to "published" with a warning.
        if published := _struct_to_utc(dict.get(entry, f"{key}_parsed")) or _date_from_text(
                dict.get(entry, key)):
            break
    author = entry.get("author_detail", {}).get("name") if isinstance(
        entry.get("author_detail"), dict) else None
    author = clean_inline(author or entry.get("author") or "")[:200] or None
    guid = entry.get("id")
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    raw = RawEntry(
        guid=guid if isinstance(guid, str) else None,
        link=safe_link(link, base),
        title=_detail_text(entry.get("title"), entry.get("title_detail"), block=False),
        text="",
        published=published,
        categories=_categories(entry),
        author=author,
        lang=_entry_lang(entry) or feed_lang,
    )
    contents = [c.get("value") for c in entry.get("content") or [] if isinstance(c, dict)]
    return Pending(raw, lambda: _entry_text(entry), (
        entry.get("title"), link, guid, contents, entry.get("summary"), published,
        raw.categories, author))


def _json_pending(entry: JsonEntry, base: str) -> Pending:
    raw = entry.raw
    return Pending(replace(raw, link=safe_link(raw.link, base), lang=normalise_lang(raw.lang)),
                   entry.text,
                   (raw.guid, raw.link, raw.title, entry.texts, raw.published, raw.categories,
                    raw.author))


def _parse_json(body: bytes, *, url: str, max_items: int, now: datetime) -> PreparedFeed:
    doc = parse_json_feed(body, max_items=max_items)
    base = safe_link(doc.feed_url, url) or url
    site = safe_link(doc.site_url, base)
    prepared = PreparedFeed(title=doc.title or host_of(site or url), site_url=site,
                            lang=normalise_lang(doc.lang), warning=None)
    prepared.add([_json_pending(e, base) for e in doc.entries], now=now)
    return prepared


def parse_feed(body: bytes, *, url: str, content_type: str | None = None,
               max_items: int = 500, now: datetime | None = None) -> ParsedFeed:
    """Parse a feed body into cleaned, keyed items (the first ``max_items``, in feed order).

    Raises ParseError when the body is too large, is not a feed at all (HTML page, garbage), or
    is hostile in a way that cannot be defused. An ill-formed feed that still yields entries is
    returned with ``warning`` set. ``now`` (aware) is only for tests of the future-date rule.
    Pure but CPU-bound: async callers run it with ``asyncio.to_thread``.
    """
    return prepare_feed(body, url=url, content_type=content_type, max_items=max_items,
                        now=now).finish()


def prepare_feed(body: bytes, *, url: str, content_type: str | None = None,
                 max_items: int = 500, now: datetime | None = None) -> PreparedFeed:
    """Step one of :func:`parse_feed`: the feed read and its entries keyed, their texts not yet
    cleaned; ``finish()`` cleans those the caller does not hold unchanged (bot.feeds.assemble)."""
    now = now or datetime.now(UTC)
    if len(body) > MAX_BODY_BYTES:
        raise ParseError(f"feed body is {len(body)} bytes, over the {MAX_BODY_BYTES}-byte cap")
    if body.startswith(b"\x1f\x8b"):
        body = _gunzip(body)
    if not body.strip():
        raise ParseError("empty body")
    if looks_like_json_feed(body, content_type):
        return _parse_json(body, url=url, max_items=max_items, now=now)

    body, content_type = _undeclared_as_utf8(body, content_type)
    body, warning = _defuse(body)
    body = _cut_items(body, max_items)
    fast = read_fast(body, url, content_type) if warning is None else None
    if fast is None:
        # lxml refuses a reference to a surrogate or past U+10FFFF, so a body it read holds
        # none: only a body left to feedparser (which crashes on one) pays this scan
        repaired = replace_invalid_references(body)
        if repaired != body:
            body = repaired
            fast = read_fast(body, url, content_type) if warning is None else None
    if fast is not None:
        return _prepare(fast[0], fast[1], url=url, max_items=max_items, now=now, warning=None)
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    try:
        # sanitize_html=False: we keep only plain text, and html_to_text drops script/style/iframe
        # *contents*, which feedparser's sanitizer would leave behind as loose text.
        result = feedparser.parse(body, response_headers=headers, sanitize_html=False,
                                  resolve_relative_uris=False)
    except Exception as exc:  # feedparser has internal failure modes on hostile input
        log.warning("feed.parse_crashed", url=redact_url(url), error=type(exc).__name__)
        raise ParseError(f"feed could not be parsed: {type(exc).__name__}: {exc}") from None
    entries = result.get("entries") or []
    feed = result.get("feed") or {}
    if not entries and not result.get("version"):
        reason = result.get("bozo_exception")
        if b"<opml" in body[:4096].lower():
            raise ParseError("this is an OPML subscription list, not a feed: import its feeds "
                             "with `newsbrief feeds import FILE`")
        raise ParseError("body is not an RSS, Atom or JSON feed"
                         + (f" ({type(reason).__name__}: {reason})" if reason else ""))
    if result.get("bozo") and warning is None:
        reason = result.get("bozo_exception")
        warning = f"{type(reason).__name__}: {reason}" if reason else "ill-formed feed"
    return _prepare(feed, entries, url=url, max_items=max_items, now=now, warning=warning)


def _prepare(feed: Any, entries: list[Any], *, url: str, max_items: int, now: datetime,
             warning: str | None) -> PreparedFeed:
    feed_lang = normalise_lang(feed.get("language")) or normalise_lang(
        (feed.get("title_detail") or {}).get("language"))
    site = safe_link(feed.get("link"), url)
    title = _detail_text(feed.get("title"), feed.get("title_detail"), block=False)
    if warning:
        log.info("feed.illformed", url=redact_url(url), warning=warning[:200])
    prepared = PreparedFeed(
        title=truncate_words(title, MAX_TITLE_CHARS) or host_of(site or url),
        site_url=site, lang=feed_lang, warning=warning)
    prepared.add([_pending(e, feed_lang, url) for e in entries[:max_items]], now=now)
    return prepared
