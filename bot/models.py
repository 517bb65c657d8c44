"""Plain data passed between the pipeline stages; no I/O, no platform types."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Literal

from bot.clock import now_utc

IdKind = Literal["guid", "link", "title_date", "content"]
TextSource = Literal["feed", "article"]


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a parsed feed, cleaned and given a stable identity."""

    entry_key: str
    id_kind: IdKind
    title: str
    link: str | None
    published: datetime | None  # timezone-aware UTC, or None when the feed gives no date
    text: str  # plain text of the entry's content or summary, HTML stripped
    content_hash: str  # hash of title+text; tells an edited item apart from a new one
    categories: tuple[str, ...] = ()
    author: str | None = None
    lang: str | None = None
    raw_hash: str = ""  # hash of the entry as the feed wrote it: unchanged means no re-cleaning


@dataclass(slots=True)
class ParsedFeed:
    """What the parse stage makes of a feed body."""

    title: str
    site_url: str | None
    lang: str | None
    items: list[FeedItem]
    warning: str | None = None  # why the feed was ill-formed, when it was but still parsed
    unusable: int = 0  # entries dropped for having no title, text or link


@dataclass(slots=True)
class Article:
    """One story's text and what is known about it: the summarizer's input, and the fields a
    subscription pattern looks at (bot.filters.patterns)."""

    title: str
    text: str = ""
    url: str | None = None
    lang: str | None = None
    source: str | None = None
    published: datetime | None = None
    categories: tuple[str, ...] = ()
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Point:
    text: str
    label: str | None = None


@dataclass(slots=True)
class Brief:
    """The product's unit: headline, points, tags, link."""

    headline: str
    points: list[Point]
    tags: list[str]
    url: str | None
    lang: str
    source: str | None = None
    published: datetime | None = None
    text_source: TextSource = "feed"
    also_covered_by: list[str] = field(default_factory=list)
    model: str | None = None  # the model that wrote the points; None: extractive
    why: str | None = None  # "Sent because you follow #openai": a destination's opt-in footer


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a brief reached a destination: the kind of the subscription that let it through
    (bot.filters.kinds) and what it follows as a reader names it (a tag, a feed's name, a
    keyword, a pattern; empty for everything)."""

    kind: str
    value: str


@dataclass(slots=True)
class Notice:
    """What the bot says by itself, not news: a feed disabled, a model's budget spent, a test
    post from the dashboard. A title and a line, in the destination's language."""

    title: str
    text: str


@dataclass(slots=True)
class DigestSection:
    title: str  # a tag or a feed name
    briefs: list[Brief]


@dataclass(slots=True)
class Digest:
    """One period's briefs for one destination, grouped, most important first."""

    title: str
    period_start: datetime
    period_end: datetime
    sections: list[DigestSection]
    note: str | None = None  # e.g. the "nothing new" line, or "12 items folded from a burst"
    why: str | None = None  # the footer line once at the top, when every story shares it


SAMPLE_MARK = "TEST MESSAGE"  # plain words: brackets would be escaped differently per platform


def sample_brief() -> Brief:
    """The marked sample a test post sends (``newsbrief send-test``, ``/feeds test``)."""
    return Brief(
        headline=f"{SAMPLE_MARK} from newsbrief (not a news story)",
        points=[Point("newsbrief can post to this destination.", label="It works"),
                Point("Real briefs look like this: a headline, three points, tags and a link.",
                      label="What to expect"),
                Point("Nothing was subscribed, stored or queued by this test.",
                      label="Nothing changed")],
        tags=["test"], url=None, lang="en", source="newsbrief send-test",
        published=now_utc())


@dataclass(frozen=True, slots=True)
class Audience:
    """Who may read one feed's briefs (bot.store.tenancy decides, routing applies it per
    destination): every tenant, or those linked to it, with the tags each linked tenant gave
    the feed. Here, low, so that the subscription kinds can carry it without importing the
    store."""

    everyone: bool = True
    tenants: frozenset[str] = frozenset()
    tags: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # read-only: one Audience is shared by many feeds (EVERYONE, and the unlinked feeds of a
        # poll cycle), so a write to its tags would reach every one of them (issue 26)
        object.__setattr__(self, "tags", MappingProxyType(dict(self.tags)))

    def admits(self, who: str) -> bool:
        return self.everyone or who in self.tenants

    def tags_of(self, who: str) -> frozenset[str]:
        return self.tags.get(who, frozenset())


EVERYONE = Audience()
