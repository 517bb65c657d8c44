"""Digests: the right UTC instant in the destination's timezone (DST included), exactly once,
most important story first."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from bot.delivery.serialize import brief_to_dict, digest_from_json
from bot.models import Brief, Point
from bot.routing import digest as digest_module
from bot.routing.digest import build_digest, fire_due_digests
from bot.routing.digest_schedule import last_due, next_due
from bot.store import briefs as brief_store
from bot.store import destinations as dest_store
from bot.store.schema import briefs
from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


def test_last_due_in_seoul_is_23_utc_the_day_before() -> None:
    now = datetime(2026, 3, 10, 0, 0, tzinfo=UTC)  # 09:00 in Seoul
    assert last_due(now, "08:00", list(range(7)), "Asia/Seoul") == datetime(
        2026, 3, 9, 23, 0, tzinfo=UTC)


def test_new_york_across_the_spring_change_and_the_gap() -> None:
    days = list(range(7))
    # Saturday 7 March 2026 is EST (UTC-5); Sunday 8 March is EDT (UTC-4) from 02:00.
    assert last_due(datetime(2026, 3, 7, 14, tzinfo=UTC), "08:00", days,
                    "America/New_York") == datetime(2026, 3, 7, 13, tzinfo=UTC)
    assert last_due(datetime(2026, 3, 8, 14, tzinfo=UTC), "08:00", days,
                    "America/New_York") == datetime(2026, 3, 8, 12, tzinfo=UTC)
    # 02:30 does not exist on 8 March: it fires at 03:30 EDT, once.
    assert last_due(datetime(2026, 3, 8, 9, tzinfo=UTC), "02:30", days,
                    "America/New_York") == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)


def test_weekdays_only() -> None:
    saturday = datetime(2026, 3, 7, 12, tzinfo=UTC)
    assert last_due(saturday, "08:00", [0, 1, 2, 3, 4], "UTC") == datetime(
        2026, 3, 6, 8, tzinfo=UTC)
    assert next_due(saturday, "08:00", [0, 1, 2, 3, 4], "UTC") == datetime(
        2026, 3, 9, 8, tzinfo=UTC)


async def _setup_seoul(world: World, where: str = CHANNEL) -> None:
    world.now = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)  # 19:00 in Seoul
    assert not (await world.say("/subscribe all digest", where=where)).error
    reply = await world.say("/digest time 08:00 Asia/Seoul", where=where)
    assert "2026-03-10 08:00 KST" in reply.text


async def test_seoul_digest_fires_once_at_23_utc_with_a_frozen_clock(world: World) -> None:
    feed = await world.feed("https://news.example/rss", "News")
    await _setup_seoul(world)
    await world.brief(feed, "Overnight story", tags=["world"])
    with time_machine.travel(datetime(2026, 3, 9, 22, 59, tzinfo=UTC), tick=False):
        assert await fire_due_digests(world.db, now=datetime.now(UTC),
                                              empty_note=False) == 0
    with time_machine.travel(datetime(2026, 3, 9, 23, 0, 30, tzinfo=UTC), tick=False):
        now = datetime.now(UTC)
        # Two workers at the same tick: the digest_runs row lets only one through.
        fired = await asyncio.gather(
            fire_due_digests(world.db, now=now, empty_note=False),
            fire_due_digests(world.db, now=now, empty_note=False))
        assert sum(fired) == 1
    assert await fire_due_digests(world.db, now=datetime(2026, 3, 9, 23, 30, tzinfo=UTC),
                                          empty_note=False) == 0
    rows = await world.rows(CHANNEL)
    assert len(rows) == 1
    digest = digest_from_json(rows[0].digest)
    assert digest.period_end == datetime(2026, 3, 9, 23, 0, tzinfo=UTC)
    assert [b.headline for s in digest.sections for b in s.briefs] == ["Overnight story"]


async def test_most_covered_first_grouped_and_period_bounded(world: World) -> None:
    wire = await world.feed("https://wire.example/rss", "Wire")
    gadgets = await world.feed("https://gadgets.example/rss", "Gadgets")
    await _setup_seoul(world)
    assert not (await world.say("/subscribe #chips digest")).error
    old = await world.brief(wire, "Yesterday's news", tags=["misc"])
    async with world.db.begin() as conn:  # created before the period: not in this digest
        await conn.execute(briefs.update().where(briefs.c.id == old)
                           .values(created_at=world.now - timedelta(days=2)))
    world.now += timedelta(hours=1)
    await world.brief(wire, "A small local story", tags=["misc"])
    world.now += timedelta(hours=1)
    story = ("Chip maker doubles factory output to meet demand",
             "The chip maker said on Monday it would double output at its main factory to meet "
             "demand for AI accelerators, investing ten billion dollars over three years.")
    await world.brief(wire, story[0], text=story[1], tags=["chips"], source="Wire")
    await world.brief(gadgets, story[0] + "!", text=story[1], tags=["chips"], source="Gadgets")
    world.now += timedelta(hours=1)
    await world.brief(wire, "The newest minor story", tags=["misc"])

    assert await fire_due_digests(world.db, now=datetime(2026, 3, 9, 23, 1, tzinfo=UTC),
                                          empty_note=False) == 1
    digest = digest_from_json((await world.rows(CHANNEL))[0].digest)
    assert [s.title for s in digest.sections] == ["#chips", "Wire"]
    chips, rest = digest.sections
    assert [b.headline for b in chips.briefs] == [story[0]]
    assert chips.briefs[0].also_covered_by == ["Gadgets"]
    assert [b.headline for b in rest.briefs] == ["The newest minor story", "A small local story"]


async def test_empty_period_sends_nothing_or_a_note(world: World) -> None:
    await _setup_seoul(world)
    due = datetime(2026, 3, 9, 23, 0, 5, tzinfo=UTC)
    assert await fire_due_digests(world.db, now=due, empty_note=False) == 0
    assert await world.rows(CHANNEL) == []
    next_day = due + timedelta(days=1)
    assert await fire_due_digests(world.db, now=next_day, empty_note=True) == 1
    note = digest_from_json((await world.rows(CHANNEL))[0].digest)
    assert note.sections == [] and note.note


async def test_changing_digest_time_across_the_dst_change(world: World) -> None:
    feed = await world.feed("https://news.example/rss", "News")
    world.now = datetime(2026, 3, 6, 20, 0, tzinfo=UTC)
    assert not (await world.say("/subscribe all digest")).error
    assert not (await world.say("/digest time 08:00 America/New_York")).error

    fired_at = []
    for hour in range(24 * 3):  # a scheduler ticking every hour (at :00:30) for three days
        tick = datetime(2026, 3, 7, 0, 0, 30, tzinfo=UTC) + timedelta(hours=hour)
        world.now = tick
        await world.brief(feed, f"Story at {tick:%d %H}h", tags=["x"])
        # Room for the whole period: this test is about its bounds, not the cap.
        if await fire_due_digests(world.db, now=tick, empty_note=False, stories=50):
            fired_at.append(tick.strftime("%d %H"))
        if tick == datetime(2026, 3, 8, 18, 0, 30, tzinfo=UTC):
            reply = await world.say("/digest time 07:30")  # the timezone stays New York
            assert "07:30 America/New_York" in reply.text
    # 08:00 EST = 13 UTC on the 7th; 08:00 EDT = 12 UTC on the 8th; 07:30 EDT = 11:30 UTC.
    assert fired_at == ["07 13", "08 12", "09 12"]
    digests = [digest_from_json(r.digest) for r in await world.rows(CHANNEL)]
    assert [d.period_end for d in digests] == [
        datetime(2026, 3, 7, 13, tzinfo=UTC), datetime(2026, 3, 8, 12, tzinfo=UTC),
        datetime(2026, 3, 9, 11, 30, tzinfo=UTC)]
    # No story is in two digests, and each digest holds the stories of its own period.
    headlines = [b.headline for d in digests for s in d.sections for b in s.briefs]
    assert len(headlines) == len(set(headlines))
    assert "Story at 08 12h" in {b.headline for s in digests[2].sections for b in s.briefs}


async def test_digest_off_and_now(world: World) -> None:
    feed = await world.feed("https://news.example/rss", "News")
    await _setup_seoul(world)
    await world.brief(feed, "Something to read", tags=["x"])
    world.now += timedelta(minutes=1)
    reply = await world.say("/digest now")
    assert not reply.error and "1 story" in reply.text
    assert len(await world.rows(CHANNEL)) == 1
    # The scheduled digest that follows starts where "now" ended: nothing is sent twice.
    assert await fire_due_digests(world.db, now=datetime(2026, 3, 9, 23, 1, tzinfo=UTC),
                                          empty_note=False) == 0
    assert not (await world.say("/digest off")).error
    async with world.db.begin() as conn:
        row = await dest_store.get(conn, CHANNEL)
    assert row is not None and row.digest_time is None
    assert await fire_due_digests(world.db, now=world.now + timedelta(days=2),
                                          empty_note=True) == 0


async def test_digest_now_recaps_what_was_already_posted(world: World) -> None:
    feed = await world.feed("https://news.example/rss", "News")
    assert not (await world.say("/subscribe all")).error  # instant
    posted = await world.brief(feed, "Posted this morning", tags=["x"])
    assert await world.route(posted) == 1
    world.now += timedelta(hours=1)
    assert "1 story" in (await world.say("/digest now")).text
    recap = digest_from_json((await world.rows(CHANNEL))[-1].digest)
    assert [b.headline for s in recap.sections for b in s.briefs] == ["Posted this morning"]


async def test_a_digest_shows_the_top_stories_and_pages_through_the_rest(world: World) -> None:
    feed = await world.feed("https://news.example/rss", "News")
    await _setup_seoul(world)
    for n in range(25):
        world.now += timedelta(minutes=1)
        await world.brief(feed, f"Story number {n:02d} of the day", tags=["x"])
    assert await fire_due_digests(world.db, now=datetime(2026, 3, 9, 23, 1, tzinfo=UTC),
                                  empty_note=False) == 1
    digest = digest_from_json((await world.rows(CHANNEL))[0].digest)
    shown = [b.headline for s in digest.sections for b in s.briefs]
    assert shown == [f"Story number {n:02d} of the day" for n in range(24, 14, -1)]
    assert digest.note == "15 more in this period: /digest more"

    world.now = datetime(2026, 3, 10, 1, 0, tzinfo=UTC)
    second = await world.say("/digest more", admin=False)  # reading needs no admin
    assert [b.headline for b in second.briefs] == [
        f"Story number {n:02d} of the day" for n in range(14, 4, -1)]
    assert "5 more in this period: /digest more 3" in second.text
    third = await world.say("/digest more 3")
    assert [b.headline for b in third.briefs] == [
        f"Story number {n:02d} of the day" for n in range(4, -1, -1)]
    assert "more in this period" not in third.text
    assert "Nothing more" in (await world.say("/digest more 4")).text
    assert (await world.say("/digest more 1")).error


async def test_ranked_by_coverage_then_matching_subscriptions_then_recency(world: World) -> None:
    wire = await world.feed("https://wire.example/rss", "Wire")
    gadgets = await world.feed("https://gadgets.example/rss", "Gadgets")
    await _setup_seoul(world)
    assert not (await world.say("/subscribe keyword:chip digest")).error
    covered = ("Central bank holds rates steady for a third month",
               "The central bank kept its key rate unchanged on Monday for a third month, "
               "citing slowing inflation and a cooling labour market.")
    await world.brief(wire, covered[0], text=covered[1], source="Wire")
    await world.brief(gadgets, covered[0] + "!", text=covered[1], source="Gadgets")
    world.now += timedelta(minutes=5)
    await world.brief(wire, "New chip plant opens in the north", source="Wire")
    world.now += timedelta(minutes=5)
    await world.brief(wire, "Newest story of all, matching only everything", source="Wire")
    async with world.db.begin() as conn:
        dest = await dest_store.get(conn, CHANNEL)
        assert dest is not None
        subs = await dest_store.list_subscriptions(conn, dest.id)
        pages = [await build_digest(conn, dest, subs, start=world.now - timedelta(days=1),
                                    end=world.now + timedelta(minutes=1), empty_note=False,
                                    stories=1, page=page) for page in (1, 2, 3)]
    assert [[b.headline for s in p.sections for b in s.briefs] for p in pages if p] == [
        [covered[0]], ["New chip plant opens in the north"],
        ["Newest story of all, matching only everything"]]
    assert pages[1] is not None and pages[1].sections[0].title == "chip"


async def test_the_periods_stories_are_loaded_once_for_all_destinations(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    feed = await world.feed("https://news.example/rss", "News")
    await _setup_seoul(world)
    for where in ("test:second", "test:third"):
        assert not (await world.say("/subscribe all digest", where=where)).error
        assert not (await world.say("/digest time 08:00 Asia/Seoul", where=where)).error
    await world.brief(feed, "One story for everyone", tags=["x"])
    loads = []
    real = digest_module.period_stories

    async def counting(*args: Any, **kwargs: Any) -> Any:
        loads.append(args[1:])
        return await real(*args, **kwargs)
    monkeypatch.setattr(digest_module, "period_stories", counting)
    assert await fire_due_digests(world.db, now=datetime(2026, 3, 9, 23, 1, tzinfo=UTC),
                                  empty_note=False) == 3
    assert len(loads) == 1


async def test_a_shared_period_gives_each_destination_the_digest_it_gets_alone(
        world: World) -> None:
    # fire_due_digests loads the period once and filters it per destination: that must give
    # every destination exactly the digest a load of its own would.
    wire = await world.feed("https://wire.example/rss", "Wire")
    gadgets = await world.feed("https://gadgets.example/rss", "Gadgets")
    await _setup_seoul(world)
    assert not (await world.say("/subscribe #chips digest", where="test:second")).error
    assert not (await world.say("/subscribe keyword:rates digest", where="test:second")).error
    assert not (await world.say("/subscribe #misc instant", where="test:third")).error
    for n in range(6):
        world.now += timedelta(minutes=3)
        await world.brief(wire if n % 2 else gadgets, f"Chip story {n}", tags=["chips"])
        await world.brief(wire, f"Central bank rates story {n}", tags=["misc"])
    start, end = world.now - timedelta(days=1), world.now + timedelta(minutes=1)
    async with world.db.begin() as conn:
        period = await digest_module.period_stories(conn, start, end)
        seen = []
        for where in (CHANNEL, "test:second", "test:third"):
            dest = await dest_store.get(conn, where)
            assert dest is not None
            subs = await dest_store.list_subscriptions(conn, dest.id)
            alone, shared = [await build_digest(conn, dest, subs, start=start, end=end,
                                                empty_note=True, stories=4, period=given)
                             for given in (None, period)]
            assert alone == shared
            seen.append([b.headline for s in (shared.sections if shared else []) for b in s.briefs])
    assert seen[0] != seen[1]  # the destinations do differ: the filter is per destination
    assert all(h.startswith(("Chip", "Central")) for h in seen[1])


async def test_briefs_loaded_together_are_the_briefs_loaded_one_by_one(world: World) -> None:
    wire = await world.feed("https://wire.example/rss", "Wire")
    gadgets = await world.feed("https://gadgets.example/rss", "Gadgets")
    story = ("Chip maker doubles factory output to meet demand",
             "The chip maker said on Monday it would double output at its main factory to meet "
             "demand for AI accelerators, investing ten billion dollars over three years.")
    ids = [await world.brief(wire, story[0], text=story[1], source="Wire"),
           await world.brief(gadgets, story[0] + "!", text=story[1], source="Gadgets"),
           await world.brief(wire, "A story of its own", source="Wire")]
    async with world.db.begin() as conn:
        together = await brief_store.load_briefs(conn, ids)
        alone = {i: await brief_store.load_brief(conn, i) for i in ids}
    assert together == alone
    assert together[ids[0]].also_covered_by == ["Gadgets"]  # the story is shared: not vacuous
    assert together[ids[1]].also_covered_by == ["Wire"]


async def test_a_korean_channel_s_digest_shows_the_korean_brief_the_model_wrote(
        world: World) -> None:
    """Issue 25: a brief made in another language too reaches a digest in the channel's
    language, as it reaches the channel's instant posts; a language never made falls back."""
    feed = await world.feed("https://wire.example/rss", "Wire")
    await _setup_seoul(world)
    made = await world.brief(feed, "Quake strikes Nepal", source="Wire")
    korean = brief_to_dict(Brief(
        headline="네팔 강진",
        points=[Point("네팔에서 규모 7.3의 지진이 발생했다.", label="네팔 강진")],
        tags=["네팔"], url=None, lang="ko", source="Wire", published=None))
    async with world.db.begin() as conn:
        await conn.execute(update(briefs).where(briefs.c.id == made)
                           .values(translations={"ko": korean}))
        dest = await dest_store.get(conn, CHANNEL)
        assert dest is not None
        subs = await dest_store.list_subscriptions(conn, dest.id)
        shown = {}
        for locale in ("ko-KR", "en", "ja"):
            digest = await build_digest(conn, replace(dest, locale=locale), subs,
                                        start=world.now - timedelta(days=1),
                                        end=world.now + timedelta(minutes=1), empty_note=False)
            assert digest is not None
            shown[locale] = [b.headline for s in digest.sections for b in s.briefs]
    assert shown == {"ko-KR": ["네팔 강진"], "en": ["Quake strikes Nepal"],
                     "ja": ["Quake strikes Nepal"]}


