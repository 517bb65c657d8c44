"""From read entries to keyed FeedItems, cleaning only the entries that need it.

A changed feed usually has one new entry among twenty. Cleaning an entry's text (HTML to text,
boilerplate out) is most of what parsing costs beyond reading the XML, so the parse stage is in
two steps: :class:`PreparedFeed` knows every entry's identity key and a hash of its raw fields
(cheap: titles, links and guids only), and :meth:`PreparedFeed.finish` cleans the text of the
entries the caller does not already hold unchanged (same key, same raw hash).

A raw hash is stored, so its value is part of the store's format: :func:`raw_hash` marks its
values with their version (``v2:``), and :func:`legacy_raw_hash` is the unmarked hash stored
before, which the store compares only for entries that still hold one (issue 26).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from bot.feeds.html import content_hash, truncate_words
from bot.feeds.identity import RawEntry, assign_keys, content_key
from bot.models import FeedItem, IdKind, ParsedFeed

__all__ = ["RAW_HASH_MARK", "Pending", "PreparedFeed", "legacy_raw_hash", "raw_hash"]

MAX_TITLE_CHARS = 500
MAX_TEXT_CHARS = 100_000
# A date more than this far ahead is a feed bug (or a trick to stay on top); it becomes None,
# not "now", so that a bogus date never looks like fresh news and the store's first-seen time wins.
FUTURE_TOLERANCE = timedelta(days=1)

# (entry_key, raw_hash, the entry's legacy raw hash on demand) -> the caller holds it as is
Unchanged = Callable[[str, str, Callable[[], str]], bool]

RAW_HASH_MARK = "v2:"  # a stored raw hash without a mark is a legacy_raw_hash


def raw_hash(*fields: object) -> str:
    """A hash of an entry's fields as the feed wrote them (before any cleaning), marked with
    its version.

    Texts are hashed as their UTF-8 bytes: ``repr`` of a whole article (escaping every
    character into a new string) was the costliest step of a changed feed's parse. Each value
    is framed by its kind and length, so no two different field tuples give the same bytes.
    """
    digest = hashlib.sha1(usedforsecurity=False)
    _hash_into(digest, fields)
    return RAW_HASH_MARK + digest.hexdigest()


def _hash_into(digest: Any, value: object) -> None:
    if isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
        digest.update(b"s%d:" % len(data))
        digest.update(data)
    elif value is None:
        digest.update(b"n")
    elif isinstance(value, list | tuple):
        digest.update(b"%s%d:" % (b"l" if isinstance(value, list) else b"t", len(value)))
        for item in value:
            _hash_into(digest, item)
    else:  # a date or a number: short, and its type and repr say what it is
        data = f"{type(value).__qualname__}:{value!r}".encode("utf-8", "surrogatepass")
        digest.update(b"r%d:" % len(data))
        digest.update(data)


def legacy_raw_hash(*fields: object) -> str:
    """The raw hash stored before :func:`raw_hash` (no mark): computed only for an entry the
    store still holds with one, so that an upgrade alone never makes an entry look edited."""
    return hashlib.sha1(repr(fields).encode("utf-8", "surrogatepass"),
                        usedforsecurity=False).hexdigest()


@dataclass(slots=True)
class Pending:
    """One entry as read: cleaned title, link and dates; its text is cleaned on demand."""

    raw: RawEntry  # raw.text is "" until text() is called
    clean_text: Callable[[], str]
    fields: tuple[object, ...]  # as the feed wrote them: what the raw hashes are of
    raw_hash: str = field(init=False)
    _text: str | None = None

    def __post_init__(self) -> None:
        self.raw_hash = raw_hash(*self.fields)

    def legacy_hash(self) -> str:
        return legacy_raw_hash(*self.fields)

    def text(self) -> str:
        if self._text is None:
            self._text = truncate_words(self.clean_text(), MAX_TEXT_CHARS)
            self.raw = replace(self.raw, text=self._text)
        return self._text


@dataclass(slots=True)
class PreparedFeed:
    title: str
    site_url: str | None
    lang: str | None
    warning: str | None
    entries: list[tuple[Pending, str, IdKind]] = field(default_factory=list)
    unusable: int = 0

    @property
    def keys(self) -> list[str]:
        return [key for _, key, _ in self.entries]

    def finish(self, unchanged: Unchanged | None = None) -> ParsedFeed:
        """The ParsedFeed, without the entries ``unchanged`` says the caller already holds."""
        items = []
        for pending, key, kind in self.entries:
            if unchanged is not None and unchanged(key, pending.raw_hash, pending.legacy_hash):
                continue
            raw, text = pending.raw, pending.text()
            # A headline is required downstream; miniflux falls back the same way.
            title = raw.title or truncate_words(text.split("\n", 1)[0], 120) or raw.link or ""
            items.append(FeedItem(
                entry_key=key, id_kind=kind, title=title, link=raw.link,
                published=raw.published, text=text, content_hash=content_hash(title, text),
                categories=raw.categories, author=raw.author, lang=raw.lang,
                raw_hash=pending.raw_hash,
            ))
        return ParsedFeed(title=self.title, site_url=self.site_url, lang=self.lang, items=items,
                          warning=self.warning, unusable=self.unusable)

    def add(self, pendings: list[Pending], *, now: datetime) -> None:
        """Key the entries (in feed order); entries with no title, text or link are left out."""
        horizon = now + FUTURE_TOLERANCE
        usable: list[Pending] = []
        for pending in pendings:
            raw = pending.raw
            published = raw.published if raw.published and raw.published <= horizon else None
            pending.raw = replace(raw, title=truncate_words(raw.title, MAX_TITLE_CHARS),
                                  published=published)
            if not (pending.raw.title or raw.link or pending.text()):
                self.unusable += 1  # nothing to show or to fetch: not an item a reader could use
                continue
            usable.append(pending)
        # Keys never depend on the text except for the last-resort content kind.
        for pending, (key, kind) in zip(usable, assign_keys([p.raw for p in usable]),
                                        strict=True):
            if kind == "content":
                pending.text()
                key = content_key(pending.raw)
            self.entries.append((pending, key, kind))
