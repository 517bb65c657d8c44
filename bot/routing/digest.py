"""Digests: when one is due (bot/routing/digest_schedule.py), one message with the period's
top stories (ten by default, then "N more"), grouped by tag or feed, most important first.
Fires once even with many workers: the (destination, scheduled instant) row in
``digest_runs`` is unique."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from bot.delivery.render import frame
from bot.logs import get_log
from bot.models import Brief, Digest, DigestSection, Reason
from bot.outbox.queue import enqueue, outbox_key
from bot.routing import feedback
from bot.routing.digest_schedule import last_due, previous_due, zone_of
from bot.routing.route import BriefFacts, decide, explain, load_facts, story_key, targets
from bot.store import AsyncConnection
from bot.store import briefs as brief_store
from bot.store import destinations as dest_store
from bot.store import reasons as reason_store
from bot.store.db import Database
from bot.store.destinations import DestinationRow, SubscriptionRow
from bot.store.digests import claim_run, last_run
from bot.store.outage import database_problem

log = get_log(__name__)

DIGEST_STORIES = 10  # stories shown per digest (delivery.digest_stories); the rest are "N more"
MAX_BRIEFS = 50_000  # briefs read per period: a week of a busy install


async def mark_current_handled(conn: AsyncConnection, destination: DestinationRow, *,
                               now: datetime) -> None:
    """A digest time set at 10:00 for 08:00 should first fire tomorrow, not at the next tick."""
    if not destination.digest_time:
        return
    due = last_due(now, destination.digest_time, destination.digest_days, destination.timezone)
    if due is not None:
        await claim_run(conn, destination.id, due, now=now)


@dataclass(slots=True)
class Story:
    """One story of the period: its briefs created in the period (oldest first) and how many
    sources carried it."""

    root: int
    coverage: int
    members: list[tuple[BriefFacts, float]] = field(default_factory=list)  # facts, rank moment


async def period_stories(conn: AsyncConnection, start: datetime, end: datetime) -> list[Story]:
    """The period's stories, loaded once and shared by every destination whose digest covers
    the same period; each destination then only filters and ranks them in memory."""
    rows = await brief_store.period_briefs(conn, start, end, MAX_BRIEFS)
    facts = await load_facts(conn, [int(r.id) for r in rows])
    coverage = await brief_store.story_coverage(conn, list({int(r.root) for r in rows}))
    stories: dict[int, Story] = {}
    for row in rows:
        fact = facts.get(int(row.id))
        if fact is None:
            continue
        root = int(row.root)
        story = stories.get(root)
        if story is None:
            story = stories[root] = Story(root, coverage.get(root, 1))
        story.members.append((fact, (row.published_at or row.created_at).timestamp()))
    return list(stories.values())


class Pick(NamedTuple):
    # coverage weighted by the tenant's votes (bot.routing.feedback), matching subscriptions,
    # moment, older first
    rank: tuple[float, int, float, int]
    section: str
    brief_id: int  # the brief standing for the story
    root: int
    reason: Reason | None = None  # why it is here (bot.filters.reasons)


async def _choose(conn: AsyncConnection, stories: list[Story], destination: DestinationRow,
                  subs: list[SubscriptionRow], *, recap: bool,
                  votes: feedback.Tallies = feedback.NONE) -> list[Pick]:
    """The stories this destination gets, best first: covered by more sources (weighted by its
    tenant's 👍 / 👎 on the story's feed and tags), matching more of its subscriptions, then
    newer. The first brief of a story that routes here stands for it."""
    includes = [s for s in subs if not s.exclude]
    chosen: list[Pick] = []
    for story in stories:
        for fact, moment in story.members:
            route = decide(subs, fact, destination)
            if route is None or not (recap or route.mode == "digest"):
                continue
            matches = sum(decide([s], fact, destination) is not None for s in includes)
            weighted = story.coverage * votes.weight(fact.feed_id, fact.tags)
            chosen.append(Pick((weighted, matches, moment, -story.root), route.section,
                               fact.brief_id, story.root, route.reason))
            break
    if not recap:  # what was already posted instantly (an urgent tag, an instant subscription)
        taken = await brief_store.already_queued(
            conn, [story_key(destination.id, pick.root) for pick in chosen])
        chosen = [p for p in chosen if story_key(destination.id, p.root) not in taken]
    chosen.sort(key=lambda pick: pick.rank, reverse=True)
    return chosen


async def build_digest(conn: AsyncConnection, destination: DestinationRow,
                       subs: list[SubscriptionRow], *, start: datetime, end: datetime,
                       empty_note: bool, recap: bool = False, stories: int = DIGEST_STORIES,
                       page: int = 1, period: list[Story] | None = None) -> Digest | None:
    """The digest for briefs created in [start, end), or None when there is nothing to send:
    the top ``stories`` of the period (page ``page``), grouped by section, and a note of how
    many more there are. A scheduled digest holds what waited for it; a ``recap`` (asked for
    now) holds everything the destination follows, including what was already posted."""
    built = await _build(conn, destination, subs, start=start, end=end, empty_note=empty_note,
                         recap=recap, stories=stories, page=page, period=period)
    return built[0]


async def _build(conn: AsyncConnection, destination: DestinationRow,
                 subs: list[SubscriptionRow], *, start: datetime, end: datetime,
                 empty_note: bool, recap: bool = False, stories: int = DIGEST_STORIES,
                 page: int = 1, period: list[Story] | None = None
                 ) -> tuple[Digest | None, list[tuple[int | None, Reason]]]:
    """``build_digest``, and why each story shown is in it (brief id, reason), to record."""
    if period is None:
        period = await period_stories(conn, start, end)
    # the votes as they stood when the period ended, so every page ranks alike
    votes = await feedback.tallies(conn, destination.tenant, before=end)
    chosen = await _choose(conn, period, destination, subs, recap=recap, votes=votes)
    skip = (page - 1) * stories
    shown, more = chosen[skip:skip + stories], max(0, len(chosen) - skip - stories)
    sections: dict[str, list[Brief]] = {}
    loaded = await brief_store.load_briefs(conn, [pick.brief_id for pick in shown],
                                           destination.locale, tenants=(destination.tenant,))
    for pick in shown:  # best first, so sections open with their best
        sections.setdefault(pick.section, []).append(loaded[pick.brief_id])
    reasons = [(pick.brief_id, pick.reason) for pick in shown if pick.reason is not None]
    why = explain([(loaded[i], reason) for i, reason in reasons], destination)
    locale = frame(destination.locale)
    title = f"{locale.digest_title} · {end.astimezone(zone_of(destination.timezone)):%Y-%m-%d}"
    if not sections:
        if not empty_note:
            return None, []
        return Digest(title=title, period_start=start, period_end=end, sections=[],
                      note=locale.nothing_new), []
    note = locale.more.format(n=more, page=f" {page + 1}" if page > 1 else "") if more else None
    return Digest(title=title, period_start=start, period_end=end, note=note, why=why, sections=[
        DigestSection(title=name, briefs=items) for name, items in sections.items()]), \
        list(reasons)


async def fire_destination(conn: AsyncConnection, destination: DestinationRow,
                           subs: list[SubscriptionRow], *, now: datetime, empty_note: bool,
                           stories: int = DIGEST_STORIES,
                           periods: dict[tuple[datetime, datetime], list[Story]] | None = None
                           ) -> int:
    if not destination.digest_time or destination.paused:
        return 0
    due = last_due(now, destination.digest_time, destination.digest_days, destination.timezone)
    if due is None or not await claim_run(conn, destination.id, due, now=now):
        return 0
    # After downtime the period reaches back to the last digest that went out, at most a week.
    start = await last_run(conn, destination.id, due) or previous_due(
        due, destination.digest_time, destination.digest_days, destination.timezone)
    start = max(start, due - timedelta(days=7))
    periods = {} if periods is None else periods
    if (start, due) not in periods:
        periods[start, due] = await period_stories(conn, start, due)
    digest, reasons = await _build(conn, destination, subs, start=start, end=due,
                                   empty_note=empty_note, stories=stories,
                                   period=periods[start, due])
    if digest is None:
        log.info("digest.empty", destination_id=destination.id, scheduled_for=due.isoformat())
        return 0
    key = outbox_key("digest", destination.id, int(due.timestamp()))
    if await enqueue(conn, key=key, destination_id=destination.id, now=now, digest=digest):
        await reason_store.record(conn, key, reasons)
    log.info("digest.fired", destination_id=destination.id, scheduled_for=due.isoformat(),
             stories=sum(len(s.briefs) for s in digest.sections))
    return 1


async def fire_due_digests(db_or_conn: Database | AsyncConnection, *, now: datetime,
                           empty_note: bool, stories: int = DIGEST_STORIES) -> int:
    """Fire every digest that is due; returns the number of digest messages enqueued. Given a
    Database, each destination gets its own transaction, so one failure costs one digest.
    Destinations whose digests cover the same period share one load of its stories. The
    database's failure stops the tick: the remaining destinations would each fail alike (on
    PostgreSQL each after a connect timeout); it reaches the runner's digest job, whose
    ``Outage`` logs it in one line and the recovery in another, and the next tick tries every
    destination again (the failed one's claim rolled back with its transaction)."""
    periods: dict[tuple[datetime, datetime], list[Story]] = {}
    if isinstance(db_or_conn, AsyncConnection):
        return sum([await fire_destination(db_or_conn, d, subs, now=now, empty_note=empty_note,
                                           stories=stories, periods=periods)
                    for d, subs in await targets(db_or_conn)])
    async with db_or_conn.begin() as conn:
        wanted = await targets(conn)
    fired = 0
    for destination, subs in wanted:
        try:
            async with db_or_conn.begin() as conn:
                fired += await fire_destination(conn, destination, subs, now=now,
                                                empty_note=empty_note, stories=stories,
                                                periods=periods)
        except Exception as exc:
            if database_problem(exc) is not None:
                raise
            log.exception("digest.failed", destination_id=destination.id)  # a bug: one digest
    return fired


async def recap(conn: AsyncConnection, destination: DestinationRow, *, now: datetime,
                empty_note: bool = False, stories: int = DIGEST_STORIES) -> Digest | None:
    """What a digest sent now would hold: everything the destination follows since its last
    digest (or the last day), already-posted briefs included. Sends nothing."""
    return (await _recap(conn, destination, now=now, empty_note=empty_note, stories=stories))[0]


async def _recap(conn: AsyncConnection, destination: DestinationRow, *, now: datetime,
                 empty_note: bool = False, stories: int = DIGEST_STORIES
                 ) -> tuple[Digest | None, list[tuple[int | None, Reason]]]:
    subs = await dest_store.list_subscriptions(conn, destination.id)
    start = await last_run(conn, destination.id, now) or now - timedelta(days=1)
    return await _build(conn, destination, subs, start=start, end=now,
                        empty_note=empty_note, recap=True, stories=stories)


async def digest_now(conn: AsyncConnection, destination: DestinationRow, *,
                     now: datetime, stories: int = DIGEST_STORIES) -> Digest | None:
    """Enqueue a digest of what came since the last one (or the last day) right away."""
    digest, reasons = await _recap(conn, destination, now=now, stories=stories)
    if digest is not None:
        # Recorded as a run, so the next scheduled digest starts where this one ended.
        await claim_run(conn, destination.id, now, now=now)
        key = outbox_key("digest-now", destination.id, now.isoformat())
        if await enqueue(conn, key=key, destination_id=destination.id, now=now, digest=digest):
            await reason_store.record(conn, key, reasons)
    return digest


async def more(conn: AsyncConnection, destination: DestinationRow, *, now: datetime,
               page: int, stories: int = DIGEST_STORIES) -> Digest | None:
    """Page ``page`` of the destination's last digest (page 1 is what it posted): the same
    period, ranked the same way, the next ``stories`` stories."""
    end = await last_run(conn, destination.id, now + timedelta(seconds=1))
    if end is None:
        return None
    start = await last_run(conn, destination.id, end) or (
        previous_due(end, destination.digest_time, destination.digest_days, destination.timezone)
        if destination.digest_time else end - timedelta(days=1))
    subs = await dest_store.list_subscriptions(conn, destination.id)
    return await build_digest(conn, destination, subs, start=max(start, end - timedelta(days=7)),
                              end=end, empty_note=False, stories=stories, page=page)
