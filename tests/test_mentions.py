"""Opt-in role mentions: an admin attaches a Discord role or a Slack user group to one
subscription; a matching brief mentions exactly that, and feed text still pings nobody."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import select

from adapters.discord.bot import DiscordAdapter
from adapters.discord.escape import live_mentions
from adapters.slack.mentions import mention_block
from bot.config import DestinationSettings, SubscriptionSettings
from bot.store import destinations as dest_store
from bot.store.schema import outbox
from tests.support.discord_commands import (  # noqa: F401  (fixtures)
    Core,
    adapter,
    core,
    fake,
    invoke,
    opt,
    payload,
)
from tests.support.fake_discord import FakeDiscord
from tests.support.stack import (  # noqa: F401  (fixtures)
    DISCORD,
    SLACK,
    Stack,
    stack_fixture,
)
from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

ROLE = "123456789012345678"
HOSTILE = ("@everyone <@&999999999999999999> <@111111111111111111> @here <!channel> "
           "<!subteam^S0EVIL>")


async def test_only_admins_attach_a_role_and_only_to_a_channel(world: World) -> None:
    refused = await world.say(f"/subscribe #security role:{ROLE}", admin=False)
    assert refused.error and "admin" in refused.text
    in_dm = await world.say(f"/subscribe #security dm role:{ROLE}", dm="test:dm-u1")
    assert in_dm.error and "direct message" in in_dm.text
    bad = await world.say("/subscribe #security role:<@&1>")
    assert bad.error and "not a role id" in bad.text
    excluded = await world.say(f"/subscribe -#security role:{ROLE}")
    assert excluded.error and "mentions nobody" in excluded.text
    ok = await world.say(f"/subscribe #security role:{ROLE}")
    assert not ok.error and f"mentioning role:{ROLE}" in ok.text
    assert f"mentions role:{ROLE}" in (await world.say("/subscriptions")).text


async def test_a_matching_brief_carries_the_role_and_others_do_not(world: World) -> None:
    feed = await world.feed("https://sec.example/rss", "Sec")
    await world.say(f"/subscribe #security role:{ROLE}")
    await world.say("/subscribe #ai")
    urgent = await world.brief(feed, "Zero-day in the wild", tags=["security"])
    calm = await world.brief(feed, "New model released", tags=["ai"])
    assert await world.route(urgent) == 1 and await world.route(calm) == 1
    await world.delivered()
    sent = {d.message.brief.headline: d.message.mention for d in world.platform.deliveries
            if d.message.brief}
    assert sent == {"Zero-day in the wild": ROLE, "New model released": None}
    # role:none detaches it: the next matching brief pings nobody
    assert "mentioning nobody" in (await world.say("/subscribe #security role:none")).text
    later = await world.brief(feed, "Patch out now", tags=["security"])
    await world.route(later)
    async with world.db.begin() as conn:
        mentions = [r.mention for r in await conn.execute(select(outbox).order_by(outbox.c.id))]
    assert mentions == [ROLE, None, None]


def test_configured_mention_must_be_a_bare_id() -> None:
    assert SubscriptionSettings(kind="tag", value="x", mention="S0SEC").mention == "S0SEC"
    for bad in ("<!subteam^S0SEC>", "<@&1>", "@here", "x" * 33):
        with pytest.raises(ValidationError):
            SubscriptionSettings(kind="tag", value="x", mention=bad)


async def test_discord_pings_exactly_the_role_and_feed_text_nobody(stack: Stack) -> None:
    feed = await stack.feed("https://sec.example/rss", "Sec")
    assert not (await stack.ask(f"/subscribe #security role:{ROLE}")).error
    assert not (await stack.ask("/subscribe #ai")).error
    for brief in (await stack.brief(feed, f"Zero-day {HOSTILE}", tags=["security"],
                                    points=[HOSTILE]),
                  await stack.brief(feed, f"Model {HOSTILE}", tags=["ai"], points=[HOSTILE])):
        await stack.route(brief)
    await stack.deliver()
    urgent, calm = stack.discord_posts()
    assert urgent["content"] == f"<@&{ROLE}>"
    assert urgent["allowed_mentions"] == {"parse": [], "roles": [ROLE]}
    assert live_mentions(json.dumps(urgent["embeds"], ensure_ascii=False)) == []
    assert "content" not in calm and calm["allowed_mentions"] == {"parse": []}
    assert live_mentions(json.dumps(calm, ensure_ascii=False)) == []
    # the fake checks every body too: one live mention, the allowed role, in content only


async def test_slack_pings_the_configured_group_and_feed_text_nobody(stack: Stack) -> None:
    stack.slack_fake.allowed_subteams.add("S0SEC")
    async with stack.db.begin() as conn:
        await dest_store.sync_destinations(conn, [DestinationSettings(
            ref=SLACK, subscriptions=[
                SubscriptionSettings(kind="tag", value="security", mention="S0SEC"),
                SubscriptionSettings(kind="tag", value="ai")])], now=stack.now)
    feed = await stack.feed("https://sec.example/rss", "Sec")
    for brief in (await stack.brief(feed, f"Zero-day {HOSTILE}", tags=["security"],
                                    points=[HOSTILE]),
                  await stack.brief(feed, f"Model {HOSTILE}", tags=["ai"], points=[HOSTILE])):
        await stack.route(brief)
    await stack.deliver()
    urgent, calm = stack.slack_posts()
    assert urgent["blocks"][0] == mention_block("S0SEC")
    body = json.dumps(urgent)
    assert body.count("<!subteam^") == 1 and "<!subteam^S0EVIL" not in body
    assert "<!" not in json.dumps(calm) and "<@" not in json.dumps(calm)


def _with_role(raw: dict[str, Any]) -> dict[str, Any]:
    raw["data"]["resolved"] = {"roles": {ROLE: {
        "id": ROLE, "name": "security-watch", "color": 0, "hoist": False, "position": 1,
        "permissions": "0", "managed": False, "mentionable": True, "flags": 0}}}
    return raw


async def test_discord_role_option_reaches_the_core_as_its_id(
        fake: FakeDiscord, adapter: DiscordAdapter, core: Core) -> None:
    raw = _with_role(payload("subscribe", [opt("target", "security"),
                                           {"name": "role", "type": 8, "value": ROLE}],
                             admin=True))
    await invoke(adapter, raw)
    [request] = core.requests
    assert request.command == "subscribe" and request.args == f"security role:{ROLE}"
