"""The outbox's read of the one brief it delivers, with its story's other sources: statements
built once whose parameters are plain, so SQLAlchemy does not write their SQL afresh at each
execution as it does for an expanding (IN list) parameter (issue 26). Counted, never timed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event

from bot.models import Brief, FeedItem, Point
from bot.store import Database
from bot.store import entries as entry_store
from bot.store.briefs import load_brief, load_briefs, save_brief
from bot.store.feeds import add_feed, link_server
from tests.support.dbs import db  # noqa: F401  (the fixture)

pytestmark = pytest.mark.usefixtures("pass_database")

NOW = datetime(2026, 3, 9, 10, 0, tzinfo=UTC)


async def _story(db: Database, sources: list[tuple[str, str | None]], *,
                 named: str = "Source") -> list[int]:
    """One story carried by a feed per (url, adding server), oldest first: its briefs' ids. A
    server's feed is linked to it, as its /feeds add does (else it belongs to no tenant)."""
    ids: list[int] = []
    async with db.begin() as conn:
        for n, (url, server) in enumerate(sources):
            chat = {"added_by": f"user@{server}", "added_server": server} if server else {}
            feed_id, _ = await add_feed(conn, url, now=NOW, **chat)  # else the operator's
            if server:
                await link_server(conn, feed_id, server, now=NOW, added_by=f"user@{server}")
            entry_id = await entry_store.insert_entry(conn, feed_id, FeedItem(
                entry_key=f"k{n}", id_kind="guid", title=f"T{n}", link=None, published=NOW,
                text="Text.", content_hash=f"h{n}"), now=NOW)
            ids.append(await save_brief(conn, entry_id=entry_id, brief=Brief(
                headline=f"Head {n}", points=[Point("A point.")], tags=[], url=None, lang="en",
                source=f"{named} {n}", published=NOW), now=NOW,
                story_id=ids[0] if ids else None))
    return ids


async def test_one_delivered_brief_is_read_without_expanding_parameters(db: Database) -> None:
    ids = await _story(db, [("https://a.example/rss", None), ("https://b.example/rss", "S1"),
                            ("https://c.example/rss", "S2")])
    expanding: list[list[str]] = []

    def note(conn: Any, clause: Any, *args: Any) -> None:
        compiled = clause.compile(dialect=conn.dialect)
        expanding.append([name for name, bind in compiled.binds.items() if bind.expanding])

    event.listen(db.engine.sync_engine, "before_execute", note)
    try:
        async with db.read() as conn:
            brief = await load_brief(conn, ids[2], tenants=("S2",))
            everyone = await load_brief(conn, ids[2])
    finally:
        event.remove(db.engine.sync_engine, "before_execute", note)
    assert expanding == [[], [], [], []]
    # what each may name is as before: another server's private feed is left out
    assert brief.also_covered_by == ["Source 0"]
    assert everyone.also_covered_by == ["Source 0", "Source 1"]


async def test_a_tenants_own_linked_feed_is_named_for_it_and_for_no_other(
        db: Database) -> None:
    """S1's feed is S1's through its link: named in the briefs S1 is sent, never in S2's."""
    ids = await _story(db, [("https://a.example/rss", None), ("https://b.example/rss", "S1"),
                            ("https://c.example/rss", "S2")])
    async with db.read() as conn:
        assert (await load_brief(conn, ids[0], tenants=("S1",))).also_covered_by == [
            "Source 1"]
        assert (await load_brief(conn, ids[0], tenants=("S2",))).also_covered_by == [
            "Source 2"]
        assert (await load_brief(conn, ids[2], tenants=("S2",))).also_covered_by == [
            "Source 0"]
        both = await load_briefs(conn, ids, tenants=("S1", "S2"))
        assert both[ids[0]].also_covered_by == ["Source 1", "Source 2"]


async def test_briefs_read_together_name_the_same_sources_as_one_at_a_time(
        db: Database) -> None:
    """A brief alone is read by the one-story statements (plain parameters), briefs of two
    stories by the IN-list ones: both name the same sources for every reader."""
    ids = await _story(db, [("https://a.example/rss", None), ("https://b.example/rss", "S1"),
                            ("https://c.example/rss", "S2")])
    other = await _story(db, [("https://d.example/rss", "S2"), ("https://e.example/rss", None)],
                         named="Other")
    async with db.read() as conn:
        for tenants in (None, ("S1",), ("S2",), ("S3",), ("S1", "S2"), ()):
            together = await load_briefs(conn, ids + other, tenants=tenants)
            for brief_id in ids + other:
                alone = await load_brief(conn, brief_id, tenants=tenants)
                assert together[brief_id] == alone, (tenants, brief_id)
    async with db.read() as conn:
        assert (await load_brief(conn, ids[1], tenants=())).also_covered_by == ["Source 0"]
        assert (await load_brief(conn, ids[0], tenants=())).also_covered_by == []
        assert (await load_brief(conn, ids[0], tenants=("S1",))).also_covered_by == [
            "Source 1"]
