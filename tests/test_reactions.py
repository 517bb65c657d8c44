"""Reactions as feedback: 🔕 mutes a brief's top tag (the channel's, when an admin reacts; else
the reacting user's DM subscriptions), 👍 / 👎 are counted per feed and tag in /feeds status.
Through the reaction core, then from the fake Discord gateway and a signed Slack event."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from adapters.discord import make_adapter as make_discord
from adapters.slack import SlackAdapter
from bot.commands.reactions import ReactionCore
from bot.delivery import Destination, Reaction
from bot.store import feeds as feed_store
from tests.support.discord_gateway import GUILDS_INTENT, eventually
from tests.support.fake_discord import (
    BOT_TOKEN,
    GUILD_ID,
    OWNER,
    TEXT_CHANNEL_ID,
    FakeDiscord,
    served,
)
from tests.support.fake_slack import TEAM, FakeSlack
from tests.support.slack_commands import (  # noqa: F401  (fixtures)
    Core,
    fake,
    running,
    signed,
    until,
)
from tests.support.world import (  # noqa: F401  (fixtures)
    CHANNEL,
    World,
    migrated_template_fixture,
    world_fixture,
)

pytestmark = pytest.mark.usefixtures("pass_database")  # stores: runs in the PostgreSQL pass too

DM = "test:dm-u2"


async def _posted(world: World, feed: int, title: str, tags: list[str]) -> str:
    """Route and deliver a brief; the platform's id of the message it became."""
    await world.route(await world.brief(feed, title, tags=tags))
    await world.delivered()
    return world.platform.deliveries[-1].message_id


async def test_admin_mute_stops_the_top_tag_in_the_channel(world: World) -> None:
    core = ReactionCore(db=world.db, clock=lambda: world.now)
    feed = await world.feed("https://tech.example/rss", "Tech")
    await world.say("/subscribe all")
    message = await _posted(world, feed, "Chips and AI", ["ai", "chips"])
    assert await core.handle(Reaction("👀", message, "u1", Destination(CHANNEL))) == \
        "ignored:emoji"
    assert await core.handle(Reaction("🔕", "nope", "u1", Destination(CHANNEL),
                                      is_admin=True)) == "ignored:not_a_brief"
    assert await core.handle(Reaction("🔕", message, "u1", Destination(CHANNEL),
                                      is_admin=True)) == f"muted:{CHANNEL}:ai"
    assert "excluding tag ai" in (await world.say("/subscriptions")).text
    assert await world.route(await world.brief(feed, "More AI", tags=["ai"])) == 0
    assert await world.route(await world.brief(feed, "Chips only", tags=["chips"])) == 1


async def test_members_mute_only_their_own_dm_subscriptions(world: World) -> None:
    core = ReactionCore(db=world.db, clock=lambda: world.now)
    feed = await world.feed("https://tech.example/rss", "Tech")
    await world.say("/subscribe all")
    message = await _posted(world, feed, "AI news", ["ai"])
    member = Reaction("🔕", message, "u2", Destination(CHANNEL), dm=Destination(DM))
    assert await core.handle(member) == "ignored:no_subscriptions"  # nothing of theirs to mute
    await world.say("/subscribe all dm", user="u2", admin=False, dm=DM)
    assert await core.handle(member) == f"muted:{DM}:ai"
    assert "excluding tag ai" in (await world.say("/subscriptions dm", user="u2", dm=DM)).text
    assert "excluding tag ai" not in (await world.say("/subscriptions")).text  # the channel's stay


async def test_votes_are_counted_once_per_user_per_feed_and_tag(world: World) -> None:
    core = ReactionCore(db=world.db, clock=lambda: world.now)
    feed = await world.feed("https://tech.example/rss", "Tech")
    async with world.db.begin() as conn:  # this channel's own feed, as /feeds add makes it
        await feed_store.link_server(conn, feed, CHANNEL, now=world.now)
    await world.say("/subscribe all")
    first = await _posted(world, feed, "AI news", ["ai", "chips"])
    second = await _posted(world, feed, "More AI", ["ai"])
    where = Destination(CHANNEL)
    assert await core.handle(Reaction("👍", first, "u1", where)) == "voted"
    assert await core.handle(Reaction("👍\ufe0f", first, "u1", where)) == \
        "ignored:already_voted"
    assert await core.handle(Reaction("👎", first, "u2", where)) == "voted"
    assert await core.handle(Reaction("👍", second, "u2", where)) == "voted"
    status = (await world.say("/feeds status", admin=False)).text
    assert "Reactions by feed and tag:" in status
    assert "• Tech #ai: 👍 2  👎 1" in status and "• Tech #chips: 👍 1  👎 1" in status
    # another channel (with no server: a scope of its own) sees neither the feed nor its votes
    elsewhere = (await world.say("/feeds status", where="discord:999999999999999999",
                                 admin=False)).text
    assert "Reactions by feed and tag:" not in elsewhere and "Tech" not in elsewhere


# -- from the platforms --------------------------------------------------------------------------

