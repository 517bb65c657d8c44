"""Stable identity for feed entries: the guid → link → title+date → content chain."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from bot.models import IdKind

__all__ = ["CHAIN", "RawEntry", "assign_keys", "content_key", "make_key"]


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One entry as a format front-end (feedparser, JSON Feed) read it, already cleaned.

    ``link`` is absolute http(s) or None; ``published`` is aware UTC or None.
    """

    guid: str | None
    link: str | None
    title: str
    text: str
    published: datetime | None = None
    categories: tuple[str, ...] = field(default=())
    author: str | None = None
    lang: str | None = None


_PREFIX: dict[IdKind, str] = {"guid": "g", "link": "l", "title_date": "t", "content": "c"}


def make_key(kind: IdKind, value: str) -> str:
    """A short stable key, e.g. ``g:3f2a…``; hashing keeps keys bounded whatever the feed sends."""
    digest = hashlib.sha1(value.encode("utf-8"), usedforsecurity=False).hexdigest()[:32]
    return f"{_PREFIX[kind]}:{digest}"


def _guid(entry: RawEntry) -> str | None:
    return (entry.guid or "").strip() or None


def _link(entry: RawEntry) -> str | None:
    return (entry.link or "").strip() or None


def _title_date(entry: RawEntry) -> str | None:
    if not entry.title:
        return None
    when = entry.published.isoformat() if entry.published else ""
    return f"{entry.title}\x1f{when}"


def _content(entry: RawEntry) -> str:
    return f"{entry.title}\x1f{entry.text}"


def content_key(entry: RawEntry) -> str:
    """The last-resort key, from the entry's title and cleaned text."""
    return make_key("content", _content(entry))


# Why guids are not trusted blindly: the guid is the feed author's promise of uniqueness, and real
# feeds break it. Some CMSs put the same guid (the site URL, "0", an empty permalink) on every item,
# some reuse a category link as the guid, and some regenerate guids on every request. Taking such a
# guid at face value would merge distinct stories into one (the second is never posted) or make
# every poll look new. So, as miniflux and MonitoRSS do, a kind of id is used only when it is
# unique *within this feed's current document*; an id kind that repeats is dropped for the whole
# feed and every entry falls through to the next kind. Dropping it per feed rather than per entry
# keeps one feed's keys all of one kind, so the same entry gets the same key from poll to poll
# as long as the feed keeps behaving the same way.
CHAIN: tuple[tuple[IdKind, Callable[[RawEntry], str | None]], ...] = (
    ("guid", _guid),
    ("link", _link),
    ("title_date", _title_date),
)


def assign_keys(entries: Sequence[RawEntry]) -> list[tuple[str, IdKind]]:
    """The (entry_key, id_kind) of each entry, in order, using the first trustworthy id kind.

    The content kind (title+text) is the last resort and is never dropped: two entries identical
    in title and text are the same entry as far as anyone reading them can tell.
    """
    usable: list[tuple[IdKind, Callable[[RawEntry], str | None]]] = []
    for kind, get in CHAIN:
        values = [v for v in (get(e) for e in entries) if v is not None]
        counts = Counter(values)
        if values and counts.most_common(1)[0][1] == 1:
            usable.append((kind, get))
    keys: list[tuple[str, IdKind]] = []
    for entry in entries:
        for kind, get in usable:
            value = get(entry)
            if value is not None:
                keys.append((make_key(kind, value), kind))
                break
        else:
            keys.append((content_key(entry), "content"))
    return keys