async def test_a_failure_after_the_claim_rolls_it_back_and_the_digest_fires_on_the_next_tick(
        world: World, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """The failures come after the digest's claim (from its enqueue), so each tick's claim must
    roll back with it: the digest fires on the next tick, once. The database's failure stops
    the tick (the runner's job logs it); a bug is logged with its traceback."""
    feed = await world.feed("https://news.example/rss", "News")
    await _setup_seoul(world)
    await world.brief(feed, "Overnight story", tags=["world"])
    real = digest_module.enqueue
    failures: list[BaseException] = [
        OperationalError("INSERT INTO outbox", {},
                         sqlite3.OperationalError("unable to open database")),
        RuntimeError("a bug")]

    async def failing(*args: Any, **kwargs: Any) -> bool:
        if failures:
            raise failures.pop(0)
        return await real(*args, **kwargs)

    monkeypatch.setattr(digest_module, "enqueue", failing)
    now = datetime(2026, 3, 9, 23, 1, tzinfo=UTC)
    with caplog.at_level(logging.INFO, logger="bot.routing.digest"):
        with pytest.raises(OperationalError):  # the outage
            await fire_due_digests(world.db, now=now, empty_note=False)
        assert await fire_due_digests(world.db, now=now, empty_note=False) == 0  # the bug
        assert await fire_due_digests(world.db, now=now, empty_note=False) == 1  # nothing lost
        assert await fire_due_digests(world.db, now=now, empty_note=False) == 0  # once
    said = [r.exc_info for r in caplog.records if r.name == "bot.routing.digest"
            and r.getMessage().startswith("digest.failed")]
    assert len(said) == 1 and said[0]  # the bug, with its traceback
    assert not failures
    assert len(await world.rows(CHANNEL)) == 1


async def test_a_database_outage_stops_the_digest_tick_at_the_first_destination(
        world: World, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """During an outage each remaining destination failed in turn (a log line each, and on
    PostgreSQL a connect timeout each) every tick. The first outage stops the tick, for the
    runner's digest job to log once (and its recovery, bot.store.outage.Outage); the next
    tick tries every destination again."""
    feed = await world.feed("https://news.example/rss", "News")
    await _setup_seoul(world)
    await _setup_seoul(world, where="test:other")
    await world.brief(feed, "Overnight story", tags=["world"])
    real = digest_module.fire_destination
    tried: list[int] = []
    down = [True]

    async def failing(conn: Any, destination: Any, *args: Any, **kwargs: Any) -> int:
        tried.append(destination.id)
        if down[0]:
            raise OperationalError("INSERT INTO digest_runs", {},
                                   sqlite3.OperationalError("unable to open database"))
        return await real(conn, destination, *args, **kwargs)

    monkeypatch.setattr(digest_module, "fire_destination", failing)
    now = datetime(2026, 3, 9, 23, 1, tzinfo=UTC)
    with caplog.at_level(logging.INFO, logger="bot.routing.digest"):
        with pytest.raises(OperationalError):
            await fire_due_digests(world.db, now=now, empty_note=False)
        assert len(tried) == 1
        down[0] = False
        assert await fire_due_digests(world.db, now=now, empty_note=False) == 2
    assert len(set(tried[1:])) == 2
    assert not [r for r in caplog.records if r.getMessage().startswith("digest.failed")]
