"""Routing: which destinations get a brief, and whether now (instant) or in their digest."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.filters import kinds
from bot.filters.kinds import BriefFacts, fold, keyword_in
from bot.filters.reasons import because, reason_of
from bot.logs import get_log
from bot.models import Article, Audience, Brief, Reason
from bot.outbox.queue import enqueue, enqueue_row, outbox_key
from bot.routing.burst import burst_digest
from bot.store import AsyncConnection, tenancy
from bot.store import briefs as brief_store
from bot.store import destinations as dest_store
from bot.store import feeds as feed_store
from bot.store import reasons as reason_store
from bot.store.briefs import load_brief
from bot.store.destinations import DestinationRow, SubscriptionRow
from bot.store.mentions import set_row_mention
from bot.tags import canonical_tag, tag_in

__all__ = ["BriefFacts", "CycleTargets", "Route", "brief_facts", "decide", "keyword_in",
           "load_facts", "route_brief", "route_burst", "targets"]

log = get_log(__name__)


Targets = list[tuple[DestinationRow, list[SubscriptionRow]]]  # every destination, its subs


@dataclass(frozen=True, slots=True)
class Route:
    mode: str  # instant | digest
    section: str  # the tag or feed a digest lists it under
    mention: str | None = None  # the role / user group of a matching subscription, if any
    reason: Reason | None = None  # the subscription that let it through, as /why names it


def _matches(sub: SubscriptionRow, facts: BriefFacts) -> bool:
    kind = kinds.get(sub.kind)
    if kind is None:
        return False
    return kind.drops(sub.value, facts) if sub.exclude else kind.matches(sub.value, facts)


def decide(subs: Sequence[SubscriptionRow], facts: BriefFacts,
           destination: DestinationRow) -> Route | None:
    """The route of one brief to one destination, or None. Only a destination whose tenant may
    read the brief's feed gets it (bot.store.tenancy), whatever it subscribed to; its server's
    own tags for the feed count as the brief's. An exclude always wins; an instant include or
    an urgent tag makes it instant; a digest include needs a digest time set."""
    if not facts.audience.admits(destination.tenant):
        return None
    own_tags = facts.audience.tags_of(destination.tenant)
    if own_tags:
        facts = replace(facts, tags=facts.tags | own_tags)
    included = [s for s in subs if not s.exclude and _matches(s, facts)]
    if not included or any(s.exclude and _matches(s, facts) for s in subs):
        return None
    # Sections prefer the most specific reason the brief is here.
    first = min(included, key=lambda s: kinds.precedence(s.kind))
    section = kinds.require(first.kind).section(first.value, facts)
    urgent = any(tag_in(t, facts.tags) for t in destination.urgent_tags)
    instant = [s for s in included if s.mode == "instant"]
    if urgent or instant:
        mention = next((s.mention for s in sorted(included, key=lambda s: s.id) if s.mention),
                       None)
        # what /why names: the most specific subscription that made it go out now
        why = min(instant, key=lambda s: kinds.precedence(s.kind)) if instant else first
        return Route("instant", section, mention, reason_of(why.kind, why.value, facts))
    if destination.digest_time:
        return Route("digest", section, reason=reason_of(first.kind, first.value, facts))
    return None


def explain(stories: list[tuple[Brief, Reason]], destination: DestinationRow) -> str | None:
    """Give each brief its footer line when the destination asked for them (``why_footer``);
    the line a digest says once at the top when all its stories share one reason, else None."""
    if not destination.why_footer or not stories:
        return None
    lines = [because(reason, dm=destination.dm, locale=destination.locale)
             for _, reason in stories]
    if len(stories) > 1 and len(set(lines)) == 1:
        return lines[0]
    for (brief, _), line in zip(stories, lines, strict=True):
        brief.why = line
    return None


def brief_facts(*, brief_id: int, story_root: int, feed_id: int, feed_url: str,
                feed_name: str, headline: str, points: Iterable[str], tags: Iterable[object],
                article: Article, created_at: datetime) -> BriefFacts:
    """What routing decides on for one brief, from its stored row (:func:`load_facts`) or from
    what the pipeline saved a moment ago (no read back, issue 26)."""
    return BriefFacts(
        brief_id=brief_id, story_root=story_root, feed_id=feed_id, feed_url=feed_url,
        feed_name=feed_name, tags=frozenset(canonical_tag(str(t)) for t in tags),
        text=fold(f"{headline}\n{article.title}\n{' '.join(points)}"),
        created_at=created_at, article=article)


async def load_facts(conn: AsyncConnection, brief_ids: Iterable[int],
                     cycle: CycleTargets | None = None) -> dict[int, BriefFacts]:
    """What routing decides on, per brief; ``cycle``: the poll cycle's feeds' audiences, read
    once for all its briefs (else read now)."""
    ids = list(brief_ids)
    if not ids:
        return {}
    rows = await brief_store.routing_rows(conn, ids)
    facts = [brief_facts(
        brief_id=int(row.id),
        story_root=int(row.story_id if row.story_id is not None else row.id),
        feed_id=int(row.feed_id), feed_url=row.feed_url,
        feed_name=row.feed_title or row.feed_url, headline=row.headline,
        points=(str(p.get("text", "")) for p in row.points or []), tags=row.tags or [],
        article=Article(title=row.title, text=row.entry_text, author=row.author,
                        categories=tuple(str(c) for c in row.categories or ())),
        created_at=row.created_at) for row in rows]
    return await _heard(conn, facts, cycle)


async def _heard(conn: AsyncConnection, facts: Iterable[BriefFacts],
                 cycle: CycleTargets | None) -> dict[int, BriefFacts]:
    """``facts`` with their feeds' audiences (bot.store.tenancy) read from the store, whatever
    they held: who may read a brief is never taken from the caller."""
    facts = list(facts)
    if not facts:
        return {}
    feed_ids = [f.feed_id for f in facts]
    audience = (await tenancy.audiences(conn, feed_ids) if cycle is None
                else await cycle.audiences(conn, feed_ids))
    return {f.brief_id: replace(f, audience=audience[f.feed_id]) for f in facts}


async def targets(conn: AsyncConnection) -> Targets:
    """Every destination with subscriptions, paused ones included: what is routed to a paused
    destination is held in the outbox and goes out, in order, when it is resumed."""
    subs: dict[int, list[SubscriptionRow]] = {}
    for sub in await dest_store.list_subscriptions(conn):
        subs.setdefault(sub.destination_id, []).append(sub)
    return [(d, subs[d.id]) for d in await dest_store.list_destinations(conn) if d.id in subs]


class CycleTargets:
    """:func:`targets` read once for one poll cycle, on its first brief, so that the cycle's N
    briefs cost one read of the destinations and subscriptions, not N; likewise the audiences
    (bot.store.tenancy) of the cycle's ``feed_ids``, read together on its first brief, not one
    feed at a time. A subscription, setting or feed link changed meanwhile (a chat command,
    here or in another worker) routes from the next cycle on, which reads them afresh."""

    def __init__(self, feed_ids: Iterable[int] = ()) -> None:
        self._rows: Targets | None = None
        self._feed_ids = frozenset(feed_ids)
        self._audiences: dict[int, Audience] | None = None
        self._reading = asyncio.Lock()

    async def get(self, conn: AsyncConnection) -> Targets:
        # Feeds finishing together (the poller runs several at once) wait for the first one's
        # read instead of each reading: one read per cycle, whatever the timing.
        if self._rows is None:
            async with self._reading:
                if self._rows is None:
                    self._rows = await targets(conn)
        return self._rows

    async def audiences(self, conn: AsyncConnection,
                        feed_ids: Iterable[int]) -> dict[int, Audience]:
        wanted = set(feed_ids)
        if not wanted <= self._feed_ids:  # not a feed of this cycle: read as asked
            return await tenancy.audiences(conn, wanted)
        if self._audiences is None:
            async with self._reading:
                if self._audiences is None:
                    self._audiences = await tenancy.audiences(conn, self._feed_ids)
        return {i: self._audiences[i] for i in wanted}


async def _targets_of(conn: AsyncConnection, cycle: CycleTargets | None) -> Targets:
    return await targets(conn) if cycle is None else await cycle.get(conn)


def story_key(destination_id: int, story_root: int) -> str:
    """One key per (story, destination): a second feed's copy of a story finds it taken."""
    return outbox_key("story", destination_id, story_root)