class Recorder:
    def __init__(self) -> None:
        self.seen: list[Reaction] = []

    async def __call__(self, reaction: Reaction) -> str:
        self.seen.append(reaction)
        return "recorded"


@pytest.fixture
async def discord_fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    async with served(monkeypatch, gateway=True) as server:
        yield server


def _reaction_event(user: dict[str, Any], emoji: str) -> dict[str, Any]:
    return {"user_id": user["id"], "channel_id": TEXT_CHANNEL_ID,
            "message_id": "910000000000000077", "guild_id": GUILD_ID,
            "emoji": {"id": None, "name": emoji}, "burst": False,
            "type": 0, "member": {"user": user, "roles": [], "joined_at":
                                  "2024-01-01T00:00:00+00:00", "deaf": False, "mute": False,
                                  "flags": 0}}


async def test_discord_gateway_reactions_reach_the_core(discord_fake: FakeDiscord) -> None:
    adapter = make_discord(token=BOT_TOKEN, api_base_url=discord_fake.api_base)
    recorder = Recorder()
    adapter.on_reaction = recorder

    async def no_commands(request: Any) -> Any:
        raise AssertionError("no command expected")

    await adapter.start(no_commands)
    try:
        session = await eventually(discord_fake.live_session, "IDENTIFY")
        assert session.identify is not None and session.identify["intents"] == GUILDS_INTENT
        await eventually(lambda: adapter.ready, "READY")
        member = {"id": "910000000000000055", "username": "reader", "discriminator": "0",
                  "avatar": None}
        await discord_fake.dispatch("MESSAGE_REACTION_ADD", _reaction_event(member, "👀"))
        await discord_fake.dispatch("MESSAGE_REACTION_ADD", _reaction_event(OWNER, "🔕"))
        await discord_fake.dispatch("MESSAGE_REACTION_ADD", _reaction_event(member, "🔕"))
        await eventually(lambda: len(recorder.seen) >= 2, "two reactions")
        owner, reader = recorder.seen
        assert (owner.emoji, owner.message_id, owner.user, owner.is_admin, owner.dm) == (
            "🔕", "910000000000000077", OWNER["id"], True, None)
        assert owner.where == Destination(f"discord:{TEXT_CHANNEL_ID}")
        assert not reader.is_admin and reader.dm is not None  # its DM, opened over REST
        assert reader.dm.ref == f"discord:{int(member['id']) + 1}"
    finally:
        await adapter.stop()


async def test_slack_reaction_event_reaches_the_core(
        fake: FakeSlack, running: tuple[SlackAdapter, Core]) -> None:
    adapter, _ = running
    recorder = Recorder()
    adapter.on_reaction = recorder
    url = f"http://127.0.0.1:{adapter.server.port}/slack/events"
    async with aiohttp.ClientSession() as session:
        for user, name in (("UPLAIN", "eyes"), ("UADMIN", "no_bell"),
                           ("UPLAIN", "+1::skin-tone-3")):
            body = json.dumps({
                "token": "legacy", "team_id": TEAM, "api_app_id": "A1", "type": "event_callback",
                "event_id": f"Ev{user}{name}", "event_time": int(time.time()),
                "event": {"type": "reaction_added", "user": user, "reaction": name,
                          "item_user": "UBOT", "event_ts": "1.2",
                          "item": {"type": "message", "channel": "C100", "ts": "1700.000100"}}})
            headers = {**signed(body), "Content-Type": "application/json"}
            async with session.post(url, data=body.encode(), headers=headers) as response:
                assert response.status == 200
    await until(lambda: len(recorder.seen) >= 2)
    mute, vote = recorder.seen
    assert (mute.emoji, mute.is_admin, mute.message_id, mute.where.ref) == (
        "🔕", True, "1700.000100", f"slack:{TEAM}/C100")
    assert (vote.emoji, vote.is_admin, vote.user) == ("👍", False, "UPLAIN")
    assert vote.dm == Destination(f"slack:{TEAM}/UPLAIN")


async def test_a_reaction_on_a_forum_post_is_the_forums(discord_fake: FakeDiscord) -> None:
    """A brief posted to a forum is its post's first message, whose id is the thread's: the
    reaction comes from the thread, the brief's destination is the forum."""
    forum, post = "920000000000000001", "920000000000000002"
    discord_fake.add_forum(forum, ["ai"])
    discord_fake.add_thread(post, forum, owner=discord_fake.bot_id)
    adapter = make_discord(token=BOT_TOKEN, api_base_url=discord_fake.api_base)
    recorder = Recorder()
    adapter.on_reaction = recorder

    async def no_commands(request: Any) -> Any:
        raise AssertionError("no command expected")

    await adapter.start(no_commands)
    try:
        await eventually(lambda: adapter.ready, "READY")
        await discord_fake.dispatch("MESSAGE_REACTION_ADD", {
            **_reaction_event(OWNER, "👍"), "channel_id": post, "message_id": post})
        await eventually(lambda: recorder.seen, "the reaction")
        [vote] = recorder.seen
        assert (vote.where, vote.message_id) == (Destination(f"discord:{forum}"), post)
    finally:
        await adapter.stop()
