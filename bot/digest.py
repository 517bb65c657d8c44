"""Digests: at HH:MM on chosen weekdays in each destination's timezone, one message with the
period's briefs, grouped by tag or feed, most important first. Fires once even with many workers:
the (destination, scheduled instant) row in ``digest_runs`` is unique."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.delivery import Digest, DigestSection
from bot.models import Brief
from bot.outbox import enqueue, outbox_key
from bot.render import frame
from bot.routing import decide, load_facts, story_key, targets
from bot.store import destinations as dest_store
from bot.store.briefs import load_brief
from bot.store.db import Database
from bot.store.destinations import DestinationRow, SubscriptionRow
from bot.store.schema import briefs, digest_runs, outbox

log = logging.getLogger(__name__)

MAX_BRIEFS = 2000  # per period; a digest is read by people, not a full export


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def parse_hhmm(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def last_due(now: datetime, digest_time: str, days: list[int], timezone: str) -> datetime | None:
    """The latest instant at or before ``now`` when the digest was due, in UTC. ``days`` are
    weekdays, Monday = 0. A time that does not exist on a spring-forward day (02:30) resolves
    with the offset before the change, i.e. an hour later on the wall clock."""
    zone = _zone(timezone)
    at = parse_hhmm(digest_time)
    today = now.astimezone(zone).date()
    for back in range(8):
        day = today - timedelta(days=back)
        if day.weekday() not in days:
            continue
        # Going through UTC and back normalises a gap time to one that exists.
        due = datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
        if due <= now:
            return due
    return None


def previous_due(due: datetime, digest_time: str, days: list[int], timezone: str) -> datetime:
    return last_due(due - timedelta(seconds=1), digest_time, days, timezone) or (
        due - timedelta(days=1))


async def claim_run(conn: AsyncConnection, destination_id: int, scheduled_for: datetime, *,
                    now: datetime) -> bool:
    """Record that this digest fired; False when another worker (or an earlier tick) did."""
    values = {"destination_id": destination_id, "scheduled_for": scheduled_for, "created_at": now}
    stmt: Any
    if conn.dialect.name == "postgresql":
        stmt = pg_insert(digest_runs).values(**values).on_conflict_do_nothing(
            index_elements=["destination_id", "scheduled_for"])
    else:
        stmt = sqlite_insert(digest_runs).values(**values).on_conflict_do_nothing()
    # RETURNING, not rowcount: through psycopg a skipped insert reports rowcount -1.
    return (await conn.execute(stmt.returning(digest_runs.c.id))).first() is not None


async def mark_current_handled(conn: AsyncConnection, destination: DestinationRow, *,
                               now: datetime) -> None:
    """A digest time set at 10:00 for 08:00 should first fire tomorrow, not at the next tick."""
    if not destination.digest_time:
        return
    due = last_due(now, destination.digest_time, destination.digest_days, destination.timezone)
    if due is not None:
        await claim_run(conn, destination.id, due, now=now)


async def last_run(conn: AsyncConnection, destination_id: int,
                   before: datetime) -> datetime | None:
    return (await conn.execute(
        select(digest_runs.c.scheduled_for)
        .where(digest_runs.c.destination_id == destination_id,
               digest_runs.c.scheduled_for < before)
        .order_by(digest_runs.c.scheduled_for.desc()).limit(1)
    )).scalar()


async def build_digest(conn: AsyncConnection, destination: DestinationRow,
                       subs: list[SubscriptionRow], *, start: datetime, end: datetime,
                       empty_note: bool, recap: bool = False) -> Digest | None:
    """The digest for briefs created in [start, end), or None when there is nothing to send.
    A scheduled digest holds what waited for it; a ``recap`` (asked for now) holds everything
    the destination follows, including what was already posted instantly."""
    ids = [int(i) for i in (await conn.execute(
        select(briefs.c.id).where(briefs.c.created_at >= start, briefs.c.created_at < end)
        .order_by(briefs.c.id).limit(MAX_BRIEFS))).scalars()]
    facts = await load_facts(conn, ids)
    chosen: dict[int, str] = {}  # story root -> section; the first brief of a story stands for it
    for brief_id in ids:
        fact = facts.get(brief_id)
        if fact is None or fact.story_root in chosen:
            continue
        route = decide(subs, fact, destination)
        if route is not None and (recap or route.mode == "digest"):
            chosen[fact.story_root] = route.section
    sent = set((await conn.execute(select(outbox.c.key).where(outbox.c.key.in_(
        [story_key(destination.id, root) for root in chosen])))).scalars())
    sections: dict[str, list[tuple[tuple[int, float], Brief]]] = {}
    for root, section in chosen.items():
        if not recap and story_key(destination.id, root) in sent:
            continue  # already posted instantly (an urgent tag, an instant subscription)
        brief_id = root if root in facts else min(i for i in ids if facts[i].story_root == root)
        brief = await load_brief(conn, brief_id)
        moment = brief.published or facts[brief_id].created_at
        rank = (1 + len(brief.also_covered_by), moment.timestamp())
        sections.setdefault(section, []).append((rank, brief))
    locale = frame(destination.locale)
    title = f"{locale.digest_title} · {end.astimezone(_zone(destination.timezone)):%Y-%m-%d}"
    if not sections:
        if not empty_note:
            return None
        return Digest(title=title, period_start=start, period_end=end, sections=[],
                      note=locale.nothing_new)
    ordered = sorted(sections.items(), key=lambda kv: max(r for r, _ in kv[1]), reverse=True)
    return Digest(title=title, period_start=start, period_end=end, sections=[
        DigestSection(title=name, briefs=[b for _, b in sorted(
            items, key=lambda item: item[0], reverse=True)])
        for name, items in ordered])


async def fire_destination(conn: AsyncConnection, destination: DestinationRow,
                           subs: list[SubscriptionRow], *, now: datetime,
                           empty_note: bool) -> int:
    if not destination.digest_time or destination.paused:
        return 0
    due = last_due(now, destination.digest_time, destination.digest_days, destination.timezone)
    if due is None or not await claim_run(conn, destination.id, due, now=now):
        return 0
    # After downtime the period reaches back to the last digest that went out, at most a week.
    start = await last_run(conn, destination.id, due) or previous_due(
        due, destination.digest_time, destination.digest_days, destination.timezone)
    start = max(start, due - timedelta(days=7))
    digest = await build_digest(conn, destination, subs, start=start, end=due,
                                empty_note=empty_note)
    if digest is None:
        log.info("digest.empty destination_id=%s scheduled_for=%s", destination.id,
                 due.isoformat())
        return 0
    await enqueue(conn, key=outbox_key("digest", destination.id, int(due.timestamp())),
                  destination_id=destination.id, now=now, digest=digest)
    log.info("digest.fired destination_id=%s scheduled_for=%s stories=%s", destination.id,
             due.isoformat(), sum(len(s.briefs) for s in digest.sections))
    return 1


async def fire_due_digests(db_or_conn: Database | AsyncConnection, *, now: datetime,
                           empty_note: bool) -> int:
    """Fire every digest that is due; returns the number of digest messages enqueued. Given a
    Database, each destination gets its own transaction, so one failure costs one digest."""
    if isinstance(db_or_conn, AsyncConnection):
        return sum([await fire_destination(db_or_conn, d, subs, now=now, empty_note=empty_note)
                    for d, subs in await targets(db_or_conn)])
    async with db_or_conn.begin() as conn:
        wanted = await targets(conn)
    fired = 0
    for destination, subs in wanted:
        try:
            async with db_or_conn.begin() as conn:
                fired += await fire_destination(conn, destination, subs, now=now,
                                                empty_note=empty_note)
        except Exception:
            log.exception("digest.failed destination_id=%s", destination.id)
    return fired


async def recap(conn: AsyncConnection, destination: DestinationRow, *, now: datetime,
                empty_note: bool = False) -> Digest | None:
    """What a digest sent now would hold: everything the destination follows since its last
    digest (or the last day), already-posted briefs included. Sends nothing."""
    subs = await dest_store.list_subscriptions(conn, destination.id)
    start = await last_run(conn, destination.id, now) or now - timedelta(days=1)
    return await build_digest(conn, destination, subs, start=start, end=now,
                              empty_note=empty_note, recap=True)


async def digest_now(conn: AsyncConnection, destination: DestinationRow, *,
                     now: datetime) -> Digest | None:
    """Enqueue a digest of what came since the last one (or the last day) right away."""
    digest = await recap(conn, destination, now=now)
    if digest is not None:
        # Recorded as a run, so the next scheduled digest starts where this one ended.
        await claim_run(conn, destination.id, now, now=now)
        await enqueue(conn, key=outbox_key("digest-now", destination.id, now.isoformat()),
                      destination_id=destination.id, now=now, digest=digest)
    return digest


def next_due(now: datetime, digest_time: str, days: list[int], timezone: str) -> datetime | None:
    """The first instant after ``now`` when the digest will be due (shown after /digest time)."""
    later = last_due(now + timedelta(days=8), digest_time, days, timezone)
    while later is not None:
        earlier = last_due(later - timedelta(seconds=1), digest_time, days, timezone)
        if earlier is None or earlier <= now:
            return later
        later = earlier
    return None
