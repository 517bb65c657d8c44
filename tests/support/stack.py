"""The whole bot against the fake Discord and Slack servers: the real command core, routing, the
outbox worker and both real adapters, sharing one frozen clock. Used by the feature contract
tests: a conversation through the core, then what reached each fake platform."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import update

from adapters.discord import make_adapter as make_discord
from adapters.discord.bot import DiscordAdapter
from adapters.slack import SlackAdapter, SlackSettings
from adapters.slack import make_adapter as make_slack
from bot.delivery import CommandReply, CommandRequest, Destination, Pacing
from bot.outbox.worker import OutboxWorker
from bot.store import Database
from bot.store.schema import entries
from tests.support.fake_discord import BOT_TOKEN, FakeDiscord, served
from tests.support.fake_slack import TEAM, TOKEN, FakeSlack
from tests.support.world import World

DISCORD_CHANNEL = "333333333333333333"
DISCORD = f"discord:{DISCORD_CHANNEL}"
SLACK_CHANNEL = "C100"
SLACK = f"slack:{TEAM}/{SLACK_CHANNEL}"


class Stack(World):
    """``World`` whose outbox delivers through the real Discord and Slack adapters."""

    def __init__(self, db: Database, discord_fake: FakeDiscord, slack_fake: FakeSlack) -> None:
        super().__init__(db)
        self.discord_fake = discord_fake
        self.slack_fake = slack_fake
        self.discord: DiscordAdapter = make_discord(
            token=BOT_TOKEN, api_base_url=discord_fake.api_base, connect_gateway=False)
        self.slack: SlackAdapter = make_slack(SlackSettings(
            bot_token=TOKEN, api_base_url=slack_fake.api_url, serve=False, min_interval=0.0))
        # the clock is frozen: per-destination pacing would wait for time that never passes
        self.discord.pacing = self.slack.pacing = Pacing(rate=1000.0, burst=1000)
        # and so would Discord's global 50-a-second pacing (shared by every channel)
        self.discord.platform_pacing = Pacing(rate=1000.0, burst=1000)
        self.worker = OutboxWorker(db=db, adapters={"discord": self.discord,
                                                    "slack": self.slack},
                                   worker_id="w1", clock=lambda: self.now)

    async def start(self) -> None:
        await self.discord.start(self.core.handle)
        await self.slack.start(self.core.handle)

    async def stop(self) -> None:
        await self.discord.stop()
        await self.slack.stop()

    async def ask(self, text: str, *, where: str = DISCORD, user: str = "u1",
                  admin: bool = True, locale: str | None = None) -> CommandReply:
        """A command as the adapters hand it to the core."""
        name, _, args = text.strip().lstrip("/").partition(" ")
        request = CommandRequest(command=name, args=args.strip(), user=user,
                                 where=Destination(where), is_admin=admin, locale=locale)
        return await self.core.handle(request)

    async def deliver(self) -> None:
        while await self.worker.run_once():
            pass

    def discord_posts(self) -> list[dict[str, object]]:
        return self.discord_fake.sent("POST", f"/channels/{DISCORD_CHANNEL}/messages")

    def slack_posts(self) -> list[dict[str, object]]:
        return [p for p in self.slack_fake.posts if p.get("channel") == SLACK_CHANNEL]

    async def set_entry(self, brief_id: int, **values: object) -> None:
        """Give the entry behind a brief fields ``World.brief`` does not set (author, ...)."""
        from bot.store.schema import briefs
        async with self.db.begin() as conn:
            entry_id = (await conn.execute(
                briefs.select().where(briefs.c.id == brief_id))).one().entry_id
            await conn.execute(update(entries).where(entries.c.id == entry_id).values(**values))


@pytest.fixture(name="stack")
async def stack_fixture(world: World, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Stack]:
    """On the database of the ``world`` fixture (which migrates and closes it)."""
    slack_fake = await FakeSlack().start()
    async with served(monkeypatch) as discord_fake:
        stack = Stack(world.db, discord_fake, slack_fake)
        await stack.start()
        try:
            yield stack
        finally:
            await stack.stop()
            await slack_fake.stop()
    assert slack_fake.violations == []
