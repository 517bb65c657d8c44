"""/feeds test: an admin asks for one marked sample brief in this channel, and it is posted
through the outbox and the real delivery path, like any brief."""

from __future__ import annotations

from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)


async def test_an_admin_gets_one_marked_test_message_here(world: World) -> None:
    refused = await world.say("/feeds test", admin=False)
    assert refused.error and "admin" in refused.text
    asked = await world.say("/feeds test")
    assert not asked.error and "on its way" in asked.text
    again = await world.say("/feeds test")  # the same minute: not twice
    assert again.error and "less than a minute ago" in again.text
    assert await world.delivered(CHANNEL) == ["TEST MESSAGE from newsbrief"]
    [posted] = world.platform.deliveries
    assert posted.message.digest is not None
    [section] = posted.message.digest.sections
    assert section.briefs[0].headline.startswith("TEST MESSAGE")
