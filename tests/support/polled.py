"""An App polling feeds of a loopback FeedServer into the database of this test pass, with one
console destination that follows everything: for tests that count what a poll cycle does."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event

from adapters.recording import RecordingAdapter
from bot.app import App
from bot.config import DestinationSettings, Secrets, Settings, SubscriptionSettings
from bot.store.feeds import add_feed
from tests.support.clock import Clock
from tests.support.dbs import database_url
from tests.support.feedserver import FeedServer


@asynccontextmanager
async def polled_app(tmp_path: Path, server: FeedServer, clock: Clock,
                     paths: list[str], *, poll: bool = True) -> AsyncIterator[App]:
    """The App, its feeds (``paths`` on ``server``) added and (``poll``) polled once."""
    settings = Settings(
        data_dir=tmp_path, database={"url": database_url(tmp_path)},
        network={"allow_private": ["127.0.0.0/8"]},
        destinations=[DestinationSettings(ref="console:",
                                          subscriptions=[SubscriptionSettings()])])
    app = await App.create(settings, Secrets(values={}),
                           adapters={"console": RecordingAdapter(name="console")}, clock=clock)
    try:
        async with app.db.begin() as conn:
            for path in paths:
                await add_feed(conn, server.url(path), now=clock.now)
        if poll:
            await app.pipeline.poll_due()
        yield app
    finally:
        await app.close()


@contextmanager
def statements(app: App) -> Iterator[list[str]]:
    """Every statement the App's store runs meanwhile, its whitespace folded, in order."""
    executed: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, params: Any, context: Any,
             executemany: bool) -> None:
        executed.append(" ".join(statement.split()))

    event.listen(app.db.engine.sync_engine, "before_cursor_execute", note)
    try:
        yield executed
    finally:
        event.remove(app.db.engine.sync_engine, "before_cursor_execute", note)
