"""The reason rows (``delivery_reasons``, issue 24.5): routing keeps, per outbox row, the
subscription that let each brief through, as a reader would name it; ``find_sent`` finds the
message a link names, and nothing else."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, event, update

from bot.config import DestinationSettings
from bot.models import Reason
from bot.store import destinations as dest_store
from bot.store import outbox as outbox_store
from bot.store import reasons as reason_store
from bot.store.schema import feeds, outbox
from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

DM = "test:dm-u2"


async def _reasons(world: World, ref: str = CHANNEL) -> list[Reason]:
    rows = await world.rows(ref)
    async with world.db.read() as conn:
        found = await reason_store.of_rows(conn, [row.id for row in rows])
    return [story.reason for row in rows for story in found[row.id]]


async def test_the_most_specific_matching_subscription_is_the_reason(world: World) -> None:
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    for target in ("kw:model", "#openai", "feed:Tech Daily"):
        assert not (await world.say(f"/subscribe {target}")).error
    await world.route(await world.brief(feed, "OpenAI ships a model", tags=["openai"]))
    await world.route(await world.brief(feed, "A new model of bicycle"))
    await world.route(await world.brief(feed, "Quiet day"))
    assert await _reasons(world) == [Reason("tag", "openai"), Reason("feed", "Tech Daily"),
                                     Reason("feed", "Tech Daily")]
    await world.say("/unsubscribe feed:Tech Daily")
    await world.route(await world.brief(feed, "Another model", tags=["x"]))
    assert (await _reasons(world))[-1] == Reason("keyword", "model")


async def test_an_instant_brief_names_the_subscription_that_sent_it_now(world: World) -> None:
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    await world.say("/digest time 08:00")
    assert not (await world.say("/subscribe #openai digest")).error
    assert not (await world.say("/subscribe kw:model")).error  # instant
    await world.route(await world.brief(feed, "OpenAI ships a model", tags=["openai"]))
    assert await _reasons(world) == [Reason("keyword", "model")]


async def test_a_feeds_secret_never_becomes_a_reason(world: World) -> None:
    feed = await world.feed("https://paid.example/rss?token=s3cr3t", "")
    async with world.db.begin() as conn:  # an untitled feed: its name is its URL
        await conn.execute(update(feeds).where(feeds.c.id == feed).values(title=None))
    await world.say("/subscribe https://paid.example/rss?token=s3cr3t")
    await world.route(await world.brief(feed, "Members' note"))
    [reason] = await _reasons(world)
    assert reason.kind == "feed" and "s3cr3t" not in reason.value and "paid.example" in \
        reason.value


async def test_a_dm_keeps_its_own_reason_and_rows_go_with_their_message(world: World) -> None:
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    await world.say("/subscribe all")
    await world.say("/subscribe #chips dm", user="u2", admin=False, dm=DM)
    await world.route(await world.brief(feed, "Chip prices fall", tags=["chips"]))
    assert await _reasons(world) == [Reason("all", "")]
    assert await _reasons(world, DM) == [Reason("tag", "chips")]
    async with world.db.begin() as conn:
        await conn.execute(delete(outbox))
        assert (await reason_store.of_rows(conn, [1, 2])) == {1: [], 2: []}


async def test_find_sent_matches_whole_ids_where_asked(world: World) -> None:
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    await world.say("/subscribe all")
    await world.route(await world.brief(feed, "One"))
    await world.delivered()
    [row] = await world.rows(CHANNEL)
    async with world.db.begin() as conn:  # a message posted in two parts
        await outbox_store.mark_sent(conn, row.id, ["1234", "5678"], now=world.now)
        found = await reason_store.find_sent(conn, CHANNEL, "5678")
        assert found is not None and found.outbox_id == row.id and not found.digest
        assert found.destination.ref == CHANNEL
        assert await reason_store.find_sent(conn, "test:", "1234") is not None  # by prefix
        for where, message_id in ((CHANNEL, "123"), (CHANNEL, "34"), ("test:other", "1234"),
                                  ("other:", "1234"), (CHANNEL, ""), (CHANNEL, "%"),
                                  (CHANNEL, '1234", "5678')):
            assert await reason_store.find_sent(conn, where, message_id) is None, message_id


async def test_the_footer_is_set_from_the_configuration_and_kept_unless_it_says(
        world: World) -> None:
    async with world.db.begin() as conn:
        [row] = await dest_store.sync_destinations(
            conn, [DestinationSettings(ref="console:", why_footer=True)], now=world.now)
    assert row.why_footer
    assert not (await world.say("/settings why off", where="console:")).error
    async with world.db.begin() as conn:
        [row] = await dest_store.sync_destinations(
            conn, [DestinationSettings(ref="console:")], now=world.now)
    assert not row.why_footer  # /settings changed it; a file that does not say keeps that


async def test_routing_keeps_a_reason_without_looking_its_row_up_again(world: World) -> None:
    """issue 26: the reason goes in with the id the outbox insert returned; the row is not
    read back by its key for every brief and destination."""
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    assert not (await world.say("/subscribe #openai")).error
    brief_id = await world.brief(feed, "OpenAI ships a model", tags=["openai"])
    statements: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(" ".join(statement.split()))

    event.listen(world.db.engine.sync_engine, "before_cursor_execute", seen)
    try:
        assert await world.route(brief_id) == 1
    finally:
        event.remove(world.db.engine.sync_engine, "before_cursor_execute", seen)
    assert await _reasons(world) == [Reason("tag", "openai")]
    assert not [s for s in statements if s.startswith("SELECT outbox.id FROM outbox")], statements
