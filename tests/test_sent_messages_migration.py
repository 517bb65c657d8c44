"""Migration 0016_sent_messages: the platform message ids of rows sent before it are copied
into ``sent_messages``, so ``/why`` and a reaction still find a message posted before the
upgrade. Sent with today's code, taken back to 0015 (which drops the table), then upgraded."""

from __future__ import annotations

import asyncio

from alembic import command

from bot.store import reactions as reaction_store
from bot.store import reasons as reason_store
from bot.store.db import alembic_config, upgrade
from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)


async def test_messages_sent_before_the_migration_are_still_found(world: World) -> None:
    feed = await world.feed("https://tech.example/rss", "Tech Daily")
    await world.say("/subscribe all")
    for n in range(3):
        await world.route(await world.brief(feed, f"Story {n}"))
    await world.delivered()
    sent = {int(row.id): [str(m) for m in row.message_ids] for row in await world.rows(CHANNEL)}
    assert len(sent) == 3 and all(sent.values())
    url = world.db.engine.url.render_as_string(hide_password=False)
    await world.db.engine.dispose()  # alembic opens its own connection
    await asyncio.to_thread(command.downgrade, alembic_config(url), "0015_delivery_reasons")
    await asyncio.to_thread(upgrade, url)
    async with world.db.read() as conn:
        for outbox_id, ids in sent.items():
            for message_id in ids:
                found = await reason_store.find_sent(conn, CHANNEL, message_id)
                assert found is not None and found.outbox_id == outbox_id
                posted = await reaction_store.find_posted(conn, CHANNEL, message_id)
                assert posted is not None and posted.outbox_id == outbox_id
        assert await reason_store.find_sent(conn, CHANNEL, "no-such-message") is None
