"""Story decisions through the store: many real leads saved and assigned one by one by
bot.routing.cluster.assign_story, on the backend of this pass. The pure comparison's pin is in
test_cluster.py; this one also covers the candidate read (its bands, window and other-feed
filter) and the table layout it reads (migration 0018)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from bot.routing import cluster
from bot.store.db import Database
from bot.store.schema import briefs, entries, feeds
from tests.support.dbs import database_url
from tests.support.leads import real_leads

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)
FEEDS = 7
# (brief id, story id or None) of every lead, as the code before migration 0018 and the one-
# parameter-a-band read decided them on SQLite and PostgreSQL (sha256 of their JSON): 85 joins.
DECISIONS = "1d543f7a58f62818"
JOINS = 85


async def test_story_decisions_through_the_store_are_pinned(tmp_path: Path) -> None:
    """The corpus leads, a rewrite of every fifth and a same-opening, other-story variant of
    every ninth, then all of them again later from other feeds, 20 minutes apart (the 48-hour
    window slides over the run), each saved and assigned in its own transaction."""
    leads = real_leads()
    base = len(leads)
    leads += [(title + " update", "Updated: " + text) for title, text in leads[::5]]
    leads += [(title, text[:150] + " " + leads[(k + 7) % base][1])
              for k, (title, text) in enumerate(leads[:base:9])]
    leads = leads * 2
    db = Database(database_url(tmp_path))
    await db.migrate()
    decisions: list[tuple[int, int | None]] = []
    try:
        async with db.begin() as conn:
            feed_ids = [(await conn.execute(insert(feeds).values(
                url=f"https://f{n}.example/rss", next_check_at=NOW, created_at=NOW,
            ).returning(feeds.c.id))).scalar_one() for n in range(FEEDS)]
        for n, (title, text) in enumerate(leads):
            now = NOW + timedelta(minutes=20 * n)
            async with db.begin() as conn:
                entry_id = (await conn.execute(insert(entries).values(
                    feed_id=feed_ids[(n * 3) % FEEDS], entry_key=f"e{n}", id_kind="guid",
                    title=title, text=text, first_seen_at=now, content_hash="c" * 64,
                    categories=[]).returning(entries.c.id))).scalar_one()
                brief_id = (await conn.execute(insert(briefs).values(
                    entry_id=entry_id, headline=title, points=[], tags=[], lang="en",
                    text_source="feed", created_at=now).returning(briefs.c.id))).scalar_one()
                decisions.append((brief_id, await cluster.assign_story(
                    conn, brief_id, now=now, window_hours=48)))
    finally:
        await db.close()
    assert sum(story is not None for _, story in decisions) == JOINS
    assert hashlib.sha256(json.dumps(decisions).encode()).hexdigest()[:16] == DECISIONS
