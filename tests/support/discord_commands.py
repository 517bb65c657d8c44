"""Discord slash commands against the fake Discord: the ``fake``, ``adapter`` and ``core``
fixtures and helpers to build and send an interaction."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest

from adapters.discord import make_adapter
from adapters.discord.bot import DiscordAdapter
from bot.delivery import CommandReply, CommandRequest
from tests.support.fake_discord import APP_ID, BOT_TOKEN, FakeDiscord, fake  # noqa: F401  (fixture)

GUILD = "222222222222222222"


CHANNEL = "333333333333333333"


USER = "444444444444444444"


_ids = itertools.count(555555555555555555)


class Core:
    """Plays the command core: records requests, answers what the test sets, and enforces
    admin-only commands from ``is_admin`` as the real core does."""

    def __init__(self) -> None:
        self.requests: list[CommandRequest] = []
        self.reply = CommandReply(text="ok")
        self.admin_only = {"feeds"}

    async def __call__(self, request: CommandRequest) -> CommandReply:
        self.requests.append(request)
        if request.command in self.admin_only and not request.is_admin:
            return CommandReply(text="Only server admins can manage feeds here.", error=True)
        return self.reply


async def _suggest(kind: str, prefix: str, server: str | None) -> list[str]:
    # feeds are offered only for the asking guild (issue 13.2): the adapter must say which
    feeds = ["ai-weekly", "bbc"] if server == GUILD else ["another-guilds-feed"]
    pool = {"tag": ["ai", "ai-safety", "chips", "x" * 101], "feed": feeds}
    return [s for s in pool[kind] if s.startswith(prefix)]



@pytest.fixture
def core() -> Core:
    return Core()


@pytest.fixture
async def adapter(fake: FakeDiscord, core: Core) -> AsyncIterator[DiscordAdapter]:
    adapter = make_adapter(token=BOT_TOKEN, api_base_url=fake.api_base, connect_gateway=False,
                           suggest=_suggest)
    await adapter.start(core)
    yield adapter
    await adapter.stop()


def payload(name: str, options: list[dict[str, Any]] | None = None, *, admin: bool = False,
            dm: bool = False, kind: int = 2) -> dict[str, Any]:
    """A raw INTERACTION_CREATE payload as Discord sends it (application command or
    autocomplete), for a member with or without Manage Server."""
    user = {"id": USER, "username": "reader", "discriminator": "0", "global_name": "Reader",
            "avatar": None}
    data: dict[str, Any] = {
        "id": str(next(_ids)), "application_id": APP_ID, "type": kind,
        "token": f"itoken-{next(_ids)}", "version": 1, "locale": "ko",
        "data": {"id": str(next(_ids)), "name": name, "type": 1, "options": options or []},
        "app_permissions": "2251799813685247", "entitlements": [],
        "authorizing_integration_owners": {"0": GUILD}, "attachment_size_limit": 8388608,
    }
    if dm:
        data.update(channel_id=CHANNEL, user=user, context=1,
                    channel={"id": CHANNEL, "type": 1, "recipients": [user]})
    else:
        # Manage Server + View Channel, or View Channel + Send Messages only
        perms = (1 << 5) | (1 << 10) if admin else (1 << 10) | (1 << 11)
        data.update(
            guild_id=GUILD, channel_id=CHANNEL, guild_locale="en-US", context=0,
            channel={"id": CHANNEL, "type": 0, "guild_id": GUILD, "name": "news",
                     "position": 0, "permission_overwrites": [], "nsfw": False},
            member={"user": user, "roles": [], "joined_at": "2024-01-01T00:00:00+00:00",
                    "deaf": False, "mute": False, "flags": 0, "permissions": str(perms)})
    return data


def opt(name: str, value: Any, *, focused: bool = False) -> dict[str, Any]:
    option: dict[str, Any] = {"name": name, "type": 3, "value": value}
    if focused:
        option["focused"] = True
    return option


async def invoke(adapter: DiscordAdapter, raw: dict[str, Any]) -> discord.Interaction:
    assert adapter.client is not None and adapter.tree is not None
    interaction: discord.Interaction = discord.Interaction(
        data=raw, state=adapter.client._connection)  # type: ignore[arg-type]
    await adapter.tree._call(interaction)
    return interaction


def sub(name: str, *options: dict[str, Any]) -> list[dict[str, Any]]:
    """A subcommand option (``/feeds add …``) of an interaction payload."""
    return [{"name": name, "type": 1, "options": list(options)}]
