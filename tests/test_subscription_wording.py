"""What chat says about exclusions (issue 24.4): "Excluding not keyword “crypto” (instant)"
read twice negated and named a mode an exclusion ignores (it wins in either mode)."""

from __future__ import annotations

import pytest

from tests.support.world import (  # noqa: F401  (fixtures)
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too


async def test_an_exclusion_is_told_once_negated_and_without_a_mode(world: World) -> None:
    added = await world.say("/subscribe -crypto")
    assert not added.error
    assert added.text == "From now on test:general gets no story that matches keyword “crypto”."
    again = await world.say("/subscribe not crypto")
    assert again.text == "test:general already excludes keyword “crypto”."
    assert not (await world.say("/subscribe #ai")).error
    listed = (await world.say("/subscriptions")).text.splitlines()
    assert "• excluding keyword crypto" in listed and "• tag ai (instant)" in listed
    removed = await world.say("/unsubscribe -crypto")
    assert removed.text == "test:general no longer excludes keyword “crypto”."
    gone = await world.say("/unsubscribe -crypto")
    assert gone.error and gone.text == "test:general does not exclude keyword “crypto”."
    everything = await world.say("/subscribe -all")
    assert everything.error and "would stop every post here" in everything.text
