"""Routing: which destinations get a brief, and whether now (instant) or in their digest."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.logs import get_log
from bot.outbox.worker import enqueue, outbox_key
from bot.routing import patterns
from bot.routing.burst import burst_digest
from bot.routing.patterns import Article
from bot.store import destinations as dest_store
from bot.store.briefs import load_brief
from bot.store.destinations import DestinationRow, SubscriptionRow
from bot.store.mentions import set_row_mention
from bot.store.schema import briefs, entries, feeds, outbox
from bot.summarize.tags import normalise_tag

__all__ = ["BriefFacts", "Route", "decide", "keyword_in", "load_facts", "route_brief",
           "route_burst", "targets"]

log = get_log(__name__)

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class BriefFacts:
    """What subscriptions look at: the feed, the tags and the words of a brief."""

    brief_id: int
    story_root: int
    feed_id: int
    feed_url: str
    feed_name: str
    tags: frozenset[str]
    text: str  # folded headline, points and entry title, for keyword matching
    created_at: datetime
    article: Article = field(default_factory=lambda: Article(title=""))  # for pattern filters


@dataclass(frozen=True, slots=True)
class Route:
    mode: str  # instant | digest
    section: str  # the tag or feed a digest lists it under
    mention: str | None = None  # the role / user group of a matching subscription, if any


def fold(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def keyword_in(keyword: str, folded_text: str) -> bool:
    """A plain word or phrase, case-insensitive. Latin words match whole words ("ai" is not in
    "said"); Korean matches as a substring, since particles attach to the word ("삼성전자는")."""
    needle = fold(keyword)
    if not needle:
        return False
    if _HANGUL.search(needle):
        return needle in folded_text
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(word) for word in needle.split(" ")) + r"(?!\w)"
    return re.search(pattern, folded_text) is not None


def _matches(sub: SubscriptionRow, facts: BriefFacts) -> bool:
    if sub.kind == "all":
        return True
    if sub.kind == "tag":
        return normalise_tag(sub.value) in facts.tags
    if sub.kind == "feed":
        value = sub.value.strip()
        return value in (str(facts.feed_id), facts.feed_url) or (
            fold(value) == fold(facts.feed_name))
    if sub.kind == "keyword":
        # A keyword also matches the tag of the same name: "/subscribe crypto" typed before any
        # brief carried #crypto is stored as a keyword and should still mean the topic.
        return keyword_in(sub.value, facts.text) or normalise_tag(sub.value) in facts.tags
    if sub.kind == "pattern":
        return patterns.matches(sub.value, facts.article)
    return False


def decide(subs: Sequence[SubscriptionRow], facts: BriefFacts,
           destination: DestinationRow) -> Route | None:
    """The route of one brief to one destination, or None. An exclude always wins; an instant
    include or an urgent tag makes it instant; a digest include needs a digest time set."""
    included = [s for s in subs if not s.exclude and _matches(s, facts)]
    if not included or any(s.exclude and _matches(s, facts) for s in subs):
        return None
    # Sections prefer the most specific reason the brief is here.
    first = min(included, key=lambda s: ("tag", "feed", "keyword", "pattern", "all").index(
        s.kind) if s.kind in ("tag", "feed", "keyword", "pattern", "all") else 9)
    section = {"tag": f"#{first.value}", "keyword": first.value}.get(first.kind, facts.feed_name)
    urgent = {normalise_tag(t) for t in destination.urgent_tags} & facts.tags
    if urgent or any(s.mode == "instant" for s in included):
        mention = next((s.mention for s in sorted(included, key=lambda s: s.id) if s.mention),
                       None)
        return Route("instant", section, mention)
    if destination.digest_time:
        return Route("digest", section)
    return None


async def load_facts(conn: AsyncConnection, brief_ids: Iterable[int]) -> dict[int, BriefFacts]:
    ids = list(brief_ids)
    if not ids:
        return {}
    rows = await conn.execute(
        select(briefs.c.id, briefs.c.story_id, briefs.c.headline, briefs.c.points, briefs.c.tags,
               briefs.c.created_at, entries.c.title, entries.c.text.label("entry_text"),
               entries.c.categories, entries.c.author, feeds.c.id.label("feed_id"),
               feeds.c.url.label("feed_url"), feeds.c.title.label("feed_title"))
        .select_from(briefs.join(entries, entries.c.id == briefs.c.entry_id)
                     .join(feeds, feeds.c.id == entries.c.feed_id))
        .where(briefs.c.id.in_(ids))
    )
    facts: dict[int, BriefFacts] = {}
    for row in rows:
        points = " ".join(str(p.get("text", "")) for p in row.points or [])
        facts[int(row.id)] = BriefFacts(
            brief_id=int(row.id),
            story_root=int(row.story_id if row.story_id is not None else row.id),
            feed_id=int(row.feed_id), feed_url=row.feed_url,
            feed_name=row.feed_title or row.feed_url,
            tags=frozenset(normalise_tag(str(t)) for t in row.tags or []),
            text=fold(f"{row.headline}\n{row.title}\n{points}"),
            created_at=row.created_at,
            article=Article(title=row.title, text=row.entry_text, author=row.author,
                            categories=tuple(str(c) for c in row.categories or ())),
        )
    return facts


async def targets(conn: AsyncConnection) -> list[tuple[DestinationRow, list[SubscriptionRow]]]:
    """Every destination with subscriptions, paused ones included: what is routed to a paused
    destination is held in the outbox and goes out, in order, when it is resumed."""
    subs: dict[int, list[SubscriptionRow]] = {}
    for sub in await dest_store.list_subscriptions(conn):
        subs.setdefault(sub.destination_id, []).append(sub)
    return [(d, subs[d.id]) for d in await dest_store.list_destinations(conn) if d.id in subs]


def story_key(destination_id: int, story_root: int) -> str:
    """One key per (story, destination): a second feed's copy of a story finds it taken."""
    return outbox_key("story", destination_id, story_root)


