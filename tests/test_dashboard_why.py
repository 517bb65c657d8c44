"""The dashboard says why (issue 24.5) and what votes do (24.6): the Deliveries page names each
message's reason, the feed list the effect of its 👍 / 👎 on digests."""

from __future__ import annotations

import pytest

from bot.commands.reactions import ReactionCore
from bot.delivery import Destination, Reaction
from bot.store import outbox as outbox_store
from tests.support.dashboard import Harness
from tests.support.dashboard_fixtures import (  # noqa: F401  (fixtures)
    h,
)
from tests.support.world import World

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


async def test_deliveries_say_why_and_feeds_say_what_votes_do(h: Harness) -> None:
    world = World(h.app.db)  # the configured console: follows everything
    feed = await world.feed("https://gloomy.example/rss", "Gloomy Times")
    await world.route(await world.brief(feed, "A gloomy story", tags=["gloom"]))
    await h.sign_in()
    page = await (await h.client.get("/deliveries")).text()
    assert "why: everything" in page
    [row] = await world.rows()
    async with h.app.db.begin() as conn:  # as the console posted it
        await outbox_store.mark_sent(conn, row.id, ["m1"], now=world.now)
    votes = ReactionCore(db=h.app.db, clock=lambda: world.now)
    for n in range(12):
        assert await votes.handle(Reaction("👎", "m1", f"u{n}", Destination("console:"))) == \
            "voted"
    feeds = await (await h.client.get("/feeds")).text()
    assert "ranked lower in digests: 12 👎 / 0 👍" in feeds