async def route_brief(conn: AsyncConnection, brief_id: int, *, now: datetime,
                      cycle: CycleTargets | None = None, saved: BriefFacts | None = None) -> int:
    """Enqueue the brief for every destination that wants it now; returns rows enqueued.
    ``cycle``: the poll cycle's destinations, read once for all its briefs (else read now).
    ``saved``: the brief's facts as its saver holds them (:func:`brief_facts`), instead of
    reading the brief back; its audience is read all the same."""
    facts = (await (load_facts(conn, [brief_id], cycle) if saved is None
                    else _heard(conn, [saved], cycle))).get(brief_id)
    if facts is None:
        return 0
    count = 0
    for destination, subs in await _targets_of(conn, cycle):
        route = decide(subs, facts, destination)
        if route is None or route.mode != "instant":
            continue
        key = story_key(destination.id, facts.story_root)
        row_id = await enqueue_row(conn, key=key, destination_id=destination.id, now=now,
                                   brief_id=brief_id)
        if row_id is not None:
            count += 1
            if route.reason is not None:
                await reason_store.record_row(conn, row_id, [(brief_id, route.reason)])
            if route.mention:
                await set_row_mention(conn, key, route.mention)
        else:
            log.info("route.story_already_sent", brief_id=brief_id, destination_id=destination.id,
                     story=facts.story_root)
    return count