async def route_brief(conn: AsyncConnection, brief_id: int, *, now: datetime) -> int:
    """Enqueue the brief for every destination that wants it now; returns rows enqueued."""
    facts = (await load_facts(conn, [brief_id])).get(brief_id)
    if facts is None:
        return 0
    count = 0
    for destination, subs in await targets(conn):
        route = decide(subs, facts, destination)
        if route is None or route.mode != "instant":
            continue
        key = story_key(destination.id, facts.story_root)
        if await enqueue(conn, key=key, destination_id=destination.id, now=now,
                         brief_id=brief_id):
            count += 1
            if route.mention:
                await set_row_mention(conn, key, route.mention)
        else:
            log.info("route.story_already_sent", brief_id=brief_id, destination_id=destination.id,
                     story=facts.story_root)
    return count


async def _sent_stories(conn: AsyncConnection, keys: list[str]) -> set[str]:
    if not keys:
        return set()
    rows = await conn.execute(select(outbox.c.key).where(outbox.c.key.in_(keys)))
    return {row.key for row in rows}


async def route_burst(conn: AsyncConnection, feed_id: int, brief_ids: list[int], *,
                      now: datetime) -> int:
    """One digest-style message per destination for a feed's burst of new briefs."""
    facts = await load_facts(conn, brief_ids)
    if not facts:
        return 0
    feed_name = (await conn.execute(
        select(func.coalesce(feeds.c.title, feeds.c.url)).where(feeds.c.id == feed_id)
    )).scalar() or f"feed {feed_id}"
    count = 0
    for destination, subs in await targets(conn):
        wanted = [f for f in facts.values()
                  if (route := decide(subs, f, destination)) and route.mode == "instant"]
        taken = await _sent_stories(conn, [story_key(destination.id, f.story_root)
                                           for f in wanted])
        wanted = [f for f in wanted if story_key(destination.id, f.story_root) not in taken]
        if not wanted:
            continue
        loaded = [await load_brief(conn, f.brief_id) for f in sorted(wanted,
                                                                     key=lambda f: f.brief_id)]
        digest = burst_digest(str(feed_name), loaded, now=now)
        key = outbox_key("burst", destination.id, feed_id, *sorted(f.brief_id for f in wanted))
        if await enqueue(conn, key=key, destination_id=destination.id, now=now, digest=digest):
            count += 1
    log.info("route.burst", feed_id=feed_id, briefs=len(brief_ids), messages=count)
    return count

