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

from bot.store.db import Database
from tests.support.clock import Clock
from tests.support.feeds import item, rss
from tests.support.feedserver import FeedServer
from tests.support.polled import polled_app

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
            scans = {}
            for statement, params in statements.items():
                async with app.db.begin() as conn:
                    tables = set(await full_scans(conn, statement, params)) - WHOLE
                if tables:
                    scans[" ".join(statement.split())[:160]] = sorted(tables)
    assert len(statements) > 15  # the whole cycle was seen: feeds, entries, stories, outbox
    assert scans == {}