async def route_burst(conn: AsyncConnection, feed_id: int, brief_ids: list[int], *,
                      now: datetime, cycle: CycleTargets | None = None,
                      saved: Sequence[BriefFacts] | None = None) -> int:
    """One digest-style message per destination for a feed's burst of new briefs (``cycle``
    and ``saved``: as for :func:`route_brief`)."""
    facts = await (load_facts(conn, brief_ids, cycle) if saved is None
                   else _heard(conn, saved, cycle))
    if not facts:
        return 0
    feed_name = await feed_store.display_name(conn, feed_id) or f"feed {feed_id}"
    count = 0
    for destination, subs in await _targets_of(conn, cycle):
        routes = {f.brief_id: route for f in facts.values()
                  if (route := decide(subs, f, destination)) and route.mode == "instant"}
        wanted = [f for f in facts.values() if f.brief_id in routes]
        taken = await brief_store.already_queued(conn, [story_key(destination.id, f.story_root)
                                                        for f in wanted])
        wanted = sorted((f for f in wanted if story_key(destination.id, f.story_root) not in taken),
                        key=lambda f: f.brief_id)
        if not wanted:
            continue
        loaded = [await load_brief(conn, f.brief_id, destination.locale,
                                   tenants=(destination.tenant,)) for f in wanted]
        reasons = [(f.brief_id, brief, reason) for f, brief in zip(wanted, loaded, strict=True)
                   if (reason := routes[f.brief_id].reason) is not None]
        digest = burst_digest(str(feed_name), loaded, now=now, locale=destination.locale)
        digest.why = explain([(brief, reason) for _, brief, reason in reasons], destination)
        key = outbox_key("burst", destination.id, feed_id, *sorted(f.brief_id for f in wanted))
        if await enqueue(conn, key=key, destination_id=destination.id, now=now, digest=digest):
            count += 1
            await reason_store.record(conn, key, [(i, reason) for i, _, reason in reasons])
    log.info("route.burst", feed_id=feed_id, briefs=len(brief_ids), messages=count)
    return count

