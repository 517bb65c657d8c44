"""``World``: a migrated database, a command core and a recording platform on one frozen
clock, with its fixtures (``world``, ``migrated_template``), for the tests that hold
conversations with the bot."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select

from adapters.recording import RecordingAdapter
from bot.commands import CommandCore
from bot.delivery import CommandReply, Pacing
from bot.models import Brief, Point
from bot.outbox.worker import OutboxWorker
from bot.routing import route as routing
from bot.routing.cluster import assign_story
from bot.store import Database
from bot.store import destinations as dest_store
from bot.store.briefs import save_brief
from bot.store.db import upgrade
from bot.store.feeds import add_feed
from bot.store.schema import entries, outbox
from tests.support.dbs import BACKEND, database_url

CHANNEL = "test:general"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class World:
    """A migrated database, a command core and a recording platform sharing one frozen clock."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.now = START
        self.platform = RecordingAdapter(name="test")
        # Conversations type fast on a frozen clock; test_commands checks the limits themselves.
        self.core = CommandCore(db=db, clock=lambda: self.now, brief_url=self._brief_url,
                                user_rate=Pacing(1000, 1000), destination_rate=Pacing(1000, 1000))
        self.worker = OutboxWorker(db=db, adapters={"test": self.platform}, worker_id="w1",
                                   clock=lambda: self.now)
        self.briefed: list[str] = []
        self._n = 0

    async def _brief_url(self, url: str) -> Brief:
        self.briefed.append(url)
        return Brief(headline=f"Brief of {url}", points=[Point("One.")], tags=[], url=url,
                     lang="en")

    async def say(self, text: str, *, where: str = CHANNEL, user: str = "u1",
                  admin: bool = True, dm: str | None = None) -> CommandReply:
        await self.platform.start(self.core.handle)
        return await self.platform.command(text, where=where, user=user, is_admin=admin, dm=dm)

    async def feed(self, url: str, title: str, tags: list[str] | None = None) -> int:
        async with self.db.begin() as conn:
            feed_id, _ = await add_feed(conn, url, now=self.now, title=title, tags=tags or [])
        return feed_id

    async def brief(self, feed_id: int, title: str, *, text: str = "", tags: list[str] = (),
                    source: str | None = None, published: datetime | None = None,
                    points: list[str] | None = None, cluster: bool = True) -> int:
        """Store an entry and its brief as the pipeline does (and link its story)."""
        self._n += 1
        text = text or title
        async with self.db.begin() as conn:
            result = await conn.execute(insert(entries).values(
                feed_id=feed_id, entry_key=f"k{self._n}", id_kind="guid", title=title,
                link=f"https://news.example/{self._n}", published_at=published or self.now,
                first_seen_at=self.now, text=text,
                content_hash=hashlib.sha256(text.encode()).hexdigest(), categories=[]))
            entry_id = int(result.inserted_primary_key[0])
            brief = Brief(headline=title, points=[Point(p) for p in points or [text[:200]]],
                          tags=list(tags), url=f"https://news.example/{self._n}", lang="en",
                          source=source, published=published or self.now)
            brief_id = await save_brief(conn, entry_id=entry_id, brief=brief, now=self.now)
            if cluster:
                await assign_story(conn, brief_id, now=self.now)
        return brief_id

    async def route(self, brief_id: int) -> int:
        async with self.db.begin() as conn:
            return await routing.route_brief(conn, brief_id, now=self.now)

    async def delivered(self, ref: str = CHANNEL) -> list[str]:
        """Run the outbox worker; the headlines (or digest and notice titles) posted to ``ref``
        so far."""
        while await self.worker.run_once():
            pass
        return [d.message.brief.headline if d.message.brief
                else d.message.digest.title if d.message.digest
                else d.message.notice.title if d.message.notice else ""
                for d in self.platform.deliveries if d.destination.ref == ref]

    async def rows(self, ref: str | None = None) -> list[Any]:
        async with self.db.begin() as conn:
            rows = list((await conn.execute(select(outbox).order_by(outbox.c.id))).all())
            if ref is None:
                return rows
            dest = await dest_store.get(conn, ref)
        return [r for r in rows if dest is not None and r.destination_id == dest.id]


@pytest.fixture(scope="session", name="migrated_template")
def migrated_template_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database copied per test: migrating each time costs more than the tests."""
    path = tmp_path_factory.mktemp("template") / "nb.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


# Named fixtures, so other test modules can import them without shadowing the parameter name.
@pytest.fixture(name="world")
async def world_fixture(tmp_path: Path, migrated_template: Path) -> AsyncIterator[World]:
    if BACKEND == "postgresql":
        db = Database(database_url(tmp_path))
        await db.migrate()
    else:
        shutil.copy(migrated_template, tmp_path / "nb.db")
        db = Database(f"sqlite+aiosqlite:///{tmp_path / 'nb.db'}")
    yield World(db)
    await db.close()
