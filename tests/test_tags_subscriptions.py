"""Through the command core and the store: every spelling of a tag subscribes to one thing, and
the known tags (autocomplete, the bare-word guess) list one tag once (issue 28)."""

from __future__ import annotations

import pytest

from bot.store.briefs import known_tags
from tests.test_routing import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


@pytest.mark.parametrize("typed", ["#OpenAI", "#open-ai", "#openai"])
async def test_every_spelling_subscribes_to_briefs_of_every_spelling(world: World,
                                                                     typed: str) -> None:
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    reply = await world.say(f"/subscribe {typed}")
    assert not reply.error, reply.text
    one = await world.brief(feed, "OpenAI ships a model", tags=["openai"])
    two = await world.brief(feed, "Open AI hires", tags=["open-ai"])
    other = await world.brief(feed, "Local team wins", tags=["sports"])
    assert [await world.route(b) for b in (one, two, other)] == [1, 1, 0]


async def test_known_tags_count_one_tag_once(world: World) -> None:
    feed = await world.feed("https://tech.example/rss", "Tech Daily", tags=["Open AI"])
    await world.brief(feed, "OpenAI ships a model", tags=["openai"])
    await world.brief(feed, "Open AI hires", tags=["open-ai"])
    async with world.db.begin() as conn:
        tags = await known_tags(conn)
    assert len([t for t in tags if t.replace("-", "") == "openai"]) == 1
    assert sum(tags.values()) == 3
