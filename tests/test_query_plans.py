"""Every statement of a poll cycle (changed and unchanged feeds, stories, routing, delivery) is
planned on an index: none reads a table that grows with the store from end to end, so the cost
of a changed feed stays flat as the store fills (issue 26). Plans, not times: EXPLAIN QUERY PLAN
on SQLite; EXPLAIN with sequential scans made a last resort on PostgreSQL, whose planner
rightly prefers them on the few rows a test holds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store import reactions as reaction_store
from bot.store import reasons as reason_store
from bot.store.db import Database
from tests.support.clock import Clock
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer
from tests.support.polled import polled_app
from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")

# Read whole on purpose: the routing table (one row per destination or subscription) and the
# live workers. They grow with the installation, never with the news stored.
WHOLE = frozenset({"destinations", "subscriptions", "workers"})
_SQLITE_SCAN = re.compile(r"^SCAN (\w+)\b(?! USING (?:COVERING )?INDEX)")
_PG_SCAN = re.compile(r"Seq Scan on (\w+)")


@contextmanager
def recorded(db: Database) -> Iterator[dict[str, Any]]:
    """The distinct statements run meanwhile, each with the parameters of its first run."""
    seen: dict[str, Any] = {}

    def note(conn: Any, cursor: Any, statement: str, params: Any, context: Any,
             executemany: bool) -> None:
        if statement.lstrip()[:6].upper() in ("SELECT", "UPDATE", "DELETE", "INSERT"):
            seen.setdefault(statement, params[0] if executemany else params)

    event.listen(db.engine.sync_engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", note)


async def full_scans(conn: AsyncConnection, statement: str, params: Any) -> list[str]:
    """The tables this statement's plan reads from end to end."""
    if conn.dialect.name == "sqlite":
        plan = (await conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params)).all()
        return [m.group(1) for row in plan if (m := _SQLITE_SCAN.match(str(row[-1])))]
    await conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
    plan = (await conn.exec_driver_sql(f"EXPLAIN {statement}", params)).all()
    return [m.group(1) for row in plan if (m := _PG_SCAN.search(str(row[0])))]


async def scanned(db: Database, statements: dict[str, Any]) -> dict[str, list[str]]:
    """Each statement (shortened) that reads a growing table end to end, and those tables."""
    scans = {}
    for statement, params in statements.items():
        async with db.begin() as conn:
            tables = set(await full_scans(conn, statement, params)) - WHOLE
        if tables:
            scans[" ".join(statement.split())[:160]] = sorted(tables)
    return scans


async def test_every_statement_of_a_poll_cycle_uses_an_index(tmp_path: Path) -> None:
    clock = Clock()
    with FeedServer() as server:
        for i in range(4):
            server.set(f"/f/{i}.xml", rss(f"F{i}", [item(n, topic=f"t{i}") for n in range(5)]))
        async with polled_app(tmp_path, server, clock,
                              [f"/f/{i}.xml" for i in range(4)]) as app:
            for i in range(2):  # two feeds change, two do not
                server.set(f"/f/{i}.xml", rss(f"F{i}", [item(n, topic=f"t{i}")
                                                        for n in range(7)]))
            clock.advance(app.settings.polling.interval + 1)
            with recorded(app.db) as statements:
                stats = await app.pipeline.poll_due()
                await app.deliver_pending()
            assert stats.briefs == 4 and stats.unchanged == 2
            scans = await scanned(app.db, statements)
    assert len(statements) > 15  # the whole cycle was seen: feeds, entries, stories, outbox
    assert scans == {}


async def test_the_message_behind_a_link_or_a_reaction_is_found_by_an_index(
        world: World) -> None:
    """``/why`` (by a channel or by a platform's prefix) and a reaction look a platform message
    id up in ``sent_messages``: never a read of every outbox row's JSON list."""
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    await world.say("/subscribe all")
    for n in range(3):
        await world.route(await world.brief(feed, f"Story {n}"))
    await world.delivered()
    message_id = str((await world.rows(CHANNEL))[-1].message_ids[0])
    with recorded(world.db) as statements:
        async with world.db.read() as conn:
            by_channel = await reason_store.find_sent(conn, CHANNEL, message_id)
            by_platform = await reason_store.find_sent(conn, "test:", message_id)
            posted = await reaction_store.find_posted(conn, CHANNEL, message_id)
    assert by_channel is not None and by_platform is not None and posted is not None
    assert len(statements) >= 3 and await scanned(world.db, statements) == {}
